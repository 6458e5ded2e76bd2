import type { Kysely, Selectable } from 'kysely';
import type { CommunityPartnerTable, CommunityReferralTable, DB } from '../../db/schema.ts';
import type { UnitFilter } from './teams.repo.ts';

export type PartnerRow = Selectable<CommunityPartnerTable>;
export type ReferralRow = Selectable<CommunityReferralTable>;

export const partnersRepo = {
  insert: (db: Kysely<DB>, row: PartnerRow) => db.insertInto('community_partners').values(row).execute(),
  byId: (db: Kysely<DB>, id: string) =>
    db.selectFrom('community_partners').selectAll().where('id', '=', id).executeTakeFirst(),
  byName: (db: Kysely<DB>, provinceCode: string, nameSearch: string) =>
    db
      .selectFrom('community_partners')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('name_search', '=', nameSearch)
      .executeTakeFirst(),
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
  referralById: (db: Kysely<DB>, id: string) =>
    db.selectFrom('community_referrals').selectAll().where('id', '=', id).executeTakeFirst(),
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
