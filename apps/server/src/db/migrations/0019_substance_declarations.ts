import type { Kysely } from 'kysely';

// Declarations of the substances a person used and where they obtained them (Law 120/2025/QH15: a user under
// management declares them to the commune police). Class 'drug_use'. Corrections bump `version`; the row keeps
// who recorded it and who last corrected it. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('substance_declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('declared_on', 'text', (c) => c.notNull())
    .addColumn('substances', 'text', (c) => c.notNull()) // JSON list of SUBSTANCES keys
    .addColumn('other_substance', 'text') // the name when 'other' is listed
    .addColumn('source', 'text', (c) => c.notNull()) // where the person obtained them, as they said it
    .addColumn('notes', 'text')
    .addColumn('regime_id', 'text') // the legal regime on declared_on (null before 2022)
    .addColumn('unit_kind', 'text', (c) => c.notNull()) // the recording user's unit
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('substance_declarations_person')
    .on('substance_declarations')
    .columns(['person_id', 'declared_on'])
    .execute();
  await db.schema
    .createIndex('substance_declarations_date')
    .on('substance_declarations')
    .columns(['declared_on'])
    .execute();
}
