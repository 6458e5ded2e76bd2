import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app-deps.ts';
import { prepare } from '../../bootstrap.ts';
import { createTestDeps, UNITS } from '../../test/test-app.ts';
import { peopleRepo } from './people.repo.ts';

// Unit names kept in memory (unit-names.ts) on two servers of one database: a rename through A is in A's names at
// once and in B's after its next read of the shared table versions (at most a second later).
let a: { deps: AppDeps; cleanup: () => Promise<void> };
let b: AppDeps;
beforeAll(async () => {
  a = await createTestDeps();
  b = await prepare({ ...a.deps.config });
});
afterAll(async () => {
  await b?.database.close();
  await a?.cleanup();
});

const nameOn = async (deps: AppDeps) =>
  (await peopleRepo.unitNames(deps.database.db, [UNITS.baDinh])).get(`commune:${UNITS.baDinh}`);

describe('unit names kept in memory', () => {
  it('shows a rename on the server that made it at once, and on another within about a second', async () => {
    const before = await nameOn(a.deps);
    expect(before).toBeTruthy();
    expect(await nameOn(b)).toBe(before);
    await a.deps.database.db
      .updateTable('units')
      .set({ name: 'Phường Đổi Tên' })
      .where('code', '=', UNITS.baDinh)
      .where('valid_to', 'is', null)
      .execute();
    expect(await nameOn(a.deps)).toBe('Phường Đổi Tên');
    await new Promise((r) => setTimeout(r, 1100));
    expect(await nameOn(b)).toBe('Phường Đổi Tên');
    // Codes without a current unit are absent, as from the query.
    expect((await peopleRepo.unitNames(b.database.db, ['99999'])).size).toBe(0);
  });
});
