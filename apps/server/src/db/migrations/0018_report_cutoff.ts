import type { Kysely } from 'kysely';

// The national reporting cut-off day as dated data: each row says "from this date on, periods are cut at this
// day", with its reason. Rows are only added (a later row of the same date supersedes an earlier one), so the
// history stays readable. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_cutoff_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 1, 2, 3… in recording order; unique, so two officers saving at once cannot both win.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('cutoff_day', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
