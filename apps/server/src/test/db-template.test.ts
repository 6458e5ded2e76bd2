import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.ts';
import { createTestDeps } from './test-app.ts';

// Every other test file starts from a copy of the run's template (db-template.ts). Here the migrations run from
// an empty database, on SQLite or PostgreSQL (DATABASE_URL), and the result must be the template's exactly.
let scratch: { deps: AppDeps; cleanup: () => Promise<void> };
let copy: { deps: AppDeps; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await createTestDeps({}, { fromScratch: true });
  copy = await createTestDeps();
});
afterAll(async () => {
  await scratch?.cleanup();
  await copy?.cleanup();
});

async function shape(deps: AppDeps) {
  const db = deps.database.db;
  const migrations = (
    await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  ).rows.map((r) => r.name);
  const schema =
    deps.database.dialect === 'sqlite'
      ? (
          await sql<{
            s: string;
          }>`select type || ' ' || name || ': ' || coalesce(sql, '') as s from sqlite_master order by type, name`.execute(
            db,
          )
        ).rows.map((r) => r.s)
      : [
          ...(
            await sql<{ s: string }>`select table_name || '.' || column_name || ' ' || data_type || ' ' ||
              is_nullable || ' ' || coalesce(column_default, '') as s from information_schema.columns
              where table_schema = 'public' order by 1`.execute(db)
          ).rows.map((r) => r.s),
          ...(
            await sql<{
              s: string;
            }>`select indexdef as s from pg_indexes where schemaname = 'public' order by 1`.execute(db)
          ).rows.map((r) => r.s),
        ];
  const units = (
    await sql<{
      level: string;
      n: number | string;
    }>`select level, count(*) as n from units group by level order by level`.execute(db)
  ).rows.map((r) => `${r.level} ${Number(r.n)}`);
  return { migrations, schema, units };
}

describe('test database template', () => {
  it('equals a database migrated from empty, with the units loaded', async () => {
    const a = await shape(scratch.deps);
    const b = await shape(copy.deps);
    expect(a.migrations.length).toBeGreaterThan(30);
    expect(a.units).toContain('commune 3321');
    expect(b).toEqual(a);
  });
});
