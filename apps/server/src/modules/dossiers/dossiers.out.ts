import { z } from 'zod';

// Answers of the routes in dossiers.routes.ts (their success schemas in the OpenAPI contract).

export const getDossierRulesOut = z.object({
  date: z.string(),
  regimeId: z.enum(['pre-2022', 'law73-2022', 'police-transfer-2025', 'two-tier-2025', 'law120-2026']),
  preparer: z.enum([
    'commune_chairman',
    'commune_police_head',
    'district_chairman',
    'district_labour_office',
    'district_court',
    'regional_court',
    'province_chairman',
    'province_police_director',
    'facility_director',
    'qualified_doctor',
    'substitution_clinic',
  ]),
  court: z.enum([
    'commune_chairman',
    'commune_police_head',
    'district_chairman',
    'district_labour_office',
    'district_court',
    'regional_court',
    'province_chairman',
    'province_police_director',
    'facility_director',
    'qualified_doctor',
    'substitution_clinic',
  ]),
  readingPeriodWorkingDays: z.number(),
  readingPeriodVerify: z.boolean(),
  readingPeriodEndIfNotifiedToday: z.string(),
  checklist: z.array(
    z.object({
      kind: z.enum([
        'other',
        'violation_record',
        'personal_history',
        'addiction_result',
        'ground_proof',
        'statement',
        'notification_proof',
        'family_commitment',
      ]),
      required: z.boolean(),
      label: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
  checklistVerify: z.boolean(),
});
