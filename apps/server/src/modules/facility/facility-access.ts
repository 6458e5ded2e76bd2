import { randomUUID } from 'node:crypto';
import { type FacilityRules, facilityRulesOn } from '@hoanhap/domain/facility-rules';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type AppError, Errors } from '../../platform/errors.ts';
import { type Action, type Actor, authorize, inOwnFacility, reachesFacility } from '../../platform/policy.ts';
import { loadLegalContext } from '../legal/legal-context.ts';
import { type AdmissionRow, type EventRow, facilityRepo } from './facility.repo.ts';

// Row access of the facility module: facility users reach only their own facility (scopeCode = facility
// id); province officers and national officers reach the counts of facilities in their province or all.
// A resident, class or record of another facility answers 404 so that its existence does not leak.

export const facilityWord = { vi: 'cơ sở cai nghiện', en: 'Facility' };
export const admissionWord = { vi: 'học viên này', en: 'Resident' };
export const classWord = { vi: 'lớp học nghề', en: 'Class' };

/** The facility, if the actor may use `action` on it: 404 when unknown, 403 when outside the scope. */
export async function facilityFor(trx: Kysely<DB>, actor: Actor, facilityId: string, action: Action) {
  authorize(actor, action);
  const f = await facilityRepo.facility(trx, facilityId);
  if (!f) throw Errors.notFound(facilityWord);
  if (!reachesFacility(actor, f, action)) throw Errors.forbidden();
  return f;
}

/** A resident's admission at the actor's own facility; 404 otherwise. */
export async function admissionFor(trx: Kysely<DB>, actor: Actor, id: string, action: Action) {
  authorize(actor, action);
  const a = await facilityRepo.admission(trx, id);
  if (!a || !inOwnFacility(actor, a.facility_id)) throw Errors.notFound(admissionWord);
  return a;
}

// Whether the actor may read health records: a policy check, re-exported for the facility services.
export { readsHealth } from '../../platform/policy.ts';

/** 400 naming the field. */
export function fieldError(field: string, rule: string, vi: string, en: string): AppError {
  return Errors.validation([{ field, rule, messages: { vi, en } }]);
}

export function notFuture(field: string, date: string, today: string) {
  if (date > today) throw fieldError(field, 'not_future', 'Ngày ở tương lai', 'The date is in the future');
}

/** The date lies within the stay: on or after admission, not in the future, not after release. */
export function duringStay(field: string, date: string, a: AdmissionRow, today: string) {
  notFuture(field, date, today);
  if (date < a.admitted_on)
    throw fieldError(
      field,
      'after_admission',
      'Ngày trước ngày tiếp nhận',
      'The date is before the admission',
    );
  if (a.released_on && date > a.released_on)
    throw fieldError(field, 'before_release', 'Ngày sau ngày ra cơ sở', 'The date is after the release');
}

export function refuseReleased(a: AdmissionRow) {
  if (a.released_on)
    throw Errors.conflict('resident_released', {
      vi: 'Học viên đã ra khỏi cơ sở',
      en: 'The resident has already left the facility',
    });
}

/** The facility rules in force on a date, or 422 for acts before the first legal regime. */
export async function facilityRulesAt(trx: Kysely<DB>, date: string, field: string): Promise<FacilityRules> {
  // The administrator's overrides apply (read through the transaction: see legal-context.ts).
  const rules = facilityRulesOn(date, (await loadLegalContext(trx)).overrides);
  if (!rules)
    throw Errors.unprocessable(
      'no_legal_regime',
      {
        vi: `Không có chế độ pháp lý cho ngày ${date} (trước ${FIRST_REGIME_DATE})`,
        en: `No legal regime applies on ${date} (before ${FIRST_REGIME_DATE})`,
      },
      { field },
    );
  return rules;
}

/** Checks every listed admission is a current resident of the facility (400 naming the field). */
export async function residentsOrFail(trx: Kysely<DB>, facilityId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  const rows = await facilityRepo.admissionsByIds(trx, facilityId, unique);
  const found = new Map(rows.map((r) => [r.id, r]));
  const bad = ids.findIndex((x) => !found.has(x));
  if (bad >= 0)
    throw fieldError(
      `${field}.${bad}`,
      'resident_exists',
      'Không phải học viên của cơ sở',
      'Not a resident of this facility',
    );
  return unique.map((x) => found.get(x)!);
}

/** A new row of the facility's event register (the benchmark's generator writes its rows with it too). */
export function eventRow(
  actor: { userId: string | null },
  e: {
    facilityId: string;
    admissionId?: string | null;
    kind: string;
    subkind?: string | null;
    on: string;
    health?: boolean;
    data: unknown;
  },
  now: Date,
): EventRow {
  return {
    id: randomUUID(),
    facility_id: e.facilityId,
    admission_id: e.admissionId ?? null,
    kind: e.kind,
    subkind: e.subkind ?? null,
    occurred_on: e.on,
    health: e.health ? 1 : 0,
    data: JSON.stringify(e.data),
    created_at: now.toISOString(),
    created_by: actor.userId,
    version: 1,
    updated_at: null,
    updated_by: null,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  };
}
