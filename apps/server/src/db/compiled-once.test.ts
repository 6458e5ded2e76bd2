import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.ts';
import { createTestDeps } from '../test/test-app.ts';
import { compiledOnce } from './compiled-once.ts';

// db/compiled-once.ts on the test database (SQLite, or PostgreSQL with DATABASE_URL): the remembered SQL with new
// values gives what the builder gives; a key that misses a shape of the query, or a value the query never places,
// fails under the tests instead of sending the wrong statement.
let t: { deps: AppDeps; cleanup: () => Promise<void> };
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(async () => t?.cleanup());

const units = (province: boolean) => (v: readonly unknown[]) => {
  const q = t.deps.database.db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('code', '=', v[0] as string);
  return province ? q.where('level', '=', 'province') : q;
};

describe('compiledOnce', () => {
  it('fills the remembered SQL with each call’s values', async () => {
    const { db } = t.deps.database;
    for (const code of ['01', '79', '01', 'none'])
      expect(await compiledOnce(db, 'test.units|province', [code], units(true))).toEqual(
        await units(true)([code]).execute(),
      );
    expect((await compiledOnce(db, 'test.units|province', ['79'], units(true))).length).toBe(1);
  });

  it('fails when the key misses a shape, or a value is not placed', async () => {
    const { db } = t.deps.database;
    await compiledOnce(db, 'test.units|same-key', ['01'], units(true));
    await expect(compiledOnce(db, 'test.units|same-key', ['01'], units(false))).rejects.toThrow(
      /misses a shape/,
    );
    await expect(
      compiledOnce(db, 'test.units|unplaced', ['01', 'unused'], (v) => units(true)(v.slice(0, 1))),
    ).rejects.toThrow(/not a parameter/);
  });
});
