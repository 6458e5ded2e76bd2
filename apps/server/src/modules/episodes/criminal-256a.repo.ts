import type { Kysely } from 'kysely';

// The queries of the Art. 256a recomputation. Typed `Kysely<any>`: migration 0023 runs it on its own handle.
export const criminal256aRepo = {
  positiveTestsFrom: (db: Kysely<any>, from: string) =>
    db
      .selectFrom('drug_tests')
      .select(['id', 'person_id', 'tested_on', 'reason', 'criminal_window', 'criminal_case'])
      .where('positive', '=', 1)
      .where('tested_on', '>=', from)
      .orderBy('person_id')
      .execute(),
  episodesOf: (db: Kysely<any>, personId: string) =>
    db
      .selectFrom('episodes')
      .select(['id', 'type', 'start_date', 'actual_end', 'planned_end', 'outcome'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .orderBy('id')
      .execute(),
  setCase: (db: Kysely<any>, testId: string, window: 0 | 1, json: string | null) =>
    db
      .updateTable('drug_tests')
      .set({ criminal_window: window, criminal_case: json })
      .where('id', '=', testId)
      .execute(),
};
