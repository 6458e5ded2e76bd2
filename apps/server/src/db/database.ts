import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ChangeTracker, registerTracker, trackChanges } from './change-tracker.ts';
import {
  postgresReportRunner,
  type ReportRunner,
  registerReportRunner,
  sqliteReportRunner,
} from './report-runner.ts';
import type { DB } from './schema.ts';
import { preparePgStatements, withStatementCache } from './statement-cache.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The tables this process has written (the figure cache's invalidation). */
  changes: ChangeTracker;
  /** Where report and dashboard SQL runs, off the request path (db/report-runner.ts); none for `:memory:`. */
  reports: ReportRunner | null;
  /** Table → what must run before it is read outside a transaction (the audit log's queued read entries). */
  readBarriers: Map<string, (conn: DatabaseConnection) => Promise<void>>;
  /** The SQLite file (none on PostgreSQL or in memory). */
  file?: string;
  /** Called once the migrations have run: PostgreSQL then prepares its statements (db/statement-cache.ts). */
  afterMigrations: () => void;
  close: () => Promise<void>;
};

/** Report statements run at once by default: half the cores (at least one), the rest serve requests. */
export const defaultReportConcurrency = () => Math.max(1, Math.floor(os.availableParallelism() / 2));

// PostgreSQL returns bigint counts as strings by default; counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * SQLite may read through memory-mapped I/O (SQLITE_MMAP_MB) instead of copying each page beyond its 16 MB page
 * cache in with a read() call. Off by default: one statement at a time it saved about a third of the CPU of the
 * national health-check grids, but a cold national dashboard, whose statements run on two threads at once, was
 * no faster with it (1.16 / 0.92 s against 1.14 / 0.78 s without, two periods, three runs each: bench/README.md,
 * "Memory-mapped reads"). better-sqlite3 caps the map just under 2 GB. Writes go through the WAL either way.
 */
export const DEFAULT_SQLITE_MMAP_MB = 0;
export const sqliteMmapBytes = (mb = DEFAULT_SQLITE_MMAP_MB) => Math.max(0, Math.floor(mb)) * 1024 * 1024;

/** Opens PostgreSQL when a URL is given, else the embedded SQLite file under dataDir. */
export function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  sqliteFile?: string;
  /** Report statements at once (worker threads on SQLite, a pool of its own on PostgreSQL); 0: none, inline. */
  reportConcurrency?: number;
  /** SQLite: memory-mapped I/O per connection, in MB (default `DEFAULT_SQLITE_MMAP_MB`; 0: none). */
  sqliteMmapMb?: number;
  /** PostgreSQL: name (prepare) the parameterised statements once `afterMigrations()` is called; default yes. */
  pgPrepare?: boolean;
}): Database {
  const concurrency = opts.reportConcurrency ?? defaultReportConcurrency();
  const readBarriers: Database['readBarriers'] = new Map();
  const lostIdle = (err: Error) => process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const prepared = opts.pgPrepare === false ? null : preparePgStatements(pool);
    // An idle connection closed by the server (restart, pg_terminate_backend, DROP DATABASE … FORCE)
    // is dropped from the pool and replaced on demand; without a listener pg's 'error' event would
    // crash the process.
    pool.on('error', lostIdle);
    const changes = new ChangeTracker();
    const db = new Kysely<DB>({
      dialect: trackChanges(new PostgresDialect({ pool }), changes, { readBarriers }),
    });
    registerTracker(db, changes);
    // Report work has a pool of its own: a national dashboard's dozens of statements never take the
    // connections person pages need.
    let reports: ReportRunner | null = null;
    if (concurrency > 0) {
      const reportPool = new pg.Pool({ connectionString: opts.databaseUrl, max: concurrency });
      reportPool.on('error', lostIdle);
      reports = postgresReportRunner(reportPool, concurrency);
      registerReportRunner(db, reports);
    }
    return {
      db,
      dialect: 'postgres',
      changes,
      reports,
      readBarriers,
      afterMigrations: () => prepared?.enable(),
      close: once(async () => {
        await reports?.close();
        await db.destroy();
      }),
    };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'hoanhap.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const mmapBytes = sqliteMmapBytes(opts.sqliteMmapMb);
  sqlite.pragma(`mmap_size = ${mmapBytes}`);
  const changes = new ChangeTracker();
  const db = new Kysely<DB>({
    dialect: trackChanges(new SqliteDialect({ database: withStatementCache(sqlite) }), changes, {
      beginSql: 'begin immediate',
      readBarriers,
    }),
  });
  registerTracker(db, changes);
  const reports =
    file !== ':memory:' && concurrency > 0 ? sqliteReportRunner(file, concurrency, { mmapBytes }) : null;
  if (reports) registerReportRunner(db, reports);
  return {
    db,
    dialect: 'sqlite',
    changes,
    reports,
    readBarriers,
    file: file === ':memory:' ? undefined : file,
    // SQLite keeps its prepared statements from the start (withStatementCache).
    afterMigrations: () => {},
    close: once(async () => {
      await reports?.close();
      await db.destroy();
    }),
  };
}

/** Closing twice (a test's own close, then its cleanup) closes once. */
function once(f: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | null = null;
  return () => (p ??= f());
}
