import type {
  CommunityActivityTable,
  CommunityAssignmentTable,
  CommunityClubAttendanceTable,
  CommunityClubMeetingTable,
  CommunityClubMemberTable,
  CommunityClubTable,
  CommunityContactTable,
  CommunityPartnerTable,
  CommunityReferralTable,
  CommunitySettingTable,
  CommunityTeamTable,
  CommunityTrainingAttendeeTable,
  CommunityTrainingTable,
  CommunityVolunteerTable,
} from './tables/community.ts';
import type {
  FacilityAdmissionTable,
  FacilityClassLearnerTable,
  FacilityClassTable,
  FacilityEventTable,
  FacilityStageTable,
} from './tables/facility.ts';
import type {
  BreakGlassGrantTable,
  FacilityLicenceTable,
  FacilityTable,
  LegacyUnitMappingTable,
  RememberedDeviceTable,
  SessionTable,
  TotpRecoveryCodeTable,
  UnitTable,
  UnitUpdateTable,
  UserTable,
  UserTotpTable,
} from './tables/org.ts';
import type {
  AddictionDeterminationTable,
  CounsellingParticipantTable,
  CounsellingSessionTable,
  DecisionTable,
  DossierDocumentTable,
  DossierPersonTable,
  DossierTable,
  DrugTestTable,
  EpisodeContactTable,
  EpisodeTable,
  TaskTable,
  TransferTable,
} from './tables/pathways.ts';
import type {
  AuditLogTable,
  CalendarAdjustmentTable,
  DocumentNumberTable,
  PersonTable,
  RuleOverrideTable,
  VolunteerAssignmentTable,
} from './tables/people.ts';
import type {
  AccountPeriodTable,
  AreaCommuneTable,
  AreaTable,
  DrugFreeCommuneTable,
  ElectronicMonitoringEventTable,
  ElectronicMonitoringMeasureTable,
  IdempotencyKeyTable,
  ImportBatchTable,
  ImportMappingTable,
  ImportRowTable,
  IndicatorDefinitionTable,
  PeopleNameWordTable,
  PersonImportDataTable,
  PersonStatusHistoryTable,
  PersonUnitTable,
  ReportCutoffSettingTable,
  ReportTable,
  SubstanceDeclarationTable,
  UnitSuccessorTable,
  VolunteerModelRuleTable,
} from './tables/reports-and-later.ts';

export type * from './tables/community.ts';
export type * from './tables/facility.ts';
// Table types. Portable conventions for SQLite and PostgreSQL: text ids (UUID), ISO-8601 text
// for timestamps and dates, integer 0/1 for booleans, JSON as text.
// The table types live in db/tables/, one file per area; DB below names every table.
export type * from './tables/org.ts';
export type * from './tables/pathways.ts';
export type * from './tables/people.ts';
export type * from './tables/reports-and-later.ts';

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
  // 0011_search_worklist_indexes (SQLite), 0039_pg_name_words (PostgreSQL)
  people_name_words: PeopleNameWordTable;
  // 0035_second_factor
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  remembered_devices: RememberedDeviceTable;
  break_glass_grants: BreakGlassGrantTable;
  // 0038_several_servers
  table_versions: TableVersionTable;
  figure_grids: FigureGridTable;
  job_leases: JobLeaseTable;
  job_runs: JobRunTable;
  rate_limits: RateLimitTable;
  // 0037_figure_aggregates
  agg_person_steps: AggPersonStepsTable;
  agg_status_months: AggStatusMonthTable;
  // 0040_person_days
  agg_person_days: AggPersonDayTable;
  // 0041_facility_days
  agg_facility_days: AggFacilityDayTable;
  // 0042_status_checkpoint_days
  agg_status_day_checkpoints: AggStatusDayCheckpointTable;
  agg_status_checkpoint_days: { day: string };
}

/** 0041: a day with facility events of a catalogue kind, per facility and person ('' for none), and the cell. */
export interface AggFacilityDayTable {
  kind: string;
  person_id: string;
  facility_id: string;
  day: string;
  n: number;
  prev_day: string | null;
  province_code: string;
  commune_code: string;
}

/** 0040: a day on which a person has records of a stream: how many, their previous such day, their cell. */
export interface AggPersonDayTable {
  stream: string;
  person_id: string;
  day: string;
  n: number;
  prev_day: string | null;
  province_code: string;
  commune_code: string;
  facility_id: string;
}

/**
 * 0042: per day listed in agg_status_checkpoint_days, the net change of status spans of every day before it
 * (the people with each status on the day before), per cell.
 */
export interface AggStatusDayCheckpointTable {
  day: string;
  status: string;
  province_code: string;
  commune_code: string;
  facility_id: string;
  n: number;
}

// 0038_several_servers: what lets several processes and servers share one database (issue 17)
export interface TableVersionTable {
  table_name: string;
  version: number;
}
export interface FigureGridTable {
  key: string;
  /** JSON: the tables the figure's SQL reads; `versions` JSON: their table_versions when it was computed. */
  tables: string;
  versions: string;
  value: string;
  rows: number;
  computed_at: number;
  compute_ms: number;
  used_at: number;
}
export interface JobLeaseTable {
  job: string;
  slot: string;
  holder: string | null;
  lease_until: string | null;
  started_at: string | null;
}
export interface JobRunTable {
  id: string;
  job: string;
  slot: string;
  server: string;
  started_at: string;
  ended_at: string | null;
  outcome: 'running' | 'ok' | 'failed' | 'interrupted';
  error: string | null;
}
export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
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
