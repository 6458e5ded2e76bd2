import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import {
  MIN_PASSWORD_SCORE,
  passwordContext,
  passwordStrength,
  strongRandomPassword,
} from './password-strength.ts';

// Common and context-derived passwords are refused wherever a password is set (issue 16): zxcvbn with its
// common-password list and the account's words, score ≥ 3; the message names the field and says why.
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['userAs']>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userAs('system_admin', 'nation', null);
});
afterAll(async () => t?.close());

const fieldError = (body: string) =>
  JSON.parse(body).errors[0] as { field: string; rule: string; messages: { vi: string; en: string } };

describe('password strength', () => {
  it('refuses common and username-derived passwords on create, naming the field and the reason', async () => {
    const common = await admin.call('POST', '/api/users', {
      username: 'nguyenvana',
      fullName: 'Nguyễn Văn An',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: UNITS.baDinh,
      password: 'password123',
    });
    expect(common.statusCode).toBe(400);
    const e = fieldError(common.body);
    expect(e).toMatchObject({ field: 'password', rule: 'password_strength' });
    expect(e.messages.vi).toContain('mật khẩu phổ biến');
    expect(e.messages.en).toContain('common');

    const derived = await admin.call('POST', '/api/users', {
      username: 'nguyenvana',
      fullName: 'Nguyễn Văn An',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: UNITS.baDinh,
      password: 'Nguyenvana2024',
    });
    expect(derived.statusCode).toBe(400);
    expect(fieldError(derived.body).messages.vi).toContain('tên đăng nhập, họ tên hoặc đơn vị');

    const ok = await admin.call('POST', '/api/users', {
      username: 'nguyenvana',
      fullName: 'Nguyễn Văn An',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: UNITS.baDinh,
      password: 'Cay-bang-go-9-thang',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses them on change, and the unit name too', async () => {
    const u = await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'tran.binh');
    for (const weak of ['password123', 'tranbinh2025', 'badinh2025', 'Phuong Ba Dinh 1']) {
      const res = await u.call('POST', '/api/auth/password', {
        currentPassword: 'Test-password-123',
        newPassword: weak,
      });
      expect(res.statusCode, weak).toBe(400);
      expect(fieldError(res.body).field).toBe('newPassword');
    }
    const res = await u.call('POST', '/api/auth/password', {
      currentPassword: 'Test-password-123',
      newPassword: 'Sông-Hồng-chảy-7-ngả',
    });
    expect(res.statusCode, res.body).toBe(204);
  });

  it('generates one-time passwords (create, reset) that pass the check', async () => {
    const created = await admin.call('POST', '/api/users', {
      username: 'le.thu',
      fullName: 'Lê Thu',
      role: 'commune_police',
      scopeKind: 'commune',
      scopeCode: UNITS.baDinh,
    });
    expect(created.statusCode, created.body).toBe(201);
    const ctx = passwordContext(['le.thu', 'Lê Thu']);
    expect(passwordStrength(created.json().initialPassword, ctx).score).toBeGreaterThanOrEqual(
      MIN_PASSWORD_SCORE,
    );
    const reset = await admin.call('POST', `/api/users/${created.json().user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(passwordStrength(reset.json().initialPassword, ctx).score).toBeGreaterThanOrEqual(
      MIN_PASSWORD_SCORE,
    );
    for (let i = 0; i < 50; i++)
      expect(passwordStrength(strongRandomPassword(ctx), ctx).score).toBeGreaterThanOrEqual(
        MIN_PASSWORD_SCORE,
      );
  });
});
