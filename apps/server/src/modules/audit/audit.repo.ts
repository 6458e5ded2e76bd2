import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
    if (f.from) q = q.where('at', '>=', f.from);
    // `to` is an inclusive day: everything before the next midnight (UTC timestamps).
    if (f.to) q = q.where('at', '<', `${f.to}T23:59:59.999Z`);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },
};
