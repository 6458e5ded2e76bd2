import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { updateIfVersion } from '../shared/record-queries.repo.ts';

export type DeclarationRow = Row<'substance_declarations'>;
/** A declaration with the full names of who recorded and who last corrected it. */
export type DeclarationView = DeclarationRow & {
  recorded_by_name: string | null;
  updated_by_name: string | null;
};

const withNames = (db: Kysely<DB>) =>
  db
    .selectFrom('substance_declarations as d')
    .leftJoin('users as r', 'r.id', 'd.recorded_by')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .selectAll('d')
    .select(['r.full_name as recorded_by_name', 'u.full_name as updated_by_name']);

export const declarationsRepo = {
  insert: (db: Kysely<DB>, row: DeclarationRow) =>
    db.insertInto('substance_declarations').values(row).execute(),
  find: (db: Kysely<DB>, id: string): Promise<DeclarationView | undefined> =>
    withNames(db).where('d.id', '=', id).executeTakeFirst(),
  /** A person's declarations, latest first. */
  forPerson: (db: Kysely<DB>, personId: string): Promise<DeclarationView[]> =>
    withNames(db)
      .where('d.person_id', '=', personId)
      .orderBy('d.declared_on', 'desc')
      .orderBy('d.recorded_at', 'desc')
      .execute(),
  /** Applies a correction if the row is still at `version`; false when someone else changed it first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<DeclarationRow>) =>
    updateIfVersion(db, 'substance_declarations', id, version, patch),
};
