import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { type Actor, type Role, secondFactorRequired } from '../../platform/policy.ts';
import { identityRepo } from './identity.repo.ts';
import { type SecondFactorState, totpRepo } from './totp.repo.ts';
import { decryptSecret, encryptSecret, totpKeyOf } from './totp-key.ts';

export const DEVICE_COOKIE = 'hn_device';
export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;
const ISSUER = 'Hòa Nhập';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const totpOf = (secretBase32: string, username: string) =>
  new TOTP({ issuer: ISSUER, label: username, secret: Secret.fromBase32(secretBase32), period: PERIOD });

// 16 characters of a 32-letter alphabet without look-alikes: 80 random bits, so a plain SHA-256 is enough.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function recoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
const normalizeRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const recoveryHash = (code: string) => sha256(`recovery:${normalizeRecovery(code)}`);

const codeField = (field: string, vi: string, en: string) =>
  Errors.badRequest('second_factor_invalid', { vi, en }, [{ field, rule: 'totp', messages: { vi, en } }]);

/**
 * The second-factor state a new session starts in: 'code' when the user has a confirmed TOTP (unless this
 * browser is a remembered device of theirs), 'enrol' when the role requires one not yet set up, else 'ok'.
 */
export async function secondFactorAtLogin(
  db: Kysely<DB>,
  deps: AppDeps,
  user: { id: string; role: string },
  deviceToken: string | undefined,
): Promise<{ state: SecondFactorState; rememberedDevice: boolean }> {
  const totp = await totpRepo.find(db, user.id);
  if (totp?.confirmed_at) {
    if (deviceToken && deps.config.rememberDeviceDays > 0) {
      const device = await totpRepo.findDevice(db, user.id, sha256(deviceToken), deps.now().toISOString());
      if (device) return { state: 'ok', rememberedDevice: true };
    }
    return { state: 'code', rememberedDevice: false };
  }
  return { state: secondFactorRequired(user.role as Role) ? 'enrol' : 'ok', rememberedDevice: false };
}

/** The user's second factor as their account page shows it. */
export async function secondFactorStatus(deps: AppDeps, actor: Actor) {
  const { db } = deps.database;
  const totp = await totpRepo.find(db, actor.userId);
  return {
    enrolled: !!totp?.confirmed_at,
    required: secondFactorRequired(actor.role),
    recoveryCodesLeft: totp?.confirmed_at ? await totpRepo.unusedRecoveryCodes(db, actor.userId) : 0,
    rememberedDevices: await totpRepo.countDevices(db, actor.userId, deps.now().toISOString()),
    rememberDeviceDays: deps.config.rememberDeviceDays,
  };
}

