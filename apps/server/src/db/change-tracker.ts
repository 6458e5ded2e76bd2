import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  sql,
} from 'kysely';

/**
 * Which tables have been written, as a per-table version: the figure cache (modules/reports) keeps a computed
 * figure only while no table its SQL reads has changed. A write bumps its table's version when the statement
 * runs and again when its transaction commits, so a read that started between the two — and could not yet see
 * the rows — is never kept as current.
 *
 * Across processes and servers (issue 17): once `attach()`ed (after the migrations), every transaction that
 * wrote a tracked table also bumps that table's row in `table_versions`, in the same transaction, just before
 * COMMIT (sorted, so two writers never deadlock on the counters). `sync()` reads the counters — one small
 * query — and touches every table whose counter moved since this process last read it: the figure store calls
 * it before each figure read, so a figure made obsolete by a commit on any server is never served or frozen
 * into a report. Tables no cache reads (the audit log, sessions, the counters themselves…) are not counted, so
 * that each request's session and audit writes do not queue on one counter row.
 */
export class ChangeTracker {
  private tick = 0;
  private readonly versions = new Map<string, number>();
  /** table_versions as this process last saw them (its own commits included). */
  private readonly seen = new Map<string, number>();
  private db: Kysely<any> | null = null;
  private placeholder: (i: number) => string = () => '?';
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly writeListeners: ((table: string, sqlText: string | null) => void)[] = [];

  /** Records a write to `table` ('*' when the statement's table is not known: DDL, unusual SQL). */
  touch(table: string): void {
    this.versions.set(table, ++this.tick);
  }

  /**
   * Calls `listener` on every write through this handle, as `touch` is called: when the statement runs and again
   * when it has committed (then without its SQL when it was part of a transaction). The session cache
   * (platform/session-cache.ts) forgets on it, so a logout or a changed account is never answered from memory by
   * the process that wrote it.
   */
  onWrite(listener: (table: string, sqlText: string | null) => void): void {
    this.writeListeners.push(listener);
  }

  /** A write to `table` by `sqlText` (null: at the commit of a transaction that wrote it). */
  wrote(table: string, sqlText: string | null): void {
    this.touch(table);
    for (const l of this.writeListeners) l(table, sqlText);
  }

  /** The latest write to any of `tables` (or to an unknown table): a figure read from them is current while this holds. */
  stamp(tables: readonly string[]): number {
    let v = this.versions.get('*') ?? 0;
    for (const t of tables) v = Math.max(v, this.versions.get(t) ?? 0);
    return v;
  }

  /** Starts counting writes in `table_versions` (the table exists once the migrations have run). */
  attach(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): void {
    this.db = db;
    this.placeholder = dialect === 'postgres' ? (i) => `$${i + 1}` : () => '?';
  }

  get durable(): boolean {
    return this.db != null;
  }

  /** The shared versions of `tables` as last read (0: never written), '*' included: what a kept figure records. */
  sharedVersions(tables: readonly string[]): Record<string, number> {
    const out: Record<string, number> = { '*': this.seen.get('*') ?? 0 };
    for (const t of tables) out[t] = this.seen.get(t) ?? 0;
    return out;
  }

  /**
   * Reads `table_versions` and touches every table another process (or server) has written since the last read.
   * Resolves after a read that started after the call (callers arriving while one runs share the next one).
   */
  sync(): Promise<void> {
    if (!this.db) return Promise.resolve();
    if (this.next) return this.next;
    const start = () => {
      this.next = null;
      const p = this.readShared().finally(() => {
        if (this.current === p) this.current = null;
      });
      this.current = p;
      return p;
    };
    if (!this.current) return start();
    this.next = this.current.then(start, start);
    return this.next;
  }

  private async readShared() {
    const { rows } = await sql<{
      table_name: string;
      version: number;
    }>`select table_name, version from table_versions`.execute(this.db!);
    for (const r of rows) this.saw(r.table_name, Number(r.version), true);
  }

