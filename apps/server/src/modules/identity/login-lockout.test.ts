import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// Per-account failed-login limit (issue 16): growing waits kept in the database, then a lock that an
// administrator lifts (audited); the count is the database's, so several processes share it.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_FAILURES: '2',
    LOGIN_LOCK_MINUTES: '1',
    LOGIN_ADMIN_LOCK_FAILURES: '4',
  });
});
afterAll(async () => t?.close());

const tryLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('failed-login limit', () => {
  it('waits longer after each failure, then locks until an administrator unlocks', async () => {
    await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'khoa.toi');
    const realNow = t.deps.now;
    let clock = Date.now();
    t.deps.now = () => new Date(clock);
    try {
      expect((await tryLogin('khoa.toi', 'wrong-password-1')).statusCode).toBe(401);
      expect((await tryLogin('khoa.toi', 'wrong-password-1')).statusCode).toBe(401); // 2nd: wait 1 min
      expect((await tryLogin('khoa.toi', 'Test-password-123')).statusCode).toBe(429);
      clock += 61_000;
      expect((await tryLogin('khoa.toi', 'wrong-password-1')).statusCode).toBe(401); // 3rd: wait 2 min
      clock += 61_000;
      expect((await tryLogin('khoa.toi', 'Test-password-123')).statusCode).toBe(429); // still waiting
      clock += 60_000;
      const fourth = await tryLogin('khoa.toi', 'wrong-password-1'); // 4th: administrator lock
      expect(fourth.statusCode).toBe(423);
      expect(fourth.json().messages.vi).toContain('quản trị viên');
      clock += 365 * 24 * 3_600_000;
      expect((await tryLogin('khoa.toi', 'Test-password-123')).statusCode).toBe(423);
    } finally {
      t.deps.now = realNow;
    }

    const admin = await t.userAs('system_admin', 'nation', null);
    const user = (await admin.call('GET', '/api/users?q=khoa.toi')).json().items[0];
    expect(user.loginLock).toBe('admin');
    // Only administrators unlock.
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await officer.call('POST', `/api/users/${user.id}/unlock`)).statusCode).toBe(403);
    const unlocked = await admin.call('POST', `/api/users/${user.id}/unlock`);
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json().loginLock).toBeNull();
    expect((await tryLogin('khoa.toi', 'Test-password-123')).statusCode).toBe(200);

    const actions = (
      await t.deps.database.db
        .selectFrom('audit_log')
        .select(['action', 'username'])
        .where('entity_id', '=', user.id)
        .orderBy('at')
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['login.failed', 'login.locked', 'login.locked_admin', 'user.unlock']),
    );
  });

  it('counts failures in the database, atomically (concurrent failures are all counted)', async () => {
    await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'dong.thoi');
    await Promise.all([1, 2, 3].map(() => tryLogin('dong.thoi', 'wrong-password-1')));
    const row = await t.deps.database.db
      .selectFrom('users')
      .select(['failed_logins', 'login_locked_at'])
      .where('username', '=', 'dong.thoi')
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(3);
  });
});
