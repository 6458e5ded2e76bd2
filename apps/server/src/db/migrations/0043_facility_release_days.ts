import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { rebuildFacilityDays } from '../../modules/reports/aggregates/aggregates.repo.ts';
import {
  dropFacilityDaysTriggers,
  facilityDaysTriggers,
} from '../../modules/reports/aggregates/facility-days-sql.ts';

// Issue 13: a facility's releases (facility_releases) of a period not computed ahead read every release event
// of the country (~73 ms SQLite, ~220 ms PostgreSQL). They are kept in agg_facility_days (0041) as one more kind,
// 'release' (facts/facility.ts FACILITY_DAY_KINDS): the triggers of 0041 hold the kinds as they were, so they
// are made again with this one, and the kept days are refilled. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const run = (text: string) => sql.raw(text).execute(db);
  for (const text of dropFacilityDaysTriggers(sqlite)) await run(text);
  for (const text of facilityDaysTriggers(sqlite)) await run(text);
  await rebuildFacilityDays(db);
  await run('analyze agg_facility_days');
}
