import type { AppDeps } from '../../app-deps.ts';
import { jobsRepo } from '../../platform/jobs.repo.ts';
import { type Actor, authorizeJobRuns } from '../../platform/policy.ts';

/** The latest background job runs (no personal data: not audited as a read). */
export async function listJobRuns(deps: AppDeps, actor: Actor, q: { job?: string; limit: number }) {
  authorizeJobRuns(actor);
  const rows = await jobsRepo.list(deps.database.db, q);
  return rows.map((r) => ({
    id: r.id,
    job: r.job,
    slot: r.slot,
    server: r.server,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    outcome: r.outcome,
    error: r.error,
  }));
}
