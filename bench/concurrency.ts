import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { CompiledQuery } from 'kysely';
import type { AppDeps } from '../apps/server/src/app-deps.ts';
import { identityRepo } from '../apps/server/src/modules/identity/identity.repo.ts';
import { sessionIdOf } from '../apps/server/src/modules/identity/identity.service.ts';
import { personOut } from '../apps/server/src/modules/people/people.presenter.ts';
import { getPerson, searchPeople } from '../apps/server/src/modules/people/people.service.ts';
import { myTasks } from '../apps/server/src/modules/tasks/tasks.service.ts';
import type { Actor, Role } from '../apps/server/src/platform/policy.ts';
import { SessionCache } from '../apps/server/src/platform/session-cache.ts';
import { directSql } from './lib/direct-sql.ts';
import { type Kind, readUrl } from './lib/mixed-reads.ts';
import { childPids, cpuMeter, postgresPids } from './lib/proc-cpu.ts';
import { BENCH_PASSWORD } from './lib/run-generator.ts';
import { forgetKeptFigures, lastQuarter, pct, r1 } from './lib/run-support.ts';
import { benchLogin } from './lib/second-factor.ts';
import { serverEnv, startServer } from './lib/server.ts';
import { argValue, nationalStats, REPO } from './lib/target.ts';
import { hasWrk, type LoadResult, wrkLoad } from './lib/wrk.ts';

// npx tsx bench/concurrency.ts [--dialect sqlite|postgres|both] [--sqlite-file bench/data/national/hoanhap.sqlite]
//   [--database-url postgres://postgres@127.0.0.1:5432/hn_bench] [--seconds 10] [--max-warmup 240]
// Issue 17, part A, on a generated data set, the product's server in its own process (one process):
//  (b) person page p50/p99 from the server's start through its start-up status catch-up and figure warm-up, and
//      (measured last) while a cold national dashboard (a period nobody opened) is computed;
//  (a) mixed reads (search, person page, work list, people list) req/s at 32 connections, against the same SQL
//      (the statements the product sends for those requests, captured, replayed straight on the database) on
//      1 and 2 threads (SQLite: worker threads with their own connections; PostgreSQL: one client thread,
//      32 loops on a pool of 10 connections as the server's);
//  (c) one person page, search and work list layer by layer: SQL replayed, the same statements through Kysely,
//      session lookup, the service (policy, SQL, audit queue, presenting), response validation + JSON, and the
//      whole request over HTTP.
// (a) and (c) run once the warm-up has ended (the server otherwise idle).
//  (d) the product as `npm start` serves it: apps/server/src/main.ts with PROCESSES = the cores (node:cluster, one
//      port), once its start-up jobs have ended: the same mixed reads at 32 connections (--cluster false skips it;
//      --port P, default 4290, in the caller's port range).
// Load: wrk when installed (a few % of a core), beside autocannon (~20 %); --client autocannon for autocannon alone.
// Each kind alone also gives the CPU a request costs (server, and PostgreSQL's processes) beside its SQL's.
// The output ends with each target of issue 17 part A and whether this run met it.

const args = process.argv.slice(2);
const dialectArg = argValue(args, 'dialect') ?? 'both';
const sqliteFile = path.resolve(
  argValue(args, 'sqlite-file') ?? path.join(REPO, 'bench/data/national/hoanhap.sqlite'),
);
const pgUrl = argValue(args, 'database-url') ?? 'postgres://postgres@127.0.0.1:5432/hn_bench';
const SECONDS = Number(argValue(args, 'seconds') ?? 10);
const MAX_WARMUP_S = Number(argValue(args, 'max-warmup') ?? 900);
// --warmup false: the server computes no figures ahead; (b) then probes person pages for --settle seconds (the
// start-up status catch-up), and (a) and (c) follow with no warm-up running beside them.
const WARMUP = argValue(args, 'warmup') !== 'false';
const SETTLE_S = Number(argValue(args, 'settle') ?? 120);
const CLUSTER = argValue(args, 'cluster') !== 'false';
// --label L: the result file is bench/results/<date>-concurrency-L-<dialect>.json.
const LABEL = argValue(args, 'label');
const CLUSTER_PORT = Number(argValue(args, 'port') ?? 4290);
const CONNECTIONS = 32;
// --client autocannon: the JavaScript load generator only (otherwise wrk when it is installed, beside autocannon).
const WRK = argValue(args, 'client') !== 'autocannon' && hasWrk();
const { directHandle, localDeps, replayThroughput } = directSql({
  sqliteFile,
  pgUrl,
  seconds: SECONDS,
  connections: CONNECTIONS,
});

