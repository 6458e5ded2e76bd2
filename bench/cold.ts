import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { periodRange } from '@hoanhap/domain/reporting-periods';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { AppDeps } from '../apps/server/src/app-deps.ts';
import { ChangeTracker, registerTracker, trackChanges } from '../apps/server/src/db/change-tracker.ts';
import type { DB } from '../apps/server/src/db/schema.ts';
import { blocksRepo } from '../apps/server/src/modules/reports/blocks.repo.ts';
import { dashboard } from '../apps/server/src/modules/reports/catalogue.service.ts';
import { BENCH_PASSWORD } from './lib/run-generator.ts';
import { secondFactor } from './lib/second-factor.ts';
import { serverEnv, startServer } from './lib/server.ts';
import { benchSqlite } from './lib/sqlite-handle.ts';
import { argValue, nationalActor, nationalStats, REPO } from './lib/target.ts';

// npm run bench:cold [-- --dialect sqlite|postgres|both --database-url postgres://…/bench_cold --sqlite FILE
//   --periods 3]  (--periods 0: the drill-down alone)
// The national figures of periods nobody opened and the warm-up does not cover (issue 13), and a 50,000-row
// drill-down, on an existing national data set (npm run bench:data), each beside its own SQL in the same run:
//
// - the limit of a cold dashboard: the statements the engine sends for the national dashboard of the period
//   when nothing is kept (each block's grid, or the nation's count for a block spread over cells), captured
//   once through Kysely's query log on a handle with the figure store, then replayed straight on the database
//   one after another (better-sqlite3 / one pg client);
// - the product: the real server (bench/lib/server-child.ts, its own process, after its start-up status
//   catch-up and figure warm-up), the first GET /api/dashboard of each period as a national officer (`cold`),
//   then the same request again (served from the kept grids);
// - the drill-down: the positive tests of the months up to the period's end, at least 50,000 records, at
//   national level: the first, a middle and the last page of 100 (sorted by date, then by name), and the whole
//   list as CSV and as Excel; its limit is the repository's page and count queries without HTTP, audit or JSON.
//
// Writes bench/results/<date>-cold-<dialect>.json.

const args = process.argv.slice(2);
const dialectArg = argValue(args, 'dialect') ?? 'both';
const pgUrl = argValue(args, 'database-url') ?? 'postgres://postgres@127.0.0.1:5432/bench_cold';
const sqliteFile = path.resolve(
  argValue(args, 'sqlite') ?? path.join(REPO, 'bench/data/national/hoanhap.sqlite'),
);
const DRILL_ROWS = 50_000;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Quarters (cut-off day 15) a year and more before the last one ended before the as-of day. */
function unwarmedQuarters(asOf: string, n: number) {
  let year = Number(asOf.slice(0, 4));
  let index = 4;
  for (;;) {
    if (periodRange('quarter', year, index).to < asOf) break;
    if (--index === 0) {
      index = 4;
      year--;
    }
  }
  const out: { label: string; from: string; to: string }[] = [];
  year--;
  for (let i = 0; i < n; i++) {
    const r = periodRange('quarter', year, index);
    out.push({ label: `${year} Q${index}`, from: r.from, to: r.to });
    if (--index === 0) {
      index = 4;
      year--;
    }
  }
  return out;
}

function handle(dialect: 'sqlite' | 'postgres') {
  let captured: { sql: string; params: readonly unknown[] }[] = [];
  const log = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
  };
  const sqlite = dialect === 'sqlite' ? benchSqlite(sqliteFile) : null;
  const pool = dialect === 'postgres' ? new pg.Pool({ connectionString: pgUrl, max: 10 }) : null;
  const changes = new ChangeTracker();
  const db = new Kysely<DB>({
    dialect: trackChanges(
      sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
      changes,
    ),
    log,
  });
  // With a change tracker the engine keeps grids (figure-store.ts), as in the server: the statements captured
  // are the ones a cold national dashboard sends.
  registerTracker(db, changes);
  const deps = {
    database: { db, dialect, changes, close: () => db.destroy() },
    now: () => new Date(),
  } as unknown as AppDeps;
  return {
    db,
    deps,
    sqlite,
    pool,
    take: () => {
      const c = captured;
      captured = [];
      return c;
    },
  };
}

