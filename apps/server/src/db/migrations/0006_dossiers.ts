import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Compulsory-rehab dossiers (hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc): the dossier
// and its steps up to the court, the people it names with the court's outcome for each, and the uploaded
// documents of its checklist. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('preparer_authority', 'text', (c) => c.notNull())
    .addColumn('prepared_on', 'text', (c) => c.notNull())
    .addColumn('notified_on', 'text')
    .addColumn('reading_days', 'integer')
    .addColumn('reading_end', 'text')
    .addColumn('reading_closed_on', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('submission_number', 'text')
    .addColumn('court_authority', 'text')
    .addColumn('court_name', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('court_case_number', 'text')
    .addColumn('hearing_date', 'text')
    .addColumn('hearing_place', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('executed_on', 'text')
    .addColumn('notes', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('dossiers_commune')
    .on('dossiers')
    .columns(['commune_code', 'status', 'prepared_on'])
    .execute();
  await db.schema
    .createIndex('dossiers_province')
    .on('dossiers')
    .columns(['province_code', 'status', 'prepared_on'])
    .execute();

  await db.schema
    .createTable('dossier_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // Order in which the people were named, as the dossier lists them.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('ground_note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_signer', 'text')
    .addColumn('postponed_until', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('executed_on', 'text')
    .addColumn('admitted_on', 'text')
    .addColumn('facility_id', 'text')
    .addColumn('episode_id', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .execute();
  await db.schema
    .createIndex('dossier_people_unique')
    .on('dossier_people')
    .columns(['dossier_id', 'person_id'])
    .unique()
    .execute();
  await db.schema.createIndex('dossier_people_person').on('dossier_people').column('person_id').execute();

  await db.schema
    .createTable('dossier_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .execute();
  await db.schema
    .createIndex('dossier_documents_dossier')
    .on('dossier_documents')
    .columns(['dossier_id', 'person_id', 'kind'])
    .execute();
}
