import { VOLUNTEER_ORGANISATIONS, volunteerModelRuleSchema } from '@hoanhap/domain/community-rules';
import { communeCode, isoDate, sexSchema } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
export const provinceCode = z
  .string()
  .regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số / Province code must be 2 digits' });
export const unitQuery = z.strictObject({
  communeCode: communeCode.optional(),
  provinceCode: provinceCode.optional(),
});
export const phone = z
  .string()
  .regex(/^(\+84|0)\d{9,10}$/, { error: 'Số điện thoại không hợp lệ / Invalid phone number' });
const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(0);

export const teamCreateSchema = z.strictObject({
  communeCode: communeCode.optional().describe("Defaults to the officer's commune"),
  name: text(200),
  establishedOn: isoDate,
  notes: z.string().trim().max(2000).optional(),
  /**
   * A commune that already has a team gets another one only when the officer says why (e.g. old communes
   * merged in 2025 each kept their team): the reason is kept on the new team.
   */
  severalReason: z
    .string()
    .trim()
    .min(5)
    .max(500)
    .optional()
    .describe('Why this commune keeps more than one team (required for a second team)'),
});
export type TeamCreate = z.infer<typeof teamCreateSchema>;

export const teamUpdateSchema = z.strictObject({
  version,
  name: text(200).optional(),
  leaderVolunteerId: z.string().min(1).max(64).nullable().optional(),
  establishedOn: isoDate.optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

const volunteerFields = {
  fullName: text(120),
  sex: sexSchema.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  phone: phone.optional(),
  organisation: z.enum(VOLUNTEER_ORGANISATIONS),
  organisationDetail: z.string().trim().max(200).optional(),
  userId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("A 'volunteer' account of the commune, to see their people"),
  joinedOn: isoDate,
  notes: z.string().trim().max(2000).optional(),
};

export const volunteerCreateSchema = z.strictObject({
  teamId: z.string().min(1).max(64),
  ...volunteerFields,
});
export type VolunteerCreate = z.infer<typeof volunteerCreateSchema>;

export const volunteerUpdateSchema = z.strictObject({
  version,
  fullName: volunteerFields.fullName.optional(),
  sex: sexSchema.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  phone: phone.nullable().optional(),
  organisation: volunteerFields.organisation.optional(),
  organisationDetail: z.string().trim().max(200).nullable().optional(),
  userId: z.string().min(1).max(64).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  active: z.boolean().optional(),
  leftOn: isoDate.optional(),
});
export type VolunteerUpdate = z.infer<typeof volunteerUpdateSchema>;

/** The volunteer model on a date (today, Vietnam, by default). */
export const modelQuery = unitQuery.extend({
  asOf: isoDate.optional().describe('dd/mm/yyyy shown; ISO date sent. Default: today'),
});
export const modelProvincesQuery = z.strictObject({ asOf: isoDate.optional() });

export const volunteerQuerySchema = unitQuery.extend({
  teamId: z.string().min(1).max(64).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type VolunteerQuery = z.infer<typeof volunteerQuerySchema>;

export const ruleSetSchema = volunteerModelRuleSchema.extend({
  reason: text(500),
  version: version.describe('0 when the default rule is in force'),
});

export const assignmentCreateSchema = z.strictObject({
  volunteerId: z.string().min(1).max(64),
  personId: z.string().min(1).max(64),
  startedOn: isoDate,
});
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

export const assignmentEndSchema = z.strictObject({
  version,
  endedOn: isoDate,
  reason: z.string().trim().max(500).optional(),
});
export type AssignmentEnd = z.infer<typeof assignmentEndSchema>;

export const assignmentQuerySchema = unitQuery.extend({
  volunteerId: z.string().min(1).max(64).optional(),
  personId: z.string().min(1).max(64).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type AssignmentQuery = z.infer<typeof assignmentQuerySchema>;