/** Starts an enrolment: a new secret, shown once as a QR code (SVG data URL) and as text. */
export async function startEnrolment(deps: AppDeps, actor: Actor) {
  const { db } = deps.database;
  const key = totpKeyOf(deps.config);
  const secret = new Secret({ size: 20 }).base32;
  const totp = totpOf(secret, actor.username);
  const uri = totp.toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await db.transaction().execute(async (trx) => {
    const existing = await totpRepo.find(trx, actor.userId);
    if (existing?.confirmed_at) {
      throw Errors.conflict('second_factor_enrolled', {
        vi: 'Bạn đã bật xác thực hai bước. Muốn đổi thiết bị, hãy nhờ quản trị viên đặt lại.',
        en: 'Two-step verification is already on. To change device, ask an administrator to reset it.',
      });
    }
    await totpRepo.upsertPending(trx, actor.userId, encryptSecret(key, secret), deps.now().toISOString());
    await audit(trx, actor, { action: 'totp.enrol_start', entityType: 'user', entityId: actor.userId });
  });
  return {
    secret,
    uri,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

type CheckResult = { ok: true; step: number } | { ok: false };

function checkCode(deps: AppDeps, secretEnc: string, username: string, code: string): CheckResult {
  const secret = decryptSecret(totpKeyOf(deps.config), secretEnc);
  // The wall clock, as the phone's: deps.now() is the business clock, which tests move to other dates.
  const timestamp = Date.now();
  const delta = totpOf(secret, username).validate({ token: code, timestamp, window: 1 });
  if (delta === null) return { ok: false };
  return { ok: true, step: Math.floor(timestamp / 1000 / PERIOD) + delta };
}

const lockedError = () =>
  Errors.tooMany({
    vi: 'Nhập sai mã quá nhiều lần. Xác thực hai bước tạm khoá; thử lại sau hoặc nhờ quản trị viên.',
    en: 'Too many wrong codes. Two-step verification is locked for a while; try later or ask an administrator.',
  });

/**
 * Counts a wrong code; at TOTP_MAX_FAILURES in a row the second factor locks for LOGIN_LOCK_MINUTES and the
 * session ends (the next try starts again from the password). Returns whether it locked.
 */
async function countFailure(deps: AppDeps, actor: Actor, sessionId: string) {
  return deps.database.db.transaction().execute(async (trx) => {
    const failures = await totpRepo.addFailure(trx, actor.userId);
    const lock = failures >= deps.config.totpMaxFailures;
    if (lock) {
      await totpRepo.update(trx, actor.userId, {
        failed_attempts: 0,
        locked_until: new Date(deps.now().getTime() + deps.config.loginLockMinutes * 60_000).toISOString(),
      });
      await identityRepo.deleteSession(trx, sessionId);
    }
    await audit(trx, actor, {
      action: lock ? 'totp.locked' : 'totp.failed',
      entityType: 'user',
      entityId: actor.userId,
    });
    return lock;
  });
}

/** Confirms an enrolment with a first code; returns the recovery codes, shown this once only. */
export async function confirmEnrolment(deps: AppDeps, actor: Actor, sessionId: string, code: string) {
  const { db } = deps.database;
  const totp = await totpRepo.find(db, actor.userId);
  if (!totp || totp.confirmed_at) {
    throw Errors.conflict('second_factor_not_pending', {
      vi: 'Chưa bắt đầu bật xác thực hai bước (hoặc đã bật xong)',
      en: 'No two-step verification set-up in progress (or it is already done)',
    });
  }
  if (totp.locked_until && totp.locked_until > deps.now().toISOString()) throw lockedError();
  const r = checkCode(deps, totp.secret_enc, actor.username, code);
  if (!r.ok) {
    if (await countFailure(deps, actor, sessionId)) throw lockedError();
    throw codeField('code', 'Mã xác thực không đúng', 'Wrong verification code');
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  const now = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await totpRepo.update(trx, actor.userId, {
      confirmed_at: now,
      last_step: r.step,
      failed_attempts: 0,
      locked_until: null,
    });
    await totpRepo.replaceRecoveryCodes(
      trx,
      actor.userId,
      codes.map((c) => ({ id: randomUUID(), code_hash: recoveryHash(c) })),
      now,
    );
    await totpRepo.setSessionState(trx, sessionId, 'ok');
    await audit(trx, actor, { action: 'totp.enrol', entityType: 'user', entityId: actor.userId });
  });
  return { recoveryCodes: codes };
}

/**
 * The code step of a login: a TOTP code (each step accepted once) or an unused recovery code (then spent).
 * Optionally remembers this browser for REMEMBER_DEVICE_DAYS; returns the device token for its cookie.
 */
export async function verifySecondFactor(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  input: { code?: string; recoveryCode?: string; rememberDevice?: boolean; deviceLabel?: string },
) {
  const { db } = deps.database;
  if ((await totpRepo.sessionState(db, sessionId)) !== 'code') {
    throw Errors.conflict('second_factor_not_due', {
      vi: 'Phiên này không cần nhập mã xác thực',
      en: 'This session does not need a verification code',
    });
  }
  const totp = await totpRepo.find(db, actor.userId);
  if (!totp?.confirmed_at) throw Errors.unauthenticated();
  const now = deps.now();
  if (totp.locked_until && totp.locked_until > now.toISOString()) throw lockedError();
  let method: 'totp' | 'recovery_code';
  let accepted = false;
  let step = 0;
  if (input.code) {
    method = 'totp';
    const r = checkCode(deps, totp.secret_enc, actor.username, input.code);
    if (r.ok) {
      accepted = true;
      step = r.step;
    }
  } else if (input.recoveryCode) {
    method = 'recovery_code';
  } else {
    throw codeField('code', 'Nhập mã xác thực', 'Enter the verification code');
  }
  const deviceToken =
    input.rememberDevice && deps.config.rememberDeviceDays > 0 ? randomBytes(32).toString('base64url') : null;
  const passed = await db.transaction().execute(async (trx) => {
    if (method === 'totp') {
      // A code already used (by this login or another) is refused: RFC 6238 §5.2.
      if (!accepted || !(await totpRepo.useStep(trx, actor.userId, step))) return false;
    } else {
      if (
        !(await totpRepo.useRecoveryCode(
          trx,
          actor.userId,
          recoveryHash(input.recoveryCode!),
          now.toISOString(),
        ))
      )
        return false;
      await totpRepo.update(trx, actor.userId, { failed_attempts: 0, locked_until: null });
    }
    await totpRepo.setSessionState(trx, sessionId, 'ok');
    if (deviceToken) {
      await totpRepo.insertDevice(trx, {
        id: randomUUID(),
        user_id: actor.userId,
        token_hash: sha256(deviceToken),
        label: input.deviceLabel?.slice(0, 200) ?? null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + deps.config.rememberDeviceDays * 86_400_000).toISOString(),
      });
    }
    await audit(trx, actor, {
      action: 'login.second_factor',
      entityType: 'user',
      entityId: actor.userId,
      details: { method, rememberDevice: !!deviceToken },
    });
    return true;
  });
  if (!passed) {
    if (await countFailure(deps, actor, sessionId)) throw lockedError();
    throw method === 'totp'
      ? codeField('code', 'Mã xác thực không đúng hoặc đã dùng', 'Wrong or already used verification code')
      : codeField(
          'recoveryCode',
          'Mã khôi phục không đúng hoặc đã dùng',
          'Wrong or already used recovery code',
        );
  }
  const left = method === 'recovery_code' ? await totpRepo.unusedRecoveryCodes(db, actor.userId) : undefined;
  return { deviceToken, recoveryCodesLeft: left };
}

