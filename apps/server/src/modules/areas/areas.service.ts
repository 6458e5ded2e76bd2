import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  assertManagesProvinceAreas,
  assertReadsProvinceAreas,
  ownProvince,
} from '../../platform/policy.ts';
import { type AreaRow, areasRepo } from './areas.repo.ts';
import type { AreaCreate, AreaUpdate } from './areas.schema.ts';

// Areas (issue 13): a province officer's named set of communes of their province — e.g. "huyện Ba Vì cũ", built
// in one click from the legacy mapping of an old district — reported on exactly as a unit: the report engine
// reads `area:<id>` wherever a unit is asked for (reports/engine.service.ts). Officers of the province manage
// them; readers of the province and the nation see them.

/** The unit parameter that names an area in the reports API. */
export const AREA_UNIT_PREFIX = 'area:';

const words = { vi: 'khu vực', en: 'Area' };

function field(name: string, rule: string, vi: string, en: string) {
  return Errors.validation([{ field: name, rule, messages: { vi, en } }]);
}

async function present(db: Kysely<DB>, row: AreaRow, codes?: string[]) {
  const communeCodes = codes ?? (await areasRepo.communesOf(db, [row.id])).get(row.id) ?? [];
  const names = await areasRepo.communeNames(db, communeCodes);
  return {
    id: row.id,
    unit: `${AREA_UNIT_PREFIX}${row.id}`,
    provinceCode: row.province_code,
    name: row.name,
    legacyDistrict: row.legacy_district,
    notes: row.notes,
    communes: communeCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** An area the actor may read, or 404 (out of scope reads as unknown). */
export async function areaInScope(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await areasRepo.find(db, id);
  if (!row) throw Errors.notFound(words);
  try {
    assertReadsProvinceAreas(actor, row.province_code);
  } catch {
    throw Errors.notFound(words);
  }
  return row;
}

/** Checks a list of communes: today's communes of the province, no repeats. */
async function checkedCommunes(db: Kysely<DB>, provinceCode: string, codes: string[]) {
  const unique = [...new Set(codes)].sort();
  const found = new Set((await areasRepo.currentCommunes(db, provinceCode, unique)).map((c) => c.code));
  const missing = unique.filter((c) => !found.has(c));
  if (missing.length)
    throw field(
      'communeCodes',
      'commune_of_province',
      `Không phải xã, phường hiện nay của tỉnh: ${missing.join(', ')}`,
      `Not a current commune of the province: ${missing.join(', ')}`,
    );
  return unique;
}

async function assertNameFree(db: Kysely<DB>, provinceCode: string, name: string, self?: string) {
  const other = await areasRepo.byName(db, provinceCode, name);
  if (other && other.id !== self)
    throw Errors.conflict(
      'area_exists',
      { vi: 'Tỉnh đã có khu vực cùng tên', en: 'The province already has an area of this name' },
      { existing: other },
    );
}

export async function listAreas(deps: AppDeps, actor: Actor, q: { province?: string }) {
  const province = q.province ?? ownProvince(actor);
  assertReadsProvinceAreas(actor, province);
  const db = deps.database.db;
  const rows = await areasRepo.list(db, province);
  const communes = await areasRepo.communesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: await Promise.all(rows.map((r) => present(db, r, communes.get(r.id) ?? []))) };
}

export async function getArea(deps: AppDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  return present(db, await areaInScope(db, actor, id));
}

export async function createArea(deps: AppDeps, actor: Actor, input: AreaCreate) {
  const provinceCode = input.provinceCode ?? actor.scopeCode ?? '';
  assertManagesProvinceAreas(actor, provinceCode);
  return deps.database.db.transaction().execute(async (trx) => {
    const codes = await checkedCommunes(trx, provinceCode, input.communeCodes);
    await assertNameFree(trx, provinceCode, input.name);
    const at = deps.now().toISOString();
    const row: AreaRow = {
      id: randomUUID(),
      province_code: provinceCode,
      name: input.name,
      legacy_district: input.legacyDistrict ?? null,
      notes: input.notes ?? null,
      ...createdStamps(actor, at),
    };
    await areasRepo.insert(trx, row);
    await areasRepo.setCommunes(trx, row.id, codes);
    await audit(trx, actor, {
      action: 'areas.create',
      entityType: 'area',
      entityId: row.id,
      details: { name: row.name, provinceCode, communeCodes: codes },
    });
    return present(trx, row, codes);
  });
}

export async function updateArea(deps: AppDeps, actor: Actor, id: string, input: AreaUpdate) {
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await areaInScope(trx, actor, id);
    assertManagesProvinceAreas(actor, row.province_code);
    if (row.version !== input.version) throw Errors.staleVersion(await present(trx, row));
    const codes = await checkedCommunes(trx, row.province_code, input.communeCodes);
    await assertNameFree(trx, row.province_code, input.name, id);
    const before = (await areasRepo.communesOf(trx, [id])).get(id) ?? [];
    const patch = {
      name: input.name,
      legacy_district: input.legacyDistrict === undefined ? row.legacy_district : input.legacyDistrict,
      notes: input.notes === undefined ? row.notes : input.notes,
      ...updatedStamps(actor, deps.now()),
    };
    if (!(await areasRepo.update(trx, id, input.version, patch)))
      throw Errors.staleVersion(await present(trx, (await areasRepo.find(trx, id))!));
    await areasRepo.setCommunes(trx, id, codes);
    await audit(trx, actor, {
      action: 'areas.update',
      entityType: 'area',
      entityId: id,
      details: {
        name: input.name,
        added: codes.filter((c) => !before.includes(c)),
        removed: before.filter((c) => !codes.includes(c)),
      },
    });
    return present(trx, (await areasRepo.find(trx, id))!, codes);
  });
}

