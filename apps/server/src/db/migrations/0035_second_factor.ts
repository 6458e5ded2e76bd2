import type { Kysely } from 'kysely';

// Second factor and need-to-know (issue 16): each user's TOTP secret (encrypted with TOTP_KEY, never stored in
// clear), their one-time recovery codes (SHA-256 of 80-bit random codes), remembered devices (SHA-256 of a
// random token kept in an HttpOnly cookie), the second-factor state of a session, and the "break the glass"
// grants of national and province officers to read one person's identity for a stated reason.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('secret_enc', 'text', (c) => c.notNull()) // AES-256-GCM: iv.tag.ciphertext (base64url)
    .addColumn('confirmed_at', 'text') // null while enrolment is not confirmed with a code
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0)) // a used code is never accepted again
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('totp_recovery_codes_user')
    .on('totp_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .execute();
  await db.schema
    .createTable('remembered_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('remembered_devices_user').on('remembered_devices').column('user_id').execute();
  // 'ok' | 'code' (password checked, code still due) | 'enrol' (the role needs a second factor not yet set up)
  await db.schema
    .alterTable('sessions')
    .addColumn('second_factor', 'text', (c) => c.notNull().defaultTo('ok'))
    .execute();
  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull()) // the person's, to scope the auditor's list
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('break_glass_grants_user_person')
    .on('break_glass_grants')
    .columns(['user_id', 'person_id', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('break_glass_grants_time')
    .on('break_glass_grants')
    .columns(['granted_at'])
    .execute();
}

export async function down(): Promise<void> {}
