import { createHash, randomBytes } from 'node:crypto';
import { afterFailedLogin } from '@hoanhap/domain/login-lockout';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { PHONE_MESSAGE, parseVnPhone } from '@hoanhap/domain/phone';
import { deviceOf } from '@hoanhap/domain/user-agent';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import {
  type Actor,
  can,
  ROLE_SCOPES,
  type Role,
  type ScopeKind,
  setupScopeOf,
} from '../../platform/policy.ts';
import { identityRepo, type UserRow } from './identity.repo.ts';
import { newUserRow } from './new-user.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertStrongPassword, passwordContext, strongRandomPassword } from './password-strength.ts';
import { secondFactorAtLogin } from './totp.service.ts';

/** The account's own words a password must not be made of: username, name, unit. */
async function accountWords(
  db: Kysely<DB>,
  u: { username: string; fullName: string; scopeKind: ScopeKind; scopeCode: string | null | undefined },
) {
  const unit =
    !u.scopeCode || u.scopeKind === 'nation'
      ? null
      : u.scopeKind === 'facility'
        ? await identityRepo.facilityName(db, u.scopeCode)
        : await identityRepo.unitName(db, u.scopeCode);
  return passwordContext([u.username, u.fullName, unit]);
}

/** The words of a stored account (its name, login and unit) that its password must not be made of. */
const wordsOfAccount = (
  db: Kysely<DB>,
  u: Pick<UserRow, 'username' | 'full_name' | 'scope_kind' | 'scope_code'>,
) =>
  accountWords(db, {
    username: u.username,
    fullName: u.full_name,
    scopeKind: u.scope_kind,
    scopeCode: u.scope_code,
  });

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

const invalidLogin = () =>
  new AppError('invalid_credentials', 401, {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  });

const accountLocked = () =>
  new AppError('account_locked', 423, {
    vi: 'Tài khoản đã bị khoá do đăng nhập sai quá nhiều lần. Hãy liên hệ quản trị viên để mở khoá.',
    en: 'The account is locked after too many failed logins. Ask your administrator to unlock it.',
  });

/**
 * Checks the password and counts failures: growing waits, then a lock only an administrator lifts
 * (afterFailedLogin).
 */
export async function login(
  deps: AppDeps,
  username: string,
  password: string,
  ip: string | null,
  opts: { deviceToken?: string; userAgent?: string | null } = {},
) {
  const { db } = deps.database;
  const now = deps.now();
  const user = await identityRepo.findUserByUsername(db, username);
  if (!user?.active) {
    // Same work as a real check so timing does not reveal which usernames exist.
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$QmJqQ3FpZ2Q1cU9UbE9ZcTNnQWFpUQ',
      password,
    );
    throw invalidLogin();
  }
  if (user.login_locked_at) throw accountLocked();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw Errors.tooMany({
      vi: `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ${new Date(user.locked_until).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`,
      en: 'Account temporarily locked after repeated failed logins. Try again later.',
    });
  }
  const ok = await verifyPassword(user.password_hash, password);
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    scopeKind: user.scope_kind,
    scopeCode: user.scope_code,
    ip,
  };
  if (!ok) {
    const { config } = deps;
    const adminLocked = await db.transaction().execute(async (trx) => {
      // Counted in the database, atomically: several server processes share the count.
      const failures = await identityRepo.countLoginFailure(trx, user.id);
      const next = afterFailedLogin(
        failures,
        {
          maxFailures: config.loginMaxFailures,
          lockMinutes: config.loginLockMinutes,
          adminLockFailures: config.loginAdminLockFailures,
        },
        now,
      );
      await identityRepo.updateUser(trx, user.id, {
        locked_until: next.lockedUntil,
        login_locked_at: next.adminLock ? now.toISOString() : null,
      });
      await audit(trx, actor, {
        action: next.adminLock ? 'login.locked_admin' : next.lockedUntil ? 'login.locked' : 'login.failed',
        entityType: 'user',
        entityId: user.id,
        details: { failures, ...(next.lockedUntil ? { until: next.lockedUntil } : {}) },
      });
      return next.adminLock;
    });
    if (adminLocked) throw accountLocked();
    throw invalidLogin();
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const secondFactor = await db.transaction().execute(async (trx) => {
    await identityRepo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
    // The session starts with its second factor due (code or enrolment) when the user or role needs one.
    const sf = await secondFactorAtLogin(trx, deps, user, opts.deviceToken);
    await identityRepo.insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrf,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      ip,
      second_factor: sf.state,
      // Kept short: it is shown, never parsed for decisions.
      user_agent: opts.userAgent ? opts.userAgent.slice(0, 400) : null,
    });
    await audit(trx, actor, {
      action: 'login',
      entityType: 'user',
      entityId: user.id,
      details:
        sf.state === 'ok' && !sf.rememberedDevice
          ? undefined
          : { secondFactor: sf.state, rememberedDevice: sf.rememberedDevice },
    });
    return sf.state;
  });
  return { token, user, secondFactor };
}

