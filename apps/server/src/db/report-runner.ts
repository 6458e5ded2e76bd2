import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';
import pg from 'pg';

/**
 * Where report and dashboard SQL runs (the figure engine's block queries, the warm-up's included): off the
 * request path of everyone else, at most `concurrency` statements at a time, the rest queued in order.
 * - SQLite (better-sqlite3 is synchronous: one national aggregate holds the event loop for seconds): worker
 *   threads, each with its own read-only connection to the file (WAL mode: they read beside the writer and
 *   see every committed write), so person pages keep being served while the nation's figures compute.
 * - PostgreSQL: a small pool of its own, so report work never takes the request pool's connections.
 * A transaction's queries never come here (its handle has no runner): they must see the transaction's writes.
 */
export type ReportRunner = {
  readonly concurrency: number;
  /** Extra statements one batch may run at once while nothing else waits (see `inReportBatch`). */
  readonly burst: number;
  run<R>(q: CompiledQuery): Promise<R[]>;
  /** Statements queued or running now (for tests and the benchmark). */
  readonly busy: number;
  /** Statements running now. */
  readonly running: number;
  close(): Promise<void>;
};

const runners = new WeakMap<Kysely<any>, ReportRunner>();

export function registerReportRunner(db: Kysely<any>, runner: ReportRunner): void {
  runners.set(db, runner);
}

export function reportRunnerOf(db: Kysely<any>): ReportRunner | undefined {
  return runners.get(db);
}

/** The rows of a report query: through the database's report runner when it has one, else on `db` itself. */
export async function reportRows<R>(db: Kysely<any>, query: RawBuilder<R>): Promise<R[]> {
  const runner = runners.get(db);
  if (!runner) return (await query.execute(db)).rows;
  return runner.run<R>(query.compile(db));
}

type Job = {
  sql: string;
  params: readonly unknown[];
  /** The batch the statement belongs to (`inReportBatch`), if any. */
  batch: object | undefined;
  resolve: (rows: any[]) => void;
  reject: (e: Error) => void;
};

// A batch: the statements of one request that needs many at once (a national dashboard's dozens of block
// grids). While the runner holds the statements of one batch only — no other report work queued or running —
// and no other request is being served (`requestsInFlight`), the batch may use `burst` more
// workers/connections than `concurrency`: the cores otherwise left idle. Anything else arriving (another
// request's statement, a warm-up's) waits only for the statements already started, never for the burst.
const batches = new AsyncLocalStorage<object>();

const closedError = () => new Error('the database is closed');

/** Queues a statement, in the caller's batch (`inReportBatch`) if any, and starts what may start. */
function enqueue<R>(queue: Job[], q: CompiledQuery, pump: () => void): Promise<R[]> {
  return new Promise<R[]>((resolve, reject) => {
    queue.push({ sql: q.sql, params: q.parameters, batch: batches.getStore(), resolve, reject });
    pump();
  });
}

/** Runs `f` with its report statements marked as one batch. */
export function inReportBatch<T>(f: () => Promise<T>): Promise<T> {
  return batches.run({}, f);
}

/** Extra slots by default: the cores beyond the report concurrency (2 cores, concurrency 1: one). */
const defaultBurst = (concurrency: number) => Math.max(0, os.availableParallelism() - concurrency);

// Requests being served now, counted by the HTTP layer (platform/http/requests-in-flight.ts). A batch's own
// request is one of them: the spare cores are the batch's while it is the only one. (An earlier rule, "the event
// loop is less than half busy", refused most of a national dashboard's statements on a quiet machine: the loop
// was busy with that dashboard's own results.)
let inFlight = 0;
export const requestsInFlight = {
  start: () => {
    inFlight++;
  },
  end: () => {
    inFlight = Math.max(0, inFlight - 1);
  },
  get count() {
    return inFlight;
  },
};

/**
 * Whether a burst slot may take `next`: only statements of the one batch the runner holds, while no request but
 * the batch's own is being served. A batch refused only because of other requests is offered again shortly
 * (`retry`).
 */
function burstAllowed(next: Job, running: readonly Job[], queue: readonly Job[], retry: () => void): boolean {
  const batch = next.batch;
  if (!batch) return false;
  for (const j of running) if (j.batch !== batch) return false;
  for (const j of queue) if (j.batch !== batch) return false;
  if (inFlight <= 1) return true;
  retry();
  return false;
}

