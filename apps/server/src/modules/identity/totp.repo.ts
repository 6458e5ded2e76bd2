import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowWhere } from '../shared/record-queries.repo.ts';

export type UserTotpRow = Row<'user_totp'>;
export type SecondFactorState = 'ok' | 'code' | 'enrol';

/** SQL of the second factor: secrets, recovery codes, remembered devices, the session's second-factor state. */
export const totpRepo = {
  find: (db: Kysely<DB>, userId: string) => rowWhere(db, 'user_totp', { user_id: userId }),
  /** Starts (or restarts, while unconfirmed) an enrolment with a new secret. */
  upsertPending: async (db: Kysely<DB>, userId: string, secretEnc: string, at: string) => {
    await db
      .deleteFrom('user_totp')
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .execute();
    await db
      .insertInto('user_totp')
      .values({
        user_id: userId,
        secret_enc: secretEnc,
        confirmed_at: null,
        last_step: 0,
        failed_attempts: 0,
        locked_until: null,
        created_at: at,
      })
      .execute();
  },
  update: (db: Kysely<DB>, userId: string, patch: Partial<UserTotpRow>) =>
    db.updateTable('user_totp').set(patch).where('user_id', '=', userId).execute(),
  /** Counts one more wrong code, atomically (parallel tries cannot both read the old count); returns the count. */
  addFailure: async (db: Kysely<DB>, userId: string) => {
    await db
      .updateTable('user_totp')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('user_id', '=', userId)
      .execute();
    const row = await db
      .selectFrom('user_totp')
      .select('failed_attempts')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.failed_attempts ?? 0;
  },
  /** Records a used step only if it is newer than the last one: two requests with one code cannot both pass. */
  useStep: async (db: Kysely<DB>, userId: string, step: number) => {
    const r = await db
      .updateTable('user_totp')
      .set({ last_step: step, failed_attempts: 0, locked_until: null })
      .where('user_id', '=', userId)
      .where('last_step', '<', step)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  deleteAllOf: async (db: Kysely<DB>, userId: string) => {
    await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    await db.deleteFrom('remembered_devices').where('user_id', '=', userId).execute();
  },
  replaceRecoveryCodes: async (
    db: Kysely<DB>,
    userId: string,
    rows: { id: string; code_hash: string }[],
    at: string,
  ) => {
    await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('totp_recovery_codes')
      .values(rows.map((r) => ({ ...r, user_id: userId, created_at: at, used_at: null })))
      .execute();
  },
  /** Marks an unused code used; false when there is none (wrong, or already used). */
  useRecoveryCode: async (db: Kysely<DB>, userId: string, codeHash: string, at: string) => {
    const r = await db
      .updateTable('totp_recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  unusedRecoveryCodes: async (db: Kysely<DB>, userId: string) =>
    Number(
      (
        await db
          .selectFrom('totp_recovery_codes')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', userId)
          .where('used_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  insertDevice: (db: Kysely<DB>, row: Row<'remembered_devices'>) =>
    db.insertInto('remembered_devices').values(row).execute(),
  findDevice: (db: Kysely<DB>, userId: string, tokenHash: string, now: string) =>
    db
      .selectFrom('remembered_devices')
      .select(['id', 'expires_at'])
      .where('user_id', '=', userId)
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst(),
  countDevices: async (db: Kysely<DB>, userId: string, now: string) =>
    Number(
      (
        await db
          .selectFrom('remembered_devices')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', userId)
          .where('expires_at', '>', now)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  forgetDevices: (db: Kysely<DB>, userId: string) =>
    db.deleteFrom('remembered_devices').where('user_id', '=', userId).execute(),
  sessionState: async (db: Kysely<DB>, sessionId: string) =>
    (await db.selectFrom('sessions').select('second_factor').where('id', '=', sessionId).executeTakeFirst())
      ?.second_factor as SecondFactorState | undefined,
  setSessionState: (db: Kysely<DB>, sessionId: string, state: SecondFactorState) =>
    db.updateTable('sessions').set({ second_factor: state }).where('id', '=', sessionId).execute(),
};
