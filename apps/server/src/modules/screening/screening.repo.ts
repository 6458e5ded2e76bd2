import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowsOfPerson } from '../shared/record-queries.repo.ts';

export type DrugTestRow = Row<'drug_tests'>;
export type DeterminationRow = Row<'addiction_determinations'>;
export type CounsellingRow = Row<'counselling_sessions'>;

export const screeningRepo = {
  insertTest: (db: Kysely<DB>, row: DrugTestRow) => db.insertInto('drug_tests').values(row).execute(),
  testsForPerson: (db: Kysely<DB>, personId: string) =>
    rowsOfPerson(db, 'drug_tests', personId, ['tested_on', 'created_at']),
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
    rowsOfPerson(db, 'addiction_determinations', personId, ['assessed_on', 'created_at']),
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
