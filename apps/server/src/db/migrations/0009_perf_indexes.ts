import type { Kysely } from 'kysely';

// Indexes found necessary by the national-scale benchmark (bench/README.md). Additive only; forward-only:
// never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // People search filters with LIKE '%token%' on name_search / other_names_search and orders by
  // (name_search, id): a covering index lets the filter, the page and the count run on the index alone
  // (national search on 225,000 people: page 1.9 s → 58 ms, count 203 → 69 ms on SQLite).
  await db.schema
    .createIndex('people_name_cover')
    .on('people')
    .columns(['name_search', 'id', 'other_names_search'])
    .execute();
  // The status refresh (start and nightly) looks for episodes that ended, actually or by their planned end.
  await db.schema.createIndex('episodes_actual_end').on('episodes').column('actual_end').execute();
  await db.schema.createIndex('episodes_planned_end').on('episodes').column('planned_end').execute();
}
