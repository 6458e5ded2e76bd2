import type { Generated } from 'kysely';

// Table types. Portable conventions for SQLite and PostgreSQL: text ids (UUID), ISO-8601 text
// for timestamps and dates, integer 0/1 for booleans, JSON as text.

export interface UnitTable {
  id: string;
  code: string;
  level: 'province' | 'commune';
  type: string;
  name: string;
  name_en: string | null;
  name_search: string;
  province_code: string | null;
  valid_from: string;
  valid_to: string | null;
  update_id: string | null;
  // 0002_org
  closed_update_id: string | null;
  sort_key: Generated<string>;
}

export interface LegacyUnitMappingTable {
  old_province_code: string;
  old_province_name: string;
  old_district_code: string | null;
  old_district_name: string | null;
  old_commune_code: string;
  old_commune_name: string;
  old_search: string;
  new_commune_code: string;
  new_province_code: string;
  kind: string;
  effective_date: string;
  // 0002_org
  old_commune_key: Generated<string>;
  old_district_key: Generated<string>;
  old_province_key: Generated<string>;
}

export interface UnitUpdateTable {
  id: string;
  effective_date: string;
  source: string;
  applied_at: string;
  applied_by: string | null;
  summary: string;
}

export interface FacilityTable {
  id: string;
  name: string;
  kind: string;
  province_code: string;
  commune_code: string | null;
  address: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  // 0002_org
  name_search: Generated<string>;
  phone: string | null;
  created_by: string | null;
  updated_by: string | null;
}

// 0021_facility_licences
export interface FacilityLicenceTable {
  id: string;
  facility_id: string;
  number: string;
  issued_on: string;
  issuer: string;
  issuer_role: string | null;
  scope: string;
  valid_until: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  role: string;
  scope_kind: 'nation' | 'province' | 'commune' | 'facility';
  scope_code: string | null;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  // 0034_security: set when failed logins locked the account until an administrator lifts it
  login_locked_at: Generated<string | null>;
  /** 0031: national form ('0912345678'), checked by domain/phone.ts; null when unknown. */
  phone: string | null;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  // 0034_security: the browser's User-Agent when the session was opened
  user_agent: Generated<string | null>;
}

