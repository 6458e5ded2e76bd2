// Dossiers, tests, determinations, counselling, episodes and their decisions, contacts, transfers and tasks.
import type { EditStamps } from './stamps.ts';

export interface DossierTable extends EditStamps {
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

export interface EpisodeTable extends EditStamps {
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
  /** 0029: the decision record the episode rests on (decisions.id; several episodes may share one). */
  decision_id?: string | null;
}

// 0029_decisions: a decision as a record of its own (number, date, issuing unit and authority); the people it
// names are the episodes carrying its id.
export interface DecisionTable extends EditStamps {
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
