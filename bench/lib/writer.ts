import SQLite from 'better-sqlite3';
import pg from 'pg';

// Bulk row writers for the generator. The values come from the domain rules (generator.ts); these only
// move them fast: SQLite through prepared statements inside large transactions, PostgreSQL through
// INSERT … SELECT FROM json_populate_recordset (one JSON parameter per 10,000 rows) inside transactions.

export type Row = Record<string, string | number | null>;

export interface BulkWriter {
  add(table: string, row: Row): Promise<void>;
  flushAll(): Promise<void>;
  /** Writes what is buffered and builds the indexes dropped for the load. */
  finish(): Promise<void>;
  close(): Promise<void>;
  /** Runs one statement (DDL, ANALYZE…). */
  exec(sqlText: string): Promise<void>;
  rowsWritten: number;
}

const BATCH_SQLITE = 20_000;
const BULK_TABLES = [
  'people',
  'episodes',
  'drug_tests',
  'addiction_determinations',
  'episode_contacts',
  'tasks',
  'counselling_sessions',
  'counselling_participants',
  'volunteer_assignments',
  'person_status_history',
];
const PARENTS = ['users', 'facilities', 'people', 'episodes', 'counselling_sessions'];
/** Parent tables first, so that a final flush never writes a child before its parent. */
function ordered(tables: Iterable<string>): string[] {
  const all = [...tables];
  return [...PARENTS.filter((t) => all.includes(t)), ...all.filter((t) => !PARENTS.includes(t))];
}
const PG_BATCH = 10_000;

export function sqliteWriter(file: string): BulkWriter {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  // Secondary indexes are dropped for the load and built again at the end: building an index once over
  // sorted keys is far cheaper than millions of random B-tree inserts.
  const dropped = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map((t) => `'${t}'`).join(',')})`,
    )
    .all() as { name: string; sql: string }[];
  for (const i of dropped) db.exec(`DROP INDEX ${i.name}`);
  // The figure aggregates' triggers (migration 0037) likewise: off for the load (as PostgreSQL's replica mode
  // turns every trigger off), and the aggregates rebuilt from the rows at the end (run-generator.ts `fill`).
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 4) = 'agg_'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  db.pragma('busy_timeout = 10000');
  const buffers = new Map<string, { cols: string[]; rows: Row[] }>();
  const stmts = new Map<string, SQLite.Statement>();
  const w: BulkWriter = {
    rowsWritten: 0,
    async add(table, row) {
      if (bufferRow(buffers, table, row) >= BATCH_SQLITE) flush(table);
    },
    async flushAll() {
      for (const t of ordered(buffers.keys())) flush(t);
    },
    async finish() {
      await w.flushAll();
      for (const i of dropped.splice(0)) db.exec(i.sql);
      for (const t of triggers.splice(0)) db.exec(t.sql);
    },
    async close() {
      await w.finish();
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

/** Buffers a row for its table (the table's first row fixes its columns); answers how many rows wait. */
function bufferRow(buffers: Map<string, { cols: string[]; rows: Row[] }>, table: string, row: Row): number {
  let b = buffers.get(table);
  if (!b) {
    b = { cols: Object.keys(row), rows: [] };
    buffers.set(table, b);
  }
  b.rows.push(row);
  return b.rows.length;
}

export async function postgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  // Rows of one person go to several tables flushed at different times: foreign-key triggers are
  // deferred to the end of the load (superuser session setting), as in any bulk load.
  await client.query('SET session_replication_role = replica');
  await client.query("SET maintenance_work_mem = '512MB'");
  const dropped = (
    await client.query(
      `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i WHERE i.schemaname = 'public'
         AND i.tablename = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    )
  ).rows as { name: string; sql: string }[];
  for (const i of dropped) await client.query(`DROP INDEX ${i.name}`);
  const buffers = new Map<string, { cols: string[]; rows: Row[] }>();
  const w: BulkWriter = {
    rowsWritten: 0,
    async add(table, row) {
      if (bufferRow(buffers, table, row) >= PG_BATCH) await flush(table);
    },
    async flushAll() {
      for (const t of ordered(buffers.keys())) await flush(t);
    },
    async finish() {
      await w.flushAll();
      for (const i of dropped.splice(0)) await client.query(i.sql);
    },
    async close() {
      await w.finish();
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
    // One JSON parameter per batch, unpacked by the server: much cheaper than thousands of bound parameters.
    const cols = b.cols.join(',');
    await client.query('BEGIN');
    for (let i = 0; i < rows.length; i += PG_BATCH) {
      const chunk = rows.slice(i, i + PG_BATCH);
      await client.query(
        `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [JSON.stringify(chunk)],
      );
    }
    await client.query('COMMIT');
    w.rowsWritten += rows.length;
  }
  return w;
}
