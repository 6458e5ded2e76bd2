import { type Kysely, sql } from 'kysely';

// Indexes for a national figure computed from the records (a period nobody opened before, issue 13 / 17), found
// by bench/blocks-profile.ts on the national data set: each block's grid read a whole table or looked every
// person up in the people table. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  // Contacts of a period (people reached by services; post-rehab support): episode_contacts had no date index,
  // so the period's contacts were found by probing every person.
  await db.schema
    .createIndex('episode_contacts_date')
    .on('episode_contacts')
    .columns(['contact_date', 'person_id'])
    .execute();
  await db.schema
    .createIndex('episode_contacts_person_date')
    .on('episode_contacts')
    .columns(['person_id', 'contact_date'])
    .execute();
  // A person's cell (province, commune, facility) and what a disaggregation reads, without the people row:
  // every block joins people by id.
  await db.schema
    .createIndex('people_cell')
    .on('people')
    .columns(['id', 'province_code', 'cur_commune_code', 'current_facility_id', 'sex', 'birth_year'])
    .execute();
  // People by status on a day (the status history's spans), read from the index alone.
  await db.schema
    .createIndex('person_status_history_span')
    .on('person_status_history')
    .columns(['status', 'valid_to', 'valid_from', 'person_id', 'facility_id'])
    .execute();
  await db.schema
    .createIndex('person_status_history_to')
    .on('person_status_history')
    .columns(['valid_to', 'valid_from', 'person_id', 'facility_id', 'status'])
    .execute();
  // Addicts by a date, and the determinations of a period (the table had no date index).
  await db.schema
    .createIndex('addiction_det_addicted_date')
    .on('addiction_determinations')
    .columns(['addicted', 'assessed_on', 'person_id'])
    .execute();
  // Relapse tests of a period.
  await db.schema
    .createIndex('drug_tests_relapse_date')
    .on('drug_tests')
    .columns(['relapse', 'positive', 'tested_on', 'person_id', 'id'])
    .execute();
  // Episodes of a type started by a date (the treatment step, episodes started), with what those read.
  await db.schema
    .createIndex('episodes_type_start')
    .on('episodes')
    .columns(['type', 'start_date', 'person_id', 'outcome', 'actual_end'])
    .execute();
  // Whether a person attended a session by a date (the four steps): the participant's sessions and each one's
  // day from indexes alone (each was a lookup in both tables: 2.25 s → 0.3 s for the nation's ~92,000 treated).
  await db.schema
    .createIndex('counselling_part_person_session')
    .on('counselling_participants')
    .columns(['person_id', 'session_id'])
    .execute();
  await db.schema
    .createIndex('counselling_sessions_id_held')
    .on('counselling_sessions')
    .columns(['id', 'held_on'])
    .execute();
  await sql`ANALYZE`.execute(db);
}
