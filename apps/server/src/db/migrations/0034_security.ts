import type { Kysely } from 'kysely';

// Security (issue 16): an account locked after too many failed logins until an administrator lifts it
// (users.login_locked_at; the growing temporary waits before it use the existing locked_until), and the device a
// session was opened from (sessions.user_agent), shown in the user's list of active sessions.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('login_locked_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
}
