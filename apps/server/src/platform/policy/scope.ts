import { Errors } from '../errors.ts';
import type { Action, Actor } from './actions.ts';
import { authorize, can } from './roles.ts';

// Role × scope: the rows an actor reaches. Row scopes are applied in SQL by repositories; the checks below
// compare a record's unit with the actor's own.

/**
 * Row scope for person records, applied in SQL by repositories so an out-of-scope row can
 * never leave the database. Volunteers see only people currently assigned to them.
 */
export type PersonScope =
  | { kind: 'all' }
  | { kind: 'province'; code: string }
  | { kind: 'commune'; code: string }
  | { kind: 'facility'; id: string }
  | { kind: 'assigned'; userId: string }
  | { kind: 'none' };

export function personScopeOf(actor: Actor): PersonScope {
  if (actor.role === 'volunteer') return { kind: 'assigned', userId: actor.userId };
  // A facility reaches the people staying there; other scopes reach people as they reach unit records.
  if (actor.scopeKind === 'facility')
    return can(actor, 'people.read') && actor.scopeCode
      ? { kind: 'facility', id: actor.scopeCode }
      : { kind: 'none' };
  return unitScopeOf(actor, 'people.read');
}

/** A commune officer/police may create people only in their own commune; province/nation none here. */
export function assertCanWriteInCommune(actor: Actor, communeCode: string): void {
  if (actor.scopeKind === 'commune' && actor.scopeCode === communeCode) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được lập hồ sơ cho người cư trú tại xã/phường của mình',
    en: 'You may only create records for people living in your own commune',
  });
}

/** Row scope of compulsory-rehab dossiers: the commune that prepared them, its province, or all. */
export type DossierScope =
  | { kind: 'all' }
  | { kind: 'province'; code: string }
  | { kind: 'commune'; code: string }
  | { kind: 'none' };

/**
 * Row scope of records kept by administrative unit (dossiers, community work, drug-free recognitions): all
 * for the nation, a province's or a commune's own, none for facility scopes or without `action`.
 */
export function unitScopeOf(actor: Actor, action: Action): DossierScope {
  if (!can(actor, action) || (actor.scopeKind !== 'nation' && !actor.scopeCode)) return { kind: 'none' };
  switch (actor.scopeKind) {
    case 'nation':
      return { kind: 'all' };
    case 'province':
      return { kind: 'province', code: actor.scopeCode! };
    case 'commune':
      return { kind: 'commune', code: actor.scopeCode! };
    default:
      return { kind: 'none' };
  }
}

export const dossierScopeOf = (actor: Actor): DossierScope => unitScopeOf(actor, 'dossiers.read');

/** Row scope of community records (teams, activities, clubs, partners, referrals, training): by unit. */
export type CommunityScope = DossierScope;

export const communityScopeOf = (actor: Actor): CommunityScope => unitScopeOf(actor, 'community.read');

/** Throws 403 unless the actor may read the job runs (a national scope). */
export function authorizeJobRuns(actor: Actor): void {
  authorize(actor, 'jobs.read');
  if (actor.scopeKind !== 'nation') throw Errors.forbidden();
}

/** The province a first-steps page counts in: null for the nation; refused for other scopes. */
export function setupScopeOf(actor: Actor): { provinceCode: string | null } {
  authorize(actor, 'setup.read');
  if (actor.scopeKind === 'nation') return { provinceCode: null };
  if (actor.scopeKind === 'province' && actor.scopeCode) return { provinceCode: actor.scopeCode };
  throw Errors.forbidden();
}

/** Whether the actor answers for a province's units: a national officer, or an officer of that province. */
export function coversProvince(actor: Actor, provinceCode: string | null): boolean {
  return actor.scopeKind === 'nation' || (actor.scopeKind === 'province' && actor.scopeCode === provinceCode);
}

/**
 * Import of people lists (modules/imports): a commune officer or commune police imports only into their own
 * commune; a province-wide file needs a province scope (no province role may create people yet).
 */
export function assertCanImportInto(
  actor: Actor,
  target: { kind: 'commune' | 'province'; code: string },
): void {
  if (can(actor, 'people.create') && actor.scopeKind === target.kind && actor.scopeCode === target.code)
    return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được nhập danh sách vào xã/phường của mình',
    en: 'You may only import lists into your own commune',
  });
}

/**
 * Row scope of the audit log (issue 16): a national auditor reads every entry; a province auditor reads the
 * entries made by the province's users (province, its communes and facilities) and those about its people
 * and its users — never what another province searched.
 */
export type AuditScope = { kind: 'all' } | { kind: 'province'; code: string } | { kind: 'none' };

export function auditScopeOf(actor: Actor): AuditScope {
  if (!can(actor, 'audit.read')) return { kind: 'none' };
  if (actor.scopeKind === 'nation') return { kind: 'all' };
  if (actor.scopeKind === 'province' && actor.scopeCode) return { kind: 'province', code: actor.scopeCode };
  return { kind: 'none' };
}
/** Auditors read the list of break-the-glass reads; a province auditor only for people of the province. */
export function breakGlassListScopeOf(actor: Actor): { kind: 'all' } | { kind: 'province'; code: string } {
  authorize(actor, 'audit.read');
  if (actor.scopeKind === 'nation') return { kind: 'all' };
  if (actor.scopeKind === 'province' && actor.scopeCode) return { kind: 'province', code: actor.scopeCode };
  throw Errors.forbidden();
}
