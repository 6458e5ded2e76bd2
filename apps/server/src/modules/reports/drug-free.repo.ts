import type { Kysely, Selectable } from 'kysely';
import type { DB, DrugFreeCommuneTable } from '../../db/schema.ts';
import { updateIfVersion } from '../shared/record-queries.repo.ts';

export type DrugFreeRow = Selectable<DrugFreeCommuneTable>;

/** Communes recognised as drug-free, with the commune's name. */
export const drugFreeRepo = {
  insert: (db: Kysely<DB>, row: DrugFreeRow) => db.insertInto('drug_free_communes').values(row).execute(),
  find: (db: Kysely<DB>, id: string) =>
    db.selectFrom('drug_free_communes').selectAll().where('id', '=', id).executeTakeFirst(),
  /** Recognitions of a commune not revoked and not expired on a date. */
  inForce: (db: Kysely<DB>, communeCode: string, on: string) =>
    db
      .selectFrom('drug_free_communes')
      .select(['id'])
      .where('commune_code', '=', communeCode)
      .where('recognised_on', '<=', on)
      .where('revoked_on', 'is', null)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', on)]))
      .executeTakeFirst(),
  list: (db: Kysely<DB>, f: { provinceCode?: string; communeCode?: string }) => {
    let q = db
      .selectFrom('drug_free_communes as d')
      .leftJoin('units as u', (j) =>
        j.onRef('u.code', '=', 'd.commune_code').on('u.level', '=', 'commune').on('u.valid_to', 'is', null),
      )
      .selectAll('d')
      .select('u.name as commune_name');
    if (f.provinceCode) q = q.where('d.province_code', '=', f.provinceCode);
    if (f.communeCode) q = q.where('d.commune_code', '=', f.communeCode);
    return q.orderBy('d.recognised_on', 'desc').orderBy('d.id').limit(5000).execute();
  },
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<DrugFreeRow>) =>
    updateIfVersion(db, 'drug_free_communes', id, version, patch),
};
