import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A stored span of a person's status history (valid_to exclusive, null while it lasts). */
export type StatusHistoryRow = {
  status: string;
  facility_id: string | null;
  valid_from: string;
  valid_to: string | null;
};

// The facts a person's dated status is derived from, and the stored history (person_status_history).
export const statusHistoryRepo = {
  /** Addiction determinations in the order they were made (the latest by a date wins, as for today's status). */
  determinations: async (db: Kysely<DB>, personId: string) =>
    (
      await db
        .selectFrom('addiction_determinations')
        .select(['assessed_on', 'addicted'])
        .where('person_id', '=', personId)
        .orderBy('assessed_on')
        .orderBy('created_at')
        .execute()
    ).map((d) => ({ on: d.assessed_on, addicted: d.addicted === 1 })),
  relapseDates: async (db: Kysely<DB>, personId: string) =>
    (
      await db
        .selectFrom('drug_tests')
        .select('tested_on')
        .where('person_id', '=', personId)
        .where('relapse', '=', 1)
        .execute()
    ).map((t) => t.tested_on),
  /**
   * The earliest day a dated fact about the person was recorded for (a drug test, a determination, an episode,
   * counselling, a contact): a person recorded late is known from then.
   */
  firstFactOn: async (db: Kysely<DB>, personId: string): Promise<string | null> => {
    const { rows } = await sql<{ d: string | null }>`
      select min(x.d) as d from (
        select min(tested_on) as d from drug_tests where person_id = ${personId}
        union all select min(assessed_on) from addiction_determinations where person_id = ${personId}
        union all select min(start_date) from episodes where person_id = ${personId}
          and (outcome is null or outcome <> 'cancelled')
        union all select min(s.held_on) from counselling_participants cp
          join counselling_sessions s on s.id = cp.session_id where cp.person_id = ${personId}
        union all select min(contact_date) from community_contacts where person_id = ${personId}
      ) x`.execute(db);
    return rows[0]?.d ?? null;
  },
  stored: (db: Kysely<DB>, personId: string): Promise<StatusHistoryRow[]> =>
    db
      .selectFrom('person_status_history')
      .select(['status', 'facility_id', 'valid_from', 'valid_to'])
      .where('person_id', '=', personId)
      .orderBy('valid_from')
      .execute(),
  replace: async (db: Kysely<DB>, personId: string, rows: StatusHistoryRow[]) => {
    await db.deleteFrom('person_status_history').where('person_id', '=', personId).execute();
    if (rows.length)
      await db
        .insertInto('person_status_history')
        .values(rows.map((r) => ({ id: randomUUID(), person_id: personId, ...r })))
        .execute();
  },
  /**
   * Starts the history of people written in bulk without one (imports, generated test data): their stored status
   * from the day they were recorded. Returns how many people it started.
   */
  startUnrecorded: async (db: Kysely<DB>): Promise<number> => {
    const r = await sql`
      insert into person_status_history (id, person_id, status, facility_id, valid_from, valid_to)
      select p.id, p.id, p.status, p.current_facility_id, substr(p.created_at, 1, 10), null from people p
      where not exists (select 1 from person_status_history h where h.person_id = p.id)`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },
};
