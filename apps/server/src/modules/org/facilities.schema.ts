// Kinds of facility: the list lives with the placement rules.

import { isoDate } from '@hoanhap/domain/person-schema';
import { FACILITY_KINDS } from '@hoanhap/domain/placement-rules';
import { z } from 'zod';
import { pageQuery, strOrNull } from '../../platform/http/schemas.ts';
import { communeCodeSchema, provinceCodeSchema } from './org.schema.ts';

const name = z.string().trim().min(1, { message: 'Cần tên cơ sở / A name is required' }).max(200);
const address = z.string().trim().max(500).nullish();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+() .-]{6,20}$/, { message: 'Số điện thoại không hợp lệ / Invalid phone number' })
  .nullish();

const licenceText = (max: number, vi: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${vi} / ${en}` })
    .max(max);

/** An operating licence of a private rehab facility, as written on it. */
export const licenceSchema = z
  .strictObject({
    number: licenceText(60, 'Cần số giấy phép', 'The licence number is required').describe('e.g. 12/GP-CAT'),
    issuedOn: isoDate.describe('Date of issue'),
    issuer: licenceText(200, 'Cần người cấp giấy phép', 'The issuer is required').describe(
      'Title and name of who signed it, e.g. Giám đốc Công an tỉnh Quảng Ninh',
    ),
    scope: licenceText(2000, 'Cần phạm vi hoạt động', 'The scope is required').describe(
      'Activities the licence allows, as written',
    ),
    validUntil: isoDate.describe('Last day the licence is valid'),
  })
  .refine((l) => l.validUntil >= l.issuedOn, {
    path: ['validUntil'],
    message: 'Ngày hết hiệu lực phải từ ngày cấp trở đi / The licence cannot end before it is issued',
  });
export type LicenceInput = z.infer<typeof licenceSchema>;

export const licenceUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    number: licenceText(60, 'Cần số giấy phép', 'The licence number is required').optional(),
    issuedOn: isoDate.optional(),
    issuer: licenceText(200, 'Cần người cấp giấy phép', 'The issuer is required').optional(),
    scope: licenceText(2000, 'Cần phạm vi hoạt động', 'The scope is required').optional(),
    validUntil: isoDate.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), {
    message: 'Không có gì để sửa / Nothing to change',
  });
export type LicenceUpdateInput = z.infer<typeof licenceUpdateSchema>;

export const facilityCreateSchema = z.strictObject({
  name,
  kind: z.enum(FACILITY_KINDS),
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema.nullish(),
  address,
  phone,
  active: z.boolean().default(true),
  licence: licenceSchema.optional().describe('Required for a private rehab facility (rehab_private)'),
});
export type FacilityCreateInput = z.infer<typeof facilityCreateSchema>;

export const facilityUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    name: name.optional(),
    kind: z.enum(FACILITY_KINDS).optional(),
    provinceCode: provinceCodeSchema.optional(),
    communeCode: communeCodeSchema.nullish(),
    address,
    phone,
    active: z.boolean().optional(),
    licence: licenceSchema
      .optional()
      .describe('A new licence to add, e.g. when the kind becomes rehab_private and none is recorded'),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), {
    message: 'Không có gì để sửa / Nothing to change',
  });
export type FacilityUpdateInput = z.infer<typeof facilityUpdateSchema>;

export const facilityQuerySchema = z.strictObject({
  provinceCode: provinceCodeSchema.optional(),
  communeCode: communeCodeSchema.optional(),
  kind: z.enum(FACILITY_KINDS).optional(),
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery(100, 500),
});
export type FacilityQuery = z.infer<typeof facilityQuerySchema>;

export const licenceOut = z
  .object({
    id: z.string(),
    number: z.string(),
    issuedOn: z.string(),
    issuer: z.string(),
    issuerRole: strOrNull,
    scope: z.string(),
    validUntil: z.string(),
    version: z.number(),
  })
  .meta({ id: 'FacilityLicence' });

export const facilityOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    provinceCode: z.string(),
    provinceName: strOrNull,
    communeCode: strOrNull,
    communeName: strOrNull,
    address: strOrNull,
    phone: strOrNull,
    active: z.boolean(),
    licences: z.array(licenceOut).describe('Operating licences, latest issued first (private facilities)'),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Facility' });
