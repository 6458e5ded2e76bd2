import type { Kysely } from 'kysely';

// Setting up a province (issue 14): an account's phone number (from the users sheet or the edit dialog), in its
// national form ('0912345678'), checked by packages/domain/src/phone.ts. Nullable: existing accounts have none.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
}
