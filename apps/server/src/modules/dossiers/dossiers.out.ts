import { ROLE_IDS } from '@hoanhap/domain/legal-basis';
import { DOSSIER_DOCUMENT_KINDS } from '@hoanhap/domain/legal-regimes';
import { z } from 'zod';
import { bilingual } from '../../platform/http/schemas.ts';

// Answers of the routes in dossiers.routes.ts (their success schemas in the OpenAPI contract).

export const getDossierRulesOut = z.object({
  date: z.string(),
  regimeId: z.enum(['pre-2022', 'law73-2022', 'police-transfer-2025', 'two-tier-2025', 'law120-2026']),
  preparer: z.enum(ROLE_IDS),
  court: z.enum(ROLE_IDS),
  readingPeriodWorkingDays: z.number(),
  readingPeriodVerify: z.boolean(),
  readingPeriodEndIfNotifiedToday: z.string(),
  checklist: z.array(
    z.object({
      kind: z.enum(DOSSIER_DOCUMENT_KINDS),
      required: z.boolean(),
      label: bilingual,
    }),
  ),
  checklistVerify: z.boolean(),
});
