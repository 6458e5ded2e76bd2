import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Indicators added by national administrators (the shipped catalogue is code: packages/domain/src/indicators.ts)
// and periodic reports with their narrative, review steps and the frozen snapshot of approved figures.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period_index', 'integer', (c) => c.notNull())
    .addColumn('cutoff_day', 'integer', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('snapshot_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('reports_unit_period')
    .on('reports')
    .columns(['unit_kind', 'unit_code', 'period_kind', 'year', 'period_index'])
    .unique()
    .execute();
  await db.schema
    .createIndex('reports_period')
    .on('reports')
    .columns(['period_kind', 'year', 'period_index', 'province_code'])
    .execute();
}