  /** A shared version read or committed; `foreign`: touched unless it is the one this process expected. */
  saw(table: string, version: number, foreign: boolean) {
    const last = this.seen.get(table) ?? 0;
    if (version <= last) return;
    this.seen.set(table, version);
    if (foreign || version !== last + 1) this.touch(table);
  }

  /** The statement bumping the shared counters of `tables` (null when none is counted). */
  bumpQuery(tables: Iterable<string>): CompiledQuery | null {
    if (!this.db) return null;
    const names = [...new Set(tables)].filter((t) => !UNCOUNTED.has(t)).sort();
    if (names.length === 0) return null;
    return CompiledQuery.raw(
      `insert into table_versions (table_name, version) values ${names.map((_, i) => `(${this.placeholder(i)}, 1)`).join(', ')} on conflict (table_name) do update set version = table_versions.version + 1 returning table_name, version`,
      names,
    );
  }
}

/** Tables no cache reads: not counted in table_versions (their writes would only queue on its rows). */
const UNCOUNTED: ReadonlySet<string> = new Set([
  'table_versions',
  'figure_grids',
  'job_leases',
  'job_runs',
  'rate_limits',
  'audit_log',
  'sessions',
  'idempotency_keys',
  'remembered_devices',
  'kysely_migration',
  'kysely_migration_lock',
]);