const r2 = (x: number) => Math.round(x * 100) / 100;
const summary = (lat: number[]) => {
  const s = [...lat].sort((a, b) => a - b);
  return { n: s.length, p50: r1(pct(s, 50)), p99: r1(pct(s, 99)), max: r1(s[s.length - 1] ?? Number.NaN) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Session = { cookie: string; csrf: string; token: string };

async function main() {
  const dialects =
    dialectArg === 'both' ? (['sqlite', 'postgres'] as const) : [dialectArg as 'sqlite' | 'postgres'];
  for (const d of dialects) await runOne(d);
  process.exit(0);
}

async function runOne(dialect: 'sqlite' | 'postgres') {
  const keepAlive = setInterval(() => {}, 60_000);
  const loadAtStart = os.loadavg().map(r1);
  const gen = nationalStats(dialect, sqliteFile);
  const commune = gen.accounts.find((a: any) => a.role === 'commune_officer').scopeCode as string;
  const asOf = gen.asOf as string;

  // Samples: people of the busiest commune (the commune officer's own), with a name token to search.
  const direct = await directHandle(dialect);
  // The figures an earlier run kept (figure_grids) would make the "cold" dashboard below a read of a kept one.
  await forgetKeptFigures(dialect, sqliteFile, pgUrl);
  const people = (await direct.all(
    `SELECT id, name_search FROM people WHERE cur_commune_code = '${commune}' ORDER BY id LIMIT 100`,
    [],
  )) as { id: string; name_search: string }[];
  const token = (i: number) => people[i % people.length].name_search.split(' ').at(-1)!;

  // (b) The server from its start: person pages through the start-up status refresh and the figure warm-up.
  console.log(`[${dialect}] starting the server (figure warm-up ${WARMUP ? 'on' : 'off'})…`);
  const server = await startServer(
    serverEnv(dialect, { sqliteFile, pgUrl }, { REPORTS_WARMUP: String(WARMUP) }),
  );
  const base = `http://127.0.0.1:${server.port}`;
  const login = (username: string): Promise<Session> =>
    benchLogin(base, username, `${REPO}/bench/data/totp-${dialect}-national.json`);
  const officer = await login(`xa.${commune}`);
  const national = await login('c04.1');
  const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const urlOf = readUrl(people);
  const get = async (url: string, s: Session) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: headers(s) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return performance.now() - t0;
  };
  /** Person pages from `clients` sequential clients until `until()` says stop. */
  const probe = async (until: () => boolean, clients = 4) => {
    const lat: number[] = [];
    let i = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!until()) {
          lat.push(await get(urlOf('person', i++), officer));
          await sleep(5);
        }
      }),
    );
    return summary(lat);
  };

  let warm: { at: number; ms: number } | null = null;
  const w0 = performance.now();
  const watcher = (async () => {
    while (WARMUP && !warm && performance.now() - w0 < MAX_WARMUP_S * 1000) {
      warm = (await server.ask('figures')).warmup;
      if (!warm) await sleep(1000);
    }
  })();
  const duringWarmup = await probe(() =>
    WARMUP
      ? !!warm || performance.now() - w0 > MAX_WARMUP_S * 1000
      : performance.now() - w0 > SETTLE_S * 1000,
  );
  if (!WARMUP) warm = { at: 0, ms: Number.NaN };
  await watcher;
  const warmupSeconds = warm ? r1((warm as { ms: number }).ms / 1000) : null;
  console.log(
    `  person page from start to the end of the warm-up (${warmupSeconds ?? `> ${MAX_WARMUP_S}`} s): p50 ${duringWarmup.p50} ms, p99 ${duringWarmup.p99} ms, max ${duringWarmup.max} ms (${duringWarmup.n})`,
  );

  // (a) Mixed reads through the server.
  const kinds: Kind[] = ['search', 'person', 'worklist', 'list'];
  const mixPathsOf = (m: { kind: Kind; i: number }[]) => m.map((x) => urlOf(x.kind, x.i));
  const mix = Array.from({ length: 200 }, (_, i) => ({ kind: kinds[i % 4], i: Math.floor(i / 4) }));
  // 5 s of the same load first, not measured: the first seconds after the start-up jobs read the data set's pages
  // into the cache and warm the code, and whichever client ran first was slower for it.
  await autocannonLoad(base, mixPathsOf(mix), headers(officer), 5);
  const acCpu0 = process.cpuUsage();
  const ac = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: mix.map((m) => ({ method: 'GET', path: urlOf(m.kind, m.i), headers: headers(officer) })),
  });
  const acCpu = process.cpuUsage(acCpu0);
  const acLoad = autocannonResult(ac, acCpu, SECONDS);
  console.log(
    `  mixed reads through the server (autocannon): ${acLoad.rps} req/s (non-2xx ${ac.non2xx}, client CPU ${acLoad.clientCpuPercent} %)`,
  );
  const mixPaths = mixPathsOf(mix);
  const wrkOne = WRK
    ? await withCpu([server.child.pid!], () =>
        wrkLoad({
          base,
          paths: mixPaths,
          headers: headers(officer),
          connections: CONNECTIONS,
          seconds: SECONDS,
        }),
      )
    : null;
  if (wrkOne)
    console.log(
      `  mixed reads through the server (wrk): ${wrkOne.rps} req/s (non-2xx ${wrkOne.non2xx}, client CPU ${wrkOne.clientCpuPercent} %, server CPU ${wrkOne.serverCpuPercent.join(' / ')} %)`,
    );
  const one = wrkOne ?? acLoad;
  const serverRps = one.rps;
  // Each kind alone at 32 connections: the CPU a request costs the machine (its CPU time over the requests
  // answered): the server's process, and on PostgreSQL the database's processes too (where its SQL runs),
  // whatever the client and the network add to its latency. Compared below with the same for its SQL alone.
  const dbPids = dialect === 'postgres' ? postgresPids() : [];
  const cpuPerRequest: Record<string, { rps: number; serverCpuMs: number; dbCpuMs: number }> = {};
  for (const kind of ['person', 'search', 'worklist'] as const) {
    const paths = Array.from({ length: 50 }, (_, i) => urlOf(kind, i));
    const r = await withCpu([server.child.pid!, ...dbPids], () =>
      WRK
        ? wrkLoad({ base, paths, headers: headers(officer), connections: CONNECTIONS, seconds: 5 })
        : autocannonLoad(base, paths, headers(officer), 5),
    );
    const [node, ...db] = r.serverCpuPercent;
    cpuPerRequest[kind] = {
      rps: r.rps,
      serverCpuMs: r2((10 * node!) / r.rps),
      dbCpuMs: r2((10 * db.reduce((a, b) => a + b, 0)) / r.rps),
    };
  }
  console.log(`  server CPU per request, each kind alone: ${JSON.stringify(cpuPerRequest)}`);

  // The same requests' SQL: captured from the product's services in this process, replayed on the database.
  const local = await localDeps(dialect);
  const actorOf = (s: {
    user_id: string;
    username: string;
    role: string;
    scope_kind: any;
    scope_code: any;
  }): Actor => ({
    userId: s.user_id,
    username: s.username,
    role: s.role as Role,
    scopeKind: s.scope_kind,
    scopeCode: s.scope_code,
    ip: '127.0.0.1',
  });
  const sessionRow = (await identityRepo.findSession(local.deps.database.db, sessionIdOf(officer.token)))!;
  const actor = actorOf(sessionRow as any);
  const serviceOf = (kind: Kind, i: number, deps: AppDeps) =>
    kind === 'search'
      ? searchPeople(deps, actor, { q: token(i), limit: 20, offset: 0 })
      : kind === 'person'
        ? getPerson(deps, actor, people[i % people.length].id)
        : kind === 'worklist'
          ? myTasks(deps, actor)
          : searchPeople(deps, actor, { limit: 20, offset: 0 });
  const captured: { kind: Kind; statements: { sql: string; params: unknown[] }[] }[] = [];
  for (const m of mix.slice(0, 80)) {
    local.log.length = 0;
    await serviceOf(m.kind, m.i, local.capture);
    captured.push({
      kind: m.kind,
      // Reads only: the product queues its read audit entries (platform/audit.ts), a batch per 200 ms.
      statements: local.log.filter((s) => /^\s*(select|with)\b/i.test(s.sql)),
    });
  }
  const sqlRps: Record<string, number> = {};
  for (const threads of [1, 2]) {
    sqlRps[threads] = await replayThroughput(dialect, captured, threads);
    console.log(`  the same SQL on ${threads} thread(s): ${sqlRps[threads]} req/s`);
  }

  // (c) Layer by layer, one request at a time (medians).
  const layers: Record<string, Record<string, number>> = {};
  // Every layer cycles through the same 20 samples of a kind as the captured SQL (mix indices 0–79).
  const median = async (fn: (i: number) => Promise<unknown>, n = 150) => {
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n && (i < 10 || performance.now() - t0 < 5000); i++) {
      const s = performance.now();
      await fn(i % 20);
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    return r2(pct(lat, 50));
  };
  for (const kind of ['person', 'search', 'worklist'] as const) {
    const sets = captured.filter((c) => c.kind === kind);
    const sqlMs = await median((i) => direct.replay(sets[i % sets.length].statements));
    // The same statements' CPU per request, one after another for 3 s: this process (the replaying client) and
    // the database's processes.
    const sqlCpuMs = await cpuPerCall((i) => direct.replay(sets[i % sets.length].statements), dbPids);
    const kyselyMs = await median(async (i) => {
      for (const s of sets[i % sets.length].statements)
        await local.deps.database.db.executeQuery(CompiledQuery.raw(s.sql, s.params));
    });
    // The session as the product finds it (platform/session-cache.ts: read once per SESSION_CACHE_MS), and its read.
    const sessions = new SessionCache(local.deps.config.sessionCacheMs);
    const sessionMs = await median(() =>
      sessions.find(local.deps.database.db, sessionIdOf(officer.token), Date.now()),
    );
    const sessionReadMs = await median(() =>
      identityRepo.findSession(local.deps.database.db, sessionIdOf(officer.token)),
    );
    const serviceMs = await median((i) => serviceOf(kind, i, local.deps));
    const sample = await serviceOf(kind, 0, local.deps);
    const serialiseMs = await median(async () => {
      if (kind === 'person') personOut.parse(sample);
      else if (kind === 'search') for (const p of (sample as { items: unknown[] }).items) personOut.parse(p);
      return JSON.stringify(sample);
    });
    const httpMs = await median((i) => get(urlOf(kind, i), officer));
    layers[kind] = {
      statements: r1(sets.reduce((n, s) => n + s.statements.length, 0) / sets.length),
      sql: sqlMs,
      kysely: kyselyMs,
      session: sessionMs,
      sessionRead: sessionReadMs,
      service: serviceMs,
      serialise: serialiseMs,
      http: httpMs,
      routingAndHttp: r2(httpMs - sessionMs - serviceMs - serialiseMs),
      ratio: r2(httpMs / sqlMs),
      serverCpuMs: cpuPerRequest[kind]!.serverCpuMs,
      dbCpuMs: cpuPerRequest[kind]!.dbCpuMs,
      sqlCpuMs,
      cpuRatio: r2((cpuPerRequest[kind]!.serverCpuMs + cpuPerRequest[kind]!.dbCpuMs) / sqlCpuMs),
    };
    console.log(`  ${kind}: ${JSON.stringify(layers[kind])}`);
  }
  // A cold national dashboard: the last quarter a year before the data set's day (not warmed up).
  const q = lastQuarter(asOf);
  const cold = {
    from: `${Number(q.from.slice(0, 4)) - 1}${q.from.slice(4)}`,
    to: `${Number(q.to.slice(0, 4)) - 1}${q.to.slice(4)}`,
  };
  let dashDone = false;
  const d0 = performance.now();
  const dash = get(`/api/dashboard?from=${cold.from}&to=${cold.to}`, national).finally(() => {
    dashDone = true;
  });
  const duringDashboard = await probe(() => dashDone);
  const dashboardMs = r1(await dash.catch(() => performance.now() - d0));
  console.log(
    `  person page while a cold national dashboard computes (${dashboardMs} ms): p50 ${duringDashboard.p50} ms, p99 ${duringDashboard.p99} ms, max ${duringDashboard.max} ms (${duringDashboard.n})`,
  );

  const figures = (await server.ask('figures')).stats;
  server.child.send({ type: 'stop' });
  await new Promise((r) => server.child.once('exit', r));
  await local.close();

  // (d) The product as `npm start` serves it: every core, one port.
  const cluster = CLUSTER
    ? await clusterReads(
        dialect,
        direct,
        mix.map((m) => urlOf(m.kind, m.i)),
        commune,
      )
    : null;
  if (cluster)
    console.log(
      `  mixed reads through \`npm start\` (${cluster.processes} processes, ${cluster.client}): ${cluster.rps} req/s (non-2xx ${cluster.non2xx}, client CPU ${cluster.clientCpuPercent} %, server processes' CPU ${cluster.serverCpuPercent.join(' / ')} %)${cluster.wrk ? `; with autocannon ${cluster.autocannon.rps} req/s (client CPU ${cluster.autocannon.clientCpuPercent} %)` : ''}`,
    );
  await direct.close();
  clearInterval(keepAlive);

  const out = {
    date: new Date().toISOString(),
    dialect,
    command: `npx tsx bench/concurrency.ts --dialect ${dialect}${LABEL ? ` --label ${LABEL}` : ''} ${dialect === 'sqlite' ? `--sqlite-file ${path.relative(REPO, sqliteFile)}` : `--database-url ${pgUrl}`} --seconds ${SECONDS}${WARMUP ? '' : ` --warmup false --settle ${SETTLE_S}`}`,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map(r1),
    },
    dataset: { people: gen.people, events: gen.events },
    personPage: {
      duringWarmup,
      warmupSeconds,
      duringColdNationalDashboard: duringDashboard,
      dashboardMs,
      target: { p99: 50 },
    },
    mixedReads: {
      connections: CONNECTIONS,
      serverProcesses: 1,
      serverRps,
      client: one.client,
      non2xx: one.non2xx,
      latencyP50: one.latencyP50,
      latencyP99: one.latencyP99,
      clientCpuPercent: one.clientCpuPercent,
      wrk: wrkOne,
      autocannon: acLoad,
      cpuPerRequest,
      sqlRps1Thread: sqlRps[1],
      sqlRps2Threads: sqlRps[2],
      ratioTo1Thread: r2(serverRps / sqlRps[1]),
      ratioTo2Threads: r2(serverRps / sqlRps[2]),
      allCores: cluster && {
        ...cluster,
        ratioTo2Threads: r2(cluster.rps / sqlRps[2]),
      },
      target: { ratio: r2(1 / 1.5), sqliteRps: 1000 },
    },
    layers,
    figures,
    targets: [] as { target: string; measured: string; met: boolean }[],
  };
  out.targets = verdicts(dialect, out);
  console.log(
    `\n  Targets (issue 17 part A), ${dialect}, load average ${loadAtStart.join(' ')} → ${out.machine.loadAverageAtEnd.join(' ')}:`,
  );
  for (const t of out.targets) console.log(`  ${t.met ? 'MET    ' : 'MISSED '} ${t.target}: ${t.measured}`);
  const file = path.join(
    REPO,
    `bench/results/${out.date.slice(0, 10)}-concurrency-${LABEL ? `${LABEL}-` : ''}${dialect}${WARMUP ? '' : '-nowarmup'}.json`,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`written ${path.relative(REPO, file)}`);
}

