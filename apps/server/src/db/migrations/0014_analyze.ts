import { type Kysely, sql } from 'kysely';

// Statistics for the indexes of 0011-0013. Without them SQLite takes an unmeasured index for a selective one:
// on the national benchmark data it walked every post-rehab episode of the country through
// episodes_type_decision for one commune's figure (1.5 s instead of a few ms through the commune's people).
// PostgreSQL's autovacuum would get there too; ANALYZE now makes both right from the first request.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
