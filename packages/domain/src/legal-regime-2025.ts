import { INSTRUMENTS as I } from './legal-basis.ts';
import { LAW73_RULES } from './legal-regime-law73.ts';
import type { RegimeRules } from './legal-regime-types.ts';

// The 2025 changes under Law 73: compulsory dossiers prepared by the police, then the two-tier local government.

export const POLICE_TRANSFER_RULES: RegimeRules = {
  ...LAW73_RULES,
  regimeId: 'police-transfer-2025',
  // Licences moved to the provincial police with the labour offices' drug-rehab work (Decision 7886/QĐ-BCA of
  // 19/09/2025 lists the procedure at the provincial police, citing Decree 184/2025; the 01/03/2025 date to check).
  privateFacilityLicenser: {
    value: 'province_police_director',
    unit: 'mixed',
    basis: [{ instrument: I.decree116, article: '11' }, { instrument: I.decree184_2025 }],
    authority: 'province_police_director',
    verify: true,
  },
  compulsoryDossierPreparer: {
    value: 'commune_police_head',
    unit: 'role',
    basis: [{ instrument: I.decree02_2025 }, { instrument: I.jointCircular03_2025 }],
    authority: 'commune_police_head',
  },
};

export const TWO_TIER_RULES: RegimeRules = {
  ...POLICE_TRANSFER_RULES,
  regimeId: 'two-tier-2025',
  communityProviderRegistrar: {
    value: 'province_police_director',
    unit: 'role',
    basis: [{ instrument: I.decree184_2025 }],
    authority: 'province_police_director',
    verify: true,
  },
  compulsoryAdultMonths: { ...LAW73_RULES.compulsoryAdultMonths, authority: 'regional_court' },
  compulsoryJuvenileMonths: { ...LAW73_RULES.compulsoryJuvenileMonths, authority: 'regional_court' },
  compulsoryCourt: {
    value: 'regional_court',
    unit: 'role',
    basis: [{ instrument: I.courtOrganisation2025 }, { instrument: I.adminViolations }],
    authority: 'regional_court',
  },
  criminal256aWindowYears: {
    value: 2,
    unit: 'years',
    basis: [{ instrument: I.criminalCode, article: '256a' }],
  },
};
