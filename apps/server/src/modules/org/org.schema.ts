import { isIsoDate } from '@hoanhap/domain/iso-date';
import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';
import { COMMUNE_TYPES, PROVINCE_TYPES } from './unit-names.ts';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD) / Invalid date (YYYY-MM-DD)' });

export const provinceCodeSchema = z
  .string()
  .regex(/^\d{2}$/, { message: 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits' });
export const communeCodeSchema = z
  .string()
  .regex(/^\d{5}$/, { message: 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits' });

/** One unit as it is from the effective date of an update. */
export const unitInputSchema = z
  .strictObject({
    code: z.string().regex(/^(\d{2}|\d{5})$/, { message: 'Mã 2 hoặc 5 chữ số / A 2- or 5-digit code' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ')),
    type: z.enum([...PROVINCE_TYPES, ...COMMUNE_TYPES]),
    level: z.enum(['province', 'commune']),
    provinceCode: provinceCodeSchema.nullish(),
    nameEn: z
      .string()
      .trim()
      .max(200)
      .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ') || null)
      .nullish(),
  })
  .superRefine((u, ctx) => {
    const province = u.level === 'province';
    if (u.code.length !== (province ? 2 : 5))
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: province
          ? 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits'
          : 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits',
      });
    if (!(province ? PROVINCE_TYPES : COMMUNE_TYPES).includes(u.type as never))
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: province
          ? 'Loại tỉnh: tinh hoặc thanh_pho / Province type: tinh or thanh_pho'
          : 'Loại xã: xa, phuong hoặc dac_khu / Commune type: xa, phuong or dac_khu',
      });
    if (province && u.provinceCode)
      ctx.addIssue({
        code: 'custom',
        path: ['provinceCode'],
        message: 'Tỉnh không có tỉnh cấp trên / A province has no provinceCode',
      });
    if (!province && !u.provinceCode)
      ctx.addIssue({
        code: 'custom',
        path: ['provinceCode'],
        message: 'Cần mã tỉnh của xã/phường / A commune needs its provinceCode',
      });
  });
export type UnitInput = z.infer<typeof unitInputSchema>;

/**
 * A dated update of administrative units. 'full': `units` is the complete list from the
 * effective date, so a current unit missing from it is abolished. 'partial': only the listed
 * units change; `abolish` names units that cease to exist.
 */
export const unitUpdateSchema = z.strictObject({
  effectiveDate: isoDateSchema,
  source: z.string().trim().min(1).max(500),
  mode: z.enum(['full', 'partial']),
  units: z.array(unitInputSchema).max(20_000),
  abolish: z
    .array(z.string().regex(/^(\d{2}|\d{5})$/))
    .max(20_000)
    .optional(),
  /**
   * Communes merged into another by this update (each `from` abolished by it, `into` in force after it): the
   * people living in `from` live in `into` from the effective date (their dated record of units keeps `from`
   * before it), and reports by today's units count `from`'s own records in `into`.
   */
  merges: z
    .array(
      z.strictObject({
        from: z.string().regex(/^\d{5}$/),
        into: z.string().regex(/^\d{5}$/),
      }),
    )
    .max(20_000)
    .optional(),
  dryRun: z.boolean().optional(),
});
export type UnitUpdateInput = z.infer<typeof unitUpdateSchema>;

export const unitOut = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.string(),
    level: z.string(),
    provinceCode: strOrNull,
  })
  .meta({ id: 'Unit' });

export const unitVersionOut = z.object({
  name: z.string(),
  nameEn: strOrNull,
  type: z.string(),
  provinceCode: strOrNull,
  validFrom: z.string(),
  validTo: z.string().nullable().describe('First day the version no longer applies (exclusive)'),
  updateId: strOrNull,
  source: strOrNull,
});

export const unitDetailOut = z.object({
  code: z.string(),
  level: z.string(),
  current: unitOut.extend({ nameEn: z.string().nullable(), validFrom: z.string() }).nullable(),
  province: z.object({ code: z.string(), name: z.string() }).nullable(),
  versions: z.array(unitVersionOut),
});

const codeList = z.object({ count: z.number(), codes: z.array(z.string()) });
export const unitUpdateSummaryOut = z.object({
  mode: z.enum(['full', 'partial']),
  renamed: codeList,
  retyped: codeList,
  moved: codeList,
  added: codeList,
  abolished: codeList,
  merged: z.object({ count: z.number(), people: z.number() }).optional(),
  translated: z.object({ count: z.number() }),
  unchanged: z.object({ count: z.number() }),
});
export type UnitUpdateSummary = z.infer<typeof unitUpdateSummaryOut>;

export const unitUpdateOut = z.object({
  id: strOrNull,
  effectiveDate: z.string(),
  source: z.string(),
  appliedAt: strOrNull,
  appliedBy: strOrNull,
  changed: z.boolean(),
  dryRun: z.boolean(),
  summary: unitUpdateSummaryOut,
});

export const legacyCandidateOut = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  kind: z.enum(['full', 'partial', 'uncertain']),
  current: z.boolean().describe('False when the commune was abolished by a later update'),
  oldCommuneCode: strOrNull,
  oldCommuneName: z.string(),
  oldDistrictName: strOrNull,
  oldProvinceName: z.string(),
});
