import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The administrative units as they are today (each unit's open-ended row), of one level when given: where every
 * module's query for a current unit, its name or a province's communes starts.
 */
export function unitsInForce(db: Kysely<DB>, level?: 'province' | 'commune') {
  const qb = db.selectFrom('units').where('valid_to', 'is', null);
  return level ? qb.where('level', '=', level) : qb;
}

/** The name of the unit in force with this code (of the level, when given), or null. */
export async function unitNameInForce(db: Kysely<DB>, code: string, level?: 'province' | 'commune') {
  return (
    (await unitsInForce(db, level).select('name').where('code', '=', code).executeTakeFirst())?.name ?? null
  );
}
