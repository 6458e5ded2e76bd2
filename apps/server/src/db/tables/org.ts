import type { Generated } from 'kysely';

// Units, facilities, users and their sessions (with the second factor's tables).

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