export async function deleteArea(deps: AppDeps, actor: Actor, id: string, version: number) {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await areaInScope(trx, actor, id);
    assertManagesProvinceAreas(actor, row.province_code);
    if (row.version !== version) throw Errors.staleVersion(await present(trx, row));
    // Its reports name it: they would lose their unit.
    const reports = await areasRepo.reportCount(trx, `${AREA_UNIT_PREFIX}${id}`);
    if (reports > 0)
      throw Errors.conflict(
        'area_has_reports',
        {
          vi: `Khu vực đã có ${reports} báo cáo định kỳ, không xoá được`,
          en: `The area has ${reports} periodic report(s) and cannot be deleted`,
        },
        { reports },
      );
    if (!(await areasRepo.delete(trx, id, version))) throw Errors.staleVersion(await present(trx, row));
    await audit(trx, actor, {
      action: 'areas.delete',
      entityType: 'area',
      entityId: id,
      details: { name: row.name },
    });
  });
}

/**
 * The old districts whose communes now lie in the province, each with the new communes it became: the one
 * click that builds "huyện Ba Vì cũ". A new commune that also took communes of another old district is marked
 * `shared` (the officer decides whether it belongs to the area).
 */
export async function legacyDistricts(deps: AppDeps, actor: Actor, q: { province?: string }) {
  const province = q.province ?? ownProvince(actor);
  if (!province) throw field('province', 'required', 'Chọn tỉnh', 'Choose a province');
  assertReadsProvinceAreas(actor, province);
  const db = deps.database.db;
  const rows = await areasRepo.legacyDistricts(db, province);
  const current = new Map(
    (await areasRepo.currentCommunes(db, province, [...new Set(rows.map((r) => r.new_commune_code))])).map(
      (c) => [c.code, c.name],
    ),
  );
  const districtsOf = new Map<string, Set<string>>();
  const byDistrict = new Map<string, { name: string; oldProvinceName: string; codes: Set<string> }>();
  for (const r of rows) {
    if (!current.has(r.new_commune_code)) continue;
    const key = `${r.old_province_name}\u0000${r.old_district_key}`;
    const d = byDistrict.get(key) ?? {
      name: r.old_district_name!,
      oldProvinceName: r.old_province_name,
      codes: new Set<string>(),
    };
    d.codes.add(r.new_commune_code);
    byDistrict.set(key, d);
    districtsOf.set(r.new_commune_code, (districtsOf.get(r.new_commune_code) ?? new Set()).add(key));
  }
  const items = [...byDistrict.values()]
    .map((d) => ({
      name: d.name,
      oldProvinceName: d.oldProvinceName,
      communes: [...d.codes].sort().map((code) => ({
        code,
        name: current.get(code)!,
        shared: (districtsOf.get(code)?.size ?? 0) > 1,
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.oldProvinceName.localeCompare(b.oldProvinceName));
  return { province, items };
}
