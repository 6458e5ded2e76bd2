import type { Kysely } from 'kysely';

// Found necessary by the national-scale benchmark (bench/README.md): the report engine's national and
// province figures (reports/blocks.repo.ts) scanned every person or every drug test to count those of a
// status or a period. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // People by status (the status blocks; the national count of one status: 1 s → 20-40 ms on SQLite).
  await db.schema
    .createIndex('people_status_unit')
    .on('people')
    .columns(['status', 'province_code', 'cur_commune_code'])
    .execute();
  // Positive drug tests of a period, with the person and the test for the distinct counts.
  await db.schema
    .createIndex('drug_tests_positive_date')
    .on('drug_tests')
    .columns(['positive', 'tested_on', 'person_id', 'id'])
    .execute();
  // Counselling sessions of a period.
  await db.schema
    .createIndex('counselling_sessions_held')
    .on('counselling_sessions')
    .column('held_on')
    .execute();
  // Decisions of a type in a period (user management, rehab decisions).
  await db.schema
    .createIndex('episodes_type_decision')
    .on('episodes')
    .columns(['type', 'decision_date'])
    .execute();
}
