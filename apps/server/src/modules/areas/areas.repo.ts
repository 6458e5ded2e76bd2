import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, updateIfVersion } from '../shared/record-queries.repo.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';

export type AreaRow = Row<'areas'>;

/** Areas and their communes (SQL only here). */
export const areasRepo = {
  list: (db: Kysely<DB>, provinceCode: string | null) => {
    let q = db.selectFrom('areas').selectAll();
    if (provinceCode) q = q.where('province_code', '=', provinceCode);
    return q.orderBy('province_code').orderBy('name').limit(2000).execute();
  },
  find: (db: Kysely<DB>, id: string) => rowById(db, 'areas', id),
  byName: (db: Kysely<DB>, provinceCode: string, name: string) =>
    db
      .selectFrom('areas')
      .select(['id', 'name'])
      .where('province_code', '=', provinceCode)
      .where('name', '=', name)
      .executeTakeFirst(),
  /** The communes of some areas, in code order. */
  communesOf: async (db: Kysely<DB>, areaIds: string[]) => {
    if (areaIds.length === 0) return new Map<string, string[]>();
    const rows = await db
      .selectFrom('area_communes')
      .select(['area_id', 'commune_code'])
      .where('area_id', 'in', areaIds)
      .orderBy('commune_code')
      .execute();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.area_id, [...(out.get(r.area_id) ?? []), r.commune_code]);
    return out;
  },
  /** Periodic reports made for the area (`unit_code` 'area:<id>'). */
  reportCount: async (db: Kysely<DB>, unitCode: string) =>
    Number(
      (
        await db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('unit_code', '=', unitCode)
          .executeTakeFirst()
      )?.n ?? 0,
    ),
  insert: (db: Kysely<DB>, row: AreaRow) => db.insertInto('areas').values(row).execute(),
  /** Version-checked update; false when someone else changed the area first. */
  update: (db: Kysely<DB>, id: string, version: number, patch: Partial<AreaRow>) =>
    updateIfVersion(db, 'areas', id, version, patch),
  setCommunes: async (db: Kysely<DB>, id: string, codes: string[]) => {
    await db.deleteFrom('area_communes').where('area_id', '=', id).execute();
    if (codes.length)
      await db
        .insertInto('area_communes')
        .values(codes.map((commune_code) => ({ area_id: id, commune_code })))
        .execute();
  },
  delete: async (db: Kysely<DB>, id: string, version: number) => {
    await db.deleteFrom('area_communes').where('area_id', '=', id).execute();
    const r = await db
      .deleteFrom('areas')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
  /** Today's communes of a province among some codes, with their names. */
  currentCommunes: (db: Kysely<DB>, provinceCode: string, codes: string[]) =>
    codes.length
      ? unitsInForce(db, 'commune')
          .select(['code', 'name'])
          .where('province_code', '=', provinceCode)
          .where('code', 'in', codes)
          .execute()
      : Promise.resolve([] as { code: string; name: string }[]),
  communeNames: async (db: Kysely<DB>, codes: string[]) => {
    if (codes.length === 0) return new Map<string, string>();
    const rows = await db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('level', '=', 'commune')
      .where('code', 'in', codes)
      .orderBy('valid_from')
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
  /**
   * The old districts (before 01/07/2025) whose communes now lie in the province, each with the new communes
   * its old communes became (legacy_unit_mappings).
   */
  legacyDistricts: (db: Kysely<DB>, provinceCode: string) =>
    db
      .selectFrom('legacy_unit_mappings as m')
      .select(['m.old_province_name', 'm.old_district_name', 'm.old_district_key', 'm.new_commune_code'])
      .where('m.new_province_code', '=', provinceCode)
      .where('m.old_district_name', 'is not', null)
      .distinct()
      .execute(),
};
