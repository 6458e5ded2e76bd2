import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { auditMany } from '../../platform/audit.ts';
import { type AppError, Errors, type Messages } from '../../platform/errors.ts';
import {
  type Actor,
  assertOwnCommune,
  personScopeOf,
  type UnitRef,
  unitReadable,
} from '../../platform/policy.ts';
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

// The unit checks (scope of a record, own commune or unit, list filter) live in the policy layer.
export {
  assertOwnCommune,
  assertOwnUnit,
  authorizeAny,
  listUnit,
  type UnitRef,
  unitReadable,
} from '../../platform/policy.ts';

/** The record, or 404 when it is missing or outside the actor's scope. */
export function readableOr404<T extends UnitRef>(actor: Actor, row: T | undefined, what: Messages): T {
  if (!row || !unitReadable(actor, row)) throw Errors.notFound(what);
  return row;
}

/** The record for a write: 404 as for a read, then 403 unless it belongs to the actor's own commune. */
export function writableOr404<T extends UnitRef>(actor: Actor, row: T | undefined, what: Messages): T {
  const record = readableOr404(actor, row, what);
  assertOwnCommune(actor, record.commune_code);
  return record;
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
