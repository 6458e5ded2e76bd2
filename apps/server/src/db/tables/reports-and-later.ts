import type { Generated } from 'kysely';
import type { EditStamps } from './stamps.ts';

// Indicators and reports, and the tables of later issues: drug-free communes, declarations, monitoring,
// status history, account periods, areas, imports, idempotency keys and person units.

export interface IndicatorDefinitionTable {
  id: string;
  /** JSON IndicatorDef */
  definition: string;
  active: number;
  version: number;
  created_at: string;
  created_by: string | null;
}

export interface ReportTable extends EditStamps {
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
}

/** SQLite: every word of a name or other name ever stored (insert-only), for the FTS5 name search. */
export interface PeopleNameWordTable {
  word: string;
}

// 0015_drug_free_communes: communes recognised as drug-free (Decision 28/2025/QĐ-TTg)
export interface DrugFreeCommuneTable extends EditStamps {
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
export interface ElectronicMonitoringMeasureTable extends EditStamps {
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
export interface AreaTable extends EditStamps {
  id: string;
  province_code: string;
  name: string;
  /** The old district it was built from (e.g. 'Huyện Ba Vì'), if any. */
  legacy_district: string | null;
  notes: string | null;
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
