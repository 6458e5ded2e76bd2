import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { stepsFunctions } from '../../modules/reports/aggregates/aggregates-sql.ts';
import { facilityDaysFunctions } from '../../modules/reports/aggregates/facility-days-sql.ts';
import { personDaysFunctions } from '../../modules/reports/aggregates/person-days-sql.ts';
import { triggerFunctionSql } from '../../modules/reports/aggregates/refresh-locks-sql.ts';

// PostgreSQL: two transactions writing records of one person at the same instant (a drug test and a contact,
// two facility events of one resident) failed with a unique violation inside the aggregates' triggers, which
// delete a person's kept rows and insert them again: under READ COMMITTED the second's delete does not see the
// first's fresh rows, so its insert meets their key (agg_person_days of 0040, agg_facility_days of 0041/0043);
// agg_person_steps (0037) lost the first's record instead (an upsert from the second's snapshot). The trigger
// functions are made again, from the same builders, with a lock of the people (or facility) they recompute
// taken first (modules/reports/aggregates/refresh-locks-sql.ts says how and why); the triggers stay. The
// status changes of 0037/0042 are added up (ON CONFLICT … delta + excluded.delta) and need none. SQLite needs
// nothing: its writes are serialised (BEGIN IMMEDIATE). Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  for (const [name, body] of [...stepsFunctions(), ...personDaysFunctions(), ...facilityDaysFunctions()])
    await sql.raw(triggerFunctionSql(name, body, true)).execute(db);
}
