import type { Role, ScopeKind } from '../../api/types.ts';

// The scope kinds each role takes, as platform/policy.ts ROLE_SCOPES on the server (which checks again).
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

export const ROLES = Object.keys(ROLE_SCOPES) as Role[];
