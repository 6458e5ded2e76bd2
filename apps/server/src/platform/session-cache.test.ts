import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { prepare } from '../bootstrap.ts';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';

// The session cache (platform/session-cache.ts) across two servers on one database: server B has its own
// database handle and its own cache, as another process or machine would. A logout or a deactivation through
// server A is refused by A at once and by B within SESSION_CACHE_MS (≤ 1 s, here the default 500 ms), on the
// app's clock (both servers' clocks are set by the test, so nothing depends on how fast the machine is).
let a: TestApp;
let b: { deps: AppDeps; app: Awaited<ReturnType<typeof buildApp>> };
let clock = Date.now();
beforeAll(async () => {
  a = await createTestApp();
  const depsB = await prepare({ ...a.deps.config });
  b = { deps: depsB, app: await buildApp(depsB) };
  await b.app.ready();
  a.deps.now = () => new Date(clock);
  b.deps.now = () => new Date(clock);
});
afterAll(async () => {
  await b?.app.close();
  await b?.deps.database.close();
  await a?.close();
});

const onB = async (headers: Record<string, string>) =>
  (await b.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode;

describe('session cache across two servers', () => {
  it('refuses a session logged out on A: on A at once, on B within the cache time', async () => {
    expect(a.deps.config.sessionCacheMs).toBeLessThanOrEqual(1000);
    const u = await a.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect(await onB(u.headers)).toBe(200);
    expect((await u.call('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(401);
    // B read the session a moment ago: it may still answer from memory, but not once the cache time is over.
    clock += a.deps.config.sessionCacheMs;
    expect(await onB(u.headers)).toBe(401);
    clock += 1;
    expect(await onB(u.headers)).toBe(401);
  });

  it('refuses a deactivated account: on A at once, on B within the cache time', async () => {
    const admin = await a.userAs('system_admin', 'nation', null);
    const u = await a.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(200);
    expect(await onB(u.headers)).toBe(200);
    const { version } = await a.deps.database.db
      .selectFrom('users')
      .select('version')
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    const off = await admin.call('PATCH', `/api/users/${u.userId}`, { active: false, version });
    expect(off.statusCode, off.body).toBe(200);
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(401);
    clock += a.deps.config.sessionCacheMs;
    expect(await onB(u.headers)).toBe(401);
  });

  it('answers a burst of requests from memory, and a write on the same server forgets at once', async () => {
    const u = await a.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect(await onB(u.headers)).toBe(200);
    // The session's row is gone from the database behind B's back (no write through B's handle): within the
    // cache time B still knows it from memory — the saving — and reads it again after.
    await a.deps.database.db.deleteFrom('sessions').where('user_id', '=', u.userId).execute();
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await onB(u.headers)).toBe(200);
    clock += b.deps.config.sessionCacheMs;
    expect(await onB(u.headers)).toBe(401);
  });
});
