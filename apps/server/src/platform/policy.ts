import type { RoleId } from '@hoanhap/domain/legal-basis';
import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { AppError, Errors } from './errors.ts';

/**
 * The one policy layer: role × organisation scope × field sensitivity. Deny by default:
 * an action not granted to a role here is refused everywhere.
 */
export const ROLES = [
  'system_admin',
  'national_officer',
  'province_officer',
  'commune_officer',
  'commune_police',
  'facility_staff',
  'facility_medical',
  'volunteer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
export type ScopeKind = 'nation' | 'province' | 'commune' | 'facility';

export type Actor = {
  userId: string;
  username: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeCode: string | null;
  ip: string | null;
};

export type Action =
  | JobAction
  | ReportAction
  | CommunityAction
  | MonitoringAction
  | 'people.read'
  | 'people.create'
  | 'people.update'
  | 'users.manage'
  // the first-steps page of setting up a unit (issue 14): administrators, and officers of the nation or a province
  | 'setup.read'
  | 'units.manage'
  | 'facilities.manage'
  | 'audit.read'
  | 'assignments.manage'
  // legal settings: rule overrides and calendar adjustments (national scope only)
  | 'rules.manage'
  // compulsory-rehab dossiers and the court's acts on them
  | 'dossiers.read'
  | 'dossiers.write'
  | 'court.record'
  // legal pathways
  | 'screening.read'
  | 'screening.write'
  | 'tests.write'
  | 'episodes.read'
  | 'episodes.write'
  | 'decisions.issue'
  // acts of the head of commune police (Law 120/2025: the user-management decision)
  | 'police_decisions.issue'
  // recording an addiction determination (Form 04) made by a qualified doctor (Decree 109/2021)
  | 'determinations.record'
  | 'transfers.write'
  | 'tasks.read'
  // rehab facility operations (facility scope); facility.health: medical records (class health);
  // facility.figures: the dashboard and yearly figures (counts only), also for province and nation
  | 'facility.read'
  | 'facility.write'
  | 'facility.health'
  | 'facility.figures'
  // declarations of substances used and their source (Law 120/2025), class drug_use
  | 'declarations.write';

const GRANTS: Record<Role, Action[]> = {
  system_admin: ['users.manage', 'units.manage', 'facilities.manage', 'rules.manage'],
  national_officer: ['people.read', 'rules.manage'],
  province_officer: ['people.read'],
  commune_officer: ['people.read', 'people.create', 'people.update', 'assignments.manage'],
  commune_police: ['people.read', 'people.create', 'people.update'],
  facility_staff: ['people.read', 'people.update'],
  facility_medical: ['people.read'],
  // Volunteers read their people only through /api/community/my-* (the fields they need), not the registry.
  volunteer: [],
  auditor: ['audit.read'],
};

// Legal pathways. Commune officers and police work in their commune (police also test); facility staff
// work on their residents; province and nation read. Volunteers get none: they must not see screening
// or legal details.
const PATHWAY_GRANTS: Record<Role, Action[]> = {
  system_admin: [],
  national_officer: ['screening.read', 'episodes.read', 'tasks.read'],
  province_officer: ['screening.read', 'episodes.read', 'tasks.read'],
  commune_officer: [
    'screening.read',
    'screening.write',
    'episodes.read',
    'episodes.write',
    'decisions.issue',
    'transfers.write',
    'tasks.read',
  ],
  commune_police: [
    'screening.read',
    'screening.write',
    'tests.write',
    'episodes.read',
    'episodes.write',
    'transfers.write',
    'tasks.read',
  ],
  facility_staff: [
    'screening.read',
    'screening.write',
    'tests.write',
    'episodes.read',
    'episodes.write',
    'tasks.read',
  ],
  facility_medical: ['screening.read', 'screening.write', 'tests.write', 'episodes.read', 'tasks.read'],
  volunteer: [],
  auditor: [],
};
for (const role of ROLES) GRANTS[role].push(...PATHWAY_GRANTS[role]);

// Compulsory-rehab dossiers: the commune police prepare them (the head of commune police since
// 01/03/2025, rulesOn(date).compulsoryDossierPreparer; police also keep the older dossiers of the district
// labour offices) and record the court's acts as they are received; commune officers, province and nation
// read. The row scope is the dossier's commune (dossierScopeOf).
const DOSSIER_GRANTS: Partial<Record<Role, Action[]>> = {
  national_officer: ['dossiers.read'],
  province_officer: ['dossiers.read'],
  commune_officer: ['dossiers.read'],
  commune_police: ['dossiers.read', 'dossiers.write', 'court.record'],
};
for (const role of ROLES) GRANTS[role].push(...(DOSSIER_GRANTS[role] ?? []));

// Rehab facility operations: staff run their facility's residents, classes and events; only medical staff
// record and read health records; province and nation read the facilities' counts (no identities).
const FACILITY_GRANTS: Partial<Record<Role, Action[]>> = {
  national_officer: ['facility.figures'],
  province_officer: ['facility.figures'],
  facility_staff: ['facility.read', 'facility.write', 'facility.figures'],
  facility_medical: ['facility.read', 'facility.write', 'facility.health', 'facility.figures'],
};
for (const role of ROLES) GRANTS[role].push(...(FACILITY_GRANTS[role] ?? []));

// Electronic monitoring (Law 120/2025/QH15 Art. 12): applied by the head of commune police, so only commune
// police record measures and their events, in their own commune; commune officers, province and nation read
// (class legal).
export type MonitoringAction = 'monitoring.read' | 'monitoring.write';
const MONITORING_GRANTS: Partial<Record<Role, MonitoringAction[]>> = {
  national_officer: ['monitoring.read'],
  province_officer: ['monitoring.read'],
  commune_officer: ['monitoring.read'],
  commune_police: ['monitoring.read', 'monitoring.write'],
};
for (const role of ROLES) GRANTS[role].push(...(MONITORING_GRANTS[role] ?? []));

// Declarations of the substances a person used and where they obtained them: made to the commune police
// (Law 120/2025/QH15), so only they record and correct them; reading needs 'screening.read' and class drug_use.
const DECLARATION_GRANTS: Partial<Record<Role, Action[]>> = {
  commune_police: ['declarations.write'],
};
for (const role of ROLES) GRANTS[role].push(...(DECLARATION_GRANTS[role] ?? []));

// The deciding authority of a rule (rulesOn(date).<rule>.authority, overridable data) is an official, not a
// product role: each official's acts are recorded by the users who act for them. Commune officers record the
// chairman's decisions, commune police the head of commune police's; an addiction determination made by a
// qualified doctor is recorded by the licensed medical unit of a facility or by the commune that received
// the Form 04 result, never by a rehab facility's other staff acting as the doctor.
const AUTHORITY_ACTIONS: Partial<Record<RoleId, Action>> = {
  commune_chairman: 'decisions.issue',
  commune_police_head: 'police_decisions.issue',
  qualified_doctor: 'determinations.record',
};
const AUTHORITY_GRANTS: Partial<Record<Role, Action[]>> = {
  commune_police: ['police_decisions.issue', 'determinations.record'],
  commune_officer: ['determinations.record'],
  facility_medical: ['determinations.record'],
};
for (const role of ROLES) GRANTS[role].push(...(AUTHORITY_GRANTS[role] ?? []));

/** True when the actor's role records the acts of the official a rule names as deciding authority. */
export function mayActFor(actor: Actor, authority: RoleId): boolean {
  const action = AUTHORITY_ACTIONS[authority];
  return action !== undefined && can(actor, action);
}

/**
 * Throws 403 unless the actor acts for the authority the rule in force names; the refusal names the
 * authority (Vietnamese and English) and cites the rule's basis.
 */
export function authorizeAuthority(
  actor: Actor,
  authority: RoleId,
  refusal: { rule: string; authorityName: { vi: string; en: string }; basis: { vi: string; en: string }[] },
): void {
  if (mayActFor(actor, authority)) return;
  throw new AppError(
    'authority_required',
    403,
    {
      vi: `Theo quy định đang có hiệu lực, thẩm quyền thuộc ${refusal.authorityName.vi}; vai trò của bạn không được ghi nhận văn bản này`,
      en: `Under the rule in force the authority is the ${refusal.authorityName.en}; your role may not record this act`,
    },
    [],
    { rule: refusal.rule, authority, basis: refusal.basis },
  );
}

// Sensitivity classes each role may read. Health/HIV only for medical staff; volunteers get
// contact details of their own people and nothing else.
const READABLE_CLASSES: Record<Role, SensitivityClass[]> = {
  system_admin: [],
  national_officer: ['contact', 'identity', 'drug_use', 'legal'],
  province_officer: ['contact', 'identity', 'drug_use', 'legal'],
  commune_officer: ['contact', 'identity', 'drug_use', 'legal'],
  commune_police: ['contact', 'identity', 'drug_use', 'legal'],
  facility_staff: ['contact', 'identity', 'drug_use', 'legal'],
  facility_medical: ['contact', 'identity', 'drug_use', 'health', 'legal'],
  volunteer: ['contact'],
  auditor: [],
};

// Which scope kinds make sense for a role (checked when a user is created).
export const ROLE_SCOPES: Record<Role, ScopeKind[]> = {
  system_admin: ['nation'],
  national_officer: ['nation'],
  province_officer: ['province'],
  commune_officer: ['commune'],
  commune_police: ['commune'],
  facility_staff: ['facility'],
  facility_medical: ['facility'],
  volunteer: ['commune'],
  auditor: ['nation', 'province'],
};

/** True when the role is granted the action (scope is checked separately, in SQL). */
export function can(actor: Actor, action: Action): boolean {
  return GRANTS[actor.role]?.includes(action) ?? false;
}

/** Throws 403 unless the role is granted the action. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw Errors.forbidden();
}

/**
 * Classes the actor may read. For a national or province officer (need-to-know, below) identity and contact
 * fields only with `brokenGlass`: a stated reason for that one person (platform/break-glass.ts).
 */
export function readableClasses(actor: Actor, opts: { brokenGlass?: boolean } = {}): Set<SensitivityClass> {
  const classes = READABLE_CLASSES[actor.role] ?? [];
  if (identityNeedsReason(actor) && !opts.brokenGlass)
    return new Set(classes.filter((c) => !NEED_TO_KNOW_CLASSES.includes(c)));
  return new Set(classes);
}

/**
 * Offline copies (issue 15): whether a phone may keep this user's read answers (their work list, the people
 * they opened) for reading without a connection. Only the field roles of a commune, and never a role that reads
 * the health class; the answers themselves are already cut to the role's scope and classes.
 */
export function mayKeepOnDevice(actor: Actor): boolean {
  return actor.scopeKind === 'commune' && !readableClasses(actor).has('health');
}

// Need-to-know (issue 16, "break the glass"): national and province officers see counts and drill-downs, but
// manage no commune; a person's identity (CCCD, birth date, family contacts, permanent address) and contact
// (phone, address detail) are read only with a stated reason, audited, for BREAK_GLASS_MINUTES, that person only.
export const NEED_TO_KNOW_CLASSES: SensitivityClass[] = ['identity', 'contact'];

/** True when reading a person's identity fields needs a stated reason (the actor manages no commune). */
export function identityNeedsReason(actor: Actor): boolean {
  return (
    (actor.role === 'national_officer' || actor.role === 'province_officer') &&
    (actor.scopeKind === 'nation' || actor.scopeKind === 'province')
  );
}

/** Throws 403 unless the actor is one who opens identity with a reason (others read it, or never may). */
export function authorizeBreakGlass(actor: Actor): void {
  if (!can(actor, 'people.read') || !identityNeedsReason(actor)) throw Errors.forbidden();
}

/** Auditors read the list of break-the-glass reads; a province auditor only for people of the province. */
export function breakGlassListScopeOf(actor: Actor): { kind: 'all' } | { kind: 'province'; code: string } {
  authorize(actor, 'audit.read');
  if (actor.scopeKind === 'nation') return { kind: 'all' };
  if (actor.scopeKind === 'province' && actor.scopeCode) return { kind: 'province', code: actor.scopeCode };
  throw Errors.forbidden();
}

// Second factor (issue 16): these roles must enrol TOTP at their next login before anything else; for the
// others it is optional.
const SECOND_FACTOR_ROLES: Role[] = ['system_admin', 'national_officer', 'province_officer', 'auditor'];

/** True when the role must use a second factor (TOTP). */
export const secondFactorRequired = (role: Role): boolean => SECOND_FACTOR_ROLES.includes(role);

/** The abilities the web app uses to show or hide actions; the server checks again. */
export function abilitiesOf(actor: Actor) {
  return {
    actions: GRANTS[actor.role] ?? [],
    readableClasses: [...readableClasses(actor)],
  };
}

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
  if (!can(actor, 'people.read') || (actor.scopeKind !== 'nation' && !actor.scopeCode))
    return { kind: 'none' };
  switch (actor.scopeKind) {
    case 'nation':
      return { kind: 'all' };
    case 'province':
      return { kind: 'province', code: actor.scopeCode! };
    case 'commune':
      return { kind: 'commune', code: actor.scopeCode! };
    case 'facility':
      return { kind: 'facility', id: actor.scopeCode! };
  }
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

// Community work (volunteer teams, contacts, activities, clubs, partners, referrals, training). Commune
// officers run it in their commune; commune police read it and log contacts; province and nation read;
// province officers also keep the province's partners and training records; volunteers log contacts and see
// only their own people (community.mine); national administrators set the volunteer-model rule.
export type CommunityAction =
  | 'community.read'
  | 'community.write'
  | 'community.contact'
  | 'community.partners'
  | 'community.training'
  | 'community.mine'
  | 'community.rules';

const COMMUNITY_GRANTS: Partial<Record<Role, CommunityAction[]>> = {
  system_admin: ['community.rules'],
  national_officer: ['community.read', 'community.rules'],
  province_officer: ['community.read', 'community.partners', 'community.training'],
  commune_officer: [
    'community.read',
    'community.write',
    'community.contact',
    'community.partners',
    'community.training',
  ],
  commune_police: ['community.read', 'community.contact'],
  volunteer: ['community.contact', 'community.mine'],
};
for (const role of ROLES) GRANTS[role].push(...(COMMUNITY_GRANTS[role] ?? []));

/** Row scope of community records (teams, activities, clubs, partners, referrals, training): by unit. */
export type CommunityScope = DossierScope;

export const communityScopeOf = (actor: Actor): CommunityScope => unitScopeOf(actor, 'community.read');

// Indicators and periodic reports (modules/reports). Officers of every level read figures within their scope;
// communes and facilities submit their reports, the province reviews them (the nation reviews province
// reports); national administrators add indicators from the catalogue's building blocks.
// reports.settings: the national reporting cut-off day (dated, audited).
export type ReportAction =
  | 'reports.read'
  | 'reports.submit'
  | 'reports.approve'
  | 'indicators.manage'
  | 'reports.settings'
  // areas (modules/areas): a province officer's named sets of communes of the province, reported on as units
  | 'areas.manage';

const REPORT_GRANTS: Partial<Record<Role, ReportAction[]>> = {
  system_admin: ['indicators.manage'],
  national_officer: ['reports.read', 'reports.approve', 'indicators.manage', 'reports.settings'],
  province_officer: ['reports.read', 'reports.submit', 'reports.approve', 'areas.manage'],
  commune_officer: ['reports.read', 'reports.submit'],
  commune_police: ['reports.read'],
  facility_staff: ['reports.read', 'reports.submit'],
  facility_medical: ['reports.read'],
};
for (const role of ROLES) GRANTS[role].push(...(REPORT_GRANTS[role] ?? []));

// Setting up a unit (issue 14): the first-steps page, counted in the actor's own scope (the nation, or a province).
const SETUP_GRANTS: Partial<Record<Role, Action[]>> = {
  system_admin: ['setup.read'],
  national_officer: ['setup.read'],
  province_officer: ['setup.read'],
};
for (const role of ROLES) GRANTS[role].push(...(SETUP_GRANTS[role] ?? []));

// Background jobs (issue 17, platform/jobs.ts): the record of every run, for the system's administrators and
// the national officers.
export type JobAction = 'jobs.read';
const JOB_GRANTS: Partial<Record<Role, Action[]>> = {
  system_admin: ['jobs.read'],
  national_officer: ['jobs.read'],
};
for (const role of ROLES) GRANTS[role].push(...(JOB_GRANTS[role] ?? []));

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
