import type { EpisodeOutcome, EpisodeType } from '@hoanhap/domain/episode-types';
import { minDate } from '@hoanhap/domain/iso-date';
import { monitoringLimit } from '@hoanhap/domain/monitoring-rules';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { scheduleJob } from '../../platform/jobs.ts';
import { letRequestsIn } from '../../platform/let-requests-in.ts';
import { monitoringEndRepo } from './monitoring.repo.ts';

// A measure rests on the person's situation (community rehab, substitution therapy, post-rehab management). When
// that episode closes before the measure's planned end (a relapse, quitting therapy), the ground for monitoring
// is gone: the end task ("remove the device") is moved to the day the episode ended, so the work list shows it
// as due now rather than at the planned end. Run every night and once at start; idempotent.

/** Moves the end task of each running measure whose qualifying episode ended first; returns how many moved. */
export async function syncMonitoringEnds(db: Kysely<DB>): Promise<number> {
  const rows = await monitoringEndRepo.runningOnClosedEpisodes(db);
  let moved = 0;
  for (const r of rows) {
    const limit = monitoringLimit({
      type: r.type as EpisodeType,
      start: r.start_date,
      end: r.actual_end,
      plannedEnd: r.episode_planned_end,
      outcome: (r.outcome as EpisodeOutcome | null) ?? null,
    });
    const due = minDate(limit, r.planned_end);
    if (due === r.due_date) continue;
    await db.transaction().execute(async (trx) => {
      await monitoringEndRepo.redateTask(trx, r.task_id, due);
      await audit(trx, null, {
        action: 'monitoring.end_task_moved',
        entityType: 'monitoring_measure',
        entityId: r.measure_id,
        details: { taskId: r.task_id, from: r.due_date, to: due, episodeId: r.episode_id },
      });
    });
    moved++;
    if (moved % 50 === 0) await letRequestsIn();
  }
  return moved;
}

/** Registers the nightly run (Vietnam time) and a catch-up once the server is ready. */
export function registerMonitoringEnds(app: FastifyInstance, deps: AppDeps): void {
  scheduleJob(app, deps, {
    name: 'monitoring-end',
    pattern: '15 0 * * *',
    atStart: {},
    run: async () => ({ moved: await syncMonitoringEnds(deps.database.db) }),
  });
}
