import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One version per code: the one in force on `on` (or the earliest); with `exactly`, none started after it. */
function communesOn(
  rows: { code: string; name: string; valid_from: string }[],
  on: string,
  exactly: boolean,
): { code: string; name: string }[] {
  const earliest = rows.map((r) => r.valid_from).sort()[0] ?? on;
  const day = exactly && earliest > on ? earliest : on;
  const out = new Map<string, { code: string; name: string }>();
  for (const r of rows)
    if (r.valid_from <= day || (!exactly && !out.has(r.code)))
      out.set(r.code, { code: r.code, name: r.name });
  return [...out.values()];
}

/**
 * Administrative lookups the engine needs to place a unit in the viewer's scope. Units in force at the end of
 * the period or later: the unit history before 07/2025 is held as legacy mappings, so a report of an earlier
 * period is made for today's units (the records carry today's codes).
 */
export const unitsRepo = {
  commune: (db: Kysely<DB>, code: string, on: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name', 'province_code', 'level'])
      .where('code', '=', code)
      .where('level', '=', 'commune')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
  province: (db: Kysely<DB>, code: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name', 'province_code', 'level'])
      .where('code', '=', code)
      .where('level', '=', 'province')
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
  /** Communes merged into another (unit updates' merges): old code → the one it was merged into. */
  successors: async (db: Kysely<DB>) =>
    new Map(
      (await db.selectFrom('unit_successors').select(['from_code', 'to_code']).execute()).map((r) => [
        r.from_code,
        r.to_code,
      ]),
    ),
  facility: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('facilities')
      .select(['id', 'name', 'province_code'])
      .where('id', '=', id)
      .executeTakeFirst(),
  /**
   * Communes of a province in force on a date or later, and its facilities. `exactly`: only those in force on
   * that date (the units of a period; before the earliest units recorded, those stand for the days before them).
   */
  childrenOf: async (db: Kysely<DB>, provinceCode: string, on: string, exactly = false) => ({
    communes: communesOn(
      await db
        .selectFrom('units')
        .select(['code', 'name', 'valid_from'])
        .where('level', '=', 'commune')
        .where('province_code', '=', provinceCode)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .orderBy('code')
        .orderBy('valid_from')
        .execute(),
      on,
      exactly,
    ),
    facilities: await db
      .selectFrom('facilities')
      .select(['id', 'name'])
      .where('province_code', '=', provinceCode)
      .orderBy('name')
      .execute(),
  }),
  /**
   * The names of communes (today's, or the last of one abolished) and of every facility, by code (a drill-down
   * export's unit columns).
   */
  names: async (db: Kysely<DB>) => {
    const [communes, facilities] = await Promise.all([
      db
        .selectFrom('units')
        .select(['code', 'name'])
        .where('level', '=', 'commune')
        .orderBy('valid_from')
        .execute(),
      db.selectFrom('facilities').select(['id', 'name']).execute(),
    ]);
    return {
      communes: new Map(communes.map((c) => [c.code, c.name])),
      facilities: new Map(facilities.map((f) => [f.id, f.name])),
    };
  },
  provinces: (db: Kysely<DB>, on: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('level', '=', 'province')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
      .orderBy('code')
      .execute(),
};
