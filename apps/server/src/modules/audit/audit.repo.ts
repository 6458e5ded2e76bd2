import { addDays } from '@hoanhap/domain/iso-date';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The UTC instant a day in Vietnam begins: 00:00 UTC+7 is 17:00 UTC the day before. */
export const vietnamDayStart = (day: string) => `${addDays(day, -1)}T17:00:00.000Z`;

export type AuditFilter = {
  userId?: string;
  username?: string;
  entityId?: string;
  from?: string;
  to?: string;
  action?: string;
  limit: number;
  offset: number;
};

export const auditRepo = {
  list: async (db: Kysely<DB>, f: AuditFilter) => {
    let q = db.selectFrom('audit_log');
    if (f.userId) q = q.where('user_id', '=', f.userId);
    if (f.username) q = q.where('username', '=', f.username);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.action) q = q.where('action', '=', f.action);
    // `from` and `to` are days in Vietnam (UTC+7), `to` inclusive; `at` is a UTC timestamp: a Vietnamese day
    // runs from 17:00 UTC the day before to 17:00 UTC.
    if (f.from) q = q.where('at', '>=', vietnamDayStart(f.from));
    if (f.to) q = q.where('at', '<', vietnamDayStart(addDays(f.to, 1)));
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
};
