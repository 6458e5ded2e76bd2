import type { DatabaseConnection, Insertable, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { basedOnDetails, checkBasedOn } from './based-on.ts';
import { claimIdempotencyKey } from './idempotency.ts';
import type { Actor } from './policy.ts';
import { timeOrderedId } from './time-ordered-id.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/**
 * The one place audit rows are written. Call it with the transaction of the change so the
 * change and its audit entry commit or fail together.
 */
export async function audit(db: Kysely<DB>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  // A write sent with an Idempotency-Key records it here, in the write's own transaction.
  await claimIdempotencyKey(db, actor);
  // An offline entry based on an older version of the person is refused here, in the same transaction.
  await checkBasedOn(db, actor);
  const offline = basedOnDetails(actor);
  const details = offline ? { ...entry.details, offline } : entry.details;
  await db
    .insertInto('audit_log')
    .values(rowOf(actor, { ...entry, details }, new Date().toISOString()))
    .execute();
}

/**
 * Rows per INSERT of `auditMany`: 11 values a row, so 1,000 rows stay far below SQLite's limit of 32,766
 * bound variables (and PostgreSQL's 65,535) — one INSERT of a national drill-down's 50,000 people would not.
 */
export const AUDIT_BATCH_ROWS = 1000;

/**
 * Audits a batch of reads (a search result page, the people of a drill-down or its export) in as few inserts
 * as the databases allow, in the caller's transaction. A null actor is the command line (as in `audit`).
 */
export async function auditMany(db: Kysely<DB>, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await claimIdempotencyKey(db, actor);
  await checkBasedOn(db, actor);
  const at = new Date().toISOString();
  for (let i = 0; i < entries.length; i += AUDIT_BATCH_ROWS)
    await db
      .insertInto('audit_log')
      .values(entries.slice(i, i + AUDIT_BATCH_ROWS).map((e) => rowOf(actor, e, at)))
      .execute();
}

type AuditRow = Insertable<DB['audit_log']>;

const rowOf = (actor: Actor | null, e: AuditEntry, at: string): AuditRow => ({
  // Time-ordered: appended side by side in the primary key's index (platform/time-ordered-id.ts).
  id: timeOrderedId(),
  at,
  user_id: actor?.userId ?? null,
  username: actor?.username ?? null,
  role: actor?.role ?? null,
  action: e.action,
  entity_type: e.entityType,
  entity_id: e.entityId ?? null,
  ip: actor?.ip ?? null,
  reason: e.reason ?? null,
  details: e.details ? JSON.stringify(e.details) : null,
});

/**
 * The audit entries of READS, appended in batches by a single writer instead of a write transaction per read
 * (on SQLite that transaction held the one connection and the file's write lock for every person page).
 * - An entry is queued with the time of its read; the queue is written every `flushMs` (one transaction, up
 *   to AUDIT_BATCH_ROWS rows an INSERT), at once when it reaches `max` — a read that finds it full waits for
 *   that write (the queue is bounded: memory never grows without limit, and no entry is ever dropped). If the
 *   write fails the entries stay queued and are retried; reads wait once the queue is full.
 * - Whoever reads the audit log in this process (the audit API, an export, a test) reads through the queue:
 *   entries waiting are written first (a read barrier on the table, db/change-tracker.ts).
 * - Closing the database (graceful shutdown: SIGTERM/SIGINT, app.close) writes what is queued.
 * - What a kill -9 can lose: the read entries of the last `flushMs` (not yet written). Writes keep their audit
 *   row in their own transaction (`audit`): an acknowledged write and its audit row are never lost.
 */
export class AuditQueue {
  private queue: AuditRow[] = [];
  /** The batch being written by the writer (resolves once committed or failed). */
  private writing: Promise<void> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Entries written and batches, for tests and the benchmark. */
  readonly stats = { written: 0, batches: 0, failures: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    readonly options: { flushMs: number; max: number },
    private readonly onError: (err: unknown) => void = (err) =>
      process.emitWarning(`audit batch not written yet (retried): ${String(err)}`),
  ) {}

  get pending() {
    return this.queue.length;
  }

  /** Queues entries; resolves at once, or once written when the queue is full (or when closed / flushMs 0). */
  add(rows: AuditRow[]): Promise<void> {
    this.queue.push(...rows);
    if (this.closed || this.options.flushMs === 0 || this.queue.length >= this.options.max)
      return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(() => undefined);
      }, this.options.flushMs);
      this.timer.unref?.();
    }
    return Promise.resolve();
  }

  /** Writes what is queued now (one writer: batches never overlap, and keep their order). */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.writeBatch());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async writeBatch() {
    if (this.queue.length === 0) return;
    let done!: () => void;
    const p = this.db
      .transaction()
      .execute(async (trx) => {
        // Taken once the transaction holds its connection: on SQLite no read barrier can run meanwhile.
        this.writing = new Promise<void>((r) => {
          done = r;
        });
        const batch = this.queue.splice(0);
        try {
          for (let i = 0; i < batch.length; i += AUDIT_BATCH_ROWS)
            await trx
              .insertInto('audit_log')
              .values(batch.slice(i, i + AUDIT_BATCH_ROWS))
              .execute();
        } catch (e) {
          this.queue.unshift(...batch);
          throw e;
        }
        this.stats.written += batch.length;
        this.stats.batches++;
      })
      .catch((err) => {
        this.stats.failures++;
        this.onError(err);
        throw err;
      })
      .finally(() => {
        this.writing = null;
        done?.();
      });
    await p;
  }

  /**
   * Before a read of the audit log outside a transaction, on the connection about to run it: waits for the
   * batch being written (PostgreSQL: on another connection), then writes what is queued on this connection.
   */
  async barrier(conn: DatabaseConnection) {
    if (this.writing) await this.writing;
    const batch = this.queue.splice(0);
    for (let i = 0; i < batch.length; i += AUDIT_BATCH_ROWS) {
      const part = batch.slice(i, i + AUDIT_BATCH_ROWS);
      try {
        await conn.executeQuery(this.db.insertInto('audit_log').values(part).compile());
      } catch (e) {
        this.queue.unshift(...batch.slice(i));
        throw e;
      }
      this.stats.written += part.length;
      this.stats.batches++;
    }
  }

  /** Writes what is queued; later entries are written as they come (no timer). */
  async close() {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}