const WRITE =
  /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+["`]?(\w+)/i;
const DDL = /^\s*(?:create|alter|drop|truncate)\b/i;
const READ_TABLES = /\b(?:from|join)\s+["`]?([a-z_][a-z0-9_]*)/gi;

/** The table a statement writes, '*' for DDL, null for a read (or transaction control). */
export function writtenTable(sqlText: string): string | null {
  const m = WRITE.exec(sqlText);
  if (m) return m[1]!.toLowerCase();
  return DDL.test(sqlText) ? '*' : null;
}

const readMemo = new Map<string, readonly string[]>();
/** The tables a query reads (every FROM and JOIN, subqueries included), memoised by SQL text. */
export function tablesRead(sqlText: string): readonly string[] {
  let t = readMemo.get(sqlText);
  if (!t) {
    t = [...new Set([...sqlText.matchAll(READ_TABLES)].map((m) => m[1]!.toLowerCase()))].sort();
    if (readMemo.size > 5000) readMemo.clear();
    readMemo.set(sqlText, t);
  }
  return t;
}

export type TrackOptions = {
  /**
   * The statement that opens a transaction instead of the driver's own: on SQLite `begin immediate`, so that a
   * transaction that reads before it writes takes the write lock first and waits for it (busy_timeout) when
   * another process holds it, instead of failing "database is locked" at its first write.
   */
  beginSql?: string;
  /**
   * Called before a read of a table outside a transaction (`table` → barrier), on the connection that will run
   * the read (on SQLite the only one, held): the audit log's read entries waiting in memory are written first
   * (platform/audit.ts), so whoever reads the log sees them.
   */
  readBarriers?: Map<string, (conn: DatabaseConnection) => Promise<void>>;
};

/** Wraps a dialect so that every write through it is recorded in `tracker`. */
export function trackChanges(inner: Dialect, tracker: ChangeTracker, opts: TrackOptions = {}): Dialect {
  return {
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: () => inner.createAdapter(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver: () => new TrackingDriver(inner.createDriver(), tracker, opts),
  };
}

class TrackingDriver implements Driver {
  // Wrapped connection → the driver's own (the PostgreSQL driver releases through a private symbol on it),
  // and the tables written inside each open transaction, touched again at commit.
  private readonly innerOf = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly pending = new WeakMap<DatabaseConnection, Set<string>>();

  constructor(
    private readonly inner: Driver,
    private readonly tracker: ChangeTracker,
    private readonly opts: TrackOptions = {},
  ) {
    if (inner.savepoint) this.savepoint = (c, n, q) => inner.savepoint!(this.unwrap(c), n, q);
    if (inner.rollbackToSavepoint)
      this.rollbackToSavepoint = (c, n, q) => inner.rollbackToSavepoint!(this.unwrap(c), n, q);
    if (inner.releaseSavepoint)
      this.releaseSavepoint = (c, n, q) => inner.releaseSavepoint!(this.unwrap(c), n, q);
  }

  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  private unwrap(c: DatabaseConnection) {
    return this.innerOf.get(c) ?? c;
  }

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    const tracker = this.tracker;
    const pending = this.pending;
    const barriers = this.opts.readBarriers;
    const wrapped: DatabaseConnection = {
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        const table = writtenTable(q.sql);
        if (!table) {
          if (barriers?.size && !pending.has(wrapped))
            for (const [t, barrier] of barriers)
              if (q.sql.includes(t) && tablesRead(q.sql).includes(t)) await barrier(conn);
          return conn.executeQuery<R>(q);
        }
        tracker.wrote(table, q.sql);
        const inTransaction = pending.get(wrapped);
        inTransaction?.add(table);
        try {
          const result = await conn.executeQuery<R>(q);
          // A statement outside a transaction commits at once: its counter right after it (a reader that sees
          // the counter moved sees the rows; one that reads the rows first recomputes once more).
          if (!inTransaction) await bump(conn, tracker, [table]);
          return result;
        } finally {
          tracker.wrote(table, q.sql);
        }
      },
      streamQuery: (q, chunk) => conn.streamQuery(q, chunk),
    };
    this.innerOf.set(wrapped, conn);
    return wrapped;
  }

  async beginTransaction(c: DatabaseConnection, settings: Parameters<Driver['beginTransaction']>[1]) {
    // A read-only transaction (a consistent snapshot of several reads) stays deferred: it takes no write lock.
    if (this.opts.beginSql && settings?.accessMode !== 'read only')
      await this.unwrap(c).executeQuery(CompiledQuery.raw(this.opts.beginSql));
    else await this.inner.beginTransaction(this.unwrap(c), settings);
    this.pending.set(c, new Set());
  }

  async commitTransaction(c: DatabaseConnection) {
    try {
      // The shared counters in the same transaction, last (their rows are locked only until COMMIT).
      const bumped = await bump(this.unwrap(c), this.tracker, this.pending.get(c) ?? [], false);
      await this.inner.commitTransaction(this.unwrap(c));
      for (const [t, v] of bumped) this.tracker.saw(t, v, false);
    } finally {
      this.settle(c);
    }
  }

  async rollbackTransaction(c: DatabaseConnection) {
    try {
      await this.inner.rollbackTransaction(this.unwrap(c));
    } finally {
      this.settle(c);
    }
  }

  private settle(c: DatabaseConnection) {
    for (const t of this.pending.get(c) ?? []) this.tracker.wrote(t, null);
    this.pending.delete(c);
  }

  releaseConnection(c: DatabaseConnection) {
    return this.inner.releaseConnection(this.unwrap(c));
  }

  destroy() {
    return this.inner.destroy();
  }
}

/** Bumps the shared counters of `tables` on `conn`; records them as seen at once unless `seeNow` is false (after COMMIT then). */
async function bump(
  conn: DatabaseConnection,
  tracker: ChangeTracker,
  tables: Iterable<string>,
  seeNow = true,
): Promise<[string, number][]> {
  const q = tracker.bumpQuery(tables);
  if (!q) return [];
  const { rows } = await conn.executeQuery<{ table_name: string; version: number }>(q);
  const out = rows.map((r) => [r.table_name, Number(r.version)] as [string, number]);
  if (seeNow) for (const [t, v] of out) tracker.saw(t, v, false);
  return out;
}

const trackers = new WeakMap<Kysely<any>, ChangeTracker>();

/** Registers the tracker of a database handle (not of its transactions: figures are cached outside them). */
export function registerTracker(db: Kysely<any>, tracker: ChangeTracker): void {
  trackers.set(db, tracker);
}

export function changeTrackerOf(db: Kysely<any>): ChangeTracker | undefined {
  return trackers.get(db);
}
