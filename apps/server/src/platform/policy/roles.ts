import type { RoleId } from '@hoanhap/domain/legal-basis';
import { ROLE_SCOPES as DOMAIN_ROLE_SCOPES } from '@hoanhap/domain/role-scopes';
import { AppError, Errors } from '../errors.ts';
import {
  type Action,
  type Actor,
  type CommunityAction,
  type MonitoringAction,
  type ReportAction,
  ROLES,
  type Role,
  type ScopeKind,
} from './actions.ts';

/**
 * Role × action, as data. Deny by default: an action not granted to a role here is refused everywhere.
 * Each area's table is appended in a fixed order (the order abilitiesOf lists the actions in).
 */
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

// Which scope kinds make sense for a role (checked when a user is created): the domain's list, shared with the
// web's account forms.
export const ROLE_SCOPES: Readonly<Record<Role, readonly ScopeKind[]>> = DOMAIN_ROLE_SCOPES;

/** True when the role is granted the action (scope is checked separately, in SQL). */
export function can(actor: Actor, action: Action): boolean {
  return GRANTS[actor.role]?.includes(action) ?? false;
}

/** Throws 403 unless the role is granted the action. */
export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw Errors.forbidden();
}

// Second factor (issue 16): these roles must enrol TOTP at their next login before anything else; for the
// others it is optional.
const SECOND_FACTOR_ROLES: Role[] = ['system_admin', 'national_officer', 'province_officer', 'auditor'];

/** True when the role must use a second factor (TOTP). */
export const secondFactorRequired = (role: Role): boolean => SECOND_FACTOR_ROLES.includes(role);

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

// Background jobs (issue 17): the record of every run.
const JOB_GRANTS: Partial<Record<Role, Action[]>> = {
  system_admin: ['jobs.read'],
  national_officer: ['jobs.read'],
};
for (const role of ROLES) GRANTS[role].push(...(JOB_GRANTS[role] ?? []));

/** 403 unless the actor holds one of the actions. */
export function authorizeAny(actor: Actor, ...actions: Action[]): void {
  if (!actions.some((a) => can(actor, a))) throw Errors.forbidden();
}

/** The actions granted to the actor's role, in the tables' order (the web shows or hides actions by them). */
export const grantedActions = (actor: Actor): Action[] => GRANTS[actor.role] ?? [];

/** Volunteers act only for themselves: their contacts and follow-ups are their own. */
export const isVolunteer = (actor: Actor): boolean => actor.role === 'volunteer';

/** The kind of account a commune's volunteer may be linked to (the account that sees their people). */
export const VOLUNTEER_ACCOUNT = { role: 'volunteer', scopeKind: 'commune' } as const satisfies {
  role: Role;
  scopeKind: ScopeKind;
};

/** True when a user account is an active 'volunteer' account of the commune (one a volunteer may be linked to). */
export const isVolunteerAccountOf = (
  account: { role: string; scope_kind: string; scope_code: string | null; active: number } | undefined,
  communeCode: string,
): boolean =>
  !!account?.active &&
  account.role === VOLUNTEER_ACCOUNT.role &&
  account.scope_kind === VOLUNTEER_ACCOUNT.scopeKind &&
  account.scope_code === communeCode;
