import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../../bootstrap.ts';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

let t: TestApp;
let adminPassword: string;

beforeAll(async () => {
  t = await createTestApp();
  adminPassword = (await firstStart(t.deps, () => {}))!;
  await t.enrolSeeded('admin'); // an administrator needs a second factor (issue 16)
});
afterAll(async () => t?.close());

describe('first start and login', () => {
  it('creates admin once, with the password in a 0600 file', async () => {
    const file = path.join(t.deps.config.dataDir, 'initial-admin-password.txt');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(adminPassword);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await firstStart(t.deps, () => {})).toBeNull();
  });

  it('forces the first password change before anything else', async () => {
    const admin = await t.login('admin', adminPassword);
    expect(admin.body.user.mustChangePassword).toBe(true);
    const blocked = await admin.call('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const weak = await admin.call('POST', '/api/auth/password', {
      currentPassword: adminPassword,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await admin.call('POST', '/api/auth/password', {
      currentPassword: adminPassword,
      newPassword: 'New-admin-pass-1',
    });
    expect(ok.statusCode).toBe(204);
    expect((await admin.call('GET', '/api/users')).statusCode).toBe(200);
  });

  it('sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'New-admin-pass-1' },
    });
    const c = res.cookies.find((x) => x.name === 'hn_session')!;
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
  });

  it('locks the account after repeated failures, then refuses even the right password', async () => {
    const u = await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'lock.me');
    void u;
    for (let i = 0; i < t.deps.config.loginMaxFailures; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lock.me', password: 'wrong-password-1' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lock.me', password: 'Test-password-123' },
    });
    expect(locked.statusCode).toBe(429);
    const actions = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('username', '=', 'lock.me')
      .execute();
    expect(actions.map((a) => a.action)).toContain('login.locked');
  });

  it('expires a session after inactivity and ends it on logout', async () => {
    const u = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(200);
    const realNow = t.deps.now;
    t.deps.now = () => new Date(Date.now() + (t.deps.config.sessionIdleMinutes + 1) * 60_000);
    try {
      expect((await u.call('GET', '/api/auth/me')).statusCode).toBe(401);
    } finally {
      t.deps.now = realNow;
    }
    const v = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await v.call('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await v.call('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('user management', () => {
  it('lets only an administrator create users, with a scope that fits the role', async () => {
    const admin = await t.userAs('system_admin', 'nation', null);
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const body = {
      username: 'xa.ngocha',
      fullName: 'Lê Văn Cường',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: UNITS.ngocHa,
    };
    expect((await officer.call('POST', '/api/users', body)).statusCode).toBe(403);
    const created = await admin.call('POST', '/api/users', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().initialPassword).toHaveLength(16);
    expect(created.json().user.scopeName).toBe('Phường Ngọc Hà');
    expect((await admin.call('POST', '/api/users', body)).statusCode).toBe(409);
    const badScope = await admin.call('POST', '/api/users', {
      ...body,
      username: 'x.bad',
      scopeCode: '99999',
    });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json().errors[0].field).toBe('scopeCode');
    const wrongKind = await admin.call('POST', '/api/users', {
      ...body,
      username: 'x.bad2',
      scopeKind: 'nation',
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0].field).toBe('scopeKind');
  });

  it('deactivates a user with the current version and refuses a stale one', async () => {
    const admin = await t.userAs('system_admin', 'nation', null);
    const victim = await t.userAs('volunteer', 'commune', UNITS.baDinh);
    const ok = await admin.call('PATCH', `/api/users/${victim.userId}`, { active: false, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().active).toBe(false);
    expect((await victim.call('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(
      (await admin.call('PATCH', `/api/users/${victim.userId}`, { active: true, version: 1 })).statusCode,
    ).toBe(409);
  });
});

describe('audit log', () => {
  it('is readable by an auditor only, filtered by user and record', async () => {
    const auditor = await t.userAs('auditor', 'nation', null);
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const p = await officer.call('POST', '/api/people', {
      fullName: 'Phạm Thị Dung',
      sex: 'female',
      birthYear: 1988,
      currentAddress: { communeCode: UNITS.baDinh },
    });
    const id = p.json().id;
    await officer.call('GET', `/api/people/${id}`);
    expect((await officer.call('GET', '/api/audit')).statusCode).toBe(403);
    const res = await auditor.call('GET', `/api/audit?entityId=${id}&username=${officer.username}`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((i: any) => i.action)
        .sort(),
    ).toEqual(['person.create', 'person.read']);
    expect(res.json().items[0].ip).toBeTruthy();
    // The audit's days are days in Vietnam (UTC+7).
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const byDate = await auditor.call('GET', `/api/audit?from=${today}&to=${today}&entityId=${id}`);
    expect(byDate.json().total).toBe(2);
    const yesterday = new Date(Date.now() - 17 * 3_600_000).toISOString().slice(0, 10);
    expect((await auditor.call('GET', `/api/audit?to=${yesterday}&entityId=${id}`)).json().total).toBe(0);
  });
});

describe('health and OpenAPI', () => {
  it('answers health with the dialect and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: t.deps.database.dialect,
      version: expect.any(String),
    });
  });

  it('serves an OpenAPI 3 document covering the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/people',
        '/api/people/{id}',
        '/api/users',
        '/api/auth/login',
        '/api/audit',
      ]),
    );
    expect(doc.paths['/api/people'].post.requestBody).toBeTruthy();
  });
});

describe('login rate limit', () => {
  it('answers 429 once an address exceeds the per-minute limit', async () => {
    const small = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await small.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await small.close();
    }
  });
});
