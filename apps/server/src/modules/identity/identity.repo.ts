import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowWhere, updateIfVersion } from '../shared/record-queries.repo.ts';
import { unitNameInForce, unitsInForce } from '../shared/units-in-force.repo.ts';

export type UserRow = Row<'users'>;

/**
 * Accounts that belong to a province: its own officers, those of its communes and those of its facilities.
 * `currentCommunes` leaves out the officers of communes merged away (units no longer in force).
 */
export function accountsOfProvince(
  eb: ExpressionBuilder<DB, 'users'>,
  provinceCode: string,
  currentCommunes = false,
) {
  let communes = eb
    .selectFrom('units')
    .select('units.code')
    .where('units.level', '=', 'commune')
    .where('units.province_code', '=', provinceCode);
  if (currentCommunes) communes = communes.where('units.valid_to', 'is', null);
  const facilities = eb
    .selectFrom('facilities')
    .select('facilities.id')
    .where('facilities.province_code', '=', provinceCode);
  return eb.or([
    eb.and([eb('scope_kind', '=', 'province'), eb('scope_code', '=', provinceCode)]),
    eb.and([eb('scope_kind', '=', 'commune'), eb('scope_code', 'in', communes)]),
    eb.and([eb('scope_kind', '=', 'facility'), eb('scope_code', 'in', facilities)]),
  ]);
}

export const identityRepo = {
  /** Number of rows of a table the first-steps page counts. */
  async countRows(
    db: Kysely<DB>,
    table: 'facilities' | 'people' | 'report_cutoff_settings',
  ): Promise<number> {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /**
   * What the first-steps page counts, in the nation (null) or one province: facilities, accounts (of the province,
   * its communes and its facilities), people, and the report cut-off settings (national).
   */
  async firstStepCounts(db: Kysely<DB>, provinceCode: string | null) {
    const n = (r: { n: unknown }) => Number(r.n);
    let facilities = db.selectFrom('facilities').select((eb) => eb.fn.countAll().as('n'));
    let people = db.selectFrom('people').select((eb) => eb.fn.countAll().as('n'));
    let users = db.selectFrom('users').select((eb) => eb.fn.countAll().as('n'));
    if (provinceCode) {
      facilities = facilities.where('province_code', '=', provinceCode);
      people = people.where('province_code', '=', provinceCode);
      users = users.where((eb) => accountsOfProvince(eb, provinceCode));
    }
    return {
      facilities: n(await facilities.executeTakeFirstOrThrow()),
      users: n(await users.executeTakeFirstOrThrow()),
      people: n(await people.executeTakeFirstOrThrow()),
      cutoff: n(
        await db
          .selectFrom('report_cutoff_settings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    };
  },
  /** Every username, to refuse one already taken in a users import. */
  usernames: async (db: Kysely<DB>) =>
    (await db.selectFrom('users').select('username').execute()).map((u) => u.username),
  /** Every facility's id and name, to resolve a users import's unit column. */
  facilityList: (db: Kysely<DB>) => db.selectFrom('facilities').select(['id', 'name']).execute(),
  findUserByUsername: (db: Kysely<DB>, username: string) => rowWhere(db, 'users', { username }),
  findUserById: (db: Kysely<DB>, id: string) => rowById(db, 'users', id),
  countUsers: async (db: Kysely<DB>) =>
    Number(
      (
        await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  listUsers: (db: Kysely<DB>, opts: { limit: number; offset: number; q?: string }) => {
    let q = db.selectFrom('users').selectAll();
    if (opts.q)
      q = q.where((eb) =>
        eb.or([eb('username', 'like', `%${opts.q}%`), eb('full_name', 'like', `%${opts.q}%`)]),
      );
    return q.orderBy('username').limit(opts.limit).offset(opts.offset).execute();
  },
  insertUser: (db: Kysely<DB>, row: UserRow) => db.insertInto('users').values(row).execute(),
  updateUser: (db: Kysely<DB>, id: string, patch: Partial<UserRow>) =>
    db.updateTable('users').set(patch).where('id', '=', id).execute(),
  /** Version-checked update; returns false when the row changed meanwhile. */
  updateUserVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<UserRow>) =>
    updateIfVersion(db, 'users', id, version, patch),
  /** Counts one more failed login in the database (atomic across processes); returns the failures in a row. */
  countLoginFailure: async (db: Kysely<DB>, id: string) =>
    (
      await db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow()
    ).failed_logins,
  insertSession: (db: Kysely<DB>, row: Insertable<DB['sessions']>) =>
    db.insertInto('sessions').values(row).execute(),
  /** A user's sessions, the most recently used first (the list a user sees of their own). */
  userSessions: (db: Kysely<DB>, userId: string) =>
    db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('last_seen_at', 'desc')
      .execute(),
  /** Ends one session of a user; false when it is not theirs (or already ended). */
  deleteUserSession: async (db: Kysely<DB>, userId: string, sessionId: string) =>
    Number(
      (
        await db
          .deleteFrom('sessions')
          .where('id', '=', sessionId)
          .where('user_id', '=', userId)
          .executeTakeFirst()
      ).numDeletedRows,
    ) === 1,
  findSession: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as session_id',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'users.id as user_id',
        'users.username',
        'users.role',
        'users.scope_kind',
        'users.scope_code',
        'users.active',
        'users.must_change_password',
        'sessions.second_factor',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst(),
  touchSession: (db: Kysely<DB>, id: string, at: string) =>
    db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute(),
  deleteSession: (db: Kysely<DB>, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
  deleteOtherSessions: (db: Kysely<DB>, userId: string, keepSessionId: string) =>
    db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute(),
  deleteUserSessions: async (db: Kysely<DB>, userId: string) =>
    Number((await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows),
  unitName: (db: Kysely<DB>, code: string) => unitNameInForce(db, code),
  facilityName: async (db: Kysely<DB>, id: string) =>
    (await db.selectFrom('facilities').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null,
  /** Starts a period of activity of an account, in its role and unit (account_periods, 0027). */
  openPeriod: (
    db: Kysely<DB>,
    u: { id: string; role: string; scope_kind: string; scope_code: string | null },
    on: string,
  ) =>
    db
      .insertInto('account_periods')
      .values({
        id: randomUUID(),
        user_id: u.id,
        role: u.role,
        scope_kind: u.scope_kind,
        scope_code: u.scope_code,
        active_from: on,
        active_to: null,
      })
      .execute(),
  /** Ends the account's open period the day before `on` (a period that would end before it began is dropped). */
  closePeriod: async (db: Kysely<DB>, userId: string, on: string) => {
    await db
      .deleteFrom('account_periods')
      .where('user_id', '=', userId)
      .where('active_to', 'is', null)
      .where('active_from', '>=', on)
      .execute();
    await db
      .updateTable('account_periods')
      .set({ active_to: on })
      .where('user_id', '=', userId)
      .where('active_to', 'is', null)
      .execute();
  },
  unitExists: async (db: Kysely<DB>, code: string, level: 'province' | 'commune') =>
    !!(await unitsInForce(db, level).select('id').where('code', '=', code).executeTakeFirst()),
};