/** Each target of issue 17 part A against this run's figures. */
function verdicts(
  dialect: 'sqlite' | 'postgres',
  o: any,
): { target: string; measured: string; met: boolean }[] {
  const out: { target: string; measured: string; met: boolean }[] = [];
  const m = o.mixedReads;
  const best = m.allCores ?? { rps: m.serverRps, processes: 1 };
  const sql2 = m.sqlRps2Threads;
  out.push({
    target: 'mixed reads ≥ 1/1.5 of the same SQL on all cores (2 threads)',
    measured: `${best.rps} req/s with ${best.processes} process(es) (${best.client ?? m.client}) against ${sql2} req/s of SQL = 1/${r2(sql2 / best.rps)} (one process: ${m.serverRps} req/s)`,
    met: best.rps * 1.5 >= sql2,
  });
  if (dialect === 'sqlite')
    out.push({
      target: 'mixed reads ≥ 1,000 req/s on SQLite',
      measured: `${best.rps} req/s (${best.client ?? m.client}${best.autocannon ? `; with autocannon as the client ${best.autocannon.rps} req/s` : ''})`,
      met: best.rps >= 1000,
    });
  const p = o.personPage;
  out.push({
    target: 'person page p99 ≤ 50 ms during the start-up catch-up and figure warm-up',
    measured: `p99 ${p.duringWarmup.p99} ms (p50 ${p.duringWarmup.p50}, max ${p.duringWarmup.max}, ${p.duringWarmup.n} pages)`,
    met: p.duringWarmup.p99 <= 50,
  });
  out.push({
    target: 'person page p99 ≤ 50 ms while a cold national dashboard is computed',
    measured: `p99 ${p.duringColdNationalDashboard.p99} ms (dashboard ${p.dashboardMs} ms, ${p.duringColdNationalDashboard.n} pages)`,
    met: p.duringColdNationalDashboard.p99 <= 50,
  });
  for (const [kind, name] of [
    ['person', 'person page'],
    ['search', 'search'],
    ['worklist', 'work list'],
  ] as const) {
    const l = o.layers[kind];
    out.push({
      target: `${name}: the whole request ≤ 1.3× its SQL`,
      measured: `CPU a request ${r2(l.serverCpuMs + l.dbCpuMs)} ms (server ${l.serverCpuMs}${dialect === 'postgres' ? `, PostgreSQL ${l.dbCpuMs}` : ''}) against its SQL's ${l.sqlCpuMs} ms = ${l.cpuRatio}×; one request over HTTP ${l.http} ms against the SQL one after another ${l.sql} ms = ${l.ratio}× (session ${l.session}, service ${l.service}, validation + JSON ${l.serialise} ms)`,
      met: l.cpuRatio <= 1.3,
    });
  }
  return out;
}

