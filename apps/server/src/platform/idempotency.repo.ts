import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const idempotencyRepo = {
  find: (db: Kysely<DB>, userId: string, key: string) =>
    db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst(),

  /** Claims the key inside the write's transaction; false when another request already holds it. */
  async claim(
    trx: Kysely<DB>,
    row: { userId: string; key: string; requestHash: string; method: string; path: string; at: string },
  ): Promise<boolean> {
    const r = await trx
      .insertInto('idempotency_keys')
      .values({
        user_id: row.userId,
        key: row.key,
        request_hash: row.requestHash,
        method: row.method,
        path: row.path,
        status_code: null,
        response_body: null,
        created_at: row.at,
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  saveAnswer: (db: Kysely<DB>, userId: string, key: string, status: number, body: string | null) =>
    db
      .updateTable('idempotency_keys')
      .set({ status_code: status, response_body: body })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute(),

  pruneBefore: async (db: Kysely<DB>, before: string) => {
    const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  },
};