/** The user's own active sessions: device, address, last seen; the current one marked. */
export async function mySessions(deps: AppDeps, actor: Actor, currentSessionId: string) {
  const rows = await identityRepo.userSessions(deps.database.db, actor.userId);
  return rows.map((r) => ({
    id: r.id,
    current: r.id === currentSessionId,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    ip: r.ip,
    ...deviceOf(r.user_agent),
  }));
}

/** Ends one of the user's own sessions (another device, or this one), audited. */
export async function endMySession(deps: AppDeps, actor: Actor, sessionId: string) {
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await identityRepo.deleteUserSession(trx, actor.userId, sessionId)))
      throw Errors.notFound({ vi: 'phiên đăng nhập', en: 'Session' });
    await audit(trx, actor, { action: 'session.end', entityType: 'user', entityId: actor.userId });
  });
}

/** An administrator ends every session of a user (a lost phone, a departing officer), audited. */
export async function endUserSessions(deps: AppDeps, actor: Actor, userId: string) {
  return deps.database.db.transaction().execute(async (trx) => {
    const user = await identityRepo.findUserById(trx, userId);
    if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
    const ended = await identityRepo.deleteUserSessions(trx, userId);
    await audit(trx, actor, {
      action: 'user.end_sessions',
      entityType: 'user',
      entityId: userId,
      details: { ended },
    });
    return { ended };
  });
}

export async function logout(deps: AppDeps, actor: Actor, sessionId: string) {
  await deps.database.db.transaction().execute(async (trx) => {
    await identityRepo.deleteSession(trx, sessionId);
    await audit(trx, actor, { action: 'logout', entityType: 'user', entityId: actor.userId });
  });
}

/** Changes one's own password; the first login's forced change goes through here too. */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  current: string,
  next: string,
  keepSessionId: string,
) {
  const { db } = deps.database;
  const user = await identityRepo.findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw Errors.badRequest(
      'wrong_current_password',
      { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
      [
        {
          field: 'currentPassword',
          rule: 'matches',
          messages: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
        },
      ],
    );
  }
  if (current === next) {
    throw Errors.badRequest(
      'password_unchanged',
      { vi: 'Mật khẩu mới phải khác mật khẩu cũ', en: 'The new password must differ from the old one' },
      [
        {
          field: 'newPassword',
          rule: 'different',
          messages: {
            vi: 'Mật khẩu mới phải khác mật khẩu cũ',
            en: 'The new password must differ from the old one',
          },
        },
      ],
    );
  }
  assertStrongPassword('newPassword', next, await wordsOfAccount(db, user));
  const password_hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await identityRepo.updateUser(trx, user.id, {
      password_hash,
      must_change_password: 0,
      updated_at: deps.now().toISOString(),
    });
    // Other sessions of this user end: a changed password must lock out whoever had the old one.
    await identityRepo.deleteOtherSessions(trx, user.id, keepSessionId);
    await audit(trx, actor, { action: 'password.change', entityType: 'user', entityId: user.id });
  });
}

/** Checks that a scope fits the role and names an existing unit or facility. */
async function validateScope(
  deps: AppDeps,
  role: Role,
  scopeKind: ScopeKind,
  scopeCode: string | null | undefined,
) {
  const { db } = deps.database;
  const fieldErr = (vi: string, en: string) =>
    Errors.validation([{ field: 'scopeCode', rule: 'scope', messages: { vi, en } }]);
  if (!ROLE_SCOPES[role].includes(scopeKind)) {
    throw Errors.validation([
      {
        field: 'scopeKind',
        rule: 'role_scope',
        messages: {
          vi: `Vai trò này chỉ nhận phạm vi: ${ROLE_SCOPES[role].join(', ')}`,
          en: `This role takes only scope: ${ROLE_SCOPES[role].join(', ')}`,
        },
      },
    ]);
  }
  if (scopeKind === 'nation') return null;
  if (!scopeCode) throw fieldErr('Cần chọn đơn vị phạm vi', 'A scope unit is required');
  if (scopeKind === 'facility') {
    if (!(await identityRepo.facilityName(db, scopeCode)))
      throw fieldErr('Cơ sở không tồn tại', 'Unknown facility');
  } else if (!(await identityRepo.unitExists(db, scopeCode, scopeKind))) {
    throw fieldErr('Mã đơn vị hành chính không tồn tại', 'Unknown administrative unit code');
  }
  return scopeCode;
}

