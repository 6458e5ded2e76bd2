import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById } from '../shared/record-queries.repo.ts';
import type { UnitFilter } from './teams.repo.ts';

export type ActivityRow = Row<'community_activities'>;

export type ActivityFilter = UnitFilter & { kind?: string; from?: string; to?: string };

function filtered(db: Kysely<DB>, f: ActivityFilter) {
  let qb = db.selectFrom('community_activities');
  if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
  if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
  if (f.kind) qb = qb.where('kind', '=', f.kind);
  if (f.from) qb = qb.where('held_on', '>=', f.from);
  if (f.to) qb = qb.where('held_on', '<=', f.to);
  return qb;
}

export const activitiesRepo = {
  insert: (db: Kysely<DB>, row: ActivityRow) => db.insertInto('community_activities').values(row).execute(),
  byId: (db: Kysely<DB>, id: string) => rowById(db, 'community_activities', id),
  list: async (db: Kysely<DB>, f: ActivityFilter & { limit: number; offset: number }) => {
    const base = filtered(db, f);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('held_on', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
  /** Per kind: number of activities and summed counts. */
  totalsByKind: (db: Kysely<DB>, f: ActivityFilter) =>
    filtered(db, f)
      .select((eb) => [
        'kind',
        eb.fn.countAll().as('n'),
        eb.fn.sum('people_reached').as('reached'),
        eb.fn.sum('commitments_signed').as('commitments'),
        eb.fn.sum('persuaded_count').as('persuaded'),
      ])
      .groupBy('kind')
      .execute(),
};
