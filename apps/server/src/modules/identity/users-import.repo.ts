import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// What the undo of a users import needs to know about the accounts it created, and their removal.
export const usersImportRepo = {
  /** Accounts among `ids` that ever logged in (an audited login, or a session). */
  loggedIn: async (db: Kysely<DB>, ids: string[]): Promise<string[]> => {
    if (!ids.length) return [];
    const a = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .distinct()
      .where('action', '=', 'login')
      .where('entity_type', '=', 'user')
      .where('entity_id', 'in', ids)
      .execute();
    const s = await db
      .selectFrom('sessions')
      .select('user_id')
      .distinct()
      .where('user_id', 'in', ids)
      .execute();
    return [...new Set([...a.map((r) => r.entity_id!), ...s.map((r) => r.user_id)])];
  },
  /** Accounts among `ids` that records point to (assigned to a person, a volunteer's account, a training). */
  referenced: async (db: Kysely<DB>, ids: string[]): Promise<string[]> => {
    if (!ids.length) return [];
    const out = new Set<string>();
    for (const r of await db
      .selectFrom('volunteer_assignments')
      .select('user_id')
      .where('user_id', 'in', ids)
      .execute())
      out.add(r.user_id);
    for (const r of await db
      .selectFrom('community_volunteers')
      .select('user_id')
      .where('user_id', 'in', ids)
      .execute())
      if (r.user_id) out.add(r.user_id);
    for (const r of await db
      .selectFrom('community_training_attendees')
      .select('user_id')
      .where('user_id', 'in', ids)
      .execute())
      if (r.user_id) out.add(r.user_id);
    return [...out];
  },
  usernames: (db: Kysely<DB>, ids: string[]) =>
    ids.length
      ? db.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute()
      : Promise.resolve([]),
  deleteUsers: async (db: Kysely<DB>, ids: string[]) => {
    if (!ids.length) return;
    await db.deleteFrom('sessions').where('user_id', 'in', ids).execute();
    await db.deleteFrom('account_periods').where('user_id', 'in', ids).execute();
    await db.deleteFrom('users').where('id', 'in', ids).execute();
  },
};
