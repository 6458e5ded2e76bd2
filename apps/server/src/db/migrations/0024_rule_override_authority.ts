import type { Kysely } from 'kysely';

// A rule override may name the deciding official (and signer) from its date on, with or without a new value:
// `authority` is a RoleId of legal-basis.ts or null (the rule's own authority stays); `keeps_value` = 1 when
// only the authority changes, so the rule's own value stays (the `value` column then holds 'null', unread).
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rule_overrides').addColumn('authority', 'text').execute();
  await db.schema
    .alterTable('rule_overrides')
    .addColumn('keeps_value', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
