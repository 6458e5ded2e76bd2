import type { Insertable, Kysely } from 'kysely';
import type { DB, LegacyUnitMappingTable, UnitTable, UnitUpdateTable } from '../../db/schema.ts';

// Rows per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const UNIT_CHUNK = 2000;
const LEGACY_CHUNK = 2000;

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const exists = async (q: { executeTakeFirst: () => Promise<unknown> }) => !!(await q.executeTakeFirst());

/** The first-start load of the shipped units (units-loader.ts decides; the SQL is here). */
export const unitsBaseRepo = {
  /** What a database already holds: units, legacy mappings, units still without an ordering key. */
  state: async (db: Kysely<DB>) => {
    const hasUnits = await exists(db.selectFrom('units').select('id').limit(1));
    const hasLegacy = await exists(db.selectFrom('legacy_unit_mappings').select('old_commune_code').limit(1));
    const unsorted = hasUnits
      ? await exists(db.selectFrom('units').select('id').where('sort_key', '=', '').limit(1))
      : false;
    return { hasUnits, hasLegacy, unsorted };
  },
  insertBase: async (trx: Kysely<DB>, update: Insertable<UnitUpdateTable>, rows: Insertable<UnitTable>[]) => {
    await trx.insertInto('unit_updates').values(update).execute();
    await insertChunks(rows, UNIT_CHUNK, (chunk) => trx.insertInto('units').values(chunk).execute());
  },
  insertLegacy: (trx: Kysely<DB>, rows: Insertable<LegacyUnitMappingTable>[]) =>
    insertChunks(rows, LEGACY_CHUNK, (chunk) =>
      trx.insertInto('legacy_unit_mappings').values(chunk).execute(),
    ),
  unsortedUnits: (trx: Kysely<DB>) =>
    trx.selectFrom('units').select(['id', 'name', 'level']).where('sort_key', '=', '').execute(),
  setSortKey: (trx: Kysely<DB>, id: string, sortKey: string) =>
    trx.updateTable('units').set({ sort_key: sortKey }).where('id', '=', id).execute(),
};
