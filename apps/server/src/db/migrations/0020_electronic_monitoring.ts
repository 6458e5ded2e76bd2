import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Electronic monitoring (giám sát điện tử, Law 120/2025/QH15 Art. 12, from 01/07/2026): a measure decided by
// the head of commune police for a person in community rehab, on substitution therapy or under post-rehab
// management, and what happened during it (breaches, tampering, device faults, the removal that ends it).
// Class 'legal'. Both tables carry a version for optimistic concurrency. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('electronic_monitoring_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('episode_id', 'text', (c) => c.notNull()) // the qualifying episode on the start date
    .addColumn('commune_code', 'text', (c) => c.notNull()) // the commune whose police applied it
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('decision_signer', 'text')
    .addColumn('authority', 'text', (c) => c.notNull()) // role id from the rule in force on decision_date
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull()) // JSON list of { vi, en } citations of the rule
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('actual_end', 'text') // set by the removal event
    .addColumn('means', 'text', (c) => c.notNull())
    .addColumn('means_other', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // 'active' | 'ended'
    .addColumn('notes', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('em_measures_person')
    .on('electronic_monitoring_measures')
    .columns(['person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('em_measures_commune_start')
    .on('electronic_monitoring_measures')
    .columns(['commune_code', 'start_date'])
    .execute();
  await db.schema
    .createIndex('em_measures_start')
    .on('electronic_monitoring_measures')
    .columns(['start_date'])
    .execute();

  await db.schema
    .createTable('electronic_monitoring_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // breach | tampering_reported | device_fault | removal
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('em_events_measure')
    .on('electronic_monitoring_events')
    .columns(['measure_id', 'occurred_on'])
    .execute();
}
