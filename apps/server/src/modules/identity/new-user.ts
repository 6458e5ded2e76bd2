import { randomUUID } from 'node:crypto';
import type { Role, ScopeKind } from '../../platform/policy.ts';
import type { UserRow } from './identity.repo.ts';
import { hashPassword } from './password.ts';

/** A new account's row, whether made one by one or from a sheet: active, unlocked, version 1, its password hashed. */
export async function newUserRow(
  a: {
    username: string;
    fullName: string;
    role: Role;
    scopeKind: ScopeKind;
    scopeCode: string | null;
    phone: string | null;
    password: string;
    mustChangePassword: boolean;
  },
  now: string,
): Promise<UserRow> {
  return {
    id: randomUUID(),
    username: a.username,
    password_hash: await hashPassword(a.password),
    full_name: a.fullName,
    role: a.role,
    scope_kind: a.scopeKind,
    scope_code: a.scopeCode,
    must_change_password: a.mustChangePassword ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    login_locked_at: null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
    phone: a.phone,
  };
}
