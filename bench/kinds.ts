import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type Kind, readUrl } from './lib/mixed-reads.ts';
import { benchLogin } from './lib/second-factor.ts';
import { serverEnv, startServer } from './lib/server.ts';
import { benchSqlite } from './lib/sqlite-handle.ts';
import { argValue, nationalStats, REPO } from './lib/target.ts';

// npx tsx bench/kinds.ts [--seconds 10] [--settle 20] [--kinds mix,person,search,worklist,list]
// The national SQLite data set's commune officer's reads, each kind alone (or the mix of the four) at 32
// connections through one server process, with the client's CPU: the quick loop for a change on the request
// path (bench/concurrency.ts is the whole measurement, with the SQL beside it). BENCH_CPU_PROF_DIR=DIR writes a
// CPU profile of the server (bench/README.md, "Fourth day"). Waits for the server's start-up jobs first.

const args = process.argv.slice(2);
const dialect = 'sqlite';
const sqliteFile = path.join(REPO, 'bench/data/national/hoanhap.sqlite');
const SECONDS = Number(argValue(args, 'seconds') ?? 10);
const SETTLE = Number(argValue(args, 'settle') ?? 20);
const kindsArg = (argValue(args, 'kinds') ?? 'mix').split(',');
const gen = nationalStats(dialect, sqliteFile);
const commune = gen.accounts.find((a: any) => a.role === 'commune_officer').scopeCode as string;
const db = benchSqlite(sqliteFile);
const people = db
  .prepare(`SELECT id, name_search FROM people WHERE cur_commune_code = ? ORDER BY id LIMIT 100`)
  .all(commune) as any[];
db.close();
const server = await startServer(serverEnv(dialect, { sqliteFile, pgUrl: '' }, { REPORTS_WARMUP: 'false' }));
const base = `http://127.0.0.1:${server.port}`;
const officer = await benchLogin(base, `xa.${commune}`, `${REPO}/bench/data/totp-${dialect}-national.json`);
const headers = { cookie: officer.cookie, 'x-csrf-token': officer.csrf };
const urlOf = readUrl(people);
await sleep(SETTLE * 1000);
{
  const jdb = benchSqlite(sqliteFile);
  const running = jdb.prepare(`select count(*) n from job_runs where ended_at is null`);
  while ((running.get() as any).n > 0) await sleep(500);
  jdb.close();
}
for (const k of kindsArg) {
  const kinds: Kind[] = k === 'mix' ? ['search', 'person', 'worklist', 'list'] : [k as Kind];
  const mix = Array.from({ length: 200 }, (_, i) => ({
    kind: kinds[i % kinds.length],
    i: Math.floor(i / kinds.length),
  }));
  const c0 = process.cpuUsage();
  const ac = await autocannon({
    url: base,
    connections: 32,
    duration: SECONDS,
    requests: mix.map((m) => ({ method: 'GET', path: urlOf(m.kind, m.i), headers })),
  });
  const cu = process.cpuUsage(c0);
  console.log('client cpu %', Math.round((cu.user + cu.system) / 1e4 / SECONDS));
  console.log(
    k,
    Math.round(ac.requests.average),
    'req/s non2xx',
    ac.non2xx,
    'p50',
    ac.latency.p50,
    'bytes/req',
    Math.round(ac.throughput.average / ac.requests.average),
  );
}
server.child.send({ type: 'stop' });
await new Promise((r) => server.child.once('exit', r));
