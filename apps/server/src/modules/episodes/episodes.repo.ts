import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowsOfPerson, rowsWhere, updateIfVersion } from '../shared/record-queries.repo.ts';

export type EpisodeRow = Row<'episodes'>;
export type ContactRow = Row<'episode_contacts'>;
export type TransferRow = Row<'transfers'>;

export const episodesRepo = {
  insert: (db: Kysely<DB>, row: EpisodeRow) => db.insertInto('episodes').values(row).execute(),
  findById: (db: Kysely<DB>, id: string) => rowById(db, 'episodes', id),
  forPerson: (db: Kysely<DB>, personId: string) =>
    rowsOfPerson(db, 'episodes', personId, ['start_date', 'created_at']),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<EpisodeRow>) =>
    updateIfVersion(db, 'episodes', id, version, patch),
  /** Closes an episode as a side effect of another act (a court order ending pending management). */
  closeAsEffect: (db: Kysely<DB>, id: string, patch: Partial<EpisodeRow>) =>
    db
      .updateTable('episodes')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute(),
  insertContact: (db: Kysely<DB>, row: ContactRow) => db.insertInto('episode_contacts').values(row).execute(),
  contactsOf: (db: Kysely<DB>, episodeId: string) =>
    rowsWhere(db, 'episode_contacts', { episode_id: episodeId }, ['contact_date', 'created_at']),
  contactsForPerson: (db: Kysely<DB>, personId: string) => rowsOfPerson(db, 'episode_contacts', personId, []),
  activeUserIds: async (db: Kysely<DB>, ids: string[]) => {
    if (ids.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids)
      .where('active', '=', 1)
      .execute();
    return new Set(rows.map((r) => r.id));
  },
  usersByIds: async (db: Kysely<DB>, ids: string[]) =>
    ids.length
      ? db.selectFrom('users').select(['id', 'full_name', 'role']).where('id', 'in', ids).execute()
      : [],
  facility: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('facilities')
      .select(['id', 'name', 'province_code', 'active'])
      .where('id', '=', id)
      .executeTakeFirst(),
  insertTransfer: (db: Kysely<DB>, row: TransferRow) => db.insertInto('transfers').values(row).execute(),
  transferById: (db: Kysely<DB>, id: string) => rowById(db, 'transfers', id),
  transfersForPerson: (db: Kysely<DB>, personId: string) =>
    rowsOfPerson(db, 'transfers', personId, ['moved_on', 'created_at']),
  markTransferReceived: (db: Kysely<DB>, id: string, at: string, by: string) =>
    db
      .updateTable('transfers')
      .set({ received_at: at, received_by: by })
      .where('id', '=', id)
      .where('received_at', 'is', null)
      .executeTakeFirst(),
  /** Moves a person to another commune (a transfer); version-checked. */
  movePerson: (
    db: Kysely<DB>,
    id: string,
    version: number,
    patch: {
      cur_commune_code: string;
      province_code: string;
      cur_detail: string | null;
      updated_at: string;
      updated_by: string;
    },
  ) => updateIfVersion(db, 'people', id, version, patch),
  /** People with an episode whose actual or planned last day falls in [from, to). */
  peopleWithEndsBetween: async (db: Kysely<DB>, from: string, to: string) =>
    (
      await db
        .selectFrom('episodes')
        .select('person_id')
        .distinct()
        .where((eb) =>
          eb.or([
            eb.and([eb('actual_end', '>=', from), eb('actual_end', '<', to)]),
            eb.and([eb('actual_end', 'is', null), eb('planned_end', '>=', from), eb('planned_end', '<', to)]),
          ]),
        )
        .execute()
    ).map((r) => r.person_id),
  /** Derived columns of a person (status, current facility): never typed by hand, so no version bump. */
  setDerived: (db: Kysely<DB>, id: string, patch: { status: string; current_facility_id: string | null }) =>
    db.updateTable('people').set(patch).where('id', '=', id).execute(),
};
