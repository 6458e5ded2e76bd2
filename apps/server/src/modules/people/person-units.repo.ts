import type { Kysely } from 'kysely';
import type { DB, PersonUnitTable } from '../../db/schema.ts';
import { rowsOfPerson, rowWhere } from '../shared/record-queries.repo.ts';

// The commune a person lived in over time (person_units, migration 0032): half-open spans, the open one
// (valid_to null) being the person's current commune.

export type PersonUnitRow = PersonUnitTable;

export const personUnitsRepo = {
  open: (db: Kysely<DB>, personId: string) =>
    rowWhere(db, 'person_units', { person_id: personId, valid_to: null }),
  /** The person's spans, oldest first. */
  history: (db: Kysely<DB>, personId: string) => rowsOfPerson(db, 'person_units', personId, ['valid_from']),
  insert: async (db: Kysely<DB>, rows: PersonUnitRow[]) => {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('person_units')
        .values(rows.slice(i, i + 500))
        .execute();
  },
  correct: (db: Kysely<DB>, id: string, commune: string, province: string) =>
    db
      .updateTable('person_units')
      .set({ commune_code: commune, province_code: province })
      .where('id', '=', id)
      .execute(),
  close: (db: Kysely<DB>, id: string, on: string) =>
    db.updateTable('person_units').set({ valid_to: on }).where('id', '=', id).execute(),
  /** Spans that start on or after a day (a move dated before a later recorded one): removed before re-opening. */
  dropFrom: (db: Kysely<DB>, personId: string, on: string) =>
    db.deleteFrom('person_units').where('person_id', '=', personId).where('valid_from', '>=', on).execute(),
  /** The people whose open span is in a commune (a merge moves them all), a page at a time. */
  openIn: (db: Kysely<DB>, commune: string, after: string, limit: number) =>
    db
      .selectFrom('person_units')
      .select(['id', 'person_id', 'valid_from'])
      .where('commune_code', '=', commune)
      .where('valid_to', 'is', null)
      .where('person_id', '>', after)
      .orderBy('person_id')
      .limit(limit)
      .execute(),
  closeMany: (db: Kysely<DB>, ids: string[], on: string) =>
    db.updateTable('person_units').set({ valid_to: on }).where('id', 'in', ids).execute(),
  /** Moves the people of a commune to the one it was merged into (their current commune and province). */
  movePeople: (db: Kysely<DB>, from: string, to: string, province: string, at: string) =>
    db
      .updateTable('people')
      .set((eb) => ({
        cur_commune_code: to,
        province_code: province,
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('cur_commune_code', '=', from)
      .execute(),
  insertSuccessors: async (db: Kysely<DB>, rows: DB['unit_successors'][]) => {
    if (rows.length) await db.insertInto('unit_successors').values(rows).execute();
  },
  /** Every commune merged into another, with the one it was merged into. */
  successors: (db: Kysely<DB>) =>
    db.selectFrom('unit_successors').select(['from_code', 'to_code', 'effective_date']).execute(),
  person: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('people')
      .select(['id', 'cur_commune_code', 'province_code'])
      .where('id', '=', personId)
      .executeTakeFirst(),
};