export interface PersonTable {
  id: string;
  full_name: string;
  name_search: string;
  other_names: string | null;
  other_names_search: string | null;
  sex: string;
  birth_date: string | null;
  birth_year: number;
  citizen_id: string | null;
  ethnicity: string | null;
  phone: string | null;
  occupation: string | null;
  perm_commune_code: string | null;
  perm_detail: string | null;
  cur_commune_code: string;
  cur_detail: string | null;
  province_code: string;
  family_contacts: string | null;
  status: string;
  current_facility_id: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface VolunteerAssignmentTable {
  id: string;
  person_id: string;
  user_id: string;
  started_at: string;
  ended_at: string | null;
  assigned_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  reason: string | null;
  details: string | null;
}

// 0005_legal_settings
export interface RuleOverrideTable {
  id: string;
  rule_key: string;
  /** JSON text of the value. */
  value: string;
  effective_from: string;
  regime_id: string | null;
  reason: string;
  /** JSON text of a LegalBasis. */
  basis: string;
  /** RoleId deciding (and signing) from effective_from on; null keeps the rule's own (migration 0024). */
  authority: Generated<string | null>;
  /** 1 when only the authority changes and the rule's own value stays (`value` then unread). */
  keeps_value: Generated<number>;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: number;
}

export interface CalendarAdjustmentTable {
  id: string;
  date: string;
  kind: 'day_off' | 'working_day';
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface DocumentNumberTable {
  unit_code: string;
  year: number;
  series: string;
  last_number: number;
  updated_at: string;
}

// 0006_dossiers: compulsory-rehab dossiers, the people they name, their documents
export interface DossierTable {
  id: string;
  commune_code: string;
  province_code: string;
  status: string;
  regime_id: string;
  preparer_authority: string;
  prepared_on: string;
  notified_on: string | null;
  reading_days: number | null;
  reading_end: string | null;
  reading_closed_on: string | null;
  submitted_on: string | null;
  submission_number: string | null;
  court_authority: string | null;
  court_name: string | null;
  accepted_on: string | null;
  court_case_number: string | null;
  hearing_date: string | null;
  hearing_place: string | null;
  decided_on: string | null;
  executed_on: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface DossierPersonTable {
  id: string;
  dossier_id: string;
  person_id: string;
  position: number;
  ground: string;
  ground_note: string | null;
  status: string;
  outcome: string | null;
  term_months: number | null;
  decision_number: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  postponed_until: string | null;
  outcome_note: string | null;
  executed_on: string | null;
  admitted_on: string | null;
  facility_id: string | null;
  episode_id: string | null;
  added_at: string;
  added_by: string | null;
}

export interface DossierDocumentTable {
  id: string;
  dossier_id: string;
  person_id: string;
  kind: string;
  original_name: string;
  stored_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  note: string | null;
  uploaded_at: string;
  uploaded_by: string | null;
  removed_at: string | null;
  removed_by: string | null;
}

// 0004_pathways: screening, episodes, contacts, transfers, tasks
export interface DrugTestTable {
  id: string;
  person_id: string;
  tested_on: string;
  method: string;
  results: string;
  positive: number;
  reason: string;
  performed_by: string;
  unit_kind: string;
  unit_code: string;
  relapse: number;
  criminal_window: number;
  /** JSON: the Criminal Code Art. 256a case on the test date (episodes/criminal-256a.ts), null for none. */
  criminal_case: string | null;
  during_episode_id: string | null;
  during_episode_type: string | null;
  regime_id: string | null;
  notes: string | null;
  created_at: string;
  created_by: string | null;
}

export interface AddictionDeterminationTable {
  id: string;
  person_id: string;
  assessed_on: string;
  observations: string;
  addicted: number;
  reason_code: string;
  reason_vi: string;
  reason_en: string;
  criteria_met: string;
  regime_id: string;
  doctor_name: string;
  doctor_certificate: string | null;
  facility_name: string;
  form04_number: string | null;
  substances: string;
  hiv_status: string | null;
  // 0022: the doctor's Form 04 conclusion ('addicted' | 'not_addicted'), the health facility's operating
  // licence, whether the criteria check agreed (1/0); null on determinations recorded before.
  doctor_conclusion?: string | null;
  facility_licence?: string | null;
  criteria_agree?: number | null;
  unit_kind: string;
  unit_code: string;
  notes: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CounsellingSessionTable {
  id: string;
  kind: string;
  held_on: string;
  topic: string;
  counsellor: string;
  unit_kind: string;
  unit_code: string;
  notes: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CounsellingParticipantTable {
  session_id: string;
  person_id: string;
}

export interface EpisodeTable {
  id: string;
  person_id: string;
  type: string;
  regime_id: string;
  authority: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  decision_body: string | null;
  document_number: string | null;
  start_date: string;
  term_start: string | null;
  term_months: number | null;
  planned_end: string | null;
  actual_end: string | null;
  outcome: string | null;
  outcome_reason: string | null;
  facility_id: string | null;
  responsible_unit_kind: string;
  responsible_unit_code: string;
  managers: string;
  details: string;
  certificate_number: string | null;
  certificate_date: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  /** 0029: the decision record the episode rests on (decisions.id; several episodes may share one). */
  decision_id?: string | null;
}

// 0029_decisions: a decision as a record of its own (number, date, issuing unit and authority); the people it
// names are the episodes carrying its id.
export interface DecisionTable {
  id: string;
  kind: string;
  number: string | null;
  decision_date: string;
  issuing_unit_kind: string;
  issuing_unit_code: string;
  issuing_body: string | null;
  authority: string;
  regime_id: string;
  /** JSON: the legal basis cited, [{ vi, en }]. */
  basis: string;
  signer: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface EpisodeContactTable {
  id: string;
  episode_id: string;
  person_id: string;
  contact_date: string;
  method: string;
  summary: string;
  by_name: string;
  created_at: string;
  created_by: string | null;
}

export interface TransferTable {
  id: string;
  person_id: string;
  from_commune_code: string;
  from_province_code: string;
  to_commune_code: string;
  to_province_code: string;
  moved_on: string;
  reason: string | null;
  regime_id: string;
  handover_due_at: string | null;
  received_at: string | null;
  received_by: string | null;
  created_at: string;
  created_by: string | null;
}

export interface TaskTable {
  id: string;
  kind: string;
  person_id: string;
  episode_id: string | null;
  responsible_role: string;
  unit_kind: string;
  unit_code: string;
  assignee_user_id: string | null;
  due_date: string;
  due_at: string | null;
  rule_key: string | null;
  regime_id: string | null;
  status: string;
  source_type: string;
  source_id: string | null;
  closed_by_type: string | null;
  closed_by_id: string | null;
  closed_at: string | null;
  closed_by_user: string | null;
  details: string | null;
  created_at: string;
}

// 0007_facility: rehab facility operations
export interface FacilityAdmissionTable {
  id: string;
  facility_id: string;
  person_id: string;
  episode_id: string;
  basis: string;
  admitted_on: string;
  record_number: string | null;
  classification: string;
  belongings: string;
  rapid_test: string;
  area: string | null;
  bed: string | null;
  no_known_residence: number;
  stage: number;
  uncounted_days: number;
  reduction_days: number;
  early_release_on: string | null;
  absence_kind: string | null;
  absence_from: string | null;
  notice: string | null;
  released_on: string | null;
  release: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface FacilityStageTable {
  id: string;
  admission_id: string;
  stage: number;
  began_on: string;
  ended_on: string | null;
  approved_by: string;
  recorded_by: string | null;
  created_at: string;
}

export interface FacilityClassTable {
  id: string;
  facility_id: string;
  trade: string;
  teacher: string;
  starts_on: string;
  ends_on: string;
  version: number;
  created_at: string;
  created_by: string | null;
}

export interface FacilityClassLearnerTable {
  class_id: string;
  admission_id: string;
  enrolled_on: string;
  certificate_number: string | null;
  certificate_date: string | null;
}

export interface FacilityEventTable {
  id: string;
  facility_id: string;
  admission_id: string | null;
  kind: string;
  subkind: string | null;
  occurred_on: string;
  health: number;
  data: string;
  created_at: string;
  created_by: string | null;
  // 0017_facility_corrections
  version: Generated<number>;
  updated_at: string | null;
  updated_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

// 0008_community: volunteer teams, volunteers, assignments, contacts, activities, clubs, partners,
// referrals, training records, community settings
type CommunityStamps = {
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};

export interface CommunityTeamTable extends CommunityStamps {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  leader_volunteer_id: string | null;
  established_on: string;
  notes: string | null;
  /** 0028: why this commune has more than one team (null for a commune's only or first team). */
  several_reason: Generated<string | null>;
}

export interface CommunityVolunteerTable extends CommunityStamps {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string;
  full_name: string;
  sex: string | null;
  birth_year: number | null;
  phone: string | null;
  organisation: string;
  organisation_detail: string | null;
  user_id: string | null;
  joined_on: string;
  active: number;
  left_on: string | null;
  notes: string | null;
}

export interface CommunityAssignmentTable extends CommunityStamps {
  id: string;
  volunteer_id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  access_id: string | null;
}

export interface CommunityContactTable {
  id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  volunteer_id: string | null;
  by_user_id: string;
  by_role: string;
  contact_date: string;
  kind: string;
  service: string | null;
  outcome: string;
  note: string | null;
  next_contact_date: string | null;
  task_id: string | null;
  created_at: string;
}

export interface CommunityActivityTable extends CommunityStamps {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string;
  kind: string;
  held_on: string;
  place: string;
  title: string | null;
  participants: number;
  /** JSON string[] */
  participant_volunteer_ids: string;
  people_reached: number;
  commitments_signed: number;
  persuaded_count: number;
  /** JSON string[] */
  persuaded_person_ids: string;
  note: string | null;
}

export interface CommunityClubTable extends CommunityStamps {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  founded_on: string;
  active: number;
  notes: string | null;
}

export interface CommunityClubMemberTable {
  id: string;
  club_id: string;
  kind: string;
  person_id: string | null;
  name: string | null;
  phone: string | null;
  relation: string | null;
  joined_on: string;
  left_on: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CommunityClubMeetingTable {
  id: string;
  club_id: string;
  held_on: string;
  kind: string;
  topic: string;
  place: string | null;
  guests: number;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CommunityClubAttendanceTable {
  meeting_id: string;
  member_id: string;
}

export interface CommunityPartnerTable extends CommunityStamps {
  id: string;
  kind: string;
  name: string;
  name_search: string;
  province_code: string;
  commune_code: string | null;
  address: string | null;
  phone: string | null;
  services: string | null;
  active: number;
}

export interface CommunityReferralTable extends CommunityStamps {
  id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  partner_id: string | null;
  service: string;
  status: string;
  referred_on: string;
  status_on: string;
  employer_name: string | null;
  job_start_date: string | null;
  loan_amount: number | null;
  loan_purpose: string | null;
  course_name: string | null;
  course_completed_on: string | null;
  note: string | null;
}

export interface CommunityTrainingTable extends CommunityStamps {
  id: string;
  province_code: string;
  commune_code: string | null;
  course: string;
  held_on: string;
  organiser: string | null;
  hours: number | null;
}

export interface CommunityTrainingAttendeeTable {
  id: string;
  training_id: string;
  kind: string;
  user_id: string | null;
  volunteer_id: string | null;
}

export interface CommunitySettingTable {
  key: string;
  /** JSON */
  value: string;
  reason: string | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

// 0010_reports: indicators added by administrators, periodic reports
export interface IndicatorDefinitionTable {
  id: string;
  /** JSON IndicatorDef */
  definition: string;
  active: number;
  version: number;
  created_at: string;
  created_by: string | null;
}

export interface ReportTable {
  id: string;
  unit_kind: string;
  unit_code: string;
  province_code: string | null;
  period_kind: string;
  year: number;
  period_index: number;
  cutoff_day: number;
  period_from: string;
  period_to: string;
  status: string;
  /** JSON { difficulties, directions, ... } */
  narrative: string;
  review_comment: string | null;
  /** JSON figures frozen at submission (kept on approval) */
  snapshot: string | null;
  snapshot_at: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  /** 0032: 'today' (today's units, default) or 'period' (the units of its period). */
  grouping: Generated<string>;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** SQLite: every word of a name or other name ever stored (insert-only), for the FTS5 name search. */
export interface PeopleNameWordTable {
  word: string;
}

// 0015_drug_free_communes: communes recognised as drug-free (Decision 28/2025/QĐ-TTg)
export interface DrugFreeCommuneTable {
  id: string;
  commune_code: string;
  province_code: string;
  recognised_on: string;
  decision_number: string;
  decided_by: string;
  valid_until: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

// 0018_report_cutoff: the national reporting cut-off day, dated (rows are only added)
export interface ReportCutoffSettingTable {
  id: string;
  seq: number;
  cutoff_day: number;
  effective_from: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

// 0019_substance_declarations: substances a person declared and where they obtained them (class drug_use)
export interface SubstanceDeclarationTable {
  id: string;
  person_id: string;
  declared_on: string;
  substances: string;
  other_substance: string | null;
  source: string;
  notes: string | null;
  regime_id: string | null;
  unit_kind: string;
  unit_code: string;
  version: number;
  recorded_by: string | null;
  recorded_at: string;
  updated_by: string | null;
  updated_at: string;
}

// 0020_electronic_monitoring: electronic monitoring measures and their events (class legal)
export interface ElectronicMonitoringMeasureTable {
  id: string;
  person_id: string;
  episode_id: string;
  commune_code: string;
  decision_number: string;
  decision_date: string;
  decision_signer: string | null;
  authority: string;
  regime_id: string;
  basis: string;
  start_date: string;
  planned_end: string;
  actual_end: string | null;
  means: string;
  means_other: string | null;
  status: string;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ElectronicMonitoringEventTable {
  id: string;
  measure_id: string;
  person_id: string;
  kind: string;
  occurred_on: string;
  description: string | null;
  version: number;
  recorded_at: string;
  recorded_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A person's derived status and facility over time (0027): valid_from inclusive, valid_to exclusive or null. */
export interface PersonStatusHistoryTable {
  id: string;
  person_id: string;
  status: string;
  facility_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

/** When a staff account was active, with its role and unit (0027): active_to exclusive, null while active. */
export interface AccountPeriodTable {
  id: string;
  user_id: string;
  role: string;
  scope_kind: string;
  scope_code: string | null;
  active_from: string;
  active_to: string | null;
}

// 0028_areas: a province officer's named set of communes, reported on as a unit (modules/areas)
export interface AreaTable {
  id: string;
  province_code: string;
  name: string;
  /** The old district it was built from (e.g. 'Huyện Ba Vì'), if any. */
  legacy_district: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface AreaCommuneTable {
  area_id: string;
  commune_code: string;
}

// 0026_volunteer_model_rules: the volunteer-model rule in force from a date (community/teams.service.ts)
export interface VolunteerModelRuleTable {
  id: string;
  valid_from: string;
  min_volunteers_with_people: number;
  min_people_per_volunteer: number;
  reason: string | null;
  set_at: string;
  set_by: string | null;
}

// 0030_imports
export interface ImportBatchTable {
  id: string;
  kind: string;
  file_name: string;
  target_kind: string;
  target_code: string;
  status: string;
  mapping: string;
  choices: string;
  summary: string;
  created_by: string | null;
  created_at: string;
  committed_at: string | null;
  undone_at: string | null;
}
export interface ImportRowTable {
  batch_id: string;
  row_no: number;
  result: string;
  raw: string;
  data: string;
  errors: string | null;
  action: string | null;
  person_id: string | null;
  before: string | null;
}
export interface ImportMappingTable {
  id: string;
  signature: string;
  name: string;
  mapping: string;
  saved_by: string | null;
  saved_at: string;
}
export interface PersonImportDataTable {
  person_id: string;
  batch_id: string;
  former_id: string | null;
  old_address: string | null;
  drug_text: string | null;
  drugs: string | null;
  pathway_text: string | null;
  note: string | null;
}

// 0036_idempotency_keys: a write's Idempotency-Key, recorded with the write, and the answer a retry gets again
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: string;
  method: string;
  path: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

// 0032_person_units: the commune a person lived in over time; communes merged into another (units over time)
export interface PersonUnitTable {
  id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  /** Inclusive; '0001-01-01' for the first span (records may be entered as history). */
  valid_from: string;
  /** Exclusive; null while it lasts. */
  valid_to: string | null;
  /** 'record' | 'move' | 'merge' | 'correction' */
  cause: string;
  /** The transfer or unit update behind it. */
  source_id: string | null;
}
export interface UnitSuccessorTable {
  from_code: string;
  to_code: string;
  effective_date: string;
  update_id: string | null;
}

export interface DB {
  units: UnitTable;
  legacy_unit_mappings: LegacyUnitMappingTable;
  unit_updates: UnitUpdateTable;
  facilities: FacilityTable;
  // 0021_facility_licences
  facility_licences: FacilityLicenceTable;
  users: UserTable;
  sessions: SessionTable;
  people: PersonTable;
  volunteer_assignments: VolunteerAssignmentTable;
  audit_log: AuditLogTable;
  // 0005_legal_settings
  rule_overrides: RuleOverrideTable;
  calendar_adjustments: CalendarAdjustmentTable;
  // 0003_documents
  document_numbers: DocumentNumberTable;
  // 0006_dossiers
  dossiers: DossierTable;
  dossier_people: DossierPersonTable;
  dossier_documents: DossierDocumentTable;
  // 0004_pathways
  drug_tests: DrugTestTable;
  addiction_determinations: AddictionDeterminationTable;
  counselling_sessions: CounsellingSessionTable;
  counselling_participants: CounsellingParticipantTable;
  episodes: EpisodeTable;
  episode_contacts: EpisodeContactTable;
  transfers: TransferTable;
  tasks: TaskTable;
  // 0007_facility
  facility_admissions: FacilityAdmissionTable;
  facility_stages: FacilityStageTable;
  facility_classes: FacilityClassTable;
  facility_class_learners: FacilityClassLearnerTable;
  facility_events: FacilityEventTable;
  // 0008_community
  community_teams: CommunityTeamTable;
  community_volunteers: CommunityVolunteerTable;
  community_assignments: CommunityAssignmentTable;
  community_contacts: CommunityContactTable;
  community_activities: CommunityActivityTable;
  community_clubs: CommunityClubTable;
  community_club_members: CommunityClubMemberTable;
  community_club_meetings: CommunityClubMeetingTable;
  community_club_attendance: CommunityClubAttendanceTable;
  community_partners: CommunityPartnerTable;
  community_referrals: CommunityReferralTable;
  community_trainings: CommunityTrainingTable;
  community_training_attendees: CommunityTrainingAttendeeTable;
  community_settings: CommunitySettingTable;
  // 0010_reports
  indicator_definitions: IndicatorDefinitionTable;
  reports: ReportTable;
  drug_free_communes: DrugFreeCommuneTable;
  // 0018_report_cutoff
  report_cutoff_settings: ReportCutoffSettingTable;
  // 0019_substance_declarations
  substance_declarations: SubstanceDeclarationTable;
  // 0020_electronic_monitoring
  electronic_monitoring_measures: ElectronicMonitoringMeasureTable;
  electronic_monitoring_events: ElectronicMonitoringEventTable;
  // 0026_volunteer_model_rules
  volunteer_model_rules: VolunteerModelRuleTable;
  // 0028_areas
  areas: AreaTable;
  area_communes: AreaCommuneTable;
  // 0027_status_history
  person_status_history: PersonStatusHistoryTable;
  account_periods: AccountPeriodTable;
  // 0029_decisions
  decisions: DecisionTable;
  // 0030_imports
  import_batches: ImportBatchTable;
  import_rows: ImportRowTable;
  import_mappings: ImportMappingTable;
  person_import_data: PersonImportDataTable;
  // 0036_idempotency_keys
  idempotency_keys: IdempotencyKeyTable;
  // 0032_person_units
  person_units: PersonUnitTable;
  unit_successors: UnitSuccessorTable;
  // 0011_search_worklist_indexes (SQLite only; PostgreSQL uses pg_trgm indexes on people)
  people_name_words: PeopleNameWordTable;
  // 0035_second_factor
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  remembered_devices: RememberedDeviceTable;
  break_glass_grants: BreakGlassGrantTable;
  // 0037_figure_aggregates
  agg_person_steps: AggPersonStepsTable;
  agg_status_months: AggStatusMonthTable;
  agg_status_checkpoints: AggStatusCheckpointTable;
  agg_status_checkpoint_months: { month: string };
}

/** 0037: the status spans covering the first day of a month listed in agg_status_checkpoint_months. */
export interface AggStatusCheckpointTable {
  month: string;
  status: string;
  province_code: string;
  commune_code: string;
  facility_id: string;
  n: number;
}

/** 0037: each person's first day of each step of the province target, and their current cell ('' for none). */
export interface AggPersonStepsTable {
  person_id: string;
  province_code: string;
  commune_code: string;
  facility_id: string;
  addicted_on: string | null;
  tested_on: string | null;
  counselled_on: string | null;
  treated_on: string | null;
}

/** 0037: the net change of status spans per cell, status and month ('YYYY-MM'), kept by triggers. */
export interface AggStatusMonthTable {
  province_code: string;
  commune_code: string;
  facility_id: string;
  status: string;
  month: string;
  delta: number;
}

// 0035_second_factor (issue 16). The sessions' column is declared here by interface merging, so the base
// SessionTable above stays as it is.
export interface SessionTable {
  /** 'ok' | 'code' (a code is still due) | 'enrol' (the role needs a second factor not yet set up). */
  second_factor: import('kysely').ColumnType<string, string | undefined, string>;
}
export interface UserTotpTable {
  user_id: string;
  secret_enc: string;
  confirmed_at: string | null;
  last_step: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}
export interface TotpRecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}
export interface RememberedDeviceTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string | null;
  created_at: string;
  expires_at: string;
}
export interface BreakGlassGrantTable {
  id: string;
  user_id: string;
  username: string;
  role: string;
  person_id: string;
  province_code: string;
  reason: string;
  ip: string | null;
  granted_at: string;
  expires_at: string;
}
