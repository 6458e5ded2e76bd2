import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { rebuildFacilityDays } from '../../modules/reports/aggregates/aggregates.repo.ts';
import { facilityDaysTriggers } from '../../modules/reports/aggregates/facility-days-sql.ts';

// Dated per-facility event days kept by the writes (issue 13: a national period not computed ahead counted
// every health check, term reduction, handover… of the period, joined to its facility, admission and person).
// What they hold and how a figure reads them: modules/reports/aggregates/facility-days-sql.ts. Kept by triggers
// (one definition per dialect, the same statements), so every writer keeps them, and filled from the existing
// records here. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const run = (text: string) => sql.raw(text).execute(db);
  // Keyed by person first: a resident who moves takes their rows (a few) with them.
  await run(`create table agg_facility_days (
    kind text not null,
    person_id text not null,
    facility_id text not null,
    day text not null,
    n integer not null,
    prev_day text,
    province_code text not null,
    commune_code text not null,
    primary key (person_id, facility_id, kind, day))${sqlite ? ' without rowid' : ''}`);
  // A kind's days of a period with their cells and persons, from the index alone.
  await run(`create index agg_facility_days_range on agg_facility_days
    (kind, day, prev_day, province_code, commune_code, facility_id, person_id, n)`);
  for (const text of facilityDaysTriggers(sqlite)) await run(text);
  await rebuildFacilityDays(db);
  await run('analyze agg_facility_days');
}
