// Probe: time the figure warm-up and the dashboards it serves, in process, on a generated database.
// npx tsx bench/warmup-probe.ts [sqlite-file | postgres-url] [as-of]

import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { allIndicators, computeFigure } from '../apps/server/src/modules/reports/engine.service.ts';
import { figureStoreOf } from '../apps/server/src/modules/reports/figure-store.ts';
import { warmFigures } from '../apps/server/src/modules/reports/figures-warmup.job.ts';
import { indicatorsForUnit } from '../apps/server/src/modules/reports/periodic.service.ts';

const target = process.argv[2] ?? 'bench/data/national/hoanhap.sqlite';
const today = process.argv[3] ?? new Date().toISOString().slice(0, 10);
const database = target.startsWith('postgres')
  ? openDatabase({ databaseUrl: target, dataDir: '/tmp' })
  : openDatabase({ dataDir: '/tmp', sqliteFile: target });
const db = database.db;
const range = recentPeriods([], today)[3]!;
const dash = async (unit: any, kind: any) => {
  const t0 = performance.now();
  const defs = indicatorsForUnit(await allIndicators(db), kind);
  await Promise.all(defs.map((d) => computeFigure(db, d, unit, range)));
  return Math.round(performance.now() - t0);
};
console.log('cold national dashboard ms', await dash({ kind: 'nation' }, 'nation'));
console.log('warm national dashboard ms', await dash({ kind: 'nation' }, 'nation'));
console.log('province 01 ms', await dash({ kind: 'province', code: '01' }, 'province'));
console.log('commune 00004 ms', await dash({ kind: 'commune', code: '00004' }, 'commune'));
const t0 = performance.now();
const r = await warmFigures(db, today);
console.log(
  'warm-up',
  r,
  Math.round(performance.now() - t0),
  'ms; entries',
  figureStoreOf(db)?.size,
  'rows',
  figureStoreOf(db)?.keptRows,
  figureStoreOf(db)?.stats,
);
console.log('rss MB', Math.round(process.memoryUsage().rss / 1e6));
await database.close();
