import { type Kysely, sql } from 'kysely';

// Forward-only: never edit once landed; add 0002_* instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('update_id', 'text')
    .execute();
  await db.schema
    .createIndex('units_code_from')
    .on('units')
    .columns(['code', 'valid_from'])
    .unique()
    .execute();
  await db.schema.createIndex('units_province').on('units').columns(['province_code', 'valid_to']).execute();

  await db.schema
    .createTable('legacy_unit_mappings')
    .addColumn('old_province_code', 'text', (c) => c.notNull())
    .addColumn('old_province_name', 'text', (c) => c.notNull())
    .addColumn('old_district_code', 'text')
    .addColumn('old_district_name', 'text')
    .addColumn('old_commune_code', 'text', (c) => c.notNull())
    .addColumn('old_commune_name', 'text', (c) => c.notNull())
    .addColumn('old_search', 'text', (c) => c.notNull())
    .addColumn('new_commune_code', 'text', (c) => c.notNull())
    .addColumn('new_province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legacy_old_commune')
    .on('legacy_unit_mappings')
    .column('old_commune_code')
    .execute();
  await db.schema
    .createIndex('legacy_new_commune')
    .on('legacy_unit_mappings')
    .column('new_commune_code')
    .execute();

  await db.schema
    .createTable('unit_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('address', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facilities_province').on('facilities').column('province_code').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_code', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('other_names', 'text')
    .addColumn('other_names_search', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.unique())
    .addColumn('ethnicity', 'text')
    .addColumn('phone', 'text')
    .addColumn('occupation', 'text')
    .addColumn('perm_commune_code', 'text')
    .addColumn('perm_detail', 'text')
    .addColumn('cur_commune_code', 'text', (c) => c.notNull())
    .addColumn('cur_detail', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('family_contacts', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('registered'))
    .addColumn('current_facility_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('people_commune')
    .on('people')
    .columns(['cur_commune_code', 'name_search'])
    .execute();
  await db.schema
    .createIndex('people_province')
    .on('people')
    .columns(['province_code', 'name_search'])
    .execute();
  await db.schema.createIndex('people_name').on('people').column('name_search').execute();
  await db.schema.createIndex('people_facility').on('people').column('current_facility_id').execute();

  await db.schema
    .createTable('volunteer_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('assigned_by', 'text')
    .execute();
  await db.schema
    .createIndex('va_user')
    .on('volunteer_assignments')
    .columns(['user_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('username', 'text')
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_id', 'at']).execute();
  await db.schema.createIndex('audit_user').on('audit_log').columns(['user_id', 'at']).execute();
  void sql;
}
