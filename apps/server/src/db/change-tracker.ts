import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Which tables this process has written, as a per-table version: the figure cache (modules/reports) keeps a
 * computed figure only while no table its SQL reads has changed. A write bumps its table's version when the
 * statement runs and again when its transaction commits, so a read that started between the two — and could
 * not yet see the rows — is never kept as current. Writes by another process (a CLI import, a second server)
 * are not seen here; cached figures also expire (see the figure store), and the README says to run one
 * server process per database.
 */
export class ChangeTracker {
  private tick = 0;
  private readonly versions = new Map<string, number>();

  /** Records a write to `table` ('*' when the statement's table is not known: DDL, unusual SQL). */
  touch(table: string): void {
    this.versions.set(table, ++this.tick);
  }

  /** The latest write to any of `tables` (or to an unknown table): a figure read from them is current while this holds. */
  stamp(tables: readonly string[]): number {
    let v = this.versions.get('*') ?? 0;
    for (const t of tables) v = Math.max(v, this.versions.get(t) ?? 0);
    return v;
  }
}

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
        tracker.touch(table);
        pending.get(wrapped)?.add(table);
        try {
          return await conn.executeQuery<R>(q);
        } finally {
          tracker.touch(table);
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
      await this.inner.commitTransaction(this.unwrap(c));
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
    for (const t of this.pending.get(c) ?? []) this.tracker.touch(t);
    this.pending.delete(c);
  }

  releaseConnection(c: DatabaseConnection) {
    return this.inner.releaseConnection(this.unwrap(c));
  }

  destroy() {
    return this.inner.destroy();
  }
}

const trackers = new WeakMap<Kysely<any>, ChangeTracker>();

/** Registers the tracker of a database handle (not of its transactions: figures are cached outside them). */
export function registerTracker(db: Kysely<any>, tracker: ChangeTracker): void {
  trackers.set(db, tracker);
}

export function changeTrackerOf(db: Kysely<any>): ChangeTracker | undefined {
  return trackers.get(db);
}
