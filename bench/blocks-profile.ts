import fs from 'node:fs';
import path from 'node:path';
import { BLOCK_BY_ID } from '@hoanhap/domain/indicators';
import { periodRange } from '@hoanhap/domain/reporting-periods';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { AppDeps } from '../apps/server/src/app-deps.ts';
import { prepare } from '../apps/server/src/bootstrap.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ChangeTracker, registerTracker, trackChanges } from '../apps/server/src/db/change-tracker.ts';
import type { DB } from '../apps/server/src/db/schema.ts';
import { keptGrids } from '../apps/server/src/modules/reports/aggregates/aggregates.repo.ts';
import { blocksRepo, SPREAD_BLOCKS } from '../apps/server/src/modules/reports/blocks.repo.ts';
import { dashboard } from '../apps/server/src/modules/reports/catalogue.service.ts';
import { catalogueBlockRefs } from '../apps/server/src/modules/reports/figures-warmup.job.ts';
import { benchSqlite } from './lib/sqlite-handle.ts';
import { argValue, nationalActor, REPO } from './lib/target.ts';

// npx tsx bench/blocks-profile.ts [--database-url postgres://…/bench_cold | --sqlite FILE] [--from D --to D]
//   [--only block,block] [--dashboard] [--records]
// Times, for one period (by default the benchmark's `dashboard_national_unwarmed` quarter: the last quarter
// before the data set's as-of day, a year earlier), every catalogue block the national dashboard computes, as
// the engine computes it when nothing is kept: its grid (one pass, GROUP BY province, commune, facility) or,
// for a block whose records span cells, the nation's count. Each line: the time, and the plan's key lines
// (SQLite EXPLAIN QUERY PLAN's SCAN/SEARCH lines; PostgreSQL EXPLAIN's scan nodes). With --dashboard, also the
// whole national dashboard computed in this process on a fresh figure store (the engine as the server runs it).

const args = process.argv.slice(2);
const databaseUrl = argValue(args, 'database-url');
const sqliteFile = databaseUrl
  ? undefined
  : path.resolve(argValue(args, 'sqlite') ?? path.join(REPO, 'bench/data/national/hoanhap.sqlite'));
const only = argValue(args, 'only')?.split(',');
// --dump FILE writes every block's answer (sorted) to FILE; --compare FILE checks them against an earlier dump.
const dumpFile = argValue(args, 'dump');
const compareFile = argValue(args, 'compare');
const answers: Record<string, string[]> = {};
// --records: every grid from the blocks' records, never from the aggregates the writes keep (migration 0037).
const fromRecords = args.includes('--records');
// …and the in-process dashboard (--dashboard) too.
keptGrids.enabled = !fromRecords;

function unwarmedPeriod(asOf: string) {
  let year = Number(asOf.slice(0, 4));
  for (;;) {
    for (let index = 4; index >= 1; index--) {
      const r = periodRange('quarter', year, index);
      if (r.to < asOf)
        return {
          from: `${Number(r.from.slice(0, 4)) - 1}${r.from.slice(4)}`,
          to: `${Number(r.to.slice(0, 4)) - 1}${r.to.slice(4)}`,
        };
    }
    year--;
  }
}

const statsFile = sqliteFile
  ? `${sqliteFile}.stats.json`
  : path.join(REPO, 'bench/data/national-postgres.stats.json');
const asOf =
  argValue(args, 'as-of') ??
  (fs.existsSync(statsFile) ? JSON.parse(fs.readFileSync(statsFile, 'utf8')).asOf : undefined);
const period =
  argValue(args, 'from') && argValue(args, 'to')
    ? { from: argValue(args, 'from')!, to: argValue(args, 'to')! }
    : unwarmedPeriod(asOf ?? new Date().toISOString().slice(0, 10));

const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: sqliteFile ? path.dirname(sqliteFile) : '/tmp' }),
  databaseUrl,
};
// Migrated (and units loaded) first, as the server does at start; then a handle of its own whose query log
// gives each block's statement and parameters, with the change tracker the figure store needs.
await (await prepare(config, { sqliteFile })).database.close();
let last: { sql: string; params: readonly unknown[] } = { sql: '', params: [] };
const log = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
  if (e.level === 'query') last = { sql: e.query.sql, params: e.query.parameters };
};
const changes = new ChangeTracker();
const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 10 }) : null;
const db = new Kysely<DB>({
  dialect: trackChanges(
    pool ? new PostgresDialect({ pool }) : new SqliteDialect({ database: benchSqlite(sqliteFile!, {}) }),
    changes,
  ),
  log,
});
registerTracker(db, changes);
const dialect = pool ? 'postgres' : 'sqlite';
const deps = {
  config,
  database: { db, dialect, changes, close: () => db.destroy() },
  now: () => new Date(),
} as unknown as AppDeps;
console.log(`${dialect} ${databaseUrl ?? sqliteFile}: national blocks, ${period.from} – ${period.to}`);

