import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowWhere } from '../shared/record-queries.repo.ts';
import type { UnitFilter } from './teams.repo.ts';

export type PartnerRow = Row<'community_partners'>;
export type ReferralRow = Row<'community_referrals'>;

export const partnersRepo = {
  insert: (db: Kysely<DB>, row: PartnerRow) => db.insertInto('community_partners').values(row).execute(),
  byId: (db: Kysely<DB>, id: string) => rowById(db, 'community_partners', id),
  byName: (db: Kysely<DB>, provinceCode: string, nameSearch: string) =>
    rowWhere(db, 'community_partners', { province_code: provinceCode, name_search: nameSearch }),
  list: (db: Kysely<DB>, f: { provinceCode?: string; kind?: string; tokens: string[]; active?: boolean }) => {
    let qb = db.selectFrom('community_partners').selectAll();
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    if (f.kind) qb = qb.where('kind', '=', f.kind);
    if (f.active !== undefined) qb = qb.where('active', '=', f.active ? 1 : 0);
    for (const t of f.tokens) qb = qb.where('name_search', 'like', `%${t}%`);
    return qb.orderBy('name_search').orderBy('id').limit(500).execute();
  },

  insertReferral: (db: Kysely<DB>, row: ReferralRow) =>
    db.insertInto('community_referrals').values(row).execute(),
  referralById: (db: Kysely<DB>, id: string) => rowById(db, 'community_referrals', id),
  referrals: (
    db: Kysely<DB>,
    f: UnitFilter & { id?: string; personId?: string; status?: string; service?: string },
  ) => {
    let qb = db
      .selectFrom('community_referrals as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .leftJoin('community_partners as pt', 'pt.id', 'r.partner_id')
      .selectAll('r')
      .select(['p.full_name as person_name', 'pt.name as partner_name', 'pt.kind as partner_kind']);
    if (f.id) qb = qb.where('r.id', '=', f.id);
    if (f.communeCode) qb = qb.where('r.commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('r.province_code', '=', f.provinceCode);
    if (f.personId) qb = qb.where('r.person_id', '=', f.personId);
    if (f.status) qb = qb.where('r.status', '=', f.status);
    if (f.service) qb = qb.where('r.service', '=', f.service);
    return qb.orderBy('r.referred_on', 'desc').orderBy('r.id').limit(1000).execute();
  },
};
