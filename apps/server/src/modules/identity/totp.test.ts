import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.ts';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import { createUser } from './identity.service.ts';
import { decryptSecret, encryptSecret, totpKeyOf } from './totp-key.ts';

let t: TestApp;
const password = 'Totp-password-2025';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Session = { headers: Record<string, string>; body: any; cookies: Record<string, string> };

/** The password step alone, as the browser does it; optionally with a remembered-device cookie. */
async function passwordStep(username: string, device?: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: device ? { cookie: `hn_device=${device}` } : {},
  });
  expect(res.statusCode, res.body).toBe(200);
  const sid = res.cookies.find((c) => c.name === 'hn_session')!.value;
  return {
    headers: { cookie: `hn_session=${sid}`, 'x-csrf-token': res.json().csrfToken },
    body: res.json(),
    cookies: {},
  };
}

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, payload: payload as any });

async function newUser(role: 'national_officer' | 'commune_officer', username: string) {
  await createUser(
    t.deps,
    null,
    {
      username,
      fullName: `Người thử ${username}`,
      role,
      scopeKind: role === 'national_officer' ? 'nation' : 'commune',
      scopeCode: role === 'national_officer' ? null : UNITS.baDinh,
      password,
    },
    { mustChangePassword: false },
  );
}

async function auditActions(username: string) {
  const rows = await t.deps.database.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('username', '=', username)
    .execute();
  return rows.map((r) => r.action);
}

