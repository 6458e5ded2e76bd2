import type { Kysely, Selectable } from 'kysely';
import type { DB, EpisodeContactTable, EpisodeTable, TransferTable } from '../../db/schema.ts';

export type EpisodeRow = Selectable<EpisodeTable>;
export type ContactRow = Selectable<EpisodeContactTable>;
export type TransferRow = Selectable<TransferTable>;

export const episodesRepo = {
  insert: (db: Kysely<DB>, row: EpisodeRow) => db.insertInto('episodes').values(row).execute(),
  findById: (db: Kysely<DB>, id: string) =>
    db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst(),
  forPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('episodes')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .orderBy('created_at')
      .execute(),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: async (db: Kysely<DB>, id: string, version: number, patch: Partial<EpisodeRow>) => {
    const r = await db
      .updateTable('episodes')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  /** Closes an episode as a side effect of another act (a court order ending pending management). */
  closeAsEffect: (db: Kysely<DB>, id: string, patch: Partial<EpisodeRow>) =>
    db
      .updateTable('episodes')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute(),
  insertContact: (db: Kysely<DB>, row: ContactRow) => db.insertInto('episode_contacts').values(row).execute(),
  contactsOf: (db: Kysely<DB>, episodeId: string) =>
    db
      .selectFrom('episode_contacts')
      .selectAll()
      .where('episode_id', '=', episodeId)
      .orderBy('contact_date')
      .orderBy('created_at')
      .execute(),
  contactsForPerson: (db: Kysely<DB>, personId: string) =>
    db.selectFrom('episode_contacts').selectAll().where('person_id', '=', personId).execute(),
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
  transferById: (db: Kysely<DB>, id: string) =>
    db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst(),
  transfersForPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('transfers')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('moved_on')
      .orderBy('created_at')
      .execute(),
  markTransferReceived: (db: Kysely<DB>, id: string, at: string, by: string) =>
    db
      .updateTable('transfers')
      .set({ received_at: at, received_by: by })
      .where('id', '=', id)
      .where('received_at', 'is', null)
      .executeTakeFirst(),
  /** Moves a person to another commune (a transfer); version-checked. */
  movePerson: async (
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
  ) => {
    const r = await db
      .updateTable('people')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
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
