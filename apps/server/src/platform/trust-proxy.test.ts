import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// A forged X-Forwarded-For must change neither the per-address login limit nor the audited address, unless
// the peer sending it is a configured proxy (TRUST_PROXY).
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const attempt = (
  app: TestApp['app'],
  forwardedFor: string,
  remoteAddress = '127.0.0.1',
  username = 'nobody',
) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username, password: 'wrong-password-1' },
  });

async function loginAuditIp(app: TestApp, username: string): Promise<string | null> {
  const row = await app.deps.database.db
    .selectFrom('audit_log')
    .select('ip')
    .where('username', '=', username)
    .where('action', '=', 'login')
    .executeTakeFirstOrThrow();
  return row.ip;
}

async function loginWithHeader(app: TestApp, remoteAddress: string, forwardedFor: string) {
  const u = await app.userAs('commune_officer', 'commune', '00004');
  // userAs logged in once already (from 127.0.0.1); log in again through the header and read that entry.
  await app.deps.database.db.deleteFrom('audit_log').where('username', '=', u.username).execute();
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username: u.username, password: 'Test-password-123' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return loginAuditIp(app, u.username);
}

describe('client address (TRUST_PROXY)', () => {
  it('by default ignores X-Forwarded-For: a new forged address each time does not escape the login limit', async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(t.app, `203.0.113.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });

  it('by default audits the peer address, not the forged one', async () => {
    t = await createTestApp();
    expect(await loginWithHeader(t, '127.0.0.1', '6.6.6.6')).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For from a configured proxy only', async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '10.0.0.0/8, 192.0.2.7' });
    // Through the proxy, each client has its own limit and is audited under its own address.
    const viaProxy: number[] = [];
    for (let i = 0; i < 5; i++)
      viaProxy.push((await attempt(t.app, `203.0.113.${i + 1}`, '10.1.2.3')).statusCode);
    expect(viaProxy).toEqual([401, 401, 401, 401, 401]);
    expect(await loginWithHeader(t, '192.0.2.7', '198.51.100.9')).toBe('198.51.100.9');
    // A peer that is not a configured proxy is counted and audited as itself.
    expect(await loginWithHeader(t, '127.0.0.1', '198.51.100.10')).toBe('127.0.0.1');
    const direct: number[] = [];
    for (let i = 0; i < 5; i++)
      direct.push((await attempt(t.app, `198.51.100.${i + 20}`, '192.0.2.99')).statusCode);
    expect(direct).toEqual([401, 401, 401, 429, 429]);
  });
});
