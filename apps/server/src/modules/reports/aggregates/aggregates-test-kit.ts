import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

// Shared by the aggregates' tests: the kept rows in a stable order, to compare with a rebuild from the records
// (`rebuildAggregates`). Not a test file itself.

/**
 * agg_person_steps (people with a step), agg_status_months (net per key), the checkpoints of the listed days
 * (those of the table, or `checkpointDays`) and agg_person_days.
 */
export async function keptSnapshot(db: Kysely<DB>, checkpointDays?: string[]) {
  const listed =
    checkpointDays ??
    (await db.selectFrom('agg_status_checkpoint_days').select('day').execute()).map((r) => r.day);
  const checkpoints = listed.length
    ? (
        await db
          .selectFrom('agg_status_day_checkpoints')
          .selectAll()
          .where('day', 'in', listed)
          .where('n', '<>', 0)
          .orderBy('day')
          .orderBy('status')
          .orderBy('province_code')
          .orderBy('commune_code')
          .orderBy('facility_id')
          .execute()
      ).map((c) => ({ ...c, n: Number(c.n) }))
    : [];
  const steps = await db
    .selectFrom('agg_person_steps')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('addicted_on', 'is not', null),
        eb('tested_on', 'is not', null),
        eb('counselled_on', 'is not', null),
        eb('treated_on', 'is not', null),
      ]),
    )
    .orderBy('person_id')
    .execute();
  const { rows: months } = await sql<{ k: string; n: string | number }>`
    select province_code || '|' || commune_code || '|' || facility_id || '|' || status || '|' || month as k,
      sum(delta) as n
    from agg_status_months group by province_code, commune_code, facility_id, status, month
    having sum(delta) <> 0 order by 1`.execute(db);
  const days = await db
    .selectFrom('agg_person_days')
    .selectAll()
    .orderBy('stream')
    .orderBy('person_id')
    .orderBy('day')
    .execute();
  return {
    steps,
    months: months.map((m) => `${m.k}=${Number(m.n)}`),
    listed: listed.sort(),
    checkpoints,
    days,
  };
}

/** agg_facility_days, with n as a number. */
export const keptFacilityDays = (d: Kysely<DB>) =>
  d
    .selectFrom('agg_facility_days')
    .selectAll()
    .orderBy('person_id')
    .orderBy('facility_id')
    .orderBy('kind')
    .orderBy('day')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })));
