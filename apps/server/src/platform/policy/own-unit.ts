import { Errors, type Messages } from '../errors.ts';
import type { Action, Actor } from './actions.ts';
import { authorize } from './roles.ts';
import { communityScopeOf } from './scope.ts';

// The actor's own unit: the checks that compare a record's unit (commune, province, facility) with the unit the
// actor belongs to. Modules call these instead of reading actor.scopeKind themselves (policy-only.test.ts).

/** The actor belongs to the nation (national officers, administrators, national auditors). */
export const isNational = (actor: Actor): boolean => actor.scopeKind === 'nation';

/** The actor belongs to a rehab facility (staff or medical). */
export const isFacilityUser = (actor: Actor): boolean => actor.scopeKind === 'facility';

/** The actor belongs to a province. */
export const isProvinceUser = (actor: Actor): boolean => actor.scopeKind === 'province';

/** The province the actor belongs to, or null for other scopes. */
export const ownProvince = (actor: Actor): string | null =>
  actor.scopeKind === 'province' ? actor.scopeCode : null;

/** The commune the actor belongs to, or null for other scopes. */
export const ownCommune = (actor: Actor): string | null =>
  actor.scopeKind === 'commune' ? actor.scopeCode : null;

/** True when the commune is the actor's own (commune scope). */
export const inOwnCommune = (actor: Actor, communeCode: string | null | undefined): boolean =>
  actor.scopeKind === 'commune' && !!communeCode && actor.scopeCode === communeCode;

/** True when a facility record (admission, class, event) belongs to the actor's own facility. */
export const inOwnFacility = (actor: Actor, facilityId: string | null | undefined): boolean =>
  actor.scopeKind === 'facility' && facilityId === actor.scopeCode;

/** 403 (with the message, if any) unless the actor belongs to the nation. */
export function assertNational(actor: Actor, message?: Messages): void {
  if (actor.scopeKind !== 'nation') throw Errors.forbidden(message);
}

/** The actor's own commune; 403 for other scopes. */
export function ownCommuneOrForbid(actor: Actor): string {
  if (actor.scopeKind !== 'commune' || !actor.scopeCode) throw Errors.forbidden();
  return actor.scopeCode;
}

// ---------------------------------------------------------------------------------------------------------
// Facilities and pathways

/**
 * A facility the actor reaches with the action: its own facility; with facility.figures also every facility
 * for the nation and the facilities of the actor's province.
 */
export function reachesFacility(
  actor: Actor,
  f: { id: string; province_code: string | null },
  action: Action,
) {
  return (
    (actor.scopeKind === 'facility' && actor.scopeCode === f.id) ||
    (action === 'facility.figures' &&
      (actor.scopeKind === 'nation' ||
        (actor.scopeKind === 'province' && actor.scopeCode === f.province_code)))
  );
}

/** Facility users change only episodes run at their own facility. */
export function assertFacilityOwns(actor: Actor, facilityId: string | null): void {
  if (actor.scopeKind !== 'facility' || facilityId === actor.scopeCode) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được cập nhật các giai đoạn tại cơ sở của mình',
    en: 'You may only change episodes run at your own facility',
  });
}

// ---------------------------------------------------------------------------------------------------------
// Records kept by unit: dossiers and community work

/** Dossier writers act only on dossiers of their own commune. */
export function assertDossierWriter(actor: Actor, dossier: { commune_code: string }): void {
  if (inOwnCommune(actor, dossier.commune_code)) return;
  throw Errors.forbidden({
    vi: 'Chỉ Công an xã/phường nơi lập hồ sơ được cập nhật hồ sơ này',
    en: 'Only the commune police that prepared this dossier may change it',
  });
}

export type UnitRef = { commune_code: string | null; province_code: string };

/** True when a community record of the unit is inside the actor's community scope. */
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

/** Commune users write community work only in their own commune. */
export function assertOwnCommune(actor: Actor, communeCode: string | null): void {
  if (inOwnCommune(actor, communeCode)) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được ghi nhận công việc của xã/phường mình',
    en: 'You may only record work of your own commune',
  });
}

