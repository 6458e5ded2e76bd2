import { Worker } from 'node:worker_threads';
import type { CompiledQuery, Kysely, RawBuilder } from 'kysely';
import type pg from 'pg';

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
  run<R>(q: CompiledQuery): Promise<R[]>;
  /** Statements queued or running now (for tests and the benchmark). */
  readonly busy: number;
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
  resolve: (rows: any[]) => void;
  reject: (e: Error) => void;
};

/** Worker threads with their own read-only connections to a SQLite file. */
export function sqliteReportRunner(file: string, concurrency: number, busyTimeoutMs = 5000): ReportRunner {
  type Slot = { worker: Worker | null; job: Job | null };
  const slots: Slot[] = Array.from({ length: Math.max(1, concurrency) }, () => ({ worker: null, job: null }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (slot: Slot) => {
    const worker = new Worker(new URL('./report-worker.mjs', import.meta.url), {
      workerData: { file, busyTimeoutMs },
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
      const job = queue.shift()!;
      slot.job = job;
      const worker = slot.worker ?? spawn(slot);
      worker.postMessage({ id: nextId++, sql: job.sql, params: job.params });
    }
  };

  return {
    concurrency: slots.length,
    get busy() {
      return queue.length + slots.filter((s) => s.job).length;
    },
    run<R>(q: CompiledQuery) {
      if (closed) return Promise.reject(new Error('the database is closed'));
      return new Promise<R[]>((resolve, reject) => {
        queue.push({ sql: q.sql, params: q.parameters, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the database is closed'));
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

/** A PostgreSQL pool of its own for report work: at most `concurrency` connections. */
export function postgresReportRunner(pool: pg.Pool, concurrency: number): ReportRunner {
  let busy = 0;
  return {
    concurrency,
    get busy() {
      return busy;
    },
    async run<R>(q: CompiledQuery) {
      busy++;
      try {
        return (await pool.query(q.sql, q.parameters as unknown[])).rows as R[];
      } finally {
        busy--;
      }
    },
    close: () => pool.end(),
  };
}