const queues = new WeakMap<Kysely<any>, AuditQueue>();

/**
 * Gives a database its read audit queue: registered as the audit log's read barrier, written when the database
 * is closed (before it closes).
 */
export function attachAuditQueue(database: Database, options: { flushMs: number; max: number }): AuditQueue {
  const q = new AuditQueue(database.db, options);
  queues.set(database.db, q);
  database.readBarriers.set('audit_log', (conn) => q.barrier(conn));
  const close = database.close;
  database.close = async () => {
    try {
      await q.close();
    } finally {
      await close();
    }
  };
  return q;
}

export function auditQueueOf(db: Kysely<any>): AuditQueue | undefined {
  return queues.get(db);
}

/**
 * Audits a READ (nothing written with it): queued for the batch writer when `db` has a queue (the server's
 * database handle), else inserted at once (a transaction's handle, the command line, a script).
 */
export async function auditRead(db: Kysely<DB>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  return auditReads(db, actor, [entry]);
}

/** `auditRead` for several entries (a search result page, a drill-down's people). */
export async function auditReads(db: Kysely<DB>, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date().toISOString();
  const rows = entries.map((e) => rowOf(actor, e, at));
  const q = queues.get(db);
  if (q) return q.add(rows);
  for (let i = 0; i < rows.length; i += AUDIT_BATCH_ROWS)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + AUDIT_BATCH_ROWS))
      .execute();
}
