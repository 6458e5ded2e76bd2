import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, FacilityLicenceTable, FacilityTable } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowsWhere, rowWhere, updateIfVersion } from '../shared/record-queries.repo.ts';

export type FacilityRow = Row<'facilities'>;
export type FacilityLicenceRow = Row<'facility_licences'>;

export type FacilityFilter = {
  provinceCode?: string;
  communeCode?: string;
  kind?: string;
  /** Tokens of normalizeVi output: only [a-z0-9], so no LIKE wildcard to escape. */
  tokens: string[];
  active?: boolean;
  limit: number;
  offset: number;
};

export const facilitiesRepo = {
  list: async (db: Kysely<DB>, f: FacilityFilter) => {
    let q = db.selectFrom('facilities');
    if (f.provinceCode) q = q.where('province_code', '=', f.provinceCode);
    if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
    for (const t of f.tokens) q = q.where('name_search', 'like', `%${t}%`);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('name_search').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
  findById: (db: Kysely<DB>, id: string) => rowById(db, 'facilities', id),
  findByName: (db: Kysely<DB>, provinceCode: string, nameSearch: string) =>
    rowsWhere(db, 'facilities', { province_code: provinceCode, name_search: nameSearch }),
  insert: (db: Kysely<DB>, row: Insertable<FacilityTable>) =>
    db.insertInto('facilities').values(row).execute(),
  /** Updates when the version still matches; false when someone else changed the row first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, set: Updateable<FacilityTable>) =>
    updateIfVersion(db, 'facilities', id, version, set),
  /** Licences of the facilities, latest issued first. */
  licences: async (db: Kysely<DB>, facilityIds: string[]) =>
    facilityIds.length
      ? db
          .selectFrom('facility_licences')
          .selectAll()
          .where('facility_id', 'in', facilityIds)
          .orderBy('issued_on', 'desc')
          .orderBy('id')
          .execute()
      : [],
  findLicence: (db: Kysely<DB>, facilityId: string, id: string) =>
    rowWhere(db, 'facility_licences', { facility_id: facilityId, id }),
  insertLicence: (db: Kysely<DB>, row: Insertable<FacilityLicenceTable>) =>
    db.insertInto('facility_licences').values(row).execute(),
  /** Updates when the version still matches; false when someone else changed the licence first. */
  updateLicenceVersioned: (
    db: Kysely<DB>,
    id: string,
    version: number,
    set: Updateable<FacilityLicenceTable>,
  ) => updateIfVersion(db, 'facility_licences', id, version, set),
};
