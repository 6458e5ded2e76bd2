import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Kind, readUrl } from './lib/mixed-reads.ts';
import { directQuery, forgetKeptFigures, pct, r1 } from './lib/run-support.ts';
import { benchLogin } from './lib/second-factor.ts';
import { serverEnv, startServer } from './lib/server.ts';
import { argValue, nationalStats, REPO } from './lib/target.ts';

// npx tsx bench/dashboard-probe.ts --dialect sqlite|postgres [--database-url URL] [--periods 4] [--clients 4]
// Person pages while cold national dashboards compute, one period after another, through one server process
// (figure warm-up off, kept figures emptied first): each dashboard's time, the person pages' p50/p99/max, and
// how long the server's main thread was held between turns of its event loop (p99/max) during it. The quick
// loop for issue 17's "person page p99 ≤ 50 ms while a cold national dashboard is computed" (bench/concurrency.ts
// measures it once, within the whole run).

const args = process.argv.slice(2);
const dialect = (argValue(args, 'dialect') ?? 'sqlite') as 'sqlite' | 'postgres';
const sqliteFile = path.join(REPO, 'bench/data/national/hoanhap.sqlite');
const pgUrl = argValue(args, 'database-url') ?? 'postgres://postgres@127.0.0.1:5432/hn_bench';
const PERIODS = Number(argValue(args, 'periods') ?? 4);
const CLIENTS = Number(argValue(args, 'clients') ?? 4);
const SETTLE = Number(argValue(args, 'settle') ?? 20);
const gen = nationalStats(dialect, sqliteFile);
const commune = gen.accounts.find((a: any) => a.role === 'commune_officer').scopeCode as string;
const year = Number((gen.asOf as string).slice(0, 4)) - 1;

const direct = await directQuery(dialect, sqliteFile, pgUrl);
await forgetKeptFigures(dialect, sqliteFile, pgUrl);
const people = (await direct.all(
  `SELECT id, name_search FROM people WHERE cur_commune_code = '${commune}' ORDER BY id LIMIT 100`,
)) as { id: string; name_search: string }[];
const server = await startServer(serverEnv(dialect, { sqliteFile, pgUrl }, { REPORTS_WARMUP: 'false' }));
const base = `http://127.0.0.1:${server.port}`;
const totp = `${REPO}/bench/data/totp-${dialect}-national.json`;
const officer = await benchLogin(base, `xa.${commune}`, totp);
const national = await benchLogin(base, 'c04.1', totp);
await sleep(SETTLE * 1000);
while (Number((await direct.all('select count(*) n from job_runs where ended_at is null'))[0].n) > 0)
  await sleep(500);

const urlOf = readUrl(people);
const get = async (url: string, s: { cookie: string; csrf: string }) => {
  const t0 = performance.now();
  const res = await fetch(`${base}${url}`, { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t0;
};

const quarters = [
  [`${year}-07-01`, `${year}-09-30`],
  [`${year}-04-01`, `${year}-06-30`],
  [`${year}-01-01`, `${year}-03-31`],
  [`${year - 1}-10-01`, `${year - 1}-12-31`],
  [`${year - 1}-07-01`, `${year - 1}-09-30`],
  [`${year - 1}-04-01`, `${year - 1}-06-30`],
];
for (const [from, to] of quarters.slice(0, PERIODS)) {
  await server.ask('loop');
  let done = false;
  const t0 = performance.now();
  const dash = get(`/api/dashboard?from=${from}&to=${to}`, national).finally(() => {
    done = true;
  });
  const lat: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (!done) {
        lat.push(await get(urlOf('person' as Kind, i++), officer));
        await sleep(5);
      }
    }),
  );
  await dash;
  const ms = performance.now() - t0;
  const loop = await server.ask('loop');
  const s = lat.sort((a, b) => a - b);
  console.log(
    `${from}…${to}: dashboard ${Math.round(ms)} ms; person pages ${s.length}: p50 ${r1(pct(s, 50))} p99 ${r1(pct(s, 99))} max ${r1(s.at(-1) ?? NaN)} ms; main thread held p99 ${loop.p99} max ${loop.max} ms, busy ${loop.busyMs} ms`,
  );
}
server.child.send({ type: 'stop' });
await new Promise((r) => server.child.once('exit', r));
await direct.close();
process.exit(0);
