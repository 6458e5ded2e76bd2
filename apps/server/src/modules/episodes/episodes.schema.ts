import { COMPULSORY_GROUNDS, EPISODE_OUTCOMES } from '@hoanhap/domain/episode-types';
import { CONTACT_METHODS } from '@hoanhap/domain/pathway-rules';
import { communeCode, isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

// Inputs of the legal pathways. Planned ends, regimes and authorities are never inputs: the server
// computes them from the rules in force.

const id = z.string().min(1).max(64);
const name = z.string().trim().min(2).max(160);
const shortText = z.string().trim().min(1).max(60);
const notes = z.string().trim().max(2000);
const termMonths = z.number().int().min(1).max(120).describe('Term in whole months');

export const decisionSchema = z.strictObject({
  number: shortText.optional().describe('Number as written on the decision, e.g. 12/QĐ-UBND'),
  date: isoDate,
  signer: name.optional(),
});

export const stageSchema = z.strictObject({
  stage: z.number().int().min(1).max(5),
  from: isoDate.optional(),
  to: isoDate.optional(),
  completed: z.boolean().default(false),
});

export const interruptionSchema = z.strictObject({
  from: isoDate,
  to: isoDate.optional(),
  reason: z.string().trim().max(300).optional(),
});

const grounds = z.array(z.enum(COMPULSORY_GROUNDS)).max(COMPULSORY_GROUNDS.length);
const familyCommitment = z.strictObject({
  committedBy: name.describe('Family member who signs the commitment (Form 35)'),
  relation: z.string().trim().min(1).max(50),
  signedOn: isoDate,
});

const common = {
  startDate: isoDate.describe('First day of the episode'),
  managerIds: z.array(id).max(10).optional().describe('Users assigned to manage and support the person'),
  notes: notes.optional(),
};

export const episodeCreateSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('user_management'),
    ...common,
    decision: decisionSchema,
    sourceTestId: id.optional().describe('The positive drug test the decision rests on'),
  }),
  z.strictObject({
    type: z.literal('voluntary_community'),
    ...common,
    termMonths,
    registration: z.strictObject({
      registeredOn: isoDate,
      provider: name.describe('Community-rehab service provider'),
      plan: z.string().trim().max(2000).optional(),
    }),
    stages: z.array(stageSchema).max(5).optional(),
  }),
  z.strictObject({
    type: z.literal('voluntary_facility'),
    ...common,
    termMonths,
    facilityId: id,
    contract: z.strictObject({ number: shortText.optional(), signedOn: isoDate }),
    priorityGroup: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Priority group entitled to cost support'),
    stages: z.array(stageSchema).max(5).optional(),
  }),
  z.strictObject({
    type: z.literal('compulsory_pending'),
    ...common,
    place: z.enum(['family', 'facility']),
    facilityId: id.optional(),
    familyCommitment: familyCommitment.optional(),
    grounds: grounds
      .optional()
      .describe('Grounds the history cannot show, e.g. not registering for voluntary rehab'),
    decision: decisionSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('compulsory'),
    ...common,
    termMonths,
    court: z.strictObject({
      name: name.describe('Court that decided, e.g. Tòa án nhân dân khu vực 1 - Hà Nội'),
      decisionNumber: shortText,
      decisionDate: isoDate,
      signer: name.optional(),
    }),
    facilityId: id.optional(),
    grounds: grounds.optional(),
  }),
  z.strictObject({
    type: z.literal('substitution_therapy'),
    ...common,
    clinic: z.strictObject({ name, code: shortText.optional() }),
    facilityId: id.optional().describe('The methadone clinic as a registered facility, when it is one'),
  }),
  z.strictObject({
    type: z.literal('post_rehab'),
    ...common,
    decision: decisionSchema,
  }),
]);
export type EpisodeCreateInput = z.infer<typeof episodeCreateSchema>;

const version = z.number().int().min(1).describe('The version this change was based on');

export const episodeUpdateSchema = z.strictObject({
  version,
  notes: notes.nullable().optional(),
  managerIds: z.array(id).max(10).optional(),
  decision: z
    .strictObject({ number: shortText.optional(), signer: name.optional() })
    .optional()
    .describe('Number and signer; the date cannot change (it fixes the regime)'),
  stages: z.array(stageSchema).max(5).optional(),
  interruptions: z.array(interruptionSchema).max(50).optional(),
  familyCommitment: familyCommitment.optional(),
  priorityGroup: z.string().trim().min(1).max(100).nullable().optional(),
});
export type EpisodeUpdateInput = z.infer<typeof episodeUpdateSchema>;

export const episodeCloseSchema = z.strictObject({
  version,
  outcome: z.enum(EPISODE_OUTCOMES),
  endDate: isoDate.describe('Last day of the episode'),
  reason: z.string().trim().max(500).optional(),
});
export type EpisodeCloseInput = z.infer<typeof episodeCloseSchema>;

export const certificateSchema = z.strictObject({
  version,
  issuedOn: isoDate,
  number: shortText.optional().describe('Number as written; allocated by the system when omitted'),
  signer: name,
});
export type CertificateInput = z.infer<typeof certificateSchema>;

export const contactSchema = z.strictObject({
  contactDate: isoDate,
  method: z.enum(CONTACT_METHODS),
  summary: z.string().trim().min(2).max(2000),
  byName: name.optional().describe('Who met the person; defaults to the user recording it'),
});
export type ContactInput = z.infer<typeof contactSchema>;

export const scheduleSchema = z.strictObject({
  kind: z.enum(['drug_test', 'contact']),
  dueDate: isoDate,
  assigneeUserId: id.optional(),
});
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const transferSchema = z.strictObject({
  version: version.describe("The person record's version"),
  toCommuneCode: communeCode,
  detail: z.string().trim().max(200).optional().describe('New address: village, street and house number'),
  movedOn: isoDate,
  reason: z.string().trim().max(500).optional(),
});
export type TransferInput = z.infer<typeof transferSchema>;
