import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { aggregateLimits } from './lib/limits.ts';
import { peopleScenarios } from './lib/people-scenarios.ts';
import { BENCH_PASSWORD, fill } from './lib/run-generator.ts';
import {
  datasetOf,
  directQuery,
  ensureReport,
  lastQuarter,
  machineOf,
  pct,
  printTable,
  r1,
  type Scenario,
  type Session,
  shiftYear,
  startServer,
  timedRuns,
} from './lib/run-support.ts';
import { benchLogin } from './lib/second-factor.ts';
import { serverEnv } from './lib/server.ts';
import { argValue, freshDeps, REPO } from './lib/target.ts';
import { measureWebSize } from './web-size.ts';

// npm run bench [-- --dialect sqlite|postgres|both] [--scale national|province|commune] [--regenerate]
//   [--database-url postgres://postgres@127.0.0.1:5432/hn_bench] [--quick]
// Runs the real server (its own process, 127.0.0.1, port 0) on a generated database and measures the
// product over loopback: sequential latency (median/p95/p99), throughput at 32 connections (autocannon),
// server peak RSS, and "the limit": the same search and aggregate as hand-written SQL on the database.
// Every loop is bounded in count and time.

const args = process.argv.slice(2);
const scale = argValue(args, 'scale') ?? 'national';
const dialectArg = argValue(args, 'dialect') ?? 'both';
const pgUrl = argValue(args, 'database-url') ?? 'postgres://postgres@127.0.0.1:5432/hn_bench';
const regenerate = args.includes('--regenerate');
const quick = args.includes('--quick');
const SEQ_N = quick ? 60 : 300;
const SEQ_MAX_MS = quick ? 5_000 : 10_000;
const SEQ_MIN = 5;
const AC_SECONDS = quick ? 2 : 3;
const CONNECTIONS = 32;

// Targets from issue 7 (national scale, this 2-core machine).
const TARGETS: Record<string, number> = {
  search: 20,
  person: 25,
  worklist: 30,
  write: 20,
  dashboard_commune: 50,
  dashboard_province: 150,
  dashboard_national: 500,
};

async function main() {
  const dialects = dialectArg === 'both' ? ['sqlite', 'postgres'] : [dialectArg];
  const web = (() => {
    try {
      return measureWebSize();
    } catch (e) {
      return { error: String(e) };
    }
  })();
  for (const dialect of dialects) await runOne(dialect as 'sqlite' | 'postgres', web);
  process.exit(0);
}

async function ensureData(dialect: 'sqlite' | 'postgres') {
  const sqliteFile = path.join(REPO, `bench/data/${scale}/hoanhap.sqlite`);
  let exists = false;
  if (dialect === 'sqlite') exists = fs.existsSync(`${sqliteFile}.stats.json`);
  else {
    try {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      const r = await c.query('SELECT count(*)::int AS n FROM people');
      exists = r.rows[0].n > 0 && fs.existsSync(path.join(REPO, `bench/data/${scale}-postgres.stats.json`));
      await c.end();
    } catch {
      exists = false;
    }
  }
  const statsFile =
    dialect === 'sqlite'
      ? `${sqliteFile}.stats.json`
      : path.join(REPO, `bench/data/${scale}-postgres.stats.json`);
  if (!exists || regenerate) {
    console.log(`generating ${scale} data on ${dialect}…`);
    const target = dialect === 'sqlite' ? { sqliteFile } : { databaseUrl: pgUrl };
    const t0 = performance.now();
    const { deps } = await freshDeps(target);
    const stats = await fill(deps, target, { scale: scale as any, seed: 1 });
    await deps.database.close();
    fs.writeFileSync(
      statsFile,
      `${JSON.stringify({ ...stats, dialect, totalSeconds: (performance.now() - t0) / 1000 }, null, 2)}\n`,
    );
  }
  return { sqliteFile, stats: JSON.parse(fs.readFileSync(statsFile, 'utf8')) };
}

async function runOne(dialect: 'sqlite' | 'postgres', web: unknown) {
  // Keeps this process alive while it waits on the server child: without it a lost child (its IPC channel is
  // unref'd between messages) ended two runs silently with exit 13 instead of an error.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    await runOneInner(dialect, web);
  } finally {
    clearInterval(keepAlive);
  }
}

