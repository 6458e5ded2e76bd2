import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { editStamps } from './columns.ts';

// Areas (issue 13): a province officer's named set of communes of their province (e.g. "huyện Ba Vì cũ", built
// from the legacy mapping of an old district), reported on exactly as a unit. And more than one volunteer team
// per commune when the officer says so (old communes merged in 2025 each kept their team): the unique commune
// of community_teams is dropped, and a team beside another one records why (`several_reason`).
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legacy_district', 'text')
    .addColumn('notes', 'text')
    .$call(editStamps)
    .execute();
  await db.schema.createIndex('areas_province').on('areas').columns(['province_code', 'name']).execute();
  await db.schema
    .createTable('area_communes')
    .addColumn('area_id', 'text', (c) => c.notNull().references('areas.id').onDelete('cascade'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_communes_pk', ['area_id', 'commune_code'])
    .execute();
  await db.schema.createIndex('area_communes_commune').on('area_communes').column('commune_code').execute();

  // Several volunteer teams per commune.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    // SQLite cannot drop a column's UNIQUE: rebuild the table (foreign keys off meanwhile, as SQLite's own
    // procedure says; SQLite migrations run outside a transaction on the one connection).
    const { rows } = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'community_teams'`.execute(db);
    const create = rows[0]!.sql;
    const { rows: idx } = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'index' and tbl_name = 'community_teams' and sql is not null`.execute(
      db,
    );
    const rebuilt = create
      .replace(/"community_teams"/, '"community_teams_new"')
      .replace(/("commune_code" text not null) unique/i, '$1');
    if (rebuilt === create || /"commune_code" text not null unique/i.test(rebuilt))
      throw new Error('0028: unexpected community_teams definition');
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql.raw(rebuilt).execute(db);
      await sql`insert into community_teams_new select * from community_teams`.execute(db);
      await sql`drop table community_teams`.execute(db);
      await sql`alter table community_teams_new rename to community_teams`.execute(db);
      for (const i of idx) await sql.raw(i.sql).execute(db);
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  } else {
    await sql`alter table community_teams drop constraint if exists community_teams_commune_code_key`.execute(
      db,
    );
  }
  await db.schema.alterTable('community_teams').addColumn('several_reason', 'text').execute();
  await db.schema.createIndex('ct_commune').on('community_teams').column('commune_code').execute();
}
