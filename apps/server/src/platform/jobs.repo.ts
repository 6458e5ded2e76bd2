import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, JobRunTable } from '../db/schema.ts';

// Leases and the record of background job runs (platform/jobs.ts).
export const jobsRepo = {
  /**
   * Takes the job's lease for `slot` when no server holds it, no run took it for this slot or a later one, and
   * (minGapMs) none started less than that long ago. One statement: of servers racing for a slot, one wins.
   */
  async acquire(
    db: Kysely<DB>,
    a: { job: string; slot: string; holder: string; now: Date; leaseMs: number; minGapMs: number },
  ): Promise<boolean> {
    await db
      .insertInto('job_leases')
      .values({ job: a.job, slot: '', holder: null, lease_until: null, started_at: null })
      .onConflict((oc) => oc.column('job').doNothing())
      .execute();
    const now = a.now.toISOString();
    const r = await db
      .updateTable('job_leases')
      .set({
        slot: a.slot,
        holder: a.holder,
        lease_until: new Date(a.now.getTime() + a.leaseMs).toISOString(),
        started_at: now,
      })
      .where('job', '=', a.job)
      .where('slot', '<', a.slot)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .where((eb) =>
        eb.or([
          eb('started_at', 'is', null),
          eb('started_at', '<=', new Date(a.now.getTime() - a.minGapMs).toISOString()),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  renew: (db: Kysely<DB>, job: string, holder: string, until: Date) =>
    db
      .updateTable('job_leases')
      .set({ lease_until: until.toISOString() })
      .where('job', '=', job)
      .where('holder', '=', holder)
      .execute(),

  release: (db: Kysely<DB>, job: string, holder: string) =>
    db
      .updateTable('job_leases')
      .set({ lease_until: null })
      .where('job', '=', job)
      .where('holder', '=', holder)
      .execute(),

  /** Runs still marked running when their lease was taken again: their server stopped during them. */
  markInterrupted: (db: Kysely<DB>, job: string, at: Date) =>
    db
      .updateTable('job_runs')
      .set({ outcome: 'interrupted', ended_at: at.toISOString() })
      .where('job', '=', job)
      .where('outcome', '=', 'running')
      .execute(),

  async start(db: Kysely<DB>, r: { job: string; slot: string; server: string; at: Date }) {
    const id = randomUUID();
    await db
      .insertInto('job_runs')
      .values({
        id,
        job: r.job,
        slot: r.slot,
        server: r.server,
        started_at: r.at.toISOString(),
        ended_at: null,
        outcome: 'running',
        error: null,
      })
      .execute();
    return id;
  },

  end: (db: Kysely<DB>, id: string, at: Date, outcome: JobRunTable['outcome'], error: string | null) =>
    db
      .updateTable('job_runs')
      .set({ ended_at: at.toISOString(), outcome, error })
      .where('id', '=', id)
      .execute(),

  /** The latest runs, newest first (optionally of one job). */
  list: (db: Kysely<DB>, o: { job?: string; limit: number }) => {
    let q = db.selectFrom('job_runs').selectAll();
    if (o.job) q = q.where('job', '=', o.job);
    return q.orderBy('started_at', 'desc').orderBy('id').limit(o.limit).execute();
  },

  /** Runs started before `before` (kept 90 days). */
  pruneBefore: (db: Kysely<DB>, before: string) =>
    db.deleteFrom('job_runs').where('started_at', '<', before).where('outcome', '!=', 'running').execute(),
};
