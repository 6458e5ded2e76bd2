import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ChangeTracker, registerTracker, trackChanges } from './change-tracker.ts';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The tables this process has written (the figure cache's invalidation). */
  changes: ChangeTracker;
  /** The SQLite file (none on PostgreSQL or in memory). */
  file?: string;
  close: () => Promise<void>;
};

// PostgreSQL returns bigint counts as strings by default; counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens PostgreSQL when a URL is given, else the embedded SQLite file under dataDir. */
export function openDatabase(opts: { databaseUrl?: string; dataDir: string; sqliteFile?: string }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, pg_terminate_backend, DROP DATABASE … FORCE)
    // is dropped from the pool and replaced on demand; without a listener pg's 'error' event would
    // crash the process.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`));
    const changes = new ChangeTracker();
    const db = new Kysely<DB>({ dialect: trackChanges(new PostgresDialect({ pool }), changes) });
    registerTracker(db, changes);
    return { db, dialect: 'postgres', changes, close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'hoanhap.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const changes = new ChangeTracker();
  const db = new Kysely<DB>({
    dialect: trackChanges(new SqliteDialect({ database: withStatementCache(sqlite) }), changes),
  });
  registerTracker(db, changes);
  return {
    db,
    dialect: 'sqlite',
    changes,
    file: file === ':memory:' ? undefined : file,
    close: () => db.destroy(),
  };
}
