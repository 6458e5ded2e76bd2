// The vocabulary of the policy layer: the product's roles, the scope kinds a user belongs to, the actor a
// request acts as, and every action a role may be granted (policy/roles.ts grants them).

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

// Electronic monitoring (Law 120/2025/QH15 Art. 12): applied by the head of commune police, so only commune
// police record measures and their events, in their own commune; commune officers, province and nation read
// (class legal).
export type MonitoringAction = 'monitoring.read' | 'monitoring.write';

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

// Background jobs (issue 17, platform/jobs.ts): the record of every run, for the system's administrators and
// the national officers.
export type JobAction = 'jobs.read';