/** Forgets every remembered device of the user (their next logins ask for a code again). */
export async function forgetDevices(deps: AppDeps, actor: Actor) {
  await deps.database.db.transaction().execute(async (trx) => {
    await totpRepo.forgetDevices(trx, actor.userId);
    await audit(trx, actor, { action: 'totp.forget_devices', entityType: 'user', entityId: actor.userId });
  });
}

/**
 * An administrator resets a user's second factor (lost phone and codes): secret, recovery codes and remembered
 * devices go, the user's sessions end; a role that requires it enrols again at the next login. Audited.
 */
export async function resetSecondFactor(deps: AppDeps, actor: Actor | null, userId: string) {
  await deps.database.db.transaction().execute(async (trx) => {
    const user = await identityRepo.findUserById(trx, userId);
    if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
    const had = !!(await totpRepo.find(trx, userId))?.confirmed_at;
    await totpRepo.deleteAllOf(trx, userId);
    await identityRepo.deleteUserSessions(trx, userId);
    await audit(trx, actor, {
      action: 'totp.reset',
      entityType: 'user',
      entityId: userId,
      details: { username: user.username, wasEnrolled: had },
    });
  });
}

/** Whether the user has a confirmed second factor (the users page shows it). */
export const hasSecondFactor = async (db: Kysely<DB>, userId: string) =>
  !!(await totpRepo.find(db, userId))?.confirmed_at;

/**
 * For fixtures and the command line: enrols a user directly with a given base32 secret (already confirmed,
 * with recovery codes), as if they had scanned it. Returns the recovery codes.
 */
export async function enrolWithSecret(deps: AppDeps, userId: string, secret: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  const now = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await totpRepo.upsertPending(trx, userId, encryptSecret(totpKeyOf(deps.config), secret), now);
    await totpRepo.update(trx, userId, { confirmed_at: now });
    await totpRepo.replaceRecoveryCodes(
      trx,
      userId,
      codes.map((c) => ({ id: randomUUID(), code_hash: recoveryHash(c) })),
      now,
    );
    await audit(trx, null, { action: 'totp.enrol', entityType: 'user', entityId: userId });
  });
  return codes;
}

/** 401-like refusal for a session whose second factor is still due. */
export const secondFactorDue = (state: SecondFactorState) =>
  state === 'code'
    ? new AppError('second_factor_required', 403, {
        vi: 'Cần nhập mã xác thực hai bước trước khi tiếp tục',
        en: 'Enter your two-step verification code before continuing',
      })
    : new AppError('second_factor_enrolment_required', 403, {
        vi: 'Vai trò của bạn cần bật xác thực hai bước trước khi tiếp tục',
        en: 'Your role requires two-step verification: set it up before continuing',
      });
