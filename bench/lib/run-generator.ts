import { vnToday } from '@hoanhap/domain/pathway-rules';
import { sql } from 'kysely';
import type { AppDeps } from '../../apps/server/src/app-deps.ts';
import { hashPassword } from '../../apps/server/src/modules/identity/password.ts';
import { peopleRepo } from '../../apps/server/src/modules/people/people.repo.ts';
import { rebuildAggregates } from '../../apps/server/src/modules/reports/aggregates/aggregates.repo.ts';
import { type GenOptions, type GenStats, generate } from './generator.ts';
import { type BulkWriter, postgresWriter, sqliteWriter } from './writer.ts';

/** The one password of every generated account (fictional data only; see bench/README.md). */
export const BENCH_PASSWORD = process.env.BENCH_PASSWORD ?? 'HoaNhap-demo-2026';

/** Fills the (fresh, migrated) database of `deps` and runs ANALYZE. */
export async function fill(
  deps: AppDeps,
  target: { sqliteFile?: string; databaseUrl?: string },
  opts: Omit<GenOptions, 'passwordHash' | 'asOf'> & { asOf?: string; passwordHash?: string },
): Promise<GenStats> {
  const writer: BulkWriter = target.databaseUrl
    ? await postgresWriter(target.databaseUrl)
    : sqliteWriter(target.sqliteFile!);
  const passwordHash = opts.passwordHash ?? (await hashPassword(BENCH_PASSWORD));
  const stats = await generate(deps.database.db, writer, {
    ...opts,
    asOf: opts.asOf ?? vnToday(new Date()),
    passwordHash,
  });
  const t = performance.now();
  await writer.finish();
  const indexSeconds = (performance.now() - t) / 1000;
  await writer.close();
  // Statistics first: without them the planners pick an ordered scan of every addicted determination for each
  // person's first one (26 ms a person on PostgreSQL, hours at national scale) in the rebuild below.
  await sql`ANALYZE`.execute(deps.database.db);
  // The bulk load runs with the figure aggregates' triggers off (writer.ts): they are computed from its rows
  // once it is in (migration 0037).
  await rebuildAggregates(deps.database.db);
  // And the name search's vocabulary on PostgreSQL (migration 0039), whose trigger the replica mode skipped.
  await peopleRepo.rebuildNameWords(deps.database.db);
  // A database in use has been vacuumed by autovacuum; a bulk load just made has not. On PostgreSQL, VACUUM
  // sets the visibility map, without which no covering index is read alone (the aggregates' grids fetched
  // every row from their table: 3× slower). SQLite has no such map.
  await sql
    .raw(deps.database.dialect === 'postgres' ? 'VACUUM (ANALYZE)' : 'ANALYZE')
    .execute(deps.database.db);
  Object.assign(stats, { indexSeconds, analyzeSeconds: (performance.now() - t) / 1000 - indexSeconds });
  return stats;
}