async function replay(
  h: ReturnType<typeof handle>,
  stmts: { sql: string; params: readonly unknown[] }[],
): Promise<number> {
  const t0 = performance.now();
  if (h.sqlite) for (const s of stmts) h.sqlite.prepare(s.sql).all(...(s.params as any[]));
  else {
    const c = await h.pool!.connect();
    try {
      for (const s of stmts) await c.query(s.sql, s.params as any[]);
    } finally {
      c.release();
    }
  }
  return performance.now() - t0;
}

async function runOne(dialect: 'sqlite' | 'postgres') {
  const keepAlive = setInterval(() => {}, 60_000);
  const loadAtStart = os.loadavg().map(r1);
  const gen = nationalStats(dialect, sqliteFile);
  const asOf = gen.asOf as string;
  const periods = unwarmedQuarters(asOf, Number(argValue(args, 'periods') ?? 3));
  console.log(`${dialect}: national data set of ${asOf}; periods ${periods.map((p) => p.label).join(', ')}`);

  // 1. The limits, before the server starts (alone on the database).
  const h = handle(dialect);
  const limits: Record<string, { statements: number; sqlMs: number[] }> = {};
  for (const p of periods) {
    h.take();
    await dashboard(h.deps, nationalActor, { unit: 'VN', from: p.from, to: p.to });
    const stmts = h.take();
    // Replayed twice (the first warms the database's cache the way the engine's own run above did).
    const runs = [await replay(h, stmts), await replay(h, stmts)];
    limits[p.label] = { statements: stmts.length, sqlMs: runs.map(r1) };
    console.log(`  limit ${p.label}: ${stmts.length} statements, ${runs.map(r1).join(' / ')} ms`);
  }
  // The drill-down's period: the positive tests up to the first period's end, at least DRILL_ROWS of them.
  const drillTo = unwarmedQuarters(asOf, 1)[0].to;
  const { rows: startRows } = await sql<{ d: string }>`
    select tested_on as d from drug_tests where positive = 1 and tested_on <= ${drillTo}
    order by tested_on desc limit 1 offset ${DRILL_ROWS - 1}`.execute(h.db);
  const drillFrom = String(startRows[0]?.d ?? drillTo).slice(0, 10);
  const drill = { from: drillFrom, to: drillTo };
  const nation = { kind: 'nation' } as const;
  const t0 = performance.now();
  const total = await blocksRepo.countRecords(h.db, 'positive_tests', {}, drill, nation);
  const countMs = performance.now() - t0;
  const pageLimit = async (offset: number, sort: 'date' | 'name') => {
    const s = performance.now();
    await blocksRepo.records(h.db, 'positive_tests', {}, drill, nation, { limit: 100, offset, sort });
    return r1(performance.now() - s);
  };
  const offsets = [0, Math.floor(total / 200) * 100, Math.max(0, total - 100)];
  const drillLimit = {
    countMs: r1(countMs),
    pages: { date: [] as number[], name: [] as number[] },
    all: await (async () => {
      const s = performance.now();
      await blocksRepo.records(h.db, 'positive_tests', {}, drill, nation, { limit: total, sort: 'date' });
      return r1(performance.now() - s);
    })(),
  };
  for (const sort of ['date', 'name'] as const)
    for (const o of offsets) drillLimit.pages[sort].push(await pageLimit(o, sort));
  console.log(
    `  drill-down ${drill.from} – ${drill.to}: ${total} records; limit ${JSON.stringify(drillLimit)}`,
  );
  await h.db.destroy();

  // 2. The product.
  // After the start-up status catch-up and the figure warm-up (which waits for it), as an officer meets it.
  const server = await startServer(serverEnv(dialect, { sqliteFile, pgUrl }));
  const base = `http://127.0.0.1:${server.port}`;
  let warmup: { ms: number } | null = null;
  const w0 = performance.now();
  while (!warmup && performance.now() - w0 < 900_000) {
    warmup = (await server.ask('figures')).warmup;
    if (!warmup) await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`  server warm-up ${warmup ? `${r1(warmup.ms / 1000)} s` : 'not finished'}`);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'c04.1', password: BENCH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('hn_session='))!
    .split(';')[0];
  // A national officer needs a second factor (issue 16): enrolled at the first run, a code later.
  const body = await login.json();
  await secondFactor(
    base,
    'c04.1',
    { cookie, csrf: body.csrfToken },
    body.secondFactor,
    path.join(REPO, `bench/data/totp-${dialect}-national.json`),
  );
  const get = async (url: string) => {
    const s = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${body.toString().slice(0, 300)}`);
    return { ms: r1(performance.now() - s), body };
  };
  const cold: Record<string, { coldMs: number; againMs: number; figures: number; statements: number }> = {};
  for (const p of periods) {
    const first = await get(`/api/dashboard?from=${p.from}&to=${p.to}`);
    const again = await get(`/api/dashboard?from=${p.from}&to=${p.to}`);
    cold[p.label] = {
      coldMs: first.ms,
      againMs: again.ms,
      figures: JSON.parse(first.body.toString()).figures.length,
      statements: limits[p.label].statements,
    };
    console.log(`  dashboard ${p.label}: first ${first.ms} ms, again ${again.ms} ms`);
  }
  const q = `unit=VN&from=${drill.from}&to=${drill.to}`;
  const pages: Record<string, number[]> = { date: [], name: [] };
  let served = 0;
  for (const sort of ['date', 'name'] as const)
    for (const o of offsets) {
      const r = await get(`/api/indicators/positive_tests/records?${q}&limit=100&offset=${o}&sort=${sort}`);
      const j = JSON.parse(r.body.toString());
      if (j.total !== total) throw new Error(`drill-down total ${j.total}, SQL ${total}`);
      served += j.items.length;
      pages[sort].push(r.ms);
    }
  const csv = await get(`/api/indicators/positive_tests/records/export?${q}&format=csv`);
  const xlsx = await get(`/api/indicators/positive_tests/records/export?${q}&format=xlsx`);
  const csvLines = csv.body.toString().trimEnd().split('\n').length;
  console.log(
    `  drill-down pages ${JSON.stringify(pages)} ms; CSV ${csv.ms} ms (${csvLines} lines, ${csv.body.length} bytes), Excel ${xlsx.ms} ms (${xlsx.body.length} bytes)`,
  );
  const peak = (await server.ask('peak')).peak;
  server.child.send({ type: 'stop' });
  await new Promise((r) => server.child.once('exit', r));
  clearInterval(keepAlive);

  const out = {
    date: new Date().toISOString(),
    dialect,
    asOf,
    people: gen.people,
    cores: os.cpus().length,
    loadAtStart,
    loadAtEnd: os.loadavg().map(r1),
    warmupMs: warmup?.ms ?? null,
    dashboards: Object.fromEntries(
      periods.map((p) => [p.label, { from: p.from, to: p.to, ...cold[p.label], limit: limits[p.label] }]),
    ),
    drillDown: {
      indicator: 'positive_tests',
      ...drill,
      records: total,
      pagesMs: pages,
      pageRowsServed: served,
      csv: { ms: csv.ms, lines: csvLines, bytes: csv.body.length },
      xlsx: { ms: xlsx.ms, bytes: xlsx.body.length },
      limit: drillLimit,
    },
    serverPeakRssMB: Math.round(peak / 2 ** 20),
  };
  const file = path.join(
    REPO,
    `bench/results/${out.date.slice(0, 10)}-cold${periods.length ? '' : '-drill'}-${dialect}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`  written ${path.relative(REPO, file)}`);
}

for (const d of dialectArg === 'both' ? ['sqlite', 'postgres'] : [dialectArg])
  await runOne(d as 'sqlite' | 'postgres');
process.exit(0);
