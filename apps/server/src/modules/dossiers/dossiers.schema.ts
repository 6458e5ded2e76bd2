import { COURT_OUTCOMES, DOSSIER_DOCUMENT_KINDS, DOSSIER_STATUSES } from '@hoanhap/domain/dossier-rules';
import { COMPULSORY_GROUNDS } from '@hoanhap/domain/episode-types';
import { communeCode, isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';
import { numOrNull, pageQuery, strOrNull } from '../../platform/http/schemas.ts';

// Request and response shapes of /api/dossiers. Messages of our own rules are "Vietnamese / English".

const id = z.string().min(1).max(64);
const version = z
  .number({ error: 'Cần số phiên bản (version) của hồ sơ / The dossier version is required' })
  .int()
  .min(1);
const text = (max: number) => z.string().trim().min(1).max(max);

export const idParams = z.strictObject({ id });
export const personParams = z.strictObject({ id, personId: id });
export const documentParams = z.strictObject({ id, documentId: id });

export const groundSchema = z.enum(COMPULSORY_GROUNDS);

const dossierPersonInput = z.strictObject({
  personId: id,
  ground: groundSchema,
  groundNote: text(1000).optional(),
});

export const createBody = z.strictObject({
  preparedOn: isoDate.describe('Date the dossier was opened (rules in force on this date)'),
  persons: z
    .array(dossierPersonInput)
    .min(1, { error: 'Hồ sơ phải có ít nhất một người / The dossier must name at least one person' })
    .max(50),
  notes: text(2000).optional(),
});

export const addPersonBody = dossierPersonInput.extend({ version });
export const versionBody = z.strictObject({ version });

export const listQuery = z.strictObject({
  q: z.string().max(120).optional().describe('Name of a person in the dossier; diacritics ignored'),
  status: z.enum(DOSSIER_STATUSES).optional(),
  communeCode: communeCode.optional(),
  personId: id.optional(),
  ...pageQuery(20, 100),
});

export const uploadQuery = z.strictObject({
  personId: id,
  kind: z.enum(DOSSIER_DOCUMENT_KINDS),
  note: z.string().trim().max(500).optional(),
});

export const notifyBody = z.strictObject({
  version,
  notifiedOn: isoDate.describe('Day the person and family received the notice'),
});
export const closeReadingBody = z.strictObject({ version, closedOn: isoDate });
export const submitBody = z.strictObject({
  version,
  submittedOn: isoDate,
  courtName: text(200).describe('e.g. Tòa án nhân dân khu vực 1 - Hà Nội'),
  submissionNumber: text(60).optional(),
});
export const acceptBody = z.strictObject({
  version,
  acceptedOn: isoDate,
  courtCaseNumber: text(60).optional(),
});
export const hearingBody = z.strictObject({
  version,
  hearingDate: isoDate,
  hearingPlace: text(200).optional(),
});

export const outcomeInput = z.strictObject({
  personId: id,
  outcome: z.enum(COURT_OUTCOMES),
  termMonths: z.number().int().min(1).max(120).optional(),
  decisionNumber: text(60).optional(),
  decisionDate: isoDate.optional().describe('Defaults to decidedOn'),
  decisionSigner: text(120).optional(),
  postponedUntil: isoDate.optional(),
  note: text(1000).optional(),
});
export const decideBody = z.strictObject({
  version,
  decidedOn: isoDate,
  outcomes: z.array(outcomeInput).min(1).max(50),
});
export const executeBody = z.strictObject({
  version,
  personId: id,
  executedOn: isoDate.describe('Day the police executed the decision (the person was taken in)'),
  admittedOn: isoDate.optional().describe('Day the facility admitted the person; defaults to executedOn'),
  facilityId: id,
});

// ---------------------------------------------------------------------------------------------------------
// Output

const textOut = z.object({ vi: z.string(), en: z.string() });
const basisOut = z.array(textOut);

export const documentOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    kind: z.string(),
    kindLabel: textOut,
    originalName: z.string(),
    mimeType: z.string(),
    size: z.number(),
    sha256: z.string(),
    note: strOrNull,
    uploadedAt: z.string(),
    uploadedBy: strOrNull,
  })
  .meta({ id: 'DossierDocument' });

export const dossierPersonOut = z
  .object({
    personId: z.string(),
    fullName: z.string(),
    birthYear: z.number(),
    birthDate: z.string().optional(),
    ground: z.string(),
    groundLabel: textOut,
    groundNote: strOrNull,
    groundInHistory: z.boolean().describe('The person’s recorded episodes prove this ground'),
    status: z.string(),
    outcome: strOrNull,
    termMonths: numOrNull,
    decisionNumber: strOrNull,
    decisionDate: strOrNull,
    decisionSigner: strOrNull,
    postponedUntil: strOrNull,
    outcomeNote: strOrNull,
    executedOn: strOrNull,
    admittedOn: strOrNull,
    facilityId: strOrNull,
    episodeId: strOrNull,
  })
  .meta({ id: 'DossierPerson' });

const authorityOut = z.object({ authority: z.string(), label: textOut });

export const dossierOut = z
  .object({
    id: z.string(),
    status: z.string(),
    statusLabel: textOut,
    communeCode: z.string(),
    communeName: strOrNull,
    provinceCode: z.string(),
    regimeId: z.string(),
    preparer: authorityOut,
    preparedOn: z.string(),
    notifiedOn: strOrNull,
    readingPeriod: z
      .object({ workingDays: z.number(), endsOn: z.string(), verify: z.boolean(), basis: basisOut })
      .nullable(),
    readingClosedOn: strOrNull,
    submittedOn: strOrNull,
    submissionNumber: strOrNull,
    court: authorityOut.extend({ name: z.string().nullable() }).nullable(),
    acceptedOn: strOrNull,
    courtCaseNumber: strOrNull,
    hearingDate: strOrNull,
    hearingPlace: strOrNull,
    decidedOn: strOrNull,
    executedOn: strOrNull,
    notes: strOrNull,
    persons: z.array(dossierPersonOut),
    checklist: z.object({
      verify: z.boolean(),
      basis: basisOut,
      items: z.array(z.object({ kind: z.string(), required: z.boolean(), label: textOut })),
      missing: z.array(z.object({ personId: z.string(), kind: z.string() })),
    }),
    documents: z.array(documentOut),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dossier' });
export type DossierOut = z.infer<typeof dossierOut>;

export const dossierSummaryOut = z
  .object({
    id: z.string(),
    status: z.string(),
    statusLabel: textOut,
    communeCode: z.string(),
    provinceCode: z.string(),
    preparedOn: z.string(),
    hearingDate: strOrNull,
    persons: z.array(z.object({ personId: z.string(), fullName: z.string(), status: z.string() })),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DossierSummary' });

export const listOut = z.object({
  items: z.array(dossierSummaryOut),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

export type CreateInput = z.infer<typeof createBody>;
export type AddPersonInput = z.infer<typeof addPersonBody>;
export type ListQuery = z.infer<typeof listQuery>;
export type UploadQuery = z.infer<typeof uploadQuery>;
export type NotifyInput = z.infer<typeof notifyBody>;
export type CloseReadingInput = z.infer<typeof closeReadingBody>;
export type SubmitInput = z.infer<typeof submitBody>;
export type AcceptInput = z.infer<typeof acceptBody>;
export type HearingInput = z.infer<typeof hearingBody>;
export type DecideInput = z.infer<typeof decideBody>;
export type ExecuteInput = z.infer<typeof executeBody>;