describe('second factor (TOTP)', () => {
  let recoveryCodes: string[] = [];

  it('makes a national officer enrol before anything else, with a QR code and the secret, confirmed by a code', async () => {
    await newUser('national_officer', 'tw.totp');
    const s = await passwordStep('tw.totp');
    expect(s.body.secondFactor).toBe('enrol');
    const blocked = await call(s, 'GET', '/api/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('second_factor_enrolment_required');
    expect((await call(s, 'GET', '/api/auth/totp')).json()).toMatchObject({
      enrolled: false,
      required: true,
    });

    const enrol = await call(s, 'POST', '/api/auth/totp/enrol');
    expect(enrol.statusCode, enrol.body).toBe(200);
    const { secret, uri, qrDataUrl } = enrol.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*tw\.totp\?.*secret=/);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');

    // The database alone does not give the secret: it is encrypted with the key outside it.
    const row = await t.deps.database.db
      .selectFrom('user_totp')
      .selectAll()
      .innerJoin('users', 'users.id', 'user_totp.user_id')
      .where('users.username', '=', 'tw.totp')
      .executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(secret);
    expect(decryptSecret(totpKeyOf(t.deps.config), row.secret_enc)).toBe(secret);
    const keyFile = path.join(t.deps.config.dataDir, 'totp.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const wrong = await call(s, 'POST', '/api/auth/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');
    t.totp.adopt('tw.totp', secret);
    const ok = await call(s, 'POST', '/api/auth/totp/confirm', { code: await t.totp.code('tw.totp') });
    expect(ok.statusCode, ok.body).toBe(200);
    recoveryCodes = ok.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored hashed only.
    const hashes = await t.deps.database.db
      .selectFrom('totp_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', row.user_id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(recoveryCodes.join()).not.toContain(h.code_hash.slice(0, 8));
    expect((await call(s, 'GET', '/api/people')).statusCode).toBe(200);
    expect(await auditActions('tw.totp')).toEqual(expect.arrayContaining(['totp.enrol_start', 'totp.enrol']));
    // Enrolled: a second enrolment is refused (an administrator resets instead).
    expect((await call(s, 'POST', '/api/auth/totp/enrol')).statusCode).toBe(409);
  });

  it('asks for a code at the next login, refuses a code already used, accepts a new one', async () => {
    const s = await passwordStep('tw.totp');
    expect(s.body.secondFactor).toBe('code');
    const blocked = await call(s, 'GET', '/api/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('second_factor_required');
    // The code of the confirmation step: used once already.
    const replay = new TOTP({ secret: Secret.fromBase32(t.totp.secretOf('tw.totp')!) }).generate();
    const refused = await call(s, 'POST', '/api/auth/totp/verify', { code: replay });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('code');
    const ok = await call(s, 'POST', '/api/auth/totp/verify', { code: await t.totp.code('tw.totp') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toBe('ok');
    expect((await call(s, 'GET', '/api/people')).statusCode).toBe(200);
    expect(await auditActions('tw.totp')).toContain('login.second_factor');
  });

  it('accepts each recovery code once', async () => {
    const s1 = await passwordStep('tw.totp');
    const first = await call(s1, 'POST', '/api/auth/totp/verify', {
      recoveryCode: recoveryCodes[0].toLowerCase(),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().recoveryCodesLeft).toBe(9);
    const s2 = await passwordStep('tw.totp');
    const again = await call(s2, 'POST', '/api/auth/totp/verify', { recoveryCode: recoveryCodes[0] });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('recoveryCode');
    expect((await call(s2, 'GET', '/api/people')).statusCode).toBe(403);
  });

  it('remembers a device for the configured days when asked, until the user forgets it', async () => {
    const s = await passwordStep('tw.totp');
    const ok = await call(s, 'POST', '/api/auth/totp/verify', {
      recoveryCode: recoveryCodes[1],
      rememberDevice: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const device = ok.cookies.find((c) => c.name === 'hn_device')!;
    expect(device.httpOnly).toBe(true);
    expect(device.maxAge).toBe(t.deps.config.rememberDeviceDays * 86_400);
    const stored = await t.deps.database.db.selectFrom('remembered_devices').select('token_hash').execute();
    expect(stored.map((d) => d.token_hash)).not.toContain(device.value);
    const remembered = await passwordStep('tw.totp', device.value);
    expect(remembered.body.secondFactor).toBe('ok');
    expect((await call(remembered, 'GET', '/api/people')).statusCode).toBe(200);
    // Another user's password on this browser still needs that user's code.
    await newUser('national_officer', 'tw.other');
    const other = await passwordStep('tw.other', device.value);
    expect(other.body.secondFactor).toBe('enrol');
    const forget = await call(remembered, 'POST', '/api/auth/totp/forget-devices');
    expect(forget.statusCode).toBe(204);
    expect((await passwordStep('tw.totp', device.value)).body.secondFactor).toBe('code');
  });

  it('locks the code step after repeated wrong codes and ends the session', async () => {
    const s = await passwordStep('tw.totp');
    const max = t.deps.config.totpMaxFailures;
    for (let i = 1; i < max; i++) {
      const r = await call(s, 'POST', '/api/auth/totp/verify', { code: '000000' });
      expect(r.statusCode).toBe(400);
    }
    const last = await call(s, 'POST', '/api/auth/totp/verify', { code: '000000' });
    expect(last.statusCode).toBe(429);
    expect((await call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    // Even the right code waits for the lock to end.
    const s2 = await passwordStep('tw.totp');
    const right = new TOTP({ secret: Secret.fromBase32(t.totp.secretOf('tw.totp')!) }).generate();
    const locked = await call(s2, 'POST', '/api/auth/totp/verify', { code: right });
    expect(locked.statusCode).toBe(429);
    expect(await auditActions('tw.totp')).toContain('totp.locked');
  });

  it('is reset by an administrator only (audited): sessions end and the user enrols again', async () => {
    const users = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const target = await t.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'tw.totp')
      .executeTakeFirstOrThrow();
    expect((await users.call('POST', `/api/users/${target.id}/totp/reset`)).statusCode).toBe(403);
    const admin = await t.userAs('system_admin', 'nation', null);
    expect((await admin.call('GET', `/api/users/${target.id}/totp`)).json()).toEqual({
      enrolled: true,
      required: true,
    });
    const reset = await admin.call('POST', `/api/users/${target.id}/totp/reset`);
    expect(reset.statusCode).toBe(204);
    expect((await admin.call('GET', `/api/users/${target.id}/totp`)).json().enrolled).toBe(false);
    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['username', 'entity_id'])
      .where('action', '=', 'totp.reset')
      .executeTakeFirstOrThrow();
    expect(audited).toEqual({ username: admin.username, entity_id: target.id });
    expect((await passwordStep('tw.totp')).body.secondFactor).toBe('enrol');
  });

  it('is optional for a commune officer, who may still turn it on', async () => {
    await newUser('commune_officer', 'xa.totp');
    const s = await passwordStep('xa.totp');
    expect(s.body.secondFactor).toBe('ok');
    expect((await call(s, 'GET', '/api/auth/totp')).json()).toMatchObject({
      enrolled: false,
      required: false,
    });
    const { secret } = (await call(s, 'POST', '/api/auth/totp/enrol')).json();
    t.totp.adopt('xa.totp', secret);
    const ok = await call(s, 'POST', '/api/auth/totp/confirm', { code: await t.totp.code('xa.totp') });
    expect(ok.statusCode).toBe(200);
    expect((await passwordStep('xa.totp')).body.secondFactor).toBe('code');
  });

  it('is reset from the command line too (the sole administrator who lost the phone), audited', async () => {
    const lines: string[] = [];
    expect(
      await runCli(['reset-totp', '--username', 'xa.totp'], { deps: t.deps, out: (l) => lines.push(l) }),
    ).toBe(0);
    expect(lines.join('\n')).toContain('xa.totp');
    expect((await passwordStep('xa.totp')).body.secondFactor).toBe('ok');
    const rows = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['user_id'])
      .where('action', '=', 'totp.reset')
      .execute();
    expect(rows.some((r) => r.user_id === null)).toBe(true);
  });

  it('encrypts with TOTP_KEY when given, and a wrong key cannot decrypt', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const k = totpKeyOf({ totpKey: key, dataDir: '/nonexistent' });
    const enc = encryptSecret(k, 'JBSWY3DPEHPK3PXP');
    expect(decryptSecret(k, enc)).toBe('JBSWY3DPEHPK3PXP');
    const other = totpKeyOf({ totpKey: Buffer.alloc(32, 8).toString('hex'), dataDir: '/nonexistent' });
    expect(() => decryptSecret(other, enc)).toThrow();
    expect(() => totpKeyOf({ totpKey: 'c2hvcnQ=', dataDir: '/nonexistent' })).toThrow(/32 bytes/);
  });
});
