import type { Kysely } from 'kysely';

// Document numbering: each issuing unit numbers its documents per year (Decree 30/2020/NĐ-CP: from 01 on
// 1 January), per series — by default one series per kind symbol ('QĐ-UBND', 'GCN-UBND', 'QĐ-CAX').
// One row per (unit, year, series) holding the last number given; allocation is one upsert.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_numbers')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_numbers_pk', ['unit_code', 'year', 'series'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_numbers').execute();
}
