import { z } from 'zod';
import { communeCodeSchema, provinceCodeSchema } from './org.schema.ts';

/** Kinds of facility (Law 73/2021 on drug prevention; Decree 90/2016 on substitution therapy). */
export const FACILITY_KINDS = [
  'rehab_public', // cơ sở cai nghiện ma túy công lập
  'rehab_private', // cơ sở cai nghiện ma túy tự nguyện ngoài công lập
  'community_rehab', // cơ sở cung cấp dịch vụ cai nghiện tự nguyện tại gia đình, cộng đồng
  'methadone_clinic', // cơ sở điều trị thay thế (methadone)
  'health_station', // trạm y tế xã/phường
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

const name = z.string().trim().min(1, { message: 'Cần tên cơ sở / A name is required' }).max(200);
const address = z.string().trim().max(500).nullish();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+() .-]{6,20}$/, { message: 'Số điện thoại không hợp lệ / Invalid phone number' })
  .nullish();

export const facilityCreateSchema = z.strictObject({
  name,
  kind: z.enum(FACILITY_KINDS),
  provinceCode: provinceCodeSchema,
  communeCode: communeCodeSchema.nullish(),
  address,
  phone,
  active: z.boolean().default(true),
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
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FacilityQuery = z.infer<typeof facilityQuerySchema>;

export const facilityOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
