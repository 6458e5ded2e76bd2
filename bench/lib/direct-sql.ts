import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AppDeps } from '../../apps/server/src/app-deps.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { ChangeTracker, registerTracker } from '../../apps/server/src/db/change-tracker.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { currentUnitNames } from '../../apps/server/src/modules/people/unit-names.ts';
import { attachAuditQueue } from '../../apps/server/src/platform/audit.ts';
import { benchMmapBytes, benchSqlite } from './sqlite-handle.ts';

const require = createRequire(import.meta.url);

const statementNames = new Map<string, string>();
/** A statement as the product sends it on PostgreSQL: named (prepared) when it has parameters. */
function named(text: string, values: unknown[]) {
  const name = statementNames.get(text) ?? `hnb_${statementNames.size}`;
  statementNames.set(text, name);
  return values.length ? { name, text, values: values as any[] } : { text, values: values as any[] };
}

/**
 * The benchmark's side without the product's request path (bench/concurrency.ts): a direct handle on the data
 * set, the product's stack in-process with a statement capture, and the captured statements replayed on threads.
 */
export function directSql(target: {
  sqliteFile: string;
  pgUrl: string;
  seconds: number;
  connections: number;
}) {
  const { sqliteFile, pgUrl } = target;
  const SECONDS = target.seconds;
  const CONNECTIONS = target.connections;

  /** A direct handle: better-sqlite3 prepared statements, or one pg client. */
  async function directHandle(dialect: 'sqlite' | 'postgres') {
    if (dialect === 'sqlite') {
      const db = benchSqlite(sqliteFile);
      const cache = new Map<string, SQLite.Statement>();
      const prep = (s: string) => {
        const hit = cache.get(s);
        if (hit) return hit;
        const st = db.prepare(s);
        cache.set(s, st);
        return st;
      };
      return {
        all: async (s: string, p: unknown[]) => prep(s).all(...p) as any[],
        replay: async (statements: { sql: string; params: unknown[] }[]) => {
          for (const s of statements) prep(s.sql).all(...s.params);
        },
        close: async () => db.close(),
      };
    }
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    return {
      all: async (s: string, p: unknown[]) => (await c.query(s, p)).rows,
      // Named, as the product sends them (db/statement-cache.ts): parsed and planned once per connection.
      replay: async (statements: { sql: string; params: unknown[] }[]) => {
        for (const s of statements) await c.query(named(s.sql, s.params));
      },
      close: () => c.end(),
    };
  }

  /**
   * The product's stack in this process (its database handle with the read audit queue), and a second handle
   * whose statements are logged (the capture).
   */
  async function localDeps(dialect: 'sqlite' | 'postgres') {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.dirname(sqliteFile) });
    const database =
      dialect === 'sqlite'
        ? openDatabase({
            dataDir: path.dirname(sqliteFile),
            sqliteFile,
            reportConcurrency: 0,
            sqliteMmapMb: benchMmapBytes() / 2 ** 20,
          })
        : openDatabase({ dataDir: '/tmp', databaseUrl: pgUrl, reportConcurrency: 0 });
    attachAuditQueue(database, { flushMs: config.auditFlushMs, max: config.auditQueueMax });
    // As prepare() does once the migrations have run: PostgreSQL's statements named.
    database.afterMigrations();
    const deps = { config, database, now: () => new Date(), version: 'bench' } as AppDeps;
    const log: { sql: string; params: unknown[] }[] = [];
    // A long busy timeout: the capture's read audit entries are written straight (no queue) while the server may
    // hold the write lock (start-up catch-up, warm-up) on a loaded machine.
    const sqlite = dialect === 'sqlite' ? benchSqlite(sqliteFile, { timeout: 120_000 }) : null;
    const pool = dialect === 'postgres' ? new pg.Pool({ connectionString: pgUrl, max: 2 }) : null;
    const db = new Kysely<DB>({
      dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
      log: (e) => {
        if (e.level === 'query') log.push({ sql: e.query.sql, params: [...e.query.parameters] });
      },
    });
    // With a change tracker of its own, as the product's handle: what the product keeps in memory (the unit names,
    // modules/people/unit-names.ts) is read once here too, not captured as if sent per request.
    registerTracker(db, new ChangeTracker());
    await currentUnitNames(db);
    const capture = { ...deps, database: { ...database, db } } as AppDeps;
    return {
      deps,
      capture,
      log,
      close: async () => {
        await db.destroy();
        await database.close();
      },
    };
  }

  /** Requests per second of the captured statements replayed for SECONDS on `threads` threads. */
  async function replayThroughput(
    dialect: 'sqlite' | 'postgres',
    captured: { statements: { sql: string; params: unknown[] }[] }[],
    threads: number,
  ): Promise<number> {
    const sets = captured.map((c) => c.statements);
    if (dialect === 'postgres') {
      // One client thread per `threads`, each with 32 loops on a pool of 10 connections (the server's).
      const counts = await Promise.all(
        Array.from({ length: threads }, () => runWorker({ dialect, url: pgUrl, sets, seconds: SECONDS })),
      );
      return Math.round(counts.reduce((a, b) => a + b, 0) / SECONDS);
    }
    const counts = await Promise.all(
      Array.from({ length: threads }, () => runWorker({ dialect, file: sqliteFile, sets, seconds: SECONDS })),
    );
    return Math.round(counts.reduce((a, b) => a + b, 0) / SECONDS);
  }

  const WORKER = `
  const { parentPort, workerData: w } = require('node:worker_threads');
  const until = Date.now() + w.seconds * 1000;
  let n = 0;
  if (w.dialect === 'sqlite') {
    const SQLite = require(w.sqlitePath);
    const db = new SQLite(w.file, { readonly: true });
    db.pragma('mmap_size = ' + w.mmapBytes);
    const st = new Map();
    const prep = (s) => { let x = st.get(s); if (!x) st.set(s, (x = db.prepare(s))); return x; };
    for (let i = 0; Date.now() < until; i++) { for (const s of w.sets[i % w.sets.length]) prep(s.sql).all(...s.params); n++; }
    db.close();
    parentPort.postMessage(n);
  } else {
    const pg = require(w.pgPath);
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: w.url, max: 10 });
    // Named statements, as the product sends them (db/statement-cache.ts).
    const names = new Map();
    const named = (s) => { let x = names.get(s.sql); if (!x) names.set(s.sql, (x = 'hnb_' + names.size)); return s.params.length ? { name: x, text: s.sql, values: s.params } : { text: s.sql, values: s.params }; };
    let i = 0;
    Promise.all(Array.from({ length: ${CONNECTIONS} }, async () => {
      while (Date.now() < until) { const set = w.sets[i++ % w.sets.length]; for (const s of set) await pool.query(named(s)); n++; }
    })).then(() => pool.end()).then(() => parentPort.postMessage(n));
  }`;

  function runWorker(data: Record<string, unknown>): Promise<number> {
    return new Promise((resolve, reject) => {
      const w = new Worker(WORKER, {
        eval: true,
        workerData: {
          ...data,
          sqlitePath: require.resolve('better-sqlite3'),
          mmapBytes: benchMmapBytes(),
          pgPath: require.resolve('pg'),
        },
      });
      w.once('message', (n: number) => {
        resolve(n);
        void w.terminate();
      });
      w.once('error', reject);
    });
  }

  return { directHandle, localDeps, replayThroughput };
}