async function runOneInner(dialect: 'sqlite' | 'postgres', web: unknown) {
  const loadAtStart = os.loadavg().map(r1);
  const { sqliteFile, stats: gen } = await ensureData(dialect);
  // Direct handle for the "limit" queries and to pick sample records.
  const q = await directQuery(dialect, sqliteFile, pgUrl);
  const busiest = gen.accounts.find((a: any) => a.role === 'commune_officer').scopeCode as string;
  const province = (
    await q.all(`SELECT province_code FROM units WHERE code = '${busiest}' AND valid_to IS NULL`)
  )[0].province_code as string;
  const sample = await q.all(
    `SELECT id, full_name, name_search, citizen_id FROM people WHERE citizen_id IS NOT NULL ORDER BY id LIMIT 300`,
  );
  const local = await q.all(
    `SELECT p.id FROM people p WHERE p.cur_commune_code = '${busiest}' ORDER BY p.id LIMIT 200`,
  );
  const openEps = await q.all(
    `SELECT e.id, e.start_date FROM episodes e JOIN people p ON p.id = e.person_id WHERE p.cur_commune_code = '${busiest}' AND e.type IN ('user_management','post_rehab') AND e.outcome IS NULL ORDER BY e.id LIMIT 50`,
  );
  const asOf = gen.asOf as string;
  // Each dashboard and report: its own SQL replayed straight on the database (bench/lib/limits.ts), before the
  // server starts (alone on the machine, and with no server process holding the file).
  const aggDefs = [
    { name: 'dashboard_commune', kind: 'dashboard' as const, unit: busiest },
    { name: 'dashboard_province', kind: 'dashboard' as const, unit: province },
    { name: 'dashboard_national', kind: 'dashboard' as const, unit: 'VN' },
    { name: 'report_commune', kind: 'report' as const, unit: busiest },
    { name: 'report_province', kind: 'report' as const, unit: province },
  ];
  console.log("the limit: the report engine's own SQL, replayed straight on the database…");
  const aggLimits = await aggregateLimits(
    { dialect, sqliteFile, pgUrl },
    aggDefs.map((a) => ({ ...a, from: lastQuarter(asOf).from, to: lastQuarter(asOf).to })),
  );
  // The limit: hand-written SQL straight on the database.
  const timeIt = async (fn: () => Promise<unknown>, n = 30) => pct(await timedRuns(fn, n), 50);
  const tokens = (i: number) => sample[i % sample.length].name_search.split(' ');
  let li = 0;
  // The best hand-written query for the same answer: on PostgreSQL the LIKE filters (served by pg_trgm); on
  // SQLite the FTS5 word index narrowed as the product does (each token → the stored words containing it),
  // then the same LIKE filters; the page and the count.
  const searchSql = async () => {
    const t = tokens(li++);
    const like = t.map((x: string) => `name_search LIKE '%${x}%'`).join(' AND ');
    let where = like;
    if (dialect === 'sqlite') {
      const groups: string[] = [];
      for (const x of t) {
        const w = (await q.all(`SELECT word FROM people_name_words WHERE word LIKE '%${x}%' LIMIT 41`)) as {
          word: string;
        }[];
        if (w.length > 0 && w.length <= 40) groups.push(`(${w.map((r) => `"${r.word}"`).join(' OR ')})`);
      }
      if (groups.length)
        where = `rowid IN (SELECT rowid FROM people_name_fts WHERE people_name_fts MATCH '${groups.join(' AND ')}') AND ${like}`;
    }
    await q.all(`SELECT * FROM people WHERE ${where} ORDER BY name_search, id LIMIT 20`);
    await q.all(`SELECT count(*) AS n FROM people WHERE ${where}`);
  };
  const aggSql = () =>
    q.all(`SELECT status, count(*) AS n FROM people WHERE province_code = '${province}' GROUP BY status`);
  console.log('the limit: hand-written search and aggregate…');
  const limitSearch = await timeIt(searchSql);
  const limitAgg = await timeIt(aggSql);

  const server = await startServer(serverEnv(dialect, { sqliteFile, pgUrl }));
  // The server listens before its start-up status refresh has finished (45-day look-back: ~13,500 people re-derived
  // at national scale, ~35 s on PostgreSQL under load): let it finish so that it does not run under the first
  // measurements.
  const settle = Number(argValue(args, 'settle') ?? (scale === 'national' ? 60 : 5));
  console.log(
    `server ready in ${r1(server.startSeconds)} s; waiting ${settle} s for the start-up status refresh`,
  );
  await new Promise((r) => setTimeout(r, settle * 1000));
  // Then the figure warm-up (the nation's figures of the recent periods, computed ahead after the status
  // refresh): the dashboards below are measured as an officer meets them once the server has settled.
  let warmup: { at: number; ms: number } | null = null;
  const w0 = performance.now();
  while (!warmup && performance.now() - w0 < 600_000) {
    warmup = (await server.ask('figures')).warmup;
    if (!warmup) await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`figure warm-up: ${warmup ? `${r1(warmup.ms / 1000)} s` : 'not finished after 10 min'}`);
  const base = `http://127.0.0.1:${server.port}`;
  const login = (username: string): Promise<Session> =>
    benchLogin(base, username, `${REPO}/bench/data/totp-${dialect}-${scale}.json`);
  const users: Record<string, string> = {
    national: 'c04.1',
    province: `pc04.${province}.1`,
    commune: `xa.${busiest}`,
    police: `ca.${busiest}`,
  };
  const sessions: Record<string, Session> = {};
  for (const [k, u] of Object.entries(users)) sessions[k] = await login(u);
  const headersOf = (s: Session, json: boolean) => ({
    cookie: s.cookie,
    'x-csrf-token': s.csrf,
    ...(json ? { 'content-type': 'application/json' } : {}),
  });

  const scenarios: Scenario[] = peopleScenarios(sample, local, asOf, TARGETS);
  if (openEps.length > 0)
    scenarios.push({
      name: 'create_contact',
      user: 'commune',
      method: 'POST',
      path: (i) => `/api/episodes/${openEps[i % openEps.length].id}/contacts`,
      body: () => ({ contactDate: asOf, method: 'phone', summary: 'Gọi điện hỏi thăm (benchmark)' }),
      target: TARGETS.write,
      throughput: true,
    });

  // Dashboards, periodic reports and the Excel export, at commune, province and national level, with real
  // parameters: the last completed quarter before the data set's as-of day (cut-off day 15).
  const period = lastQuarter(asOf);
  const range = `from=${period.from}&to=${period.to}`;
  const reportIds: Record<string, string | null> = {
    commune: await ensureReport(base, sessions.commune, period),
    province: await ensureReport(base, sessions.province, period),
  };
  const levels = ['commune', 'province', 'national'] as const;
  for (const level of levels)
    scenarios.push({
      name: `dashboard_${level}`,
      user: level,
      method: 'GET',
      path: () => `/api/dashboard?${range}`,
      // The national dashboard: ≤ 500 ms cold (first request), ≤ 50 ms warm.
      target: level === 'national' ? 50 : TARGETS[`dashboard_${level}`],
      coldTarget: level === 'national' ? TARGETS.dashboard_national : undefined,
    });
  // A period nobody has opened and the warm-up does not cover (the same quarter a year earlier): the national
  // dashboard computed from nothing, the true cold case (its first request is `cold`).
  const yearBefore = { from: shiftYear(period.from, -1), to: shiftYear(period.to, -1) };
  scenarios.push({
    name: 'dashboard_national_unwarmed',
    user: 'national',
    method: 'GET',
    path: () => `/api/dashboard?from=${yearBefore.from}&to=${yearBefore.to}`,
    target: 50,
    coldTarget: TARGETS.dashboard_national,
  });
  for (const level of ['commune', 'province'] as const)
    if (reportIds[level])
      scenarios.push({
        name: `report_${level}`,
        user: level,
        method: 'GET',
        // A draft report is computed afresh on every view (figures and, for a province, each commune's).
        path: () => `/api/reports/${reportIds[level]}`,
        target: TARGETS[`dashboard_${level}`],
      });
  // The nation has no periodic report of its own (national officers review province reports, they do not
  // submit): its report figures are the national dashboard over the period, measured above. What the
  // national office opens for a period is the submissions overview.
  for (const level of ['province', 'national'] as const)
    scenarios.push({
      name: `report_submissions_${level}`,
      user: level,
      method: 'GET',
      path: () => `/api/reports/submissions?periodKind=quarter&year=${period.year}&index=${period.index}`,
      target: TARGETS[`dashboard_${level}`],
    });
  if (reportIds.province)
    scenarios.push({
      name: 'report_province_xlsx',
      user: 'province',
      method: 'GET',
      path: () => `/api/reports/${reportIds.province}/export?format=xlsx`,
      target: TARGETS.dashboard_province,
    });
  scenarios.push(
    {
      name: 'community_report_commune',
      user: 'commune',
      method: 'GET',
      path: () => `/api/community/report?${range}`,
      target: TARGETS.dashboard_commune,
    },
    {
      name: 'community_report_province',
      user: 'province',
      method: 'GET',
      path: () => `/api/community/report?${range}`,
      target: TARGETS.dashboard_province,
    },
    {
      name: 'community_report_national',
      user: 'national',
      method: 'GET',
      path: () => `/api/community/report?provinceCode=${province}&${range}`,
      target: TARGETS.dashboard_province,
    },
  );

  const results: any[] = [];
  const errors: string[] = [];
  const staleSeen: Record<string, number> = {};
  // Login, sequentially (argon2id verification is deliberately slow).
  {
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < (quick ? 5 : 20) && performance.now() - t0 < SEQ_MAX_MS; i++) {
      const s = performance.now();
      await login(users.commune);
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    const ac = await autocannon({
      url: `${base}/api/auth/login`,
      method: 'POST',
      connections: 8,
      duration: AC_SECONDS,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: users.commune, password: BENCH_PASSWORD }),
    });
    results.push({
      name: 'login',
      user: users.commune,
      n: lat.length,
      median: r1(pct(lat, 50)),
      p95: r1(pct(lat, 95)),
      p99: r1(pct(lat, 99)),
      rps: Math.round(ac.requests.average),
      rpsConnections: 8,
      non2xx: ac.non2xx,
    });
  }
  for (const sc of scenarios) {
    const s = sessions[sc.user];
    const lat: number[] = [];
    let bad = 0;
    // Warm-up (not in the percentiles): a few requests; the first one is reported as `cold`.
    const c0 = performance.now();
    await send(sc, s, 1000);
    const cold = performance.now() - c0;
    await send(sc, s, 1001);
    const t1 = performance.now();
    // At least SEQ_MIN samples, then until SEQ_N or SEQ_MAX_MS.
    for (let i = 0; i < SEQ_N && (i < SEQ_MIN || performance.now() - t1 < SEQ_MAX_MS); i++) {
      const st = performance.now();
      const status = await send(sc, s, i);
      lat.push(performance.now() - st);
      if (status >= 300) {
        bad++;
        if (bad === 1) errors.push(`${sc.name}: HTTP ${status}`);
      }
    }
    lat.sort((a, b) => a - b);
    let rps: number | null = null;
    let non2xx = 0;
    // Throughput only when a request is reasonably fast: 32 connections on multi-second requests would only
    // queue work for the following scenarios (reported as skipped).
    if (sc.throughput && pct(lat, 50) < 500) {
      const reqs = Array.from({ length: 50 }, (_, i) => ({
        method: sc.method,
        path: sc.path(i),
        headers: headersOf(s, sc.method === 'POST'),
        body: sc.body ? JSON.stringify(sc.body(i)) : undefined,
      }));
      const ac = await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: AC_SECONDS,
        requests: reqs,
      });
      rps = Math.round(ac.requests.average);
      non2xx = ac.non2xx;
    }
    const r = {
      name: sc.name,
      user: users[sc.user],
      n: lat.length,
      errors: bad,
      cold: r1(cold),
      coldTarget: sc.coldTarget ?? null,
      coldMet: sc.coldTarget && bad === 0 ? cold <= sc.coldTarget : null,
      median: r1(pct(lat, 50)),
      p95: r1(pct(lat, 95)),
      p99: r1(pct(lat, 99)),
      rps,
      rpsConnections: sc.throughput ? CONNECTIONS : null,
      non2xx,
      targetP95: sc.target ?? null,
      met: sc.target && bad === 0 ? pct(lat, 95) <= sc.target : null,
      // Responses (warm-up ones included) that showed a figure computed before a change, marked as such.
      staleResponses: staleSeen[sc.name] ?? 0,
      // The server's peak RSS so far (which scenario drives it).
      peakRssMB: Math.round((await server.ask('peak')).peak / 2 ** 20),
    };
    results.push(r);
    console.log(`  ${sc.name}: median ${r.median} ms, p95 ${r.p95} ms, ${rps ?? '-'} req/s`);
  }
  async function send(sc: Scenario, s: Session, i: number) {
    const res = await fetch(`${base}${sc.path(i)}`, {
      method: sc.method,
      headers: headersOf(s, sc.method === 'POST'),
      body: sc.body ? JSON.stringify(sc.body(i)) : undefined,
    });
    const body = Buffer.from(await res.arrayBuffer());
    // Dashboards say when a figure was shown while being recomputed after a change (figure store).
    if (sc.name.startsWith('dashboard_') && body.includes('"stale":true'))
      staleSeen[sc.name] = (staleSeen[sc.name] ?? 0) + 1;
    return res.status;
  }

  // Mixed reads at 32 connections: a commune officer's search, person, timeline, work list.
  const mixed: any[] = [];
  for (let i = 0; i < 200; i++) {
    const kind = i % 4;
    const sc = [scenarios[3], scenarios[5], scenarios[6], scenarios[7]][kind];
    mixed.push({ method: 'GET', path: sc.path(i), headers: headersOf(sessions[sc.user], false) });
  }
  const acMixed = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: quick ? 3 : 10,
    requests: mixed,
  });
  const mixedResult = {
    rps: Math.round(acMixed.requests.average),
    connections: CONNECTIONS,
    latencyMedian: acMixed.latency.p50,
    latencyP99: acMixed.latency.p99,
    non2xx: acMixed.non2xx,
    target: 1500,
    peakRssMB: Math.round((await server.ask('peak')).peak / 2 ** 20),
  };
  console.log(`  mixed reads: ${mixedResult.rps} req/s at ${CONNECTIONS} connections`);

  // The product's nearest aggregate today: the people list of a province filtered by status (its total).
  console.log('  the product: people by status in the province…');
  const statuses = (await aggSql()) as { status: string }[];
  const aggProduct = await timeIt(async () => {
    for (const st of statuses)
      await send(
        {
          name: 'agg',
          user: 'province',
          method: 'GET',
          path: () => `/api/people?status=${st.status}&limit=1`,
        },
        sessions.province,
        0,
      );
  }, 10);
  const productSearch = results.find((r) => r.name === 'search_plain_national').median;
  const limits: any[] = [
    {
      name: 'search (national, 3 name tokens)',
      sqlMedian: r1(limitSearch),
      productMedian: productSearch,
      ratio: Number((productSearch / limitSearch).toPrecision(2)),
      target: 1.5,
    },
    {
      name: `people by status in province ${province}`,
      sqlMedian: r1(limitAgg),
      productMedian: r1(aggProduct),
      ratio: Number((aggProduct / limitAgg).toPrecision(2)),
      target: 1.5,
      note: 'product time: the people list filtered by status, one /api/people?status=…&limit=1 call per status (its total); the dashboard figures are measured below',
    },
  ];
  for (const a of [...aggDefs, { name: 'report_province_xlsx', kind: 'report', unit: province }]) {
    const l = aggLimits[a.name === 'report_province_xlsx' ? 'report_province' : a.name];
    const product = results.find((r) => r.name === a.name);
    if (!l || !product) continue;
    limits.push({
      name: a.name,
      statements: l.statements,
      sqlMedian: l.sqlMedian,
      productMedian: product.median,
      ratio: Number((product.median / l.sqlMedian).toPrecision(2)),
      target: 1.5,
      note: 'limit = the statements the product sends for it, replayed straight on the database',
    });
  }
  console.log('  server peak memory…');
  const peak = await server.ask('peak');
  const figureStore = (await server.ask('figures')).stats;
  server.child.send({ type: 'stop' });
  await q.close();

  const date = new Date().toISOString().slice(0, 10);
  const out = {
    date: new Date().toISOString(),
    dialect,
    scale,
    machine: machineOf(loadAtStart),
    dataset: datasetOf(gen),
    scenarios: results,
    mixedReads: mixedResult,
    limit: limits,
    server: {
      // Time from buildApp to listening: the start-up status refresh (45-day look-back) is most of it.
      readySeconds: r1(server.startSeconds),
      startRssMB: Math.round(server.startRss / 2 ** 20),
      peakRssMB: Math.round(peak.peak / 2 ** 20),
      targetMB: 500,
      // The figure warm-up after start (all catalogue blocks, 4 recent periods, the nation's grids).
      figureWarmupSeconds: warmup ? r1(warmup.ms / 1000) : null,
      figureStore,
    },
    period,
    web,
    errors,
  };
  fs.mkdirSync(path.join(REPO, 'bench/results'), { recursive: true });
  const file = path.join(REPO, `bench/results/${date}-${dialect}.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  printTable(out);
  console.log(`written ${path.relative(REPO, file)}`);
}

await main();
