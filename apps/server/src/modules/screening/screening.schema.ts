import { ADDICTION_CRITERIA, DOCTOR_CONCLUSIONS } from '@hoanhap/domain/addiction';
import {
  COUNSELLING_KINDS,
  DRUG_TEST_METHODS,
  DRUG_TEST_REASONS,
  SUBSTANCES,
} from '@hoanhap/domain/pathway-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

// Inputs of screening and assessment. The addiction result is never an input: the server computes it.

const name = z.string().trim().min(2).max(160);
const notes = z.string().trim().max(2000).optional();

const substanceResult = z.strictObject({
  substance: z.enum(SUBSTANCES),
  otherName: z.string().trim().min(1).max(60).optional().describe("Name of the substance when 'other'"),
  result: z.enum(['positive', 'negative']),
});

export const drugTestCreateSchema = z.strictObject({
  testedOn: isoDate,
  method: z.enum(DRUG_TEST_METHODS),
  results: z
    .array(substanceResult)
    .min(1)
    .max(SUBSTANCES.length + 5),
  performedBy: name.describe('Who performed the test'),
  reason: z.enum(DRUG_TEST_REASONS),
  notes,
});
export type DrugTestCreateInput = z.infer<typeof drugTestCreateSchema>;

export const determinationCreateSchema = z.strictObject({
  assessedOn: isoDate,
  observations: z
    .array(
      z.strictObject({
        criterion: z.enum(ADDICTION_CRITERIA),
        from: isoDate.describe('First day the criterion was observed'),
        to: isoDate.optional().describe('Last day; omitted when still present on the assessment date'),
      }),
    )
    .max(60),
  // Decree 109/2021: a qualified health facility and doctor determine addiction; the doctor's conclusion on
  // Form 04 is the result. The criteria observed are still sent: the server checks them against it.
  doctor: z.strictObject({
    name,
    certificate: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .describe("Doctor's practising certificate number (chứng chỉ hành nghề), required"),
  }),
  facilityName: name.describe('Health facility where the determination was made'),
  facilityLicence: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe("Health facility's operating licence number (giấy phép hoạt động)"),
  conclusion: z
    .enum(DOCTOR_CONCLUSIONS)
    .describe("The doctor's conclusion on Form 04 (Decree 109/2021): the legal result"),
  form04Number: z.string().trim().min(1).max(40).optional().describe('Number of the Form 04 result'),
  substances: z.array(z.enum(SUBSTANCES)).max(SUBSTANCES.length).default([]),
  hivStatus: z
    .enum(['positive', 'negative', 'unknown'])
    .optional()
    .describe('Health class: medical staff only'),
  notes,
});
export type DeterminationCreateInput = z.infer<typeof determinationCreateSchema>;

export const counsellingCreateSchema = z.strictObject({
  kind: z.enum(COUNSELLING_KINDS),
  heldOn: isoDate,
  topic: z.string().trim().min(2).max(300),
  counsellor: name,
  personIds: z.array(z.string().min(1).max(64)).min(1).max(100),
  notes,
});
export type CounsellingCreateInput = z.infer<typeof counsellingCreateSchema>;
