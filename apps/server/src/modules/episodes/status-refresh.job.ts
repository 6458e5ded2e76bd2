import { addDays } from '@hoanhap/domain/iso-date';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { scheduleJob } from '../../platform/jobs.ts';
import { refreshStatuses } from './person-status.ts';

// Every night just after midnight (Vietnam), re-derive the status of people whose episode ended the day
// before; the look-back covers a server that was off for a few weeks. Also run once at start (once across the
// servers of one database: platform/jobs.ts).
const LOOK_BACK_DAYS = 45;

/** Registers the nightly refresh; returns the start-up catch-up (set once the server is ready). */
export function registerStatusRefresh(app: FastifyInstance, deps: AppDeps): () => Promise<void> {
  // The start-up catch-up is not awaited: with the national data set it re-derives thousands of people and
  // outlasts Fastify's 10 s ready timeout (the server did not start on PostgreSQL; bench/README.md).
  return scheduleJob(app, deps, {
    name: 'status-refresh',
    pattern: '5 0 * * *',
    atStart: {},
    run: async () => {
      const now = deps.now();
      await refreshStatuses(deps.database.db, now, addDays(vnToday(now), -LOOK_BACK_DAYS));
    },
  });
}
