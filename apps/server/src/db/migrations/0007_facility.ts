import type { Kysely } from 'kysely';
import { editStampsNoDefault } from './columns.ts';

// Rehab facility operations: admissions (intake, bed, stage, term adjustments, release and handover),
// the stages each resident went through, vocational classes with their learners, and one dated register
// of the facility's other events (health records, visits, incidents, rewards, counselling and education
// sessions, labour therapy, self-management groups, term changes, support services, attendance).
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facility_admissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('episode_id', 'text', (c) => c.notNull().references('episodes.id'))
    .addColumn('basis', 'text', (c) => c.notNull()) // voluntary | compulsory_pending | compulsory
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('record_number', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('belongings', 'text', (c) => c.notNull()) // JSON [{item, quantity, note}]
    .addColumn('rapid_test', 'text', (c) => c.notNull()) // JSON {testedOn, result, substances}
    .addColumn('area', 'text')
    .addColumn('bed', 'text')
    .addColumn('no_known_residence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('uncounted_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reduction_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('early_release_on', 'text')
    .addColumn('absence_kind', 'text')
    .addColumn('absence_from', 'text')
    .addColumn('notice', 'text') // JSON of the release notice to the commune
    .addColumn('released_on', 'text')
    .addColumn('release', 'text') // JSON {certificate, outcome, taskId, unit}
    .addColumn('notes', 'text')
    .$call(editStampsNoDefault)
    .execute();
  await db.schema
    .createIndex('facility_admissions_facility')
    .on('facility_admissions')
    .columns(['facility_id', 'admitted_on'])
    .execute();
  await db.schema
    .createIndex('facility_admissions_person')
    .on('facility_admissions')
    .columns(['person_id'])
    .execute();

  await db.schema
    .createTable('facility_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('admission_id', 'text', (c) => c.notNull().references('facility_admissions.id'))
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('began_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('facility_stages_admission')
    .on('facility_stages')
    .columns(['admission_id', 'stage'])
    .unique()
    .execute();

  await db.schema
    .createTable('facility_classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('teacher', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('facility_classes_facility')
    .on('facility_classes')
    .columns(['facility_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('facility_class_learners')
    .addColumn('class_id', 'text', (c) => c.notNull().references('facility_classes.id'))
    .addColumn('admission_id', 'text', (c) => c.notNull().references('facility_admissions.id'))
    .addColumn('enrolled_on', 'text', (c) => c.notNull())
    .addColumn('certificate_number', 'text')
    .addColumn('certificate_date', 'text')
    .addPrimaryKeyConstraint('facility_class_learners_pk', ['class_id', 'admission_id'])
    .execute();

  await db.schema
    .createTable('facility_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('admission_id', 'text', (c) => c.references('facility_admissions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subkind', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('health', 'integer', (c) => c.notNull().defaultTo(0)) // 1: sensitivity class health
    .addColumn('data', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('facility_events_facility')
    .on('facility_events')
    .columns(['facility_id', 'kind', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('facility_events_admission')
    .on('facility_events')
    .columns(['admission_id', 'kind'])
    .execute();
}
