import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Legal pathways: screening (drug tests, addiction determinations, counselling), episodes with their
// contacts, moves between communes, and the work list. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drug_tests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('tested_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull()) // JSON [{substance, otherName?, result}]
    .addColumn('positive', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('performed_by', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('relapse', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criminal_window', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('during_episode_id', 'text')
    .addColumn('during_episode_type', 'text')
    .addColumn('regime_id', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('drug_tests_person')
    .on('drug_tests')
    .columns(['person_id', 'tested_on'])
    .execute();

  await db.schema
    .createTable('addiction_determinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('observations', 'text', (c) => c.notNull()) // JSON [{criterion, from, to?}]
    .addColumn('addicted', 'integer', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason_vi', 'text', (c) => c.notNull())
    .addColumn('reason_en', 'text', (c) => c.notNull())
    .addColumn('criteria_met', 'text', (c) => c.notNull()) // JSON
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('doctor_name', 'text', (c) => c.notNull())
    .addColumn('doctor_certificate', 'text')
    .addColumn('facility_name', 'text', (c) => c.notNull())
    .addColumn('form04_number', 'text')
    .addColumn('substances', 'text', (c) => c.notNull()) // JSON
    .addColumn('hiv_status', 'text')
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('addiction_det_person')
    .on('addiction_determinations')
    .columns(['person_id', 'assessed_on'])
    .execute();

  await db.schema
    .createTable('counselling_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('counsellor', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('counselling_participants')
    .addColumn('session_id', 'text', (c) => c.notNull().references('counselling_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('counselling_participants_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('counselling_part_person')
    .on('counselling_participants')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('episodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_signer', 'text')
    .addColumn('decision_body', 'text')
    .addColumn('document_number', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('term_start', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('planned_end', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_reason', 'text')
    .addColumn('facility_id', 'text')
    .addColumn('responsible_unit_kind', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_code', 'text', (c) => c.notNull())
    .addColumn('managers', 'text', (c) => c.notNull()) // JSON [userId]
    .addColumn('details', 'text', (c) => c.notNull()) // JSON, per type
    .addColumn('certificate_number', 'text')
    .addColumn('certificate_date', 'text')
    .addColumn('notes', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('episodes_person')
    .on('episodes')
    .columns(['person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('episodes_type_open')
    .on('episodes')
    .columns(['type', 'outcome', 'planned_end'])
    .execute();

  await db.schema
    .createTable('episode_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('contact_date', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('episode_contacts_ep')
    .on('episode_contacts')
    .columns(['episode_id', 'contact_date'])
    .execute();
  await db.schema.createIndex('episode_contacts_person').on('episode_contacts').column('person_id').execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('from_commune_code', 'text', (c) => c.notNull())
    .addColumn('from_province_code', 'text', (c) => c.notNull())
    .addColumn('to_commune_code', 'text', (c) => c.notNull())
    .addColumn('to_province_code', 'text', (c) => c.notNull())
    .addColumn('moved_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('handover_due_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('received_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('transfers_person')
    .on('transfers')
    .columns(['person_id', 'moved_on'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('episode_id', 'text')
    .addColumn('responsible_role', 'text', (c) => c.notNull())
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('rule_key', 'text')
    .addColumn('regime_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('closed_by_type', 'text')
    .addColumn('closed_by_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_user', 'text')
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tasks_unit_open')
    .on('tasks')
    .columns(['unit_kind', 'unit_code', 'responsible_role', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('tasks_person_kind')
    .on('tasks')
    .columns(['person_id', 'kind', 'status'])
    .execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_user_id', 'status']).execute();
}
