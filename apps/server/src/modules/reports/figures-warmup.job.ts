import { BLOCK_BY_ID, type BlockRef } from '@hoanhap/domain/indicators';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { scheduleJob } from '../../platform/jobs.ts';
import { letRequestsIn } from '../../platform/let-requests-in.ts';
import { SPREAD_BLOCKS } from './blocks.repo.ts';
import { loadCutoffSettings } from './cutoff.service.ts';
import { allIndicators } from './engine.service.ts';
import { figureStoreOf } from './figure-store.ts';
import { aggregateFigures } from './figures.ts';

// Computes ahead, for the nation, the figures of the periods dashboards open on (recentPeriods): after the
// server starts (once the status catch-up has re-derived people's statuses, which would otherwise make them
// stale at once), then every 10 minutes for the figures writes have made stale. Each block is one pass over
// its records grouped by cell (figures.ts), from which every unit's dashboard and every province report's
// per-commune table are sums; blocks whose records span cells get the nation's figure per province, commune
// and facility instead.

const LEVELS = ['province', 'commune', 'facility'] as const;

/** The distinct computable blocks (with their parameters) the catalogue's indicators count. */
export async function catalogueBlockRefs(db: Kysely<DB>): Promise<Map<string, BlockRef>> {
  const refs = new Map<string, BlockRef>();
  for (const def of await allIndicators(db))
    for (const ref of [def.numerator, def.denominator])
      if (ref && BLOCK_BY_ID.get(ref.block)?.source !== 'pending')
        refs.set(JSON.stringify([ref.block, Object.entries(ref.params ?? {}).sort()]), ref);
  return refs;
}

/** Computes (or finds current) every catalogue figure of the nation for the recent periods. */
export async function warmFigures(
  db: Kysely<DB>,
  today: string,
  stop: { stopped: boolean } = { stopped: false },
): Promise<{ periods: number; blocks: number }> {
  const refs = await catalogueBlockRefs(db);
  const periods = recentPeriods(await loadCutoffSettings(db), today);
  for (const range of periods)
    for (const ref of refs.values()) {
      if (stop.stopped) break;
      const measure = BLOCK_BY_ID.get(ref.block)!.measure;
      const params = ref.params ?? {};
      await aggregateFigures(db, ref.block, params, range, { kind: 'nation' }, measure);
      if (SPREAD_BLOCKS.has(ref.block))
        for (const level of LEVELS)
          await aggregateFigures(db, ref.block, params, range, { kind: 'nation' }, measure, level);
      await letRequestsIn();
    }
  return { periods: periods.length, blocks: refs.size };
}

export function registerFiguresWarmup(app: FastifyInstance, deps: AppDeps, after: () => Promise<void>) {
  if (!deps.config.reportsWarmup) return;
  const stop = { stopped: false };
  app.addHook('onClose', async () => {
    stop.stopped = true;
  });
  // Once across the servers of one database (platform/jobs.ts): the figures it computes are kept in the
  // database too (figure-store.ts), from which the other servers take them.
  scheduleJob(app, deps, {
    name: 'figures-warmup',
    pattern: '*/10 * * * *',
    atStart: { after },
    run: async () => {
      const t0 = performance.now();
      const r = await warmFigures(deps.database.db, vnToday(deps.now()), stop);
      const store = figureStoreOf(deps.database.db);
      const ms = Math.round(performance.now() - t0);
      if (store && !stop.stopped) {
        store.warmups.last = { at: Date.now(), ms };
        store.warmups.first ??= store.warmups.last;
      }
      app.log.info({ ...r, ms, kept: store?.size }, 'figures computed ahead');
      return r;
    },
  });
}
