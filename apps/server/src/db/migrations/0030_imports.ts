import type { Kysely } from 'kysely';

// Import of commune lists (issue 14): one batch per uploaded file, its rows with their result, the
// mappings officers saved for files of the same shape, and what an import keeps beside a person
// (the former 9-digit CMND, the old address as written and as resolved, the drug and pathway text).
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'people'
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull()) // 'commune' | 'province'
    .addColumn('target_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'preview' | 'committed' | 'undone'
    .addColumn('mapping', 'text', (c) => c.notNull()) // JSON (field|null)[]
    .addColumn('choices', 'text', (c) => c.notNull()) // JSON { oldCommuneCode: newCommuneCode }
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_batches_author')
    .on('import_batches')
    .columns(['created_by', 'created_at'])
    .execute();
  await db.schema
    .createTable('import_rows')
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // new | existing | possible_duplicate | duplicate_in_file | error
    .addColumn('raw', 'text', (c) => c.notNull()) // JSON: the original cells
    .addColumn('data', 'text', (c) => c.notNull()) // JSON: cleaned person, address, duplicate links
    .addColumn('errors', 'text') // JSON [{ column, rule, message }]
    .addColumn('action', 'text') // after commit: created | merged | skipped
    .addColumn('person_id', 'text')
    .addColumn('before', 'text') // JSON: the merged person's columns before the import
    .addPrimaryKeyConstraint('import_rows_pk', ['batch_id', 'row_no'])
    .execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mappings_signature')
    .on('import_mappings')
    .column('signature')
    .execute();
  await db.schema
    .createTable('person_import_data')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('former_id', 'text')
    .addColumn('old_address', 'text') // JSON { text, oldCommuneCode, oldCommuneName, oldDistrictName, oldProvinceName }
    .addColumn('drug_text', 'text')
    .addColumn('drugs', 'text') // JSON codes
    .addColumn('pathway_text', 'text')
    .addColumn('note', 'text')
    .execute();
}
