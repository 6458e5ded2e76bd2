import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppDeps } from './app-deps.ts';
import { prepare } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createUser } from './modules/identity/identity.service.ts';
import type { Role, ScopeKind } from './platform/policy.ts';
import { createPostgresDatabase } from './test/test-app.ts';

// Several servers on one database (issue 17): two real server processes (`main.ts`, as `npm start` runs it) start
// at the same moment on an EMPTY database — one PostgreSQL database, or one SQLite file where the first "server"
// is itself a cluster of two processes (PROCESSES=2). Then: both are up with one administrator; each start-up job
// ran once across them (job_runs) and was logged at info; a write through one is in the other's dashboard and
// in a report created on the other (the figure was cached there before the write); the login limit per address
// counts the attempts sent to both; SIGTERM stops each cleanly.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const baseUrl = process.env.DATABASE_URL;
const dialect = baseUrl ? 'postgres' : 'sqlite';
// Ports 4400–4449 (this helper's range); a random pair so a SQLite and a PostgreSQL run may overlap.
const PORT = 4400 + 2 * Math.floor(Math.random() * 24);

type Server = { url: string; child: ChildProcess; out: () => string; exited: Promise<number | null> };

function startServer(port: number, env: Record<string, string>): Server {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT: '10',
      REPORTS_WARMUP: 'true',
      REPORTS_MAX_STALE_MINUTES: '0',
      WEB_DIST: path.join(os.tmpdir(), 'hn-no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, child, out: () => out, exited };
}

async function healthy(s: Server) {
  for (let i = 0; i < 600; i++) {
    if (s.child.exitCode != null) throw new Error(`server exited ${s.child.exitCode}:\n${s.out()}`);
    try {
      const r = await fetch(`${s.url}/api/health`);
      if (r.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not up:\n${s.out()}`);
}

/** Calls `read` until `ok` holds or `ms` have passed (at least once); returns the last value. */
async function within<T>(ms: number, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

async function login(server: Server, username: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hn_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as any };
  };
}

describe(`two servers on one ${dialect} database`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-multi-'));
  const dbName = `hn_test_multi_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let databaseUrl: string | undefined;
  const servers: Server[] = [];
  let deps: AppDeps | undefined;

  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode == null) s.child.kill('SIGKILL');
    await deps?.database.close();
    if (baseUrl) {
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('start together on an empty database, run each job once, share figures and login limits', async () => {
    if (baseUrl) databaseUrl = await createPostgresDatabase(baseUrl, dbName);
    const common: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
    // On PostgreSQL each server has its own data directory (two machines); on SQLite they share the file.
    const dirA = databaseUrl ? path.join(dataDir, 'a') : dataDir;
    const dirB = databaseUrl ? path.join(dataDir, 'b') : dataDir;
    const a = startServer(PORT, {
      ...common,
      DATA_DIR: dirA,
      PROCESSES: databaseUrl ? '1' : '2',
    });
    const b = startServer(PORT + 1, { ...common, DATA_DIR: dirB, PROCESSES: '1' });
    servers.push(a, b);
    await Promise.all([healthy(a), healthy(b)]);

    // The test's own handle on the same database (prepare() finds it migrated and loaded).
    deps = await prepare({ ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), databaseUrl });
    const db = deps.database.db;
    const admins = await db.selectFrom('users').select('username').execute();
    expect(admins.map((u) => u.username)).toEqual(['admin']);
    const units = await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(units.n)).toBeGreaterThan(3000);

    // Each start-up job once, whichever server ran it; and logged at info.
    const startJobs = ['figures-warmup', 'monitoring-end', 'status-refresh'];
    const runs = await within(
      120_000,
      () => db.selectFrom('job_runs').selectAll().orderBy('job').execute(),
      (r) => r.length >= 3 && r.every((x) => x.outcome !== 'running'),
    );
    expect(runs.map((r) => [r.job, r.outcome])).toEqual(startJobs.map((j) => [j, 'ok']));
    const logs = a.out() + b.out();
    for (const j of startJobs) expect(logs).toContain(`"job":"${j}"`);
    expect(logs).toContain('"msg":"job ended"');

    const password = 'Multi-password-2026';
    const user = async (role: Role, scopeKind: ScopeKind, scopeCode: string | null) => {
      const username = `${role}_${randomUUID().slice(0, 6)}`;
      await createUser(
        deps!,
        null,
        { username, fullName: `Người thử ${role}`, role, scopeKind, scopeCode, password },
        { mustChangePassword: false },
      );
      return username;
    };
    const officer = await user('commune_officer', 'commune', '00004');
    const police = await user('commune_police', 'commune', '00004');
    const officerA = await login(a, officer, password);
    const policeA = await login(a, police, password);
    const officerB = await login(b, officer, password);

    const today = new Date().toISOString().slice(0, 10);
    const month = recentPeriods([], today)[0]!;
    const year = Number(today.slice(0, 4));
    const positive = (d: { figures: { indicatorId: string; value: number | null }[] }) =>
      d.figures.find((f) => f.indicatorId === 'positive_tests')?.value;
    const dashboardB = async () => {
      const r = await officerB('GET', `/api/dashboard?from=${month.from}&to=${month.to}`);
      expect(r.status).toBe(200);
      return positive(r.body);
    };
    // Cached on B (twice: the second read is from its memory).
    expect(await dashboardB()).toBe(0);
    expect(await dashboardB()).toBe(0);

    // A write through A…
    const person = await officerA('POST', '/api/people', {
      fullName: 'Người Thử Hai Máy',
      sex: 'male',
      birthDate: '1990-05-12',
      currentAddress: { communeCode: '00004', detail: 'Tổ 1' },
      confirmPossibleDuplicate: true,
    });
    expect(person.status).toBe(201);
    const test = await policeA('POST', `/api/people/${person.body.id}/drug-tests`, {
      testedOn: today,
      method: 'rapid_urine',
      results: [
        { substance: 'methamphetamine', result: 'positive' },
        { substance: 'heroin', result: 'negative' },
      ],
      performedBy: 'Thiếu úy Lê Văn Cường',
      reason: 'suspicion',
    });
    expect(test.status).toBe(201);
    // …is in B's dashboard within a second, and in a report created on B.
    expect(await within(1000, dashboardB, (v) => v === 1)).toBe(1);
    const report = await officerB('POST', '/api/reports', { periodKind: 'year', year });
    expect(report.status).toBe(201);
    expect(positive(report.body)).toBe(1);

    // The login limit (10 a minute per address) counts attempts on both servers: 3 logins so far, 7 more
    // failures alternate between the servers, then both refuse.
    const attempt = (s: Server) =>
      fetch(`${s.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody_here', password: 'Wrong-password-1' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await attempt(i % 2 ? b : a));
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await attempt(a)).toBe(429);
    expect(await attempt(b)).toBe(429);
    // One counter per route and address, in the database (the code step's limit counts apart).
    const counters = await db.selectFrom('rate_limits').select(['key', 'count']).execute();
    expect(counters).toEqual([{ key: 'POST /api/auth/login|127.0.0.1', count: 12 }]);

    // Graceful stop.
    for (const s of servers) s.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
  });
});
