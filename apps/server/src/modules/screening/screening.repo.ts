import type { Kysely, Selectable } from 'kysely';
import type {
  AddictionDeterminationTable,
  CounsellingSessionTable,
  DB,
  DrugTestTable,
} from '../../db/schema.ts';

export type DrugTestRow = Selectable<DrugTestTable>;
export type DeterminationRow = Selectable<AddictionDeterminationTable>;
export type CounsellingRow = Selectable<CounsellingSessionTable>;

export const screeningRepo = {
  insertTest: (db: Kysely<DB>, row: DrugTestRow) => db.insertInto('drug_tests').values(row).execute(),
  testsForPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('drug_tests')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('tested_on')
      .orderBy('created_at')
      .execute(),
  /** Date of the latest relapse (positive test during or after an episode), for the person's status. */
  latestRelapse: async (db: Kysely<DB>, personId: string) =>
    (
      await db
        .selectFrom('drug_tests')
        .select('tested_on')
        .where('person_id', '=', personId)
        .where('relapse', '=', 1)
        .orderBy('tested_on', 'desc')
        .limit(1)
        .executeTakeFirst()
    )?.tested_on ?? null,
  relapses: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('drug_tests')
      .select(['tested_on', 'during_episode_type'])
      .where('person_id', '=', personId)
      .where('relapse', '=', 1)
      .execute(),

  insertDetermination: (db: Kysely<DB>, row: DeterminationRow) =>
    db.insertInto('addiction_determinations').values(row).execute(),
  determinationsForPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('addiction_determinations')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('assessed_on')
      .orderBy('created_at')
      .execute(),
  /** The latest determination on or before a date (the one that speaks for the person then). */
  latestDetermination: (db: Kysely<DB>, personId: string, onOrBefore: string) =>
    db
      .selectFrom('addiction_determinations')
      .select(['assessed_on', 'addicted'])
      .where('person_id', '=', personId)
      .where('assessed_on', '<=', onOrBefore)
      .orderBy('assessed_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),

  insertCounselling: async (db: Kysely<DB>, row: CounsellingRow, personIds: string[]) => {
    await db.insertInto('counselling_sessions').values(row).execute();
    await db
      .insertInto('counselling_participants')
      .values(personIds.map((p) => ({ session_id: row.id, person_id: p })))
      .execute();
  },
  counsellingForPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('counselling_sessions as s')
      .innerJoin('counselling_participants as p', 'p.session_id', 's.id')
      .selectAll('s')
      .where('p.person_id', '=', personId)
      .orderBy('s.held_on')
      .orderBy('s.created_at')
      .execute(),
  participantCounts: async (db: Kysely<DB>, sessionIds: string[]) => {
    if (sessionIds.length === 0) return new Map<string, number>();
    const rows = await db
      .selectFrom('counselling_participants')
      .select(['session_id', (eb) => eb.fn.countAll().as('n')])
      .where('session_id', 'in', sessionIds)
      .groupBy('session_id')
      .execute();
    return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
  },
};
