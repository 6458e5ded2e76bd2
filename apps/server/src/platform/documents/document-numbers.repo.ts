import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Key of one numbering series. */
export interface NumberSeriesKey {
  unitCode: string;
  year: number;
  series: string;
}

/**
 * Takes the next number of a series in one statement: insert 1, or add 1 to the stored last number.
 * The upsert locks the row until the caller's transaction ends (PostgreSQL) or runs under SQLite's single
 * writer, so two transactions never see the same number, and a rolled-back transaction gives its number back.
 */
export async function incrementSeries(db: Kysely<DB>, key: NumberSeriesKey, at: string): Promise<number> {
  const row = await db
    .insertInto('document_numbers')
    .values({ unit_code: key.unitCode, year: key.year, series: key.series, last_number: 1, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['unit_code', 'year', 'series']).doUpdateSet((eb) => ({
        last_number: eb('document_numbers.last_number', '+', 1),
        updated_at: at,
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** The last number given in a series, 0 when none. */
export async function lastInSeries(db: Kysely<DB>, key: NumberSeriesKey): Promise<number> {
  const row = await db
    .selectFrom('document_numbers')
    .select('last_number')
    .where('unit_code', '=', key.unitCode)
    .where('year', '=', key.year)
    .where('series', '=', key.series)
    .executeTakeFirst();
  return row ? Number(row.last_number) : 0;
}
