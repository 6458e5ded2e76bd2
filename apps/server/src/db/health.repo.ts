import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** A real round trip to the database (a table of the schema, so a missing migration fails too). */
export const pingDatabase = (db: Kysely<DB>) => db.selectFrom('users').select('id').limit(1).execute();
