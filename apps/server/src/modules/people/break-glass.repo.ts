import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';

export type BreakGlassRow = Row<'break_glass_grants'>;

/** SQL of "break the glass" grants: one officer, one person, a stated reason, until a time. */
export const breakGlassRepo = {
  insert: (db: Kysely<DB>, row: BreakGlassRow) => db.insertInto('break_glass_grants').values(row).execute(),
  /** The latest end of an open grant of the user, for each of the people that has one. */
  openFor: async (db: Kysely<DB>, userId: string, personIds: string[], now: string) => {
    const out = new Map<string, string>();
    if (personIds.length === 0) return out;
    const rows = await db
      .selectFrom('break_glass_grants')
      .select(['person_id', (eb) => eb.fn.max('expires_at').as('until')])
      .where('user_id', '=', userId)
      .where('person_id', 'in', personIds)
      .where('expires_at', '>', now)
      .groupBy('person_id')
      .execute();
    for (const r of rows) out.set(r.person_id, String(r.until));
    return out;
  },
  /** The auditor's list, newest first, with the person's name; `provinceCode` limits it to one province. */
  list: async (
    db: Kysely<DB>,
    f: {
      provinceCode?: string;
      username?: string;
      from?: string;
      to?: string;
      limit: number;
      offset: number;
    },
  ) => {
    let q = db.selectFrom('break_glass_grants as g').leftJoin('people as p', 'p.id', 'g.person_id');
    if (f.provinceCode) q = q.where('g.province_code', '=', f.provinceCode);
    if (f.username) q = q.where('g.username', '=', f.username);
    if (f.from) q = q.where('g.granted_at', '>=', f.from);
    if (f.to) q = q.where('g.granted_at', '<', f.to);
    const [rows, total] = await Promise.all([
      q
        .select([
          'g.id',
          'g.user_id',
          'g.username',
          'g.role',
          'g.person_id',
          'g.province_code',
          'g.reason',
          'g.ip',
          'g.granted_at',
          'g.expires_at',
          'p.full_name',
        ])
        .orderBy('g.granted_at', 'desc')
        .orderBy('g.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
};