export async function createUser(
  deps: AppDeps,
  actor: Actor | null,
  input: {
    username: string;
    fullName: string;
    role: Role;
    scopeKind: ScopeKind;
    scopeCode?: string | null;
    password?: string;
    phone?: string | null;
  },
  opts: { mustChangePassword?: boolean } = {},
) {
  const { db } = deps.database;
  const scopeCode = await validateScope(deps, input.role, input.scopeKind, input.scopeCode);
  const phone = checkedPhone(input.phone);
  const words = await accountWords(db, { ...input, scopeCode });
  if (input.password !== undefined) assertStrongPassword('password', input.password, words);
  const password = input.password ?? strongRandomPassword(words);
  const now = deps.now().toISOString();
  const row = await newUserRow(
    {
      ...input,
      scopeCode,
      phone: phone ?? null,
      password,
      mustChangePassword: opts.mustChangePassword ?? true,
    },
    now,
  );
  await db.transaction().execute(async (trx) => {
    if (await identityRepo.findUserByUsername(trx, input.username)) {
      throw Errors.conflict('username_taken', {
        vi: 'Tên đăng nhập đã được dùng',
        en: 'Username already taken',
      });
    }
    await identityRepo.insertUser(trx, row);
    await identityRepo.openPeriod(trx, row, vnToday(deps.now()));
    await audit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      details: { username: row.username, role: row.role, scope: `${row.scope_kind}:${row.scope_code ?? ''}` },
    });
  });
  return { user: row, password: input.password ? undefined : password };
}

export async function resetPassword(deps: AppDeps, actor: Actor | null, userId: string) {
  const { db } = deps.database;
  const user0 = await identityRepo.findUserById(db, userId);
  if (!user0) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
  const password = strongRandomPassword(await wordsOfAccount(db, user0));
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await identityRepo.findUserById(trx, userId);
    if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
    await identityRepo.updateUser(trx, userId, {
      password_hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      login_locked_at: null,
      updated_at: deps.now().toISOString(),
    });
    await identityRepo.deleteUserSessions(trx, userId);
    await audit(trx, actor, { action: 'user.reset_password', entityType: 'user', entityId: userId });
  });
  return password;
}

/** An administrator lifts a failed-login lock (temporary or final), audited. */
export async function unlockUser(deps: AppDeps, actor: Actor, userId: string) {
  return deps.database.db.transaction().execute(async (trx) => {
    const user = await identityRepo.findUserById(trx, userId);
    if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
    await identityRepo.updateUser(trx, userId, {
      failed_logins: 0,
      locked_until: null,
      login_locked_at: null,
      updated_at: deps.now().toISOString(),
    });
    await audit(trx, actor, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: userId,
      details: {
        failures: user.failed_logins,
        lockedAt: user.login_locked_at,
        lockedUntil: user.locked_until,
      },
    });
    return presentUser(trx, (await identityRepo.findUserById(trx, userId))!, deps.now());
  });
}

export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  input: {
    fullName?: string;
    role?: Role;
    active?: boolean;
    scopeKind?: ScopeKind;
    scopeCode?: string | null;
    phone?: string | null;
    version: number;
  },
) {
  const { db } = deps.database;
  const phone = checkedPhone(input.phone);
  const user0 = await identityRepo.findUserById(db, userId);
  // A new role is checked against the unit it will have: the new one, or the kept one.
  const scopeCode =
    user0 && (input.scopeKind || (input.role && input.role !== user0.role))
      ? await validateScope(
          deps,
          input.role ?? (user0.role as Role),
          input.scopeKind ?? (user0.scope_kind as ScopeKind),
          input.scopeKind ? input.scopeCode : user0.scope_code,
        )
      : undefined;
  return db.transaction().execute(async (trx) => {
    const user = await identityRepo.findUserById(trx, userId);
    if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
    if (user.version !== input.version) throw Errors.staleVersion(await presentUser(trx, user));
    const patch: Partial<UserRow> = { updated_at: deps.now().toISOString() };
    if (input.fullName !== undefined) patch.full_name = input.fullName;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    const phoneChanged = phone !== undefined && phone !== user.phone;
    if (phoneChanged) patch.phone = phone;
    const moved =
      input.scopeKind !== undefined &&
      (input.scopeKind !== user.scope_kind || (scopeCode ?? null) !== user.scope_code);
    if (moved) {
      patch.scope_kind = input.scopeKind;
      patch.scope_code = scopeCode ?? null;
    }
    const roleChanged = input.role !== undefined && input.role !== user.role;
    if (roleChanged) patch.role = input.role;
    if (!(await identityRepo.updateUserVersioned(trx, userId, input.version, patch))) {
      throw Errors.staleVersion(await presentUser(trx, user));
    }
    if (input.active === false) await identityRepo.deleteUserSessions(trx, userId);
    // When the account was active, and in which unit: figures of a past period count the staff of then.
    const today = vnToday(deps.now());
    const wasActive = user.active === 1;
    const isActive = input.active === undefined ? wasActive : input.active;
    const changed = moved || roleChanged;
    if (wasActive && (!isActive || changed)) await identityRepo.closePeriod(trx, userId, today);
    if (isActive && (!wasActive || changed))
      await identityRepo.openPeriod(
        trx,
        {
          ...user,
          role: patch.role ?? user.role,
          scope_kind: patch.scope_kind ?? user.scope_kind,
          scope_code: moved ? (patch.scope_code ?? null) : user.scope_code,
        },
        today,
      );
    await audit(trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      details: {
        fullName: input.fullName,
        active: input.active,
        ...(phoneChanged ? { phone, fromPhone: user.phone } : {}),
        ...(roleChanged ? { role: input.role, fromRole: user.role } : {}),
        ...(moved
          ? {
              scope: `${patch.scope_kind}:${patch.scope_code ?? ''}`,
              from: `${user.scope_kind}:${user.scope_code ?? ''}`,
            }
          : {}),
      },
    });
    return presentUser(trx, (await identityRepo.findUserById(trx, userId))!);
  });
}

