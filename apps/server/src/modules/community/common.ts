import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { auditMany } from '../../platform/audit.ts';
import { type AppError, Errors, type Messages } from '../../platform/errors.ts';
import { type Actor, can, communityScopeOf, personScopeOf } from '../../platform/policy.ts';
import { currentUnitOrFail } from '../org/org.service.ts';
import { peopleRepo } from '../people/people.repo.ts';

// Access rules shared by the community sub-resources. Community records belong to a unit (a commune and its
// province); they are readable inside the actor's community scope and answer 404 outside it, so that their
// existence does not leak. Writes happen in the actor's own commune (or province, for partners and training).

export const words = {
  team: { vi: 'đội công tác xã hội tình nguyện', en: 'Volunteer team' },
  volunteer: { vi: 'tình nguyện viên', en: 'Volunteer' },
  assignment: { vi: 'phân công', en: 'Assignment' },
  activity: { vi: 'hoạt động', en: 'Activity' },
  club: { vi: 'câu lạc bộ', en: 'Club' },
  member: { vi: 'thành viên câu lạc bộ', en: 'Club member' },
  partner: { vi: 'đối tác', en: 'Partner' },
  referral: { vi: 'giới thiệu dịch vụ', en: 'Referral' },
  training: { vi: 'lớp tập huấn', en: 'Training' },
  person: { vi: 'hồ sơ người này', en: 'Person' },
} satisfies Record<string, Messages>;

export function fieldError(field: string, rule: string, vi: string, en: string): AppError {
  return Errors.validation([{ field, rule, messages: { vi, en } }]);
}

export type UnitRef = { commune_code: string | null; province_code: string };

/** True when a record of the unit is inside the actor's community scope. */
export function unitReadable(actor: Actor, unit: UnitRef): boolean {
  const scope = communityScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return unit.province_code === scope.code;
    case 'commune':
      return unit.commune_code === scope.code;
    default:
      return false;
  }
}

/** The record, or 404 when it is missing or outside the actor's scope. */
export function readableOr404<T extends UnitRef>(actor: Actor, row: T | undefined, what: Messages): T {
  if (!row || !unitReadable(actor, row)) throw Errors.notFound(what);
  return row;
}

/** Commune users write only in their own commune. */
export function assertOwnCommune(actor: Actor, communeCode: string | null): void {
  if (actor.scopeKind === 'commune' && communeCode && actor.scopeCode === communeCode) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được ghi nhận công việc của xã/phường mình',
    en: 'You may only record work of your own commune',
  });
}

/** Province-wide records (partners, training): a province officer of the province or a commune user inside it. */
export function assertOwnUnit(actor: Actor, unit: UnitRef): void {
  if (actor.scopeKind === 'province' && actor.scopeCode === unit.province_code) return;
  if (actor.scopeKind === 'commune' && unit.commune_code && actor.scopeCode === unit.commune_code) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được ghi nhận công việc của đơn vị mình',
    en: 'You may only record work of your own unit',
  });
}

/** The filter a list uses: the requested unit, narrowed to the actor's scope (a wider request is refused). */
export function listUnit(
  actor: Actor,
  q: { communeCode?: string; provinceCode?: string },
): { communeCode?: string; provinceCode?: string } {
  const scope = communityScopeOf(actor);
  if (scope.kind === 'none') throw Errors.forbidden();
  if (scope.kind === 'all') return q;
  if (scope.kind === 'province') {
    if (q.provinceCode && q.provinceCode !== scope.code) throw Errors.forbidden();
    return { communeCode: q.communeCode, provinceCode: scope.code };
  }
  if (q.communeCode && q.communeCode !== scope.code) throw Errors.forbidden();
  return { communeCode: scope.code };
}

/** The commune (current) and its province; 400 naming the field when unknown. */
export async function communeOrFail(db: Kysely<DB>, code: string, field = 'communeCode') {
  const u = await currentUnitOrFail(db, code, 'commune', field);
  return { communeCode: u.code, provinceCode: u.province_code! };
}

/** A person inside the actor's person scope, or 404. */
export async function personInScope(db: Kysely<DB>, actor: Actor, personId: string) {
  const p = await peopleRepo.findInScope(db, personScopeOf(actor), personId);
  if (!p) throw Errors.notFound(words.person);
  return p;
}

/** 403 unless the actor holds one of the actions. */
export function authorizeAny(actor: Actor, ...actions: Parameters<typeof can>[1][]): void {
  if (!actions.some((a) => can(actor, a))) throw Errors.forbidden();
}

/** One read entry per person a list showed (people's records are audited when read). */
export async function auditPeople(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  rows: { person_id: string }[],
) {
  await auditMany(
    db,
    actor,
    [...new Set(rows.map((r) => r.person_id))].map((id) => ({ action, entityType: 'person', entityId: id })),
  );
}

export const json = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** Whole days a date is from today (Vietnam) — for "not in the future" checks. */
export function notFuture(field: string, date: string, today: string): void {
  if (date > today)
    throw fieldError(field, 'not_future', 'Ngày không được ở tương lai', 'The date cannot be in the future');
}
