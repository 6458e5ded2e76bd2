import SQLite from 'better-sqlite3';
import pg from 'pg';

// Bulk row writers for the generator. The values come from the domain rules (generator.ts); these only
// move them fast: SQLite through prepared statements inside large transactions, PostgreSQL through
// multi-row INSERTs (up to ~30,000 parameters each) inside transactions.

export type Row = Record<string, string | number | null>;

export interface BulkWriter {
  add(table: string, row: Row): Promise<void>;
  flushAll(): Promise<void>;
  close(): Promise<void>;
  /** Runs one statement (DDL, ANALYZE…). */
  exec(sqlText: string): Promise<void>;
  rowsWritten: number;
}

const BATCH_SQLITE = 20_000;
const PARENTS = ['users', 'facilities', 'people', 'episodes', 'counselling_sessions'];
/** Parent tables first, so that a final flush never writes a child before its parent. */
function ordered(tables: Iterable<string>): string[] {
  const all = [...tables];
  return [...PARENTS.filter((t) => all.includes(t)), ...all.filter((t) => !PARENTS.includes(t))];
}
const MAX_PARAMS_PG = 30_000;

export function sqliteWriter(file: string): BulkWriter {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -200000');
  db.pragma('busy_timeout = 10000');
  const buffers = new Map<string, { cols: string[]; rows: Row[] }>();
  const stmts = new Map<string, SQLite.Statement>();
  const w: BulkWriter = {
    rowsWritten: 0,
    async add(table, row) {
      let b = buffers.get(table);
      if (!b) {
        b = { cols: Object.keys(row), rows: [] };
        buffers.set(table, b);
      }
      b.rows.push(row);
      if (b.rows.length >= BATCH_SQLITE) flush(table);
    },
    async flushAll() {
      for (const t of ordered(buffers.keys())) flush(t);
    },
    async close() {
      await w.flushAll();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
    async exec(sqlText) {
      db.exec(sqlText);
    },
  };
  function flush(table: string) {
    const b = buffers.get(table);
    if (!b || b.rows.length === 0) return;
    let st = stmts.get(table);
    if (!st) {
      st = db.prepare(
        `INSERT INTO ${table} (${b.cols.join(',')}) VALUES (${b.cols.map((c) => `@${c}`).join(',')})`,
      );
      stmts.set(table, st);
    }
    const rows = b.rows;
    b.rows = [];
    const s = st;
    db.transaction(() => {
      for (const r of rows) s.run(r);
    })();
    w.rowsWritten += rows.length;
  }
  return w;
}

export async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  // Rows of one person go to several tables flushed at different times: foreign-key triggers are
  // deferred to the end of the load (superuser session setting), as in any bulk load.
  await client.query('SET session_replication_role = replica');
  const buffers = new Map<string, { cols: string[]; rows: Row[] }>();
  const w: BulkWriter = {
    rowsWritten: 0,
    async add(table, row) {
      let b = buffers.get(table);
      if (!b) {
        b = { cols: Object.keys(row), rows: [] };
        buffers.set(table, b);
      }
      b.rows.push(row);
      if (b.rows.length * b.cols.length >= MAX_PARAMS_PG * 4) await flush(table);
    },
    async flushAll() {
      for (const t of ordered(buffers.keys())) await flush(t);
    },
    async close() {
      await w.flushAll();
      await client.end();
    },
    async exec(sqlText) {
      await client.query(sqlText);
    },
  };
  async function flush(table: string) {
    const b = buffers.get(table);
    if (!b || b.rows.length === 0) return;
    const rows = b.rows;
    b.rows = [];
    const per = Math.max(1, Math.floor(MAX_PARAMS_PG / b.cols.length));
    await client.query('BEGIN');
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const r of chunk) {
        const ph: string[] = [];
        for (const c of b.cols) {
          params.push(r[c]);
          ph.push(`$${params.length}`);
        }
        tuples.push(`(${ph.join(',')})`);
      }
      await client.query(`INSERT INTO ${table} (${b.cols.join(',')}) VALUES ${tuples.join(',')}`, params);
    }
    await client.query('COMMIT');
    w.rowsWritten += rows.length;
  }
  return w;
}
