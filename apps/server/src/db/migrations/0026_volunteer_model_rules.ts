import type { Kysely } from 'kysely';

// The volunteer-model rule as dated data (issue 13): each row says "from this date on, a commune has the model
// when at least N members of its team each help at least M people". The figure of a past date reads the rule
// in force on that date, so changing the rule never rewrites a past period. Rows are only added (a later row
// of the same date supersedes an earlier one). The rule set before this migration (community_settings) is
// carried over as in force from the beginning. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('volunteer_model_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('min_volunteers_with_people', 'integer', (c) => c.notNull())
    .addColumn('min_people_per_volunteer', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .execute();
  await db.schema
    .createIndex('volunteer_model_rules_from')
    .on('volunteer_model_rules')
    .columns(['valid_from', 'set_at'])
    .execute();
  const old = await db
    .selectFrom('community_settings')
    .selectAll()
    .where('key', '=', 'volunteer_model_rule')
    .executeTakeFirst();
  if (old) {
    const v = JSON.parse(old.value) as { minVolunteersWithPeople: number; minPeoplePerVolunteer: number };
    await db
      .insertInto('volunteer_model_rules')
      .values({
        id: 'carried-over',
        valid_from: '1900-01-01',
        min_volunteers_with_people: v.minVolunteersWithPeople,
        min_people_per_volunteer: v.minPeoplePerVolunteer,
        reason: old.reason,
        set_at: old.updated_at,
        set_by: old.updated_by,
      })
      .execute();
  }
}
