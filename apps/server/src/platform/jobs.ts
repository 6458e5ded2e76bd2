import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { jobsRepo } from './jobs.repo.ts';

// Every background job goes through here (issue 17): the one place the scheduler (croner) is called, and the
// once-only logic. Several processes and servers on one database each schedule every job; at each scheduled
// minute they race for the job's lease row (job_leases) and one wins: it runs the job, keeps the lease alive
// while it runs, records the run in job_runs (job, server, start, end, outcome, error) and logs it at info.
// The others skip that minute. A start-up run (a catch-up once the server is ready) is skipped when another
// server ran the job less than `startGapMinutes` ago or is running it. A server stopped during a run leaves its
// lease to expire (LEASE_MS, renewed every third of it while the run lasts); the next run marks it interrupted.

export type JobSpec = {
  /** Stable name, recorded in job_runs. */
  name: string;
  /** croner pattern, Vietnam time. */
  pattern: string;
  run: () => Promise<unknown>;
  /** Also run once the server is ready (after `after`), unless another server did it recently. */
  atStart?: { after?: () => Promise<void>; gapMinutes?: number };
};

const LEASE_MS = 5 * 60_000;
const KEEP_RUNS_DAYS = 90;

const servers = new WeakMap<AppDeps, string>();
/** This server process's name in job_runs: host, process id and a tag that tells two apps of one process apart. */
export function serverIdOf(deps: AppDeps): string {
  let id = servers.get(deps);
  if (!id) {
    id = `${os.hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
    servers.set(deps, id);
  }
  return id;
}

type Log = Pick<FastifyInstance['log'], 'info' | 'error'>;

/**
 * Runs `spec.run` for `slot` if this server wins the job's lease; resolves to whether it ran. Errors of the job
 * are recorded and logged, never thrown.
 */
export async function runOnce(
  deps: AppDeps,
  log: Log,
  spec: Pick<JobSpec, 'name' | 'run'>,
  slot: string,
  minGapMs = 0,
): Promise<boolean> {
  const db = deps.database.db;
  const holder = serverIdOf(deps);
  const won = await jobsRepo.acquire(db, {
    job: spec.name,
    slot,
    holder,
    now: new Date(),
    leaseMs: LEASE_MS,
    minGapMs,
  });
  if (!won) return false;
  await jobsRepo.markInterrupted(db, spec.name, new Date());
  const id = await jobsRepo.start(db, { job: spec.name, slot, server: holder, at: new Date() });
  log.info({ job: spec.name, slot, server: holder }, 'job started');
  const renew = setInterval(() => {
    jobsRepo.renew(db, spec.name, holder, new Date(Date.now() + LEASE_MS)).catch(() => {});
  }, LEASE_MS / 3);
  renew.unref?.();
  const t0 = performance.now();
  try {
    const result = await spec.run();
    await jobsRepo.end(db, id, new Date(), 'ok', null);
    log.info(
      { job: spec.name, slot, server: holder, ms: Math.round(performance.now() - t0), result },
      'job ended',
    );
  } catch (err) {
    await jobsRepo.end(db, id, new Date(), 'failed', String((err as Error)?.stack ?? err).slice(0, 4000));
    log.error({ err, job: spec.name, slot, server: holder }, 'job failed');
  } finally {
    clearInterval(renew);
    await jobsRepo.release(db, spec.name, holder);
  }
  return true;
}

/** The scheduled minute of a tick, the same on every server whose clock is within half a minute. */
const minuteSlot = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString();

/**
 * Schedules a job on this server (stopped when the app closes). Returns its start-up run, once the app is ready
 * (resolved at once when there is none).
 */
export function scheduleJob(app: FastifyInstance, deps: AppDeps, spec: JobSpec): () => Promise<void> {
  let cron: Cron | null = null;
  let startRun: Promise<void> | null = null;
  const running = new Set<Promise<unknown>>();
  const guarded = (slot: string, gap: number) => {
    const p = runOnce(deps, app.log, spec, slot, gap).catch((err) =>
      app.log.error({ err, job: spec.name }, 'job lease failed'),
    );
    running.add(p);
    p.finally(() => running.delete(p));
    return p.then(() => undefined);
  };
  app.addHook('onReady', async () => {
    // Not awaited: at national scale a catch-up is minutes of work and outlasts Fastify's ready timeout.
    if (spec.atStart) {
      const { after = async () => {}, gapMinutes = 10 } = spec.atStart;
      startRun = after().then(() => guarded(new Date().toISOString(), gapMinutes * 60_000));
    }
    cron = new Cron(spec.pattern, { timezone: 'Asia/Ho_Chi_Minh', protect: true }, async () => {
      await guarded(minuteSlot(new Date()), 0);
    });
  });
  app.addHook('onClose', async () => {
    cron?.stop();
    await startRun;
    await Promise.allSettled([...running]);
  });
  return () => startRun ?? Promise.resolve();
}

/** Keeps job_runs to its last 90 days (itself a job, run nightly). */
export function registerJobRunsPruning(app: FastifyInstance, deps: AppDeps) {
  scheduleJob(app, deps, {
    name: 'job-runs-pruning',
    pattern: '50 2 * * *',
    run: async () => {
      const before = new Date(Date.now() - KEEP_RUNS_DAYS * 86_400_000).toISOString();
      const r = await jobsRepo.pruneBefore(deps.database.db, before);
      return { deleted: Number(r[0]?.numDeletedRows ?? 0) };
    },
  });
}
