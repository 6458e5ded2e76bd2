import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';
import type { PersonRow } from './people.repo.ts';

/** The output shape; sensitive fields are absent (not null) for roles that may not see them. */
export const personOut = z
  .object({
    id: z.string(),
    fullName: z.string(),
    sex: z.enum(['male', 'female']),
    birthYear: z.number(),
    status: z.string(),
    currentAddress: z.object({
      communeCode: z.string(),
      communeName: strOrNull,
      provinceCode: z.string(),
      provinceName: strOrNull,
      detail: z.string().optional(),
    }),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    // contact
    phone: z.string().optional(),
    // identity
    otherNames: z.array(z.string()).optional(),
    birthDate: z.string().optional(),
    citizenId: z.string().optional(),
    ethnicity: z.string().optional(),
    occupation: z.string().optional(),
    permanentAddress: z
      .object({ communeCode: z.string(), communeName: z.string().nullable(), detail: z.string().optional() })
      .optional(),
    familyContacts: z
      .array(z.object({ name: z.string(), relation: z.string(), phone: z.string().optional() }))
      .optional(),
    // need-to-know (issue 16): set for national and province officers only
    identityHidden: z
      .boolean()
      .optional()
      .describe('Identity and contact fields left out: reading them needs a stated reason (break the glass)'),
    identityOpenUntil: z.string().optional().describe('A stated reason opened them until this time'),
  })
  .meta({ id: 'Person' });
export type PersonOut = z.infer<typeof personOut>;

const opt = <T>(v: T | null | undefined) => (v == null ? undefined : v);

export function presentPerson(
  row: PersonRow,
  classes: Set<SensitivityClass>,
  names: Map<string, string>,
): PersonOut {
  const out: PersonOut = {
    id: row.id,
    fullName: row.full_name,
    sex: row.sex as 'male' | 'female',
    birthYear: row.birth_year,
    status: row.status,
    currentAddress: {
      communeCode: row.cur_commune_code,
      communeName: names.get(`commune:${row.cur_commune_code}`) ?? null,
      provinceCode: row.province_code,
      provinceName: names.get(`province:${row.province_code}`) ?? null,
    },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (classes.has('contact')) {
    out.phone = opt(row.phone);
    if (row.cur_detail) out.currentAddress.detail = row.cur_detail;
  }
  if (classes.has('identity')) {
    out.otherNames = row.other_names ? JSON.parse(row.other_names) : [];
    out.birthDate = opt(row.birth_date);
    out.citizenId = opt(row.citizen_id);
    out.ethnicity = opt(row.ethnicity);
    out.occupation = opt(row.occupation);
    if (row.perm_commune_code) {
      out.permanentAddress = {
        communeCode: row.perm_commune_code,
        communeName: names.get(`commune:${row.perm_commune_code}`) ?? null,
        detail: opt(row.perm_detail),
      };
    }
    out.familyContacts = row.family_contacts ? JSON.parse(row.family_contacts) : [];
  }
  for (const k of Object.keys(out) as (keyof PersonOut)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Unit codes a presented person needs names for. */
export const unitCodesOf = (rows: PersonRow[]) =>
  rows.flatMap((r) => [
    r.cur_commune_code,
    r.province_code,
    ...(r.perm_commune_code ? [r.perm_commune_code] : []),
  ]);
