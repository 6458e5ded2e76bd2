import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// A user sees their active sessions (device, address, last seen) and ends any of them; an administrator ends
// all sessions of a user; both audited (issue 16).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const PHONE =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

describe('sessions', () => {
  it('lists my sessions with device and address, and ends another one', async () => {
    const me = await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'phien.cua.toi');
    const phone = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.44',
      headers: { 'user-agent': PHONE },
      payload: { username: 'phien.cua.toi', password: 'Test-password-123' },
    });
    expect(phone.statusCode).toBe(200);
    const phoneCookie = `hn_session=${phone.cookies.find((c) => c.name === 'hn_session')!.value}`;

    const list = await me.call('GET', '/api/auth/sessions');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      id: string;
      current: boolean;
      ip: string;
      browser: string;
      os: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current)!;
    expect(other).toMatchObject({ ip: '192.0.2.44', browser: 'Chrome', os: 'Android' });

    // Another user cannot end my session.
    const stranger = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await stranger.call('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(404);

    expect((await me.call('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: phoneCookie },
    });
    expect(after.statusCode).toBe(401);
    expect((await me.call('GET', '/api/auth/sessions')).json().items).toHaveLength(1);
  });

  it('lets an administrator end all sessions of a user, audited', async () => {
    const u = await t.userAs('commune_police', 'commune', UNITS.baDinh);
    const admin = await t.userAs('system_admin', 'nation', null);
    expect((await u.call('POST', `/api/users/${u.userId}/end-sessions`)).statusCode).toBe(403);
    const res = await admin.call('POST', `/api/users/${u.userId}/end-sessions`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ended).toBe(1);
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(401);
    const entry = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.end_sessions')
      .where('entity_id', '=', u.userId)
      .executeTakeFirstOrThrow();
    expect(entry.username).toBe(admin.username);
  });
});
