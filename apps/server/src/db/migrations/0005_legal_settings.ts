import type { Kysely } from 'kysely';

// Legal settings a national administrator changes without a release: dated overrides of the rules in
// packages/domain/src/legal-regimes.ts, and calendar adjustments (extra days off, make-up working days).
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_key', 'text', (c) => c.notNull())
    // JSON text: a number, boolean, string, null or an object of numbers, checked against RULE_SHAPES.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('regime_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON text: a LegalBasis ({ instrument: { vi, en }, article?, clause?, chapter? }).
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('rule_overrides_key_from')
    .on('rule_overrides')
    .columns(['rule_key', 'effective_from'])
    .execute();

  await db.schema
    .createTable('calendar_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'day_off' | 'working_day'
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One adjustment per day: two would contradict each other.
  await db.schema
    .createIndex('calendar_adjustments_date')
    .on('calendar_adjustments')
    .column('date')
    .unique()
    .execute();
}
