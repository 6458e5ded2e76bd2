import { z } from 'zod';

const communeCode = z.string().regex(/^\d{5}$/, { error: 'Mã xã gồm 5 chữ số / A 5-digit commune code' });
const version = z.number().int().min(1).describe('The version this change was based on');

const provinceCode = z.string().regex(/^\d{2}$/);

export const areaListQuery = z.strictObject({
  province: provinceCode
    .optional()
    .describe("A 2-digit province code; default: your province (a national officer's: every province)"),
});

export const legacyDistrictsQuery = z.strictObject({
  province: provinceCode.optional().describe('A 2-digit province code; default: your province'),
});

const fields = {
  name: z.string().trim().min(2).max(200),
  communeCodes: z
    .array(communeCode)
    .min(1, { error: 'Chọn ít nhất một xã, phường / Choose at least one commune' })
    .max(2000),
  legacyDistrict: z.string().trim().min(1).max(200).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
};

export const areaCreateBody = z.strictObject({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Default: your province'),
  ...fields,
});
export type AreaCreate = z.infer<typeof areaCreateBody>;

export const areaUpdateBody = z.strictObject({ version, ...fields });
export type AreaUpdate = z.infer<typeof areaUpdateBody>;

export const areaDeleteBody = z.strictObject({ version });
