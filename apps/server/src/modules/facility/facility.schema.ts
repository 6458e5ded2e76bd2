import { TERM_CHANGE_KINDS } from '@hoanhap/domain/facility-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

// Inputs of the facility's daily work. Planned release dates, days served and figures are never inputs:
// the server computes them from the recorded events and the rules in force.

const id = z.string().min(1).max(64);
const name = z.string().trim().min(2).max(160);
const shortText = z.string().trim().min(1).max(60);
const text = z.string().trim().min(1).max(2000);
const notes = z.string().trim().max(2000);
export const version = z.number().int().min(1).describe('The version this change was based on');
const ids = z.array(id).min(1).max(500);

export const facilityParams = z.strictObject({ facilityId: id });
export const idParams = z.strictObject({ id });

export const CLASSIFICATIONS = ['first_time', 'repeat', 'juvenile', 'with_comorbidity', 'other'] as const;

export const admissionSchema = z.strictObject({
  episodeId: id.describe('The episode (contract, court order or pending management) placing the person here'),
  admittedOn: isoDate,
  recordNumber: shortText.optional().describe('Number of the intake record (biên bản tiếp nhận)'),
  classification: z.enum(CLASSIFICATIONS),
  belongings: z
    .array(
      z.strictObject({
        item: z.string().trim().min(1).max(200),
        quantity: z.number().int().min(1).max(10_000).default(1),
        note: z.string().trim().max(300).optional(),
      }),
    )
    .max(100)
    .default([]),
  rapidTest: z.strictObject({
    testedOn: isoDate,
    result: z.enum(['positive', 'negative']),
    substances: z.array(shortText).max(20).default([]),
  }),
  area: shortText.optional(),
  bed: shortText.optional(),
  noKnownResidence: z
    .boolean()
    .default(false)
    .describe('No known place of residence: the handover is flagged for the province'),
  approvedBy: name.describe('Who approved the intake into stage 1'),
  notes: notes.optional(),
});
export type AdmissionInput = z.infer<typeof admissionSchema>;

export const stageMoveSchema = z.strictObject({
  version,
  stage: z.number().int().min(1).max(5),
  beganOn: isoDate,
  approvedBy: name,
});
export type StageMoveInput = z.infer<typeof stageMoveSchema>;

export const bedSchema = z.strictObject({ version, area: shortText.optional(), bed: shortText.optional() });
export type BedInput = z.infer<typeof bedSchema>;

export const residenceSchema = z.strictObject({
  version,
  noKnownResidence: z.boolean().describe('No known place of residence: the handover goes to the province'),
});
export type ResidenceInput = z.infer<typeof residenceSchema>;

export const HEALTH_KINDS = [
  'entry_check',
  'periodic_check',
  'treatment',
  'referral',
  'infectious_test',
] as const;
export const DISEASES = ['hiv', 'hepatitis_b', 'hepatitis_c', 'tuberculosis', 'syphilis', 'other'] as const;
const healthCommon = {
  occurredOn: isoDate,
  diagnosis: z.string().trim().max(1000).optional(),
  medicalNotes: notes.optional(),
  performedBy: name,
};
export const healthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entry_check'), ...healthCommon }),
  z.strictObject({ kind: z.literal('periodic_check'), ...healthCommon }),
  z.strictObject({ kind: z.literal('treatment'), ...healthCommon, treatmentPlan: text }),
  z.strictObject({ kind: z.literal('referral'), ...healthCommon, hospital: name }),
  z.strictObject({
    kind: z.literal('infectious_test'),
    ...healthCommon,
    disease: z.enum(DISEASES),
    testResult: z.enum(['positive', 'negative', 'indeterminate']),
  }),
]);
export type HealthInput = z.infer<typeof healthSchema>;

export const visitSchema = z.strictObject({
  visitedOn: isoDate,
  mode: z.enum(['in_person', 'online_call']),
  visitor: name,
  relation: shortText,
  platform: shortText.optional().describe('For online calls, e.g. Zalo'),
  notes: notes.optional(),
});
export type VisitInput = z.infer<typeof visitSchema>;

export const INCIDENT_KINDS = ['rule_violation', 'fight', 'drug_found', 'escape', 'self_harm'] as const;
export const incidentSchema = z.strictObject({
  occurredOn: isoDate,
  kind: z.enum(INCIDENT_KINDS),
  description: text,
  actionTaken: notes.optional(),
});
export type IncidentInput = z.infer<typeof incidentSchema>;

export const rewardSchema = z.strictObject({
  awardedOn: isoDate,
  kind: z.enum(['commendation', 'merit_certificate', 'other']),
  reason: text,
  decidedBy: name,
});
export type RewardInput = z.infer<typeof rewardSchema>;

export const SUPPORT_KINDS = [
  'overseas_labour_counselling',
  'job_counselling',
  'employer_link',
  'loan_referral',
] as const;
export const supportSchema = z.strictObject({
  providedOn: isoDate,
  kind: z.enum(SUPPORT_KINDS),
  partner: z.string().trim().max(200).optional().describe("Employer, cooperative, Women's Union, agency"),
  outcome: notes.optional(),
});
export type SupportInput = z.infer<typeof supportSchema>;

export const termChangeSchema = z.strictObject({
  version,
  kind: z.enum(TERM_CHANGE_KINDS),
  decidedOn: isoDate.describe('Date of the decision or of the event (escape, return)'),
  decisionNumber: shortText.optional(),
  decidedBy: name,
  days: z.number().int().min(1).max(3650).optional().describe('For a reduction: days taken off'),
  releaseOn: isoDate.optional().describe('For an early release: the release date'),
  reason: notes.optional(),
});
export type TermChangeInput = z.infer<typeof termChangeSchema>;

