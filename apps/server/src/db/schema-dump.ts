import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// The schema every migration produces, as text: SQLite's sqlite_master (the CREATE statements themselves) and
// PostgreSQL's information_schema columns, constraints and pg_indexes. Used to prove that a change to the
// migrations' code (e.g. the shared column helper, migrations/columns.ts) leaves the SQL they run identical:
//   npx tsx apps/server/src/db/schema-dump.ts > before.txt   (on main)
//   npx tsx apps/server/src/db/schema-dump.ts > after.txt    (with the change) ; diff before.txt after.txt
// With DATABASE_URL set it dumps PostgreSQL (a fresh database beside it, dropped afterwards).

async function dumpSqlite(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-schema-'));
  const database = openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
      select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`.execute(
      database.db,
    );
    return rows.map((r) => `${r.type} ${r.name} (${r.tbl_name}):\n${r.sql ?? ''}`).join('\n\n');
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function dumpPostgres(baseUrl: string): Promise<string> {
  const name = `house_schema_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: u.toString(), dataDir: os.tmpdir() });
  try {
    await migrateToLatest(database.db);
    const columns = await sql<Record<string, unknown>>`
      select table_name, ordinal_position, column_name, data_type, is_nullable, column_default
      from information_schema.columns where table_schema = 'public'
      order by table_name, ordinal_position`.execute(database.db);
    const constraints = await sql<Record<string, unknown>>`
      select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as def
      from pg_constraint where connamespace = 'public'::regnamespace
      order by conrelid::regclass::text, conname`.execute(database.db);
    const indexes = await sql<Record<string, unknown>>`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
      order by tablename, indexname`.execute(database.db);
    const lines = (rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).join(' | '));
    return [
      '-- columns',
      ...lines(columns.rows),
      '-- constraints',
      ...lines(constraints.rows),
      '-- indexes',
      ...lines(indexes.rows),
    ].join('\n');
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const url = process.env.DATABASE_URL;
const dump = url ? await dumpPostgres(url) : await dumpSqlite();
process.stdout.write(`${dump}\n`);
process.stderr.write(
  `${url ? 'postgres' : 'sqlite'} schema sha256 ${createHash('sha256').update(dump).digest('hex')}\n`,
);
