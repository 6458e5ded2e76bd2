import fs from 'node:fs';
import { ZodError } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitInput, UnitUpdateInput } from './org.schema.ts';
import { applyUnitUpdate } from './org.service.ts';

// The JSON of github.com/thanglequoc/vietnamese-provinces-database (json/full_json_generated_data_vn_units*.json):
// provinces with their wards, each with a national code, full name and unit type.
type GsoWard = {
  Code: string;
  FullName: string;
  FullNameEn?: string;
  ProvinceCode: string;
  AdministrativeUnitShortName?: string;
  AdministrativeUnitId?: number;
};
type GsoProvince = GsoWard & { Wards: GsoWard[] };

const PROVINCE_TYPE_BY_ID: Record<number, string> = { 1: 'thanh_pho', 2: 'tinh' };
const COMMUNE_TYPE_BY_ID: Record<number, string> = { 3: 'phuong', 4: 'xa', 5: 'dac_khu' };

function typeFromWord(word: string | undefined): string | undefined {
  const w = (word ?? '').normalize('NFC').toLowerCase();
  return (
    { 'thành phố': 'thanh_pho', tỉnh: 'tinh', phường: 'phuong', xã: 'xa', 'đặc khu': 'dac_khu' } as Record<
      string,
      string
    >
  )[w];
}

function isGsoList(data: unknown): data is GsoProvince[] {
  return Array.isArray(data) && data.length > 0 && Array.isArray((data[0] as GsoProvince).Wards);
}

/**
 * Reads an update file in one of two shapes:
 * - the provinces-with-wards JSON of vietnamese-provinces-database (a complete list: mode 'full');
 * - our own `{ mode?, units: [{ code, name, type, level, provinceCode, nameEn? }], abolish? }` or a
 *   bare array of such units (mode 'partial' unless the file says otherwise).
 */
export function parseUnitFile(data: unknown): Pick<UnitUpdateInput, 'mode' | 'units' | 'abolish'> {
  if (isGsoList(data)) {
    const units: UnitInput[] = [];
    for (const p of data) {
      units.push({
        code: p.Code,
        name: p.FullName,
        nameEn: p.FullNameEn ?? null,
        level: 'province',
        provinceCode: null,
        type: (PROVINCE_TYPE_BY_ID[p.AdministrativeUnitId ?? 0] ??
          typeFromWord(p.AdministrativeUnitShortName)) as UnitInput['type'],
      });
      for (const w of p.Wards)
        units.push({
          code: w.Code,
          name: w.FullName,
          nameEn: w.FullNameEn ?? null,
          level: 'commune',
          provinceCode: w.ProvinceCode ?? p.Code,
          type: (COMMUNE_TYPE_BY_ID[w.AdministrativeUnitId ?? 0] ??
            typeFromWord(w.AdministrativeUnitShortName)) as UnitInput['type'],
        });
    }
    return { mode: 'full', units };
  }
  if (Array.isArray(data)) return { mode: 'partial', units: data as UnitInput[] };
  const d = data as Partial<UnitUpdateInput>;
  return { mode: d.mode ?? 'partial', units: d.units ?? [], abolish: d.abolish };
}

/**
 * `npm run cli -- import-units --file F --effective YYYY-MM-DD [--source TEXT]`: applies a dated
 * update from a JSON file as the local administrator; returns the update's summary.
 */
export async function importUnitsCommand(
  deps: AppDeps,
  opts: { file: string; effectiveDate: string; source: string; mode?: 'full' | 'partial'; dryRun?: boolean },
) {
  const parsed = parseUnitFile(JSON.parse(fs.readFileSync(opts.file, 'utf8')));
  try {
    return await applyUnitUpdate(deps, null, {
      ...parsed,
      mode: opts.mode ?? parsed.mode,
      effectiveDate: opts.effectiveDate,
      source: opts.source,
      dryRun: opts.dryRun,
    });
  } catch (err) {
    // On a terminal the field errors are the useful part: name each one.
    let head: string;
    let lines: string[];
    if (err instanceof AppError) {
      head = `${err.messages.vi} / ${err.messages.en}`;
      lines = err.fields.map((f) => `  ${f.field}: ${f.messages.vi} / ${f.messages.en}`);
    } else if (err instanceof ZodError) {
      head = 'Dữ liệu không hợp lệ / Invalid input';
      lines = err.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    } else throw err;
    throw new Error([head, ...lines.slice(0, 20)].join('\n'));
  }
}