export const releaseNoticeSchema = z.strictObject({
  version,
  noticeOn: isoDate,
  communeChairman: name.describe('Chairman of the commune people’s committee notified'),
  communePolice: name.describe('Commune police notified'),
  summary: text.describe('Summary of the rehab'),
  recommendations: text.describe('Post-rehab recommendations'),
});
export type ReleaseNoticeInput = z.infer<typeof releaseNoticeSchema>;

export const releaseSchema = z.strictObject({
  version,
  releasedOn: isoDate,
  certificate: z.strictObject({ number: shortText, issuedOn: isoDate, signer: name }),
});
export type ReleaseInput = z.infer<typeof releaseSchema>;

export const LEAVE_REASONS = [
  'court_rejected',
  'transferred',
  'quit',
  'expelled',
  'escaped',
  'died',
] as const;
export const leaveSchema = z.strictObject({
  version,
  leftOn: isoDate,
  reason: z.enum(LEAVE_REASONS),
  notes: notes.optional(),
});
export type LeaveInput = z.infer<typeof leaveSchema>;

export const classSchema = z.strictObject({
  trade: name.describe('e.g. welding, motorbike repair, men’s haircutting'),
  teacher: name,
  startsOn: isoDate,
  endsOn: isoDate,
});
export type ClassInput = z.infer<typeof classSchema>;

export const learnersSchema = z.strictObject({ admissionIds: ids, enrolledOn: isoDate });
export type LearnersInput = z.infer<typeof learnersSchema>;

export const attendanceSchema = z.strictObject({ date: isoDate, presentAdmissionIds: z.array(id).max(500) });
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const completionSchema = z.strictObject({ admissionId: id, number: shortText, issuedOn: isoDate });
export type CompletionInput = z.infer<typeof completionSchema>;

export const LABOUR_ACTIVITIES = [
  'bamboo_mat',
  'plastic_chair',
  'vegetables',
  'livestock',
  'paper',
  'other',
] as const;
export const labourSchema = z.strictObject({
  workedOn: isoDate,
  activity: z.enum(LABOUR_ACTIVITIES),
  description: z.string().trim().max(300).optional(),
  participantAdmissionIds: ids,
  hours: z.number().min(0.5).max(24),
  output: z.string().trim().max(300).optional().describe('e.g. 40 mats'),
  incomeVnd: z.number().int().min(0).max(1e12).optional(),
});
export type LabourInput = z.infer<typeof labourSchema>;

export const sessionSchema = z.strictObject({
  heldOn: isoDate,
  kind: z.enum(['individual', 'group', 'thematic']),
  topic: z.string().trim().min(2).max(300),
  leader: name,
  attendeeAdmissionIds: ids,
});
export type SessionInput = z.infer<typeof sessionSchema>;

export const groupSchema = z.strictObject({
  name,
  formedOn: isoDate,
  leaderAdmissionId: id.optional(),
  memberAdmissionIds: ids,
});
export type GroupInput = z.infer<typeof groupSchema>;

export const periodQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2022).max(2100) });
/** The orders the residents board can be read in. */
export const BOARD_SORTS = ['name', 'admitted_on', 'stage', 'bed', 'served', 'remaining', 'release'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
const boardFilters = {
  upcomingDays: z.coerce.number().int().min(1).max(365).default(30),
  q: z.string().trim().max(100).optional().describe('Words of the name'),
  stage: z.coerce.number().int().min(1).max(5).optional(),
  basis: z.enum(['voluntary', 'compulsory', 'compulsory_pending']).optional(),
  absent: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(BOARD_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
};
export const boardQuery = z.strictObject({
  ...boardFilters,
  limit: z.coerce
    .number()
    .int()
    .min(1, { error: 'Từ 1 đến 1000 dòng mỗi trang / 1 to 1000 rows a page' })
    .max(1000, { error: 'Từ 1 đến 1000 dòng mỗi trang / 1 to 1000 rows a page' })
    .optional()
    .describe('Rows of the page; without it, every resident selected'),
  offset: z.coerce.number().int().min(0).default(0),
});
export const boardExportQuery = z.strictObject({ ...boardFilters, format: z.enum(['xlsx', 'csv']) });
export const eventsQuery = z.strictObject({
  kind: z
    .enum([
      'labour',
      'session',
      'group',
      'visit',
      'incident',
      'reward',
      'support',
      'term_change',
      'release_notice',
      'release',
      'departure',
      'class_attendance',
    ])
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Kinds of register events that can be corrected or voided (term changes, notices and releases have their own flows). */
export const CORRECTABLE_KINDS = [
  'visit',
  'incident',
  'reward',
  'support',
  'health',
  'class_attendance',
  'labour',
  'session',
  'group',
] as const;

export const eventCorrectionSchema = z.strictObject({
  version,
  input: z
    .record(z.string(), z.unknown())
    .describe(
      'The whole corrected record, as when it was first entered (for class attendance: presentAdmissionIds)',
    ),
});
export type EventCorrectionInput = z.infer<typeof eventCorrectionSchema>;

export const voidSchema = z.strictObject({
  version,
  reason: z.string().trim().min(5).max(1000).describe('Why the record was entered by mistake'),
});
export type VoidInput = z.infer<typeof voidSchema>;

export const intakeCorrectionSchema = admissionSchema
  .pick({ recordNumber: true, classification: true, belongings: true, rapidTest: true, notes: true })
  .extend({ version, reason: z.string().trim().min(5).max(1000).describe('What was wrong') });
export type IntakeCorrectionInput = z.infer<typeof intakeCorrectionSchema>;
