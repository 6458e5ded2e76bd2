import type { Kysely } from 'kysely';

// Organisation: unit history bookkeeping, keys for resolving legacy (pre-01/07/2025) addresses,
// and searchable facilities. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // The dated update that ended a unit version (the one that started it is update_id).
  await db.schema.alterTable('units').addColumn('closed_update_id', 'text').execute();
  // Normalised name without its type word ("Tỉnh", "Phường"…), for ordering lists by the name people say.
  await db.schema
    .alterTable('units')
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('units_code_to').on('units').columns(['code', 'valid_to']).execute();
  await db.schema.createIndex('units_level_to').on('units').columns(['level', 'valid_to']).execute();

  // Normalised old names without type words ("xã", "huyện", "tỉnh"…), matched exactly.
  for (const col of ['old_commune_key', 'old_district_key', 'old_province_key'])
    await db.schema
      .alterTable('legacy_unit_mappings')
      .addColumn(col, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  await db.schema
    .createIndex('legacy_commune_key')
    .on('legacy_unit_mappings')
    .columns(['old_commune_key', 'old_province_key'])
    .execute();

  await db.schema
    .alterTable('facilities')
    .addColumn('name_search', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('facilities').addColumn('phone', 'text').execute();
  await db.schema.alterTable('facilities').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('facilities').addColumn('updated_by', 'text').execute();
  await db.schema.createIndex('facilities_commune').on('facilities').column('commune_code').execute();
}