/** Province-wide records (partners, training): a province officer of the province or a commune user inside it. */
export function assertOwnUnit(actor: Actor, unit: UnitRef): void {
  if (actor.scopeKind === 'province' && actor.scopeCode === unit.province_code) return;
  if (inOwnCommune(actor, unit.commune_code)) return;
  throw Errors.forbidden({
    vi: 'Bạn chỉ được ghi nhận công việc của đơn vị mình',
    en: 'You may only record work of your own unit',
  });
}

/** A commune user does not change a record of another commune (province-wide records stay editable). */
export function assertNotOtherCommune(actor: Actor, communeCode: string | null): void {
  if (actor.scopeKind === 'commune' && communeCode && communeCode !== actor.scopeCode)
    throw Errors.forbidden();
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

// ---------------------------------------------------------------------------------------------------------
// Reports and areas

type ReportUnit = { kind: string; code?: string; provinceCode: string | null };

/** A unit whose figures the actor reads: all for the nation, a province's units, the actor's own commune or facility. */
export function reportUnitWithinScope(actor: Actor, u: ReportUnit): boolean {
  switch (actor.scopeKind) {
    case 'nation':
      return true;
    case 'province':
      return u.kind !== 'nation' && u.provinceCode === actor.scopeCode;
    case 'commune':
      return u.kind === 'commune' && u.code === actor.scopeCode;
    case 'facility':
      return u.kind === 'facility' && u.code === actor.scopeCode;
  }
}

/** The unit prepares its own report: the actor's scope kind, or an area of the actor's province. */
export const preparesReportOf = (actor: Actor, unit: ReportUnit): boolean =>
  unit.kind === actor.scopeKind || (unit.kind === 'area' && actor.scopeKind === 'province');

/** 403 unless the actor may edit or submit the unit's report (reports.submit, and its own unit). */
export function assertReportingUnit(actor: Actor, unit: ReportUnit): void {
  authorize(actor, 'reports.submit');
  // An area's report is its province's own (prepared by the province's officers).
  if (!preparesReportOf(actor, unit))
    throw Errors.forbidden({
      vi: 'Chỉ đơn vị lập báo cáo được sửa, gửi',
      en: 'Only the reporting unit may edit or submit',
    });
}

/** The reviewer of a report: the province of a commune or facility, the nation for a province or an area. */
export function assertReportReviewer(actor: Actor, unit: ReportUnit): void {
  authorize(actor, 'reports.approve');
  const ok =
    unit.kind === 'province' || unit.kind === 'area'
      ? actor.scopeKind === 'nation'
      : actor.scopeKind === 'province' && actor.scopeCode === unit.provinceCode;
  if (!ok)
    throw Errors.forbidden({
      vi: 'Bạn không phải cấp duyệt báo cáo này',
      en: 'You do not review this report',
    });
}

/** The reports a list shows without a named unit: all for the nation, a province's, or the actor's unit's. */
export function reportListScope(actor: Actor): { provinceCode?: string; unitCode?: string } {
  if (actor.scopeKind === 'province') return { provinceCode: actor.scopeCode! };
  if (actor.scopeKind !== 'nation') return { unitCode: actor.scopeCode! };
  return {};
}

/** Whether the actor may read the areas of a province: reports readers of the province or the nation. */
export function assertReadsProvinceAreas(actor: Actor, provinceCode: string | null): void {
  authorize(actor, 'reports.read');
  if (actor.scopeKind === 'nation') return;
  if (actor.scopeKind === 'province' && (provinceCode == null || provinceCode === actor.scopeCode)) return;
  throw Errors.forbidden({
    vi: 'Chỉ cán bộ tỉnh và trung ương xem khu vực',
    en: 'Only province and national officers see areas',
  });
}

/** Only the province's own officers manage its areas. */
export function assertManagesProvinceAreas(actor: Actor, provinceCode: string): void {
  authorize(actor, 'areas.manage');
  if (actor.scopeKind !== 'province' || actor.scopeCode !== provinceCode)
    throw Errors.forbidden({
      vi: 'Chỉ cán bộ của tỉnh quản lý khu vực của tỉnh mình',
      en: "Only the province's officers manage its areas",
    });
}
