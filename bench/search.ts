import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchLogin } from './lib/second-factor.ts';
import { serverEnv, startServer } from './lib/server.ts';
import { benchSqlite } from './lib/sqlite-handle.ts';
import { argValue, REPO } from './lib/target.ts';

// npx tsx bench/search.ts [--dialect sqlite|postgres|both] [--database-url postgres://…/hn_bench] [--sqlite FILE]
//   [--rounds 5] [--names 50]
// The national name search (issue 17: PostgreSQL as fast as SQLite, p95 ≤ 20 ms for the 50 most common names)
// on an existing national data set (npm run bench:data). The 50 most common full names of the data set are
// searched by a national officer through the real server (its own process, bench/lib/server-child.ts), first page
// of 20 with its total, `--rounds` times each; beside it, in the same run, the hand-written SQL for the same answer
// (the LIKE filters on the normalised names, page of 20 in name order and the count) straight on the database.
// The searches start once the server's start-up jobs (the status catch-up: job_runs) have ended, so that they
// measure a search, not a search beside the start-up (bench/concurrency.ts measures requests during it).
// Prints p50/p95/max of each and the target's verdict, and writes bench/results/<date>-search-<dialect>.json.

const args = process.argv.slice(2);
const dialectArg = argValue(args, 'dialect') ?? 'both';
const pgUrl = argValue(args, 'database-url') ?? 'postgres://postgres@127.0.0.1:5432/hn_bench';
const sqliteFile = path.resolve(
  argValue(args, 'sqlite') ?? path.join(REPO, 'bench/data/national/hoanhap.sqlite'),
);
const rounds = Number(argValue(args, 'rounds') ?? 5);
// --label L: the result file is bench/results/<date>-search-L-<dialect>.json.
const label = argValue(args, 'label');
const nameCount = Number(argValue(args, 'names') ?? 50);
const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return r1(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
};
const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: pct(xs, 100), n: xs.length });

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

function database(dialect: 'sqlite' | 'postgres'): { query: Query; close: () => Promise<void> } {
  if (dialect === 'sqlite') {
    const db = benchSqlite(sqliteFile);
    return {
      query: async (text, params) => db.prepare(text.replace(/\$\d+/g, '?')).all(...params),
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: pgUrl, max: 1 });
  return {
    query: async (text, params) => (await pool.query(text, params)).rows,
    close: () => pool.end(),
  };
}

async function runOne(dialect: 'sqlite' | 'postgres') {
  const loadAtStart = os.loadavg().map(r1);
  const db = database(dialect);
  const names = (await db.query(
    `SELECT name_search AS name, count(*) AS n FROM people GROUP BY name_search ORDER BY count(*) DESC, name_search LIMIT ${nameCount}`,
    [],
  )) as { name: string; n: number }[];
  // The hand-written answer: every token a substring of the name or of another name, first 20 by name, and the count.
  const handWritten = async (name: string) => {
    const tokens = name.split(' ').filter(Boolean);
    const where = tokens
      .map((_, i) => `(name_search LIKE $${2 * i + 1} OR other_names_search LIKE $${2 * i + 2})`)
      .join(' AND ');
    const params = tokens.flatMap((t) => [`%${t}%`, `%${t}%`]);
    const s = performance.now();
    const page = (await db.query(
      `SELECT * FROM people WHERE ${where} ORDER BY name_search, id LIMIT 20`,
      params,
    )) as { id: string }[];
    const [{ n }] = (await db.query(`SELECT count(*) AS n FROM people WHERE ${where}`, params)) as {
      n: number;
    }[];
    return { ms: performance.now() - s, ids: page.map((r) => r.id), total: Number(n) };
  };

  const since = new Date(Date.now() - 1000).toISOString();
  const server = await startServer(serverEnv(dialect, { sqliteFile, pgUrl }, { REPORTS_WARMUP: 'false' }));
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const waited = await startupJobsEnded(db, since);
    console.log(`  [${dialect}] the server's start-up jobs ended after ${r1(waited / 1000)} s`);
    const { cookie } = await benchLogin(base, 'c04.1', `${REPO}/bench/data/totp-${dialect}-national.json`);
    const product = async (name: string) => {
      const s = performance.now();
      const res = await fetch(`${base}/api/people?q=${encodeURIComponent(name)}&limit=20`, {
        headers: { cookie },
      });
      const json = await res.json();
      if (res.status !== 200) throw new Error(`search ${name}: ${res.status} ${JSON.stringify(json)}`);
      return {
        ms: performance.now() - s,
        ids: json.items.map((p: { id: string }) => p.id),
        total: json.total,
        capped: json.totalCapped as boolean,
      };
    };
    const productMs: number[] = [];
    const sqlMs: number[] = [];
    let mismatches = 0;
    // Warm both once (plans, pages in the database's cache), then the timed rounds, interleaved.
    for (const { name } of names) {
      await product(name);
      await handWritten(name);
    }
    for (let r = 0; r < rounds; r++)
      for (const { name } of names) {
        const a = await product(name);
        const b = await handWritten(name);
        productMs.push(a.ms);
        sqlMs.push(b.ms);
        // The product counts a name search up to 1,000 (totalCapped); the page must be the same.
        const expected = Math.min(b.total, 1000);
        if (a.total !== expected || a.capped !== b.total > 1000 || a.ids.join() !== b.ids.join()) {
          mismatches++;
          if (r === 0)
            console.log(
              `  differs for "${name}": product ${a.total} [${a.ids.slice(0, 3)}…], SQL ${b.total} [${b.ids.slice(0, 3)}…]`,
            );
        }
      }
    const result = {
      dialect,
      date: new Date().toISOString(),
      loadAtStart,
      loadAtEnd: os.loadavg().map(r1),
      names: names.length,
      mostCommon: names.slice(0, 5),
      rounds,
      product: summary(productMs),
      handWrittenSql: summary(sqlMs),
      mismatches,
      target: { p95: 20, met: pct(productMs, 95) <= 20 },
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `  ${result.target.met ? 'MET' : 'MISSED'}: ${dialect} national search of the ${names.length} most common names p95 ${result.product.p95} ms (target ≤ 20 ms; hand-written SQL p95 ${result.handWrittenSql.p95} ms; load ${loadAtStart[0]} → ${result.loadAtEnd[0]})`,
    );
    const out = path.join(
      REPO,
      `bench/results/${result.date.slice(0, 10)}-search-${label ? `${label}-` : ''}${dialect}.json`,
    );
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    server.child.kill('SIGTERM');
    await db.close();
  }
}

/** Waits until the job runs recorded since `since` (the server's start-up jobs) have ended; returns the ms waited. */
async function startupJobsEnded(db: { query: Query }, since: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const [r] = (await db.query(
      `SELECT count(*) AS started, sum(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END) AS running FROM job_runs WHERE started_at >= $1`,
      [since],
    )) as { started: number; running: number | null }[];
    const waited = performance.now() - t0;
    if (Number(r.started) > 0 && Number(r.running ?? 0) === 0) return waited;
    if (Number(r.started) === 0 && waited > 30_000) return waited;
    if (waited > 900_000) throw new Error('the server start-up jobs did not end in 15 minutes');
    await new Promise((res) => setTimeout(res, 1000));
  }
}

for (const d of dialectArg === 'both'
  ? (['sqlite', 'postgres'] as const)
  : [dialectArg as 'sqlite' | 'postgres'])
  await runOne(d);
process.exit(0);