/** `pump` again in 50 ms, once however often asked meanwhile. */
function retrier(pump: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      pump();
    }, 50).unref();
  };
}

/** Worker threads with their own read-only connections to a SQLite file. */
export function sqliteReportRunner(
  file: string,
  concurrency: number,
  {
    busyTimeoutMs = 5000,
    burst = defaultBurst(concurrency),
    mmapBytes = 0,
  }: { busyTimeoutMs?: number; burst?: number; mmapBytes?: number } = {},
): ReportRunner {
  type Slot = { worker: Worker | null; job: Job | null; extra: boolean };
  const base = Math.max(1, concurrency);
  const slots: Slot[] = Array.from({ length: base + burst }, (_, i) => ({
    worker: null,
    job: null,
    extra: i >= base,
  }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (slot: Slot) => {
    const worker = new Worker(new URL('./report-worker.mjs', import.meta.url), {
      workerData: { file, busyTimeoutMs, mmapBytes },
      // Not the server's --import tsx (the worker is plain JavaScript) nor its heap limit.
      execArgv: [],
    });
    worker.unref();
    worker.on('message', (m: { rows?: any[]; error?: { message: string; code?: string } }) => {
      const job = slot.job;
      slot.job = null;
      if (job) {
        if (m.error) job.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else job.resolve(m.rows ?? []);
      }
      pump();
    });
    const lost = (err: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.job;
      slot.job = null;
      job?.reject(err);
      pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`report worker exited (${code})`)));
    slot.worker = worker;
    return worker;
  };

  const pump = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      if (slot.extra) {
        const running = slots.flatMap((s) => (s.job ? [s.job] : []));
        if (!burstAllowed(queue[0]!, running, queue, retry)) continue;
      }
      const job = queue.shift()!;
      slot.job = job;
      const worker = slot.worker ?? spawn(slot);
      worker.postMessage({ id: nextId++, sql: job.sql, params: job.params });
    }
  };

  const retry = retrier(pump);

  return {
    concurrency: base,
    burst,
    get busy() {
      return queue.length + slots.filter((s) => s.job).length;
    },
    get running() {
      return slots.filter((s) => s.job).length;
    },
    run<R>(q: CompiledQuery) {
      return closed ? Promise.reject(closedError()) : enqueue<R>(queue, q, pump);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(closedError());
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          if (w) await w.terminate();
        }),
      );
    },
  };
}

/**
 * A PostgreSQL pool of its own for report work: at most `concurrency` statements at once (the rest queued in
 * order), and `burst` more for one batch while nothing else waits, on connections of their own (opened on demand
 * with the same settings, closed when idle).
 */
export function postgresReportRunner(
  pool: pg.Pool,
  concurrency: number,
  burst = defaultBurst(concurrency),
): ReportRunner {
  const base = Math.max(1, concurrency);
  const extraPool =
    burst > 0 ? new pg.Pool({ ...pool.options, max: burst, idleTimeoutMillis: 10_000 }) : null;
  extraPool?.on('error', (err) => process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`));
  const queue: Job[] = [];
  const running: Job[] = [];
  let extraRunning = 0;
  let closed = false;

  const start = (job: Job, on: pg.Pool, extra: boolean) => {
    running.push(job);
    if (extra) extraRunning++;
    on.query(job.sql, job.params as unknown[]).then(
      (r) => finish(job, extra, () => job.resolve(r.rows)),
      (e) => finish(job, extra, () => job.reject(e)),
    );
  };
  const finish = (job: Job, extra: boolean, settle: () => void) => {
    running.splice(running.indexOf(job), 1);
    if (extra) extraRunning--;
    settle();
    pump();
  };
  const pump = () => {
    while (!closed && queue.length > 0) {
      if (running.length - extraRunning < base) start(queue.shift()!, pool, false);
      else if (extraPool && extraRunning < burst && burstAllowed(queue[0]!, running, queue, retry))
        start(queue.shift()!, extraPool, true);
      else return;
    }
  };

  const retry = retrier(pump);

  return {
    concurrency: base,
    burst,
    get busy() {
      return queue.length + running.length;
    },
    get running() {
      return running.length;
    },
    run<R>(q: CompiledQuery) {
      return closed ? Promise.reject(closedError()) : enqueue<R>(queue, q, pump);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(closedError());
      await Promise.all([pool.end(), extraPool?.end()]);
    },
  };
}
