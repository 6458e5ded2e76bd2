import { z } from 'zod';
import { cccdMessages, checkCccd } from './cccd.ts';

/**
 * Input rules for a person's management record (hồ sơ quản lý), shared by the server
 * (request validation, OpenAPI) and the web forms (errors next to the field).
 */

const todayIso = () => new Date().toISOString().slice(0, 10);

export const isoDate = z.iso
  .date({ error: 'Ngày không hợp lệ (định dạng YYYY-MM-DD) / Invalid date (YYYY-MM-DD)' })
  .describe('Date, YYYY-MM-DD');

export const communeCode = z
  .string()
  .regex(/^\d{5}$/, { error: 'Mã xã phải gồm 5 chữ số / Commune code must be 5 digits' });

export const addressSchema = z.strictObject({
  communeCode,
  detail: z.string().trim().max(200).optional().describe('Village, hamlet, street and house number'),
});

export const familyContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  relation: z.string().trim().min(1).max(50),
  phone: z
    .string()
    .regex(/^(\+84|0)\d{9,10}$/, { error: 'Số điện thoại không hợp lệ / Invalid phone number' })
    .optional(),
});

export const sexSchema = z.enum(['male', 'female']);

const personFields = {
  fullName: z.string().trim().min(2).max(120),
  otherNames: z.array(z.string().trim().min(1).max(120)).max(10).optional(),
  sex: sexSchema,
  birthDate: isoDate.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  citizenId: z.string().trim().optional(),
  ethnicity: z.string().trim().max(50).optional(),
  phone: z
    .string()
    .regex(/^(\+84|0)\d{9,10}$/, { error: 'Số điện thoại không hợp lệ / Invalid phone number' })
    .optional(),
  occupation: z.string().trim().max(100).optional(),
  permanentAddress: addressSchema.optional(),
  currentAddress: addressSchema,
  familyContacts: z.array(familyContactSchema).max(10).optional(),
};

type PersonLike = {
  birthDate?: string;
  birthYear?: number;
  citizenId?: string;
  sex?: string;
};

// Cross-field rules: a birth date or year is required, they agree, the date is not in the future,
// and the CCCD's century/sex digits agree with them.
function personRefinements(p: PersonLike, ctx: z.RefinementCtx) {
  if (!p.birthDate && p.birthYear == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthYear'],
      message: 'Cần ngày sinh hoặc năm sinh / A date or year of birth is required',
    });
  }
  if (p.birthDate && p.birthDate > todayIso()) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: 'Ngày sinh không được ở tương lai / Date of birth cannot be in the future',
    });
  }
  const year = p.birthDate ? Number(p.birthDate.slice(0, 4)) : p.birthYear;
  if (p.birthDate && p.birthYear != null && year !== p.birthYear) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthYear'],
      message: 'Năm sinh không khớp với ngày sinh / Year of birth does not match the date of birth',
    });
  }
  if (p.citizenId) {
    const problem = checkCccd(p.citizenId, { birthYear: year, sex: p.sex });
    if (problem) {
      const m = cccdMessages[problem];
      ctx.addIssue({ code: 'custom', path: ['citizenId'], message: `${m.vi} / ${m.en}` });
    }
  }
}

export const personCreateSchema = z
  .strictObject({
    ...personFields,
    confirmPossibleDuplicate: z
      .boolean()
      .optional()
      .describe('Set after the user has seen and dismissed a possible-duplicate warning'),
  })
  .superRefine(personRefinements);

export const personUpdateSchema = z
  .strictObject({
    ...personFields,
    version: z.number().int().min(1).describe('The version this edit was based on'),
  })
  .superRefine(personRefinements);

export type PersonCreateInput = z.infer<typeof personCreateSchema>;
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

/** Field sensitivity classes; a role that may not see a class gets records without those fields. */
export const SENSITIVITY_CLASSES = ['contact', 'identity', 'drug_use', 'health', 'legal'] as const;
export type SensitivityClass = (typeof SENSITIVITY_CLASSES)[number];

/** Which class each person field belongs to; fields not listed are basic (anyone in scope sees them). */
export const PERSON_FIELD_CLASS: Record<string, SensitivityClass> = {
  phone: 'contact',
  currentAddressDetail: 'contact',
  citizenId: 'identity',
  birthDate: 'identity',
  ethnicity: 'identity',
  occupation: 'identity',
  permanentAddress: 'identity',
  familyContacts: 'identity',
  otherNames: 'identity',
};
