import type { Generated } from 'kysely';
import type { EditStamps } from './stamps.ts';

// People, volunteers' access, the audit log and the legal settings (rule overrides, calendar, numbering).

export interface PersonTable extends EditStamps {
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