/**
 * (d) `npm start` (apps/server/src/main.ts, PROCESSES = the cores) on the same database: waits until it answers
 * and its start-up jobs (status catch-up, figure warm-up: once across the processes, job_runs) have ended, logs
 * the commune officer in and sends the mixed reads at 32 connections.
 */
async function clusterReads(
  dialect: 'sqlite' | 'postgres',
  direct: Awaited<ReturnType<typeof directHandle>>,
  paths: string[],
  commune: string,
) {
  const processes = os.availableParallelism();
  const base = `http://127.0.0.1:${CLUSTER_PORT}`;
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=384', '--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: String(CLUSTER_PORT),
        HOST: '127.0.0.1',
        PROCESSES: String(processes),
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '100000',
        LOGIN_MAX_FAILURES: '1000',
        // As the single process of this run (--warmup false: nothing computed ahead, nothing to wait for).
        REPORTS_WARMUP: String(WARMUP),
        ...(dialect === 'sqlite'
          ? { DATA_DIR: path.dirname(sqliteFile), DATABASE_URL: '' }
          : { DATABASE_URL: pgUrl, DATA_DIR: path.join(REPO, 'bench/data/pg') }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  const since = new Date(Date.now() - 1000).toISOString();
  try {
    const t0 = performance.now();
    let jobsStillRunning = false;
    for (;;) {
      if (child.exitCode != null) throw new Error(`npm start exited ${child.exitCode}`);
      const up = await fetch(`${base}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      // Its start-up jobs (once across the processes, recorded in job_runs): measured once they have ended.
      const [runs] = up
        ? await direct.all(
            `SELECT count(*) AS started, sum(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END) AS running FROM job_runs WHERE started_at >= '${since}'`,
            [],
          )
        : [{ started: 0, running: 0 }];
      const started = Number(runs.started);
      const running = Number(runs.running ?? 0);
      const waited = performance.now() - t0;
      if (up && waited > 5000 && ((started > 0 && running === 0) || (started === 0 && waited > 30_000)))
        break;
      // A loaded machine: measured anyway after --max-warmup, and said so in the result.
      if (up && waited > MAX_WARMUP_S * 1000) {
        jobsStillRunning = true;
        break;
      }
      await sleep(1000);
    }
    const readySeconds = r1((performance.now() - t0) / 1000);
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `xa.${commune}`, password: BENCH_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login on npm start: ${res.status}`);
    const token = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('hn_session='))!
      .split(';')[0];
    const body = await res.json();
    const headers = { cookie: token, 'x-csrf-token': body.csrfToken };
    const workers = childPids(child.pid!);
    // 5 s of the same load first, not measured (as for the single process).
    await autocannonLoad(base, paths, headers, 5);
    const wrk = WRK
      ? await withCpu(workers, () =>
          wrkLoad({ base, paths, headers, connections: CONNECTIONS, seconds: SECONDS }),
        )
      : null;
    const ac = await withCpu(workers, () => autocannonLoad(base, paths, headers, SECONDS));
    const best = wrk ?? ac;
    return {
      processes,
      rps: best.rps,
      client: best.client,
      non2xx: best.non2xx,
      latencyP50: best.latencyP50,
      latencyP99: best.latencyP99,
      clientCpuPercent: best.clientCpuPercent,
      serverCpuPercent: best.serverCpuPercent,
      wrk,
      autocannon: ac,
      readySeconds,
      jobsStillRunning,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** autocannon's figures in the shape of wrk's, with the client's own CPU (it runs in this process). */
function autocannonResult(ac: any, cpu: NodeJS.CpuUsage, seconds: number): LoadResult {
  return {
    client: 'autocannon',
    rps: Math.round(ac.requests.average),
    non2xx: ac.non2xx,
    errors: ac.errors + ac.timeouts,
    latencyP50: ac.latency.p50,
    latencyP99: ac.latency.p99,
    clientCpuPercent: Math.round((cpu.user + cpu.system) / 1e4 / seconds),
  };
}

async function autocannonLoad(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  seconds: number,
): Promise<LoadResult> {
  const c0 = process.cpuUsage();
  const ac = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((p) => ({ method: 'GET', path: p, headers })),
  });
  return autocannonResult(ac, process.cpuUsage(c0), seconds);
}

/** A load run with the CPU of the server's processes over it (% of a core each). */
async function withCpu(pids: number[], run: () => Promise<LoadResult>) {
  const meter = cpuMeter(pids);
  const r = await run();
  return { ...r, serverCpuPercent: meter() };
}

/** CPU ms per call of `fn` called one after another for 3 s: this process's and `pids`'. */
async function cpuPerCall(fn: (i: number) => Promise<unknown>, pids: number[]) {
  const meter = cpuMeter(pids);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 3000) await fn(n++);
  const own = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const others = meter().reduce((a, b) => a + b, 0) * seconds * 10;
  return r2(((own.user + own.system) / 1000 + others) / n);
}

await main();
