import os from 'node:os';
import { periodRange } from '@hoanhap/domain/reporting-periods';
import pg from 'pg';
import { benchSqlite } from './sqlite-handle.ts';

// What bench/run.ts uses around its measurements: the server child, percentiles, the report a scenario opens,
// the direct database handle for the hand-written SQL, the printed table and the machine/data-set records.

export type Scenario = {
  name: string;
  user: string;
  method: 'GET' | 'POST';
  /** One request per call (paths may vary by iteration). */
  path: (i: number) => string;
  body?: (i: number) => unknown;
  target?: number;
  /** Target of the first request after the server started (the national dashboard's cold target). */
  coldTarget?: number;
  throughput?: boolean;
};
export type Session = { cookie: string; csrf: string };

export function pct(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** Latencies (ms, sorted) of `fn` run up to `n` times: at least 3, then as many as fit in 10 s. */
export async function timedRuns(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n && (i < 3 || performance.now() - t0 < 10_000); i++) {
    const s = performance.now();
    await fn();
    lat.push(performance.now() - s);
  }
  return lat.sort((a, b) => a - b);
}
export const r1 = (x: number) => Math.round(x * 10) / 10;
export const shiftYear = (iso: string, by: number) => `${Number(iso.slice(0, 4)) + by}${iso.slice(4)}`;

export { startServer } from './server.ts';

/** The last quarter (cut-off day 15) that ended before `asOf`. */
export function lastQuarter(asOf: string) {
  let year = Number(asOf.slice(0, 4));
  for (;;) {
    for (let index = 4; index >= 1; index--) {
      const r = periodRange('quarter', year, index);
      if (r.to < asOf) return { year, index, from: r.from, to: r.to };
    }
    year--;
  }
}

/** Creates the actor's own draft report of the period (or finds the one a previous run created). */
export async function ensureReport(
  base: string,
  s: Session,
  period: { year: number; index: number },
): Promise<string | null> {
  const res = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ periodKind: 'quarter', year: period.year, index: period.index }),
  });
  const body = (await res.json()) as any;
  if (res.status === 201) return body.id;
  const existing = body.reportId ?? body.details?.reportId ?? body.extra?.reportId;
  if (res.status === 409 && existing) return existing;
  console.log(`  report of ${period.year} Q${period.index}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return null;
}

export function printTable(o: any) {
  console.log(
    `\nHòa Nhập benchmark — ${o.dialect}, ${o.scale} (${o.dataset.people} people, ${o.dataset.events} events) — ${o.machine.cores} cores, ${o.machine.memoryGB} GB, ${o.machine.cpu}, load ${o.machine.loadAverageAtStart.join('/')}`,
  );
  console.log('scenario                         median    p95    p99   req/s  target p95');
  for (const r of o.scenarios)
    console.log(
      `${r.name.padEnd(32)} ${String(r.median).padStart(6)} ${String(r.p95).padStart(6)} ${String(r.p99).padStart(6)} ${String(r.rps ?? '-').padStart(7)}  ${r.targetP95 ? (r.met === null ? 'n/a (errors)' : `${r.targetP95} ${r.met ? 'ok' : 'MISSED'}`) : ''}`,
    );
  console.log(
    `mixed reads @${o.mixedReads.connections}: ${o.mixedReads.rps} req/s (target ${o.mixedReads.target})`,
  );
  for (const l of o.limit)
    console.log(
      `limit ${l.name}: SQL ${l.sqlMedian} ms, product ${l.productMedian} ms, ratio ${l.ratio}× (target ≤ ${l.target}×)`,
    );
  console.log(
    `server RSS: start ${o.server.startRssMB} MB, peak ${o.server.peakRssMB} MB (target < 500); ready in ${o.server.readySeconds} s`,
  );
  if (o.web && !o.web.error)
    console.log(
      `web first load (gzip): login ${o.web.loginKB} KB, people list ${o.web.peopleKB} KB (target < 300)`,
    );
  console.log(
    `reports and dashboards over ${o.period.from} – ${o.period.to} (${o.period.year} Q${o.period.index})`,
  );
  for (const r of o.scenarios.filter((x: any) => x.coldTarget))
    console.log(`${r.name} cold (first request): ${r.cold} ms (target ${r.coldTarget})`);
}

export async function directQuery(dialect: 'sqlite' | 'postgres', sqliteFile: string, pgUrl: string) {
  if (dialect === 'sqlite') {
    const db = benchSqlite(sqliteFile);
    return { all: async (s: string) => db.prepare(s).all() as any[], close: async () => db.close() };
  }
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  return { all: async (s: string) => (await c.query(s)).rows, close: () => c.end() };
}
/** Empties figure_grids, the figures kept by earlier runs (a dashboard measured as cold must be computed). */
export async function forgetKeptFigures(dialect: 'sqlite' | 'postgres', sqliteFile: string, pgUrl: string) {
  if (dialect === 'sqlite') {
    const db = benchSqlite(sqliteFile, {});
    db.exec('DELETE FROM figure_grids');
    db.close();
    return;
  }
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query('DELETE FROM figure_grids');
  await c.end();
}

/** The machine a run measured on, with its load at the start and end (results under load are not comparable). */
export const machineOf = (loadAtStart: number[]) => ({
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGB: r1(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  // Other work on the machine during the run (1, 5, 15 min): results under load are not comparable.
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: os.loadavg().map(r1),
});

/** The data set's size and generation speed, from the generator's figures. */
export const datasetOf = (gen: any) => ({
  people: gen.people,
  users: gen.users,
  facilities: gen.facilities,
  communes: gen.communes,
  provinces: gen.provinces,
  events: gen.events,
  rows: gen.rows,
  generationSeconds: r1(gen.totalSeconds ?? gen.seconds),
  rowsPerSecond: gen.rowsPerSecond,
});
