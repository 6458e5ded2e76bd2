import type { Kysely } from 'kysely';

// Addiction determination as Decree 109/2021 has it: made by a qualified health facility and doctor, whose
// conclusion on Form 04 is the result. Adds the doctor's conclusion, the health facility's operating licence
// and whether the product's criteria check agreed with the doctor. All nullable: determinations recorded
// before stay readable as they were (the service requires the fields of new ones). Forward-only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('addiction_determinations').addColumn('doctor_conclusion', 'text').execute();
  await db.schema.alterTable('addiction_determinations').addColumn('facility_licence', 'text').execute();
  await db.schema.alterTable('addiction_determinations').addColumn('criteria_agree', 'integer').execute();
}
