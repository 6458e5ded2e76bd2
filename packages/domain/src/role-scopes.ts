// The scope kinds each role takes (a commune officer a commune, an auditor the nation or a province): checked by
// the server's policy layer when an account is created, moved or imported, and offered by the web's account forms.
export const ROLE_SCOPES = {
  system_admin: ['nation'],
  national_officer: ['nation'],
  province_officer: ['province'],
  commune_officer: ['commune'],
  commune_police: ['commune'],
  facility_staff: ['facility'],
  facility_medical: ['facility'],
  volunteer: ['commune'],
  auditor: ['nation', 'province'],
} as const satisfies Record<string, readonly ('nation' | 'province' | 'commune' | 'facility')[]>;