/** On the first start with no users, creates `admin` with a random password that must be changed. */
export async function ensureInitialAdmin(deps: AppDeps): Promise<string | null> {
  if ((await identityRepo.countUsers(deps.database.db)) > 0) return null;
  try {
    const { password } = await createUser(deps, null, {
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      role: 'system_admin',
      scopeKind: 'nation',
    });
    return password!;
  } catch (e) {
    // Another process starting on the same SQLite file created it first (db/startup-lock.ts).
    if ((await identityRepo.countUsers(deps.database.db)) > 0) return null;
    throw e;
  }
}

export async function presentUser(db: Kysely<DB>, u: UserRow, now: Date = new Date()) {
  const scopeName =
    u.scope_kind === 'nation'
      ? 'Toàn quốc'
      : u.scope_kind === 'facility'
        ? await identityRepo.facilityName(db, u.scope_code!)
        : await identityRepo.unitName(db, u.scope_code!);
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role as Role,
    scopeKind: u.scope_kind,
    scopeCode: u.scope_code,
    scopeName,
    active: !!u.active,
    mustChangePassword: !!u.must_change_password,
    // Failed-login lock: 'admin' until an administrator lifts it, 'temporary' during a wait, else null.
    loginLock: u.login_locked_at
      ? ('admin' as const)
      : u.locked_until && u.locked_until > now.toISOString()
        ? ('temporary' as const)
        : null,
    lockedUntil: u.login_locked_at
      ? null
      : u.locked_until && u.locked_until > now.toISOString()
        ? u.locked_until
        : null,
    phone: u.phone ?? null,
    version: u.version,
  };
}

/**
 * A phone number as given (undefined: not given, '' or null: removed), checked as a Vietnamese number and kept in
 * its national form; a wrong one is a validation error on the field `phone`.
 */
export function checkedPhone(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const p = parseVnPhone(raw);
  if (!p.ok) throw Errors.validation([{ field: 'phone', rule: p.rule, messages: PHONE_MESSAGE }]);
  return p.value;
}

/**
 * The first steps of setting up a unit (facilities, users, people, report cut-off), done or not, from real counts
 * in the actor's scope (the nation, or their province); each says whether the actor may do it themselves.
 */
export async function firstSteps(deps: AppDeps, actor: Actor) {
  const { provinceCode } = setupScopeOf(actor);
  const c = await identityRepo.firstStepCounts(deps.database.db, provinceCode);
  const steps = [
    { key: 'facilities', count: c.facilities, canAct: can(actor, 'facilities.manage') },
    { key: 'users', count: c.users, canAct: can(actor, 'users.manage') },
    { key: 'people', count: c.people, canAct: can(actor, 'people.create') },
    { key: 'cutoff', count: c.cutoff, canAct: can(actor, 'reports.settings') },
  ].map((s) => ({
    ...s,
    // The administrator or officer alone is no staff yet.
    done: s.key === 'users' ? s.count > 1 : s.count > 0,
  }));
  return {
    scope: { kind: provinceCode ? 'province' : 'nation', code: provinceCode },
    steps,
    next: steps.find((s) => !s.done)?.key ?? null,
  };
}
