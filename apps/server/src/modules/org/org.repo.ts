import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, UnitTable, UnitUpdateTable } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowsWhere } from '../shared/record-queries.repo.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';

export type UnitRow = Row<'units'>;
export type UnitUpdateRow = Row<'unit_updates'>;

// Rows or codes per statement: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const INSERT_CHUNK = 2000;
const CODE_CHUNK = 5000;
const CASE_CHUNK = 1000;
// An arbitrary key for pg_advisory_xact_lock, owned by unit updates.
const UNIT_UPDATE_LOCK = 7_302_025;

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type UnitFilter = {
  level?: 'province' | 'commune';
  provinceCode?: string;
  /** Tokens of normalizeVi output: only [a-z0-9], so no LIKE wildcard to escape. */
  tokens?: string[];
  limit?: number;
};

/**
 * Unit versions are half-open date ranges: a version applies from valid_from (inclusive) up to
 * valid_to (exclusive; null = still in force). The current units are those with valid_to null.
 */
export const orgRepo = {
  listUnits: (db: Kysely<DB>, f: UnitFilter & { on?: string }) => {
    let q = db.selectFrom('units').selectAll();
    if (f.on) {
      const on = f.on;
      q = q
        .where('valid_from', '<=', on)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]));
    } else q = q.where('valid_to', 'is', null);
    if (f.level) q = q.where('level', '=', f.level);
    if (f.provinceCode) q = q.where('province_code', '=', f.provinceCode);
    for (const t of f.tokens ?? []) q = q.where('name_search', 'like', `%${t}%`);
    q = q.orderBy('sort_key').orderBy('code');
    return (f.limit ? q.limit(f.limit) : q).execute();
  },
  currentUnits: (db: Kysely<DB>) => rowsWhere(db, 'units', { valid_to: null }),
  currentUnit: (db: Kysely<DB>, code: string, level?: 'province' | 'commune') => {
    return unitsInForce(db, level).selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** Every version of a unit, oldest first, with the source of the update that started it. */
  versions: (db: Kysely<DB>, code: string) =>
    db
      .selectFrom('units')
      .leftJoin('unit_updates', 'unit_updates.id', 'units.update_id')
      .selectAll('units')
      .select('unit_updates.source')
      .where('units.code', '=', code)
      .orderBy('units.valid_from')
      .execute(),
  /** The newest version of each code (the current one, or the last before it was abolished). */
  latestVersions: async (db: Kysely<DB>, codes: string[]) => {
    const out = new Map<string, UnitRow>();
    for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
      if (!part.length) continue;
      const rows = await db
        .selectFrom('units')
        .selectAll()
        .where('code', 'in', part)
        .orderBy('valid_from')
        .execute();
      for (const r of rows) out.set(r.code, r);
    }
    return out;
  },
  /** Codes among `codes` having a version that starts on or after `date`. */
  codesWithVersionsFrom: async (db: Kysely<DB>, codes: string[], date: string) => {
    const out = new Set<string>();
    for (const part of chunks(codes, CODE_CHUNK)) {
      const rows = await db
        .selectFrom('units')
        .select('code')
        .where('code', 'in', part)
        .where((eb) => eb.or([eb('valid_from', '>=', date), eb('valid_to', '>', date)]))
        .execute();
      for (const r of rows) out.add(r.code);
    }
    return out;
  },
  closeCurrent: async (db: Kysely<DB>, codes: string[], validTo: string, updateId: string) => {
    for (const part of chunks(codes, CODE_CHUNK))
      await db
        .updateTable('units')
        .set({ valid_to: validTo, closed_update_id: updateId })
        .where('valid_to', 'is', null)
        .where('code', 'in', part)
        .execute();
  },
  insertUnits: async (db: Kysely<DB>, rows: Insertable<UnitTable>[]) => {
    for (const part of chunks(rows, INSERT_CHUNK)) await db.insertInto('units').values(part).execute();
  },
  /** Sets name_en of many rows, a CASE per statement rather than one statement per row. */
  setNamesEn: async (db: Kysely<DB>, pairs: { id: string; nameEn: string | null }[]) => {
    for (const part of chunks(pairs, CASE_CHUNK)) {
      const cases = sql.join(
        part.map((p) => sql`when ${p.id} then ${p.nameEn}`),
        sql` `,
      );
      await db
        .updateTable('units')
        .set({ name_en: sql<string | null>`case id ${cases} end` })
        .where(
          'id',
          'in',
          part.map((p) => p.id),
        )
        .execute();
    }
  },
  /** Serialises dated updates on PostgreSQL (SQLite has one writer anyway). */
  lockUnitUpdates: async (db: Kysely<DB>) => {
    await sql`select pg_advisory_xact_lock(${UNIT_UPDATE_LOCK})`.execute(db);
  },
  insertUpdate: (db: Kysely<DB>, row: Insertable<UnitUpdateTable>) =>
    db.insertInto('unit_updates').values(row).execute(),
  listUpdates: (db: Kysely<DB>, limit: number, offset: number) =>
    db
      .selectFrom('unit_updates')
      .selectAll()
      .orderBy('effective_date', 'desc')
      .orderBy('applied_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
  countUpdates: async (db: Kysely<DB>) =>
    Number(
      (
        await db
          .selectFrom('unit_updates')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),

  legacyByCode: (db: Kysely<DB>, oldCode: string, limit: number) =>
    db
      .selectFrom('legacy_unit_mappings')
      .selectAll()
      .where('old_commune_code', '=', oldCode)
      .orderBy('new_commune_code')
      .limit(limit)
      .execute(),
  legacyByKeys: (
    db: Kysely<DB>,
    keys: { commune: string; district?: string; province?: string; newProvinceCodes?: string[] },
    limit: number,
  ) => {
    let q = db.selectFrom('legacy_unit_mappings').selectAll().where('old_commune_key', '=', keys.commune);
    const province = keys.province;
    const newCodes = keys.newProvinceCodes ?? [];
    if (province)
      q = q.where((eb) =>
        newCodes.length
          ? eb.or([eb('old_province_key', '=', province), eb('new_province_code', 'in', newCodes)])
          : eb('old_province_key', '=', province),
      );
    if (keys.district) q = q.where('old_district_key', '=', keys.district);
    return q
      .orderBy('old_province_key')
      .orderBy('old_district_key')
      .orderBy('old_commune_code')
      .orderBy('new_commune_code')
      .limit(limit)
      .execute();
  },
};
