import type { Kysely } from 'kysely';

// Corrections and voids of the facility's event register (issue 4 follow-up): each event gets a version for
// optimistic concurrency and, when entered by mistake, a void (who, when, why) instead of a delete — the
// row stays in the resident's history and leaves every figure. Additive; forward-only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('facility_events')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('facility_events').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('facility_events').addColumn('updated_by', 'text').execute();
  await db.schema.alterTable('facility_events').addColumn('voided_at', 'text').execute();
  await db.schema.alterTable('facility_events').addColumn('voided_by', 'text').execute();
  await db.schema.alterTable('facility_events').addColumn('void_reason', 'text').execute();
}
