import type { Generated } from 'kysely';
import type { EditStamps } from './stamps.ts';

// Rehab facility operations: admissions, stages, classes and the event register.

export interface FacilityAdmissionTable extends EditStamps {
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
