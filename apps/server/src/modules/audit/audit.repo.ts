import { addDays } from '@hoanhap/domain/iso-date';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditScope } from '../../platform/policy.ts';

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

/** Ids of the accounts of a province: its own, its communes' and its facilities'. */
const usersOfProvince = (eb: ExpressionBuilder<DB, 'audit_log'>, code: string) =>
  eb
    .selectFrom('users')
    .select('users.id')
    .where((w) =>
      w.or([
        w.and([w('users.scope_kind', '=', 'province'), w('users.scope_code', '=', code)]),
        w.and([
          w('users.scope_kind', '=', 'commune'),
          w(
            'users.scope_code',
            'in',
            w
              .selectFrom('units')
              .select('units.code')
              .where('units.level', '=', 'commune')
              .where('units.province_code', '=', code),
          ),
        ]),
        w.and([
          w('users.scope_kind', '=', 'facility'),
          w(
            'users.scope_code',
            'in',
            w.selectFrom('facilities').select('facilities.id').where('facilities.province_code', '=', code),
          ),
        ]),
      ]),
    );

export const auditRepo = {
  list: async (db: Kysely<DB>, scope: AuditScope, f: AuditFilter) => {
    let q = db.selectFrom('audit_log');
    if (scope.kind === 'none') q = q.where(sql<boolean>`1 = 0`);
    if (scope.kind === 'province') {
      const code = scope.code;
      q = q.where((eb) =>
        eb.or([
          eb('audit_log.user_id', 'in', usersOfProvince(eb, code)),
          eb.and([
            eb('audit_log.entity_type', '=', 'person'),
            eb(
              'audit_log.entity_id',
              'in',
              eb.selectFrom('people').select('people.id').where('people.province_code', '=', code),
            ),
          ]),
          eb.and([
            eb('audit_log.entity_type', '=', 'user'),
            eb('audit_log.entity_id', 'in', usersOfProvince(eb, code)),
          ]),
        ]),
      );
    }
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
