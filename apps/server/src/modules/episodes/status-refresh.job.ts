import { addDays } from '@hoanhap/domain/iso-date';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { Cron } from 'croner';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { refreshStatuses } from './person-status.ts';

// Every night just after midnight (Vietnam), re-derive the status of people whose episode ended the day
// before; the look-back covers a server that was off for a few weeks. Also run once at start.
const LOOK_BACK_DAYS = 45;

/** Registers the nightly refresh; returns the start-up catch-up (set once the server is ready). */
export function registerStatusRefresh(app: FastifyInstance, deps: AppDeps): () => Promise<void> {
  const run = async () => {
    const now = deps.now();
    try {
      await refreshStatuses(deps.database.db, now, addDays(vnToday(now), -LOOK_BACK_DAYS));
    } catch (err) {
      app.log.error({ err }, 'status refresh failed');
    }
  };
  let job: Cron | null = null;
  let catchUp: Promise<void> | null = null;
  app.addHook('onReady', async () => {
    // Not awaited: with the national data set the catch-up re-derives thousands of people and outlasts
    // Fastify's 10 s ready timeout (the server did not start on PostgreSQL; bench/README.md).
    catchUp = run();
    job = new Cron('5 0 * * *', { timezone: 'Asia/Ho_Chi_Minh', protect: true }, run);
  });
  app.addHook('onClose', async () => {
    job?.stop();
    await catchUp;
  });
  return () => catchUp ?? Promise.resolve();
}
