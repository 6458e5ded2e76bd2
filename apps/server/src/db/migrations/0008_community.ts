import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Community work: volunteer teams and volunteers, their assignments, contacts, team activities, clubs,
// partners and referrals, training records, and the administrator's community settings.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await editStamps(
    db.schema
      .createTable('community_teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull().unique())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('leader_volunteer_id', 'text')
      .addColumn('established_on', 'text', (c) => c.notNull())
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('ct_province').on('community_teams').column('province_code').execute();

  await editStamps(
    db.schema
      .createTable('community_volunteers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('community_teams.id'))
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('sex', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('phone', 'text')
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('organisation_detail', 'text')
      .addColumn('user_id', 'text', (c) => c.unique().references('users.id'))
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('left_on', 'text')
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('cv_team').on('community_volunteers').columns(['team_id', 'active']).execute();
  await db.schema.createIndex('cv_commune').on('community_volunteers').column('commune_code').execute();

  await db.schema
    .createTable('community_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('community_volunteers.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    // The row in volunteer_assignments that gives the volunteer's account access to the person.
    .addColumn('access_id', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('cas_volunteer')
    .on('community_assignments')
    .columns(['volunteer_id', 'ended_on'])
    .execute();
  await db.schema
    .createIndex('cas_person')
    .on('community_assignments')
    .columns(['person_id', 'ended_on'])
    .execute();
  await db.schema
    .createIndex('cas_commune')
    .on('community_assignments')
    .columns(['commune_code', 'started_on'])
    .execute();

  await db.schema
    .createTable('community_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('by_role', 'text', (c) => c.notNull())
    .addColumn('contact_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('service', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('next_contact_date', 'text')
    .addColumn('task_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cc_person')
    .on('community_contacts')
    .columns(['person_id', 'contact_date'])
    .execute();
  await db.schema
    .createIndex('cc_user')
    .on('community_contacts')
    .columns(['by_user_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('cc_commune')
    .on('community_contacts')
    .columns(['commune_code', 'contact_date'])
    .execute();

  await editStamps(
    db.schema
      .createTable('community_activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('community_teams.id'))
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('participant_volunteer_ids', 'text', (c) => c.notNull()) // JSON string[]
      .addColumn('people_reached', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('commitments_signed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('persuaded_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('persuaded_person_ids', 'text', (c) => c.notNull()) // JSON string[]
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('cact_commune')
    .on('community_activities')
    .columns(['commune_code', 'held_on'])
    .execute();
  await db.schema
    .createIndex('cact_province')
    .on('community_activities')
    .columns(['province_code', 'held_on'])
    .execute();

  await editStamps(
    db.schema
      .createTable('community_clubs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('founded_on', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('cclub_commune').on('community_clubs').column('commune_code').execute();

  await db.schema
    .createTable('community_club_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('club_id', 'text', (c) => c.notNull().references('community_clubs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('relation', 'text')
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('ccm_club').on('community_club_members').column('club_id').execute();
  await db.schema.createIndex('ccm_person').on('community_club_members').column('person_id').execute();

  await db.schema
    .createTable('community_club_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('club_id', 'text', (c) => c.notNull().references('community_clubs.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('guests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('ccmt_club')
    .on('community_club_meetings')
    .columns(['club_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('community_club_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('community_club_meetings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('community_club_members.id'))
    .addPrimaryKeyConstraint('community_club_attendance_pk', ['meeting_id', 'member_id'])
    .execute();
  await db.schema.createIndex('cca_member').on('community_club_attendance').column('member_id').execute();

  await editStamps(
    db.schema
      .createTable('community_partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_search', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text')
      .addColumn('address', 'text')
      .addColumn('phone', 'text')
      .addColumn('services', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createIndex('cpart_province')
    .on('community_partners')
    .columns(['province_code', 'name_search'])
    .execute();

  await editStamps(
    db.schema
      .createTable('community_referrals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('partner_id', 'text', (c) => c.references('community_partners.id'))
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('referred_on', 'text', (c) => c.notNull())
      .addColumn('status_on', 'text', (c) => c.notNull())
      .addColumn('employer_name', 'text')
      .addColumn('job_start_date', 'text')
      .addColumn('loan_amount', 'integer')
      .addColumn('loan_purpose', 'text')
      .addColumn('course_name', 'text')
      .addColumn('course_completed_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('cref_person').on('community_referrals').column('person_id').execute();
  await db.schema
    .createIndex('cref_commune')
    .on('community_referrals')
    .columns(['commune_code', 'referred_on'])
    .execute();

  await editStamps(
    db.schema
      .createTable('community_trainings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text')
      .addColumn('course', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('organiser', 'text')
      .addColumn('hours', 'integer'),
  ).execute();
  await db.schema
    .createIndex('ctr_province')
    .on('community_trainings')
    .columns(['province_code', 'held_on'])
    .execute();

  await db.schema
    .createTable('community_training_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training_id', 'text', (c) => c.notNull().references('community_trainings.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('volunteer_id', 'text', (c) => c.references('community_volunteers.id'))
    .execute();
  await db.schema
    .createIndex('cta_training')
    .on('community_training_attendees')
    .column('training_id')
    .execute();
  await db.schema.createIndex('cta_user').on('community_training_attendees').column('user_id').execute();
  await db.schema
    .createIndex('cta_volunteer')
    .on('community_training_attendees')
    .column('volunteer_id')
    .execute();

  await db.schema
    .createTable('community_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull()) // JSON
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
