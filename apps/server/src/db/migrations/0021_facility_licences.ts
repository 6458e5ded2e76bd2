import type { Kysely } from 'kysely';

// Operating licences of private rehab facilities (Law 120/2025/QH15; Decree 116/2021 Art. 9–15; since 2025 issued
// by the provincial police): number, date of issue, issuer, scope and the last day it is valid. One row per licence,
// so a renewal keeps the older one and a placement is judged by the licence valid on its own date. Facility kind
// 'reform_school' needs no column (kind is free text checked by the API). Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facility_licences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull()) // title and name as written on the licence
    .addColumn('issuer_role', 'text') // the authority the rule in force on issued_on names
    .addColumn('scope', 'text', (c) => c.notNull()) // the activities the licence allows, as written
    .addColumn('valid_until', 'text', (c) => c.notNull()) // last day valid (inclusive)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facility_licences_facility')
    .on('facility_licences')
    .columns(['facility_id', 'issued_on'])
    .execute();
}