async function planLines(text: string, params: readonly unknown[]): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql
      .raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${inline(text, params)}`)
      .execute(db);
    return rows.map((r) => r.detail).filter((d) => /SCAN|SEARCH/.test(d));
  }
  const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN ${inline(text, params)}`).execute(db);
  return rows.map((r) => r['QUERY PLAN'].trim()).filter((l) => /Scan|Join|Loop|SubPlan/.test(l));
}

// Parameters written in (EXPLAIN through sql.raw has no bindings); dates, codes and numbers only.
function inline(text: string, params: readonly unknown[]) {
  let i = 0;
  const lit = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  return dialect === 'sqlite'
    ? text.replace(/\?/g, () => lit(params[i++]))
    : text.replace(/\$(\d+)/g, (_, n) => lit(params[Number(n) - 1]));
}

const refs = [...(await catalogueBlockRefs(db)).values()];
const rows: { block: string; params: string; ms: number; plan: string[] }[] = [];
let total = 0;
// This process's CPU time: on SQLite the query's own work, whatever else the machine is doing.
let totalCpu = 0;
for (const ref of refs) {
  if (only && !only.includes(ref.block)) continue;
  const measure = BLOCK_BY_ID.get(ref.block)!.measure;
  const params = ref.params ?? {};
  const nation = { kind: 'nation' } as const;
  const spread = SPREAD_BLOCKS.has(ref.block);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const q = spread
    ? await blocksRepo.aggregate(db, ref.block, params, period, nation, measure)
    : await (fromRecords ? blocksRepo.recordsGrid : blocksRepo.grid)(
        db,
        ref.block,
        params,
        period,
        nation,
        measure,
      );
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const cpu = (c1.user + c1.system) / 1000;
  total += ms;
  totalCpu += cpu;
  const plan = await planLines(last.sql, last.params);
  answers[JSON.stringify([ref.block, params])] = (q as object[]).map((r) => JSON.stringify(r)).sort();
  const p = Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  rows.push({ block: ref.block, params: p, ms, plan });
  console.log(
    `${ms.toFixed(0).padStart(7)} ms ${cpu.toFixed(0).padStart(6)} cpu  ${ref.block}${p ? `(${p})` : ''}${spread ? ' [spread]' : ''}  ${q.length} rows`,
  );
  for (const l of plan.slice(0, 6)) console.log(`            ${l}`);
}
console.log(
  `${total.toFixed(0).padStart(7)} ms ${totalCpu.toFixed(0).padStart(6)} cpu  total (${rows.length} blocks, one after another)`,
);
const slow = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 8);
console.log(
  `slowest: ${slow.map((r) => `${r.block}${r.params ? `(${r.params})` : ''} ${r.ms.toFixed(0)}`).join('; ')}`,
);

if (dumpFile) fs.writeFileSync(dumpFile, JSON.stringify(answers));
if (compareFile) {
  const before = JSON.parse(fs.readFileSync(compareFile, 'utf8')) as Record<string, string[]>;
  let differ = 0;
  for (const [k, v] of Object.entries(answers)) {
    const b = before[k];
    if (!b) continue;
    if (JSON.stringify(b) !== JSON.stringify(v)) {
      differ++;
      console.log(`DIFFERENT: ${k} (${b.length} rows before, ${v.length} now)`);
    }
  }
  console.log(differ ? `${differ} blocks answer differently` : 'every block answers as in the earlier dump');
}

if (args.includes('--dashboard')) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const d = await dashboard(deps, nationalActor, { unit: 'VN', ...period });
  const c1 = process.cpuUsage(c0);
  console.log(
    `national dashboard in process, nothing kept: ${(performance.now() - t0).toFixed(0)} ms, ${((c1.user + c1.system) / 1000).toFixed(0)} ms CPU in this process (${d.figures.length} figures)`,
  );
}
await deps.database.close();
process.exit(0);
