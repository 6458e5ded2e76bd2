import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { prepare } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { createUser } from '../modules/identity/identity.service.ts';
import { type Role, type ScopeKind, secondFactorRequired } from '../platform/policy.ts';
import { adminQuery, type DbTemplate } from './db-template.ts';
import { TotpFixture } from './totp-fixture.ts';

/** Creates an empty PostgreSQL database `name` beside `baseUrl`'s; returns its URL. */
export async function createPostgresDatabase(baseUrl: string, name: string): Promise<string> {
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A real database per test file: a temporary SQLite file, or — when DATABASE_URL is set —
 * a fresh PostgreSQL database created beside it and dropped afterwards. Both start as a copy of the run's
 * migrated, unit-loaded template (db-template.ts, built by global-setup.ts); prepare() still runs and finds them
 * current. `fromScratch` (or HN_TEST_TEMPLATE=off, or no template outside vitest) migrates an empty database.
 */
export async function createTestDeps(
  env: Record<string, string> = {},
  opts: { fromScratch?: boolean } = {},
): Promise<{ deps: AppDeps; cleanup: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-test-'));
  const baseUrl = process.env.DATABASE_URL;
  const template = opts.fromScratch ? null : await providedTemplate();
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (baseUrl) {
    dbName = `hn_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await adminQuery(
      baseUrl,
      `CREATE DATABASE ${dbName}${template?.pgName ? ` TEMPLATE ${template.pgName}` : ''}`,
    );
    const u = new URL(baseUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  } else if (template?.sqliteFile) {
    fs.copyFileSync(template.sqliteFile, path.join(dataDir, 'hoanhap.sqlite'));
  }
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '10000',
      // Computing figures ahead and showing stale ones are tested on their own (figures-cache.test.ts):
      // elsewhere a dashboard must show what the test just wrote, however slow the machine.
      REPORTS_WARMUP: 'false',
      REPORTS_MAX_STALE_MINUTES: '0',
      ...env,
    }),
    databaseUrl,
  };
  const deps = await prepare(config);
  return {
    deps,
    cleanup: async () => {
      await deps.database.close();
      // Plain DROP first, retried while the ended pool's backends are still leaving: WITH (FORCE) would
      // terminate them, and pg delivers that "terminating connection" (57P01) to a client that has
      // stopped listening, an uncaught error in vitest. FORCE only as the last resort (adminQuery).
      if (baseUrl && dbName) await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${dbName}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// The template global-setup.ts provided to this project, if any (none outside vitest, e.g. bench/import.ts).
async function providedTemplate(): Promise<DbTemplate | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  let t: DbTemplate | null;
  try {
    t = inject('hnDbTemplate') ?? null;
  } catch {
    // A process forked by a test (e.g. audit-kill-child.ts) inherits VITEST but is not a vitest worker.
    return null;
  }
  if (!t) return null;
  return process.env.DATABASE_URL ? (t.pgName ? t : null) : t.sqliteFile ? t : null;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The app plus helpers to create users and send requests as them. */
export async function createTestApp(env: Record<string, string> = {}) {
  const { deps, cleanup } = await createTestDeps(env);
  const app = await buildApp(deps);
  await app.ready();
  // Roles that require a second factor get users already enrolled; login() types their code (issue 16).
  const totp = new TotpFixture();

  async function userAs(
    role: Role,
    scopeKind: ScopeKind,
    scopeCode: string | null,
    username = `${role}_${randomUUID().slice(0, 8)}`,
  ) {
    const password = 'Test-password-123';
    const { user } = await createUser(
      deps,
      null,
      { username, fullName: `Test ${role}`, role, scopeKind, scopeCode, password },
      { mustChangePassword: false },
    );
    if (secondFactorRequired(role)) await totp.enrol(deps, user.id, username);
    return login(username, password, user.id);
  }

  async function login(username: string, password: string, userId?: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'hn_session')!;
    let body = res.json();
    const headers = { cookie: `hn_session=${cookie.value}`, 'x-csrf-token': body.csrfToken };
    if (body.secondFactor === 'code' && totp.has(username)) {
      const v = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/verify',
        headers,
        payload: { code: await totp.code(username) },
      });
      if (v.statusCode !== 200) throw new Error(`code step failed ${v.statusCode} ${v.body}`);
      body = v.json();
    }
    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      app.inject({ method, url, headers, payload: payload as any });
    return { username, userId: userId ?? body.user.id, headers, body, call };
  }

  return {
    app,
    deps,
    userAs,
    login,
    totp,
    /** Enrols an existing user (e.g. the first admin) as the fixture does for userAs. */
    enrolSeeded: async (username: string) => {
      const { findUserByUsername } = (await import('../modules/identity/identity.repo.ts')).identityRepo;
      const u = await findUserByUsername(deps.database.db, username);
      if (!u) throw new Error(`no user ${username}`);
      return totp.enrol(deps, u.id, username);
    },
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

// Real units used across tests: two communes of Hà Nội and one of Quảng Ninh.
export const UNITS = {
  hanoi: '01',
  baDinh: '00004',
  ngocHa: '00008',
  quangNinh: '22',
};
