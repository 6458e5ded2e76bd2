import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowWhere } from '../shared/record-queries.repo.ts';
import type { UnitFilter } from './teams.repo.ts';

export type ClubRow = Row<'community_clubs'>;
export type MemberRow = Row<'community_club_members'>;
export type MeetingRow = Row<'community_club_meetings'>;

export const clubsRepo = {
  insert: (db: Kysely<DB>, row: ClubRow) => db.insertInto('community_clubs').values(row).execute(),
  byId: (db: Kysely<DB>, id: string) => rowById(db, 'community_clubs', id),
  list: (db: Kysely<DB>, f: UnitFilter) => {
    let qb = db.selectFrom('community_clubs').selectAll();
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return qb.orderBy('name').orderBy('id').limit(1000).execute();
  },
  insertMember: (db: Kysely<DB>, row: MemberRow) =>
    db.insertInto('community_club_members').values(row).execute(),
  memberById: (db: Kysely<DB>, id: string) => rowById(db, 'community_club_members', id),
  members: (db: Kysely<DB>, clubIds: string[]) =>
    clubIds.length
      ? db
          .selectFrom('community_club_members as m')
          .leftJoin('people as p', 'p.id', 'm.person_id')
          .selectAll('m')
          .select('p.full_name as person_name')
          .where('m.club_id', 'in', clubIds)
          .orderBy('m.joined_on')
          .orderBy('m.id')
          .execute()
      : Promise.resolve([]),
  activeMembership: (db: Kysely<DB>, clubId: string, personId: string) =>
    rowWhere(db, 'community_club_members', { club_id: clubId, person_id: personId, left_on: null }),
  leave: (db: Kysely<DB>, id: string, leftOn: string) =>
    db
      .updateTable('community_club_members')
      .set({ left_on: leftOn })
      .where('id', '=', id)
      .where('left_on', 'is', null)
      .executeTakeFirst(),
  insertMeeting: (db: Kysely<DB>, row: MeetingRow, memberIds: string[]) =>
    db
      .insertInto('community_club_meetings')
      .values(row)
      .execute()
      .then(() =>
        memberIds.length
          ? db
              .insertInto('community_club_attendance')
              .values(memberIds.map((m) => ({ meeting_id: row.id, member_id: m })))
              .execute()
          : undefined,
      ),
  meetings: (db: Kysely<DB>, clubId: string) =>
    db
      .selectFrom('community_club_meetings')
      .selectAll()
      .where('club_id', '=', clubId)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .limit(500)
      .execute(),
  attendance: (db: Kysely<DB>, meetingIds: string[]) =>
    meetingIds.length
      ? db.selectFrom('community_club_attendance').selectAll().where('meeting_id', 'in', meetingIds).execute()
      : Promise.resolve([]),
  /** A person's club memberships with the number of meetings they attended. */
  ofPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('community_club_members as m')
      .innerJoin('community_clubs as c', 'c.id', 'm.club_id')
      .select((eb) => [
        'm.id',
        'm.club_id',
        'c.name as club_name',
        'm.joined_on',
        'm.left_on',
        eb
          .selectFrom('community_club_attendance as a')
          .innerJoin('community_club_meetings as mt', 'mt.id', 'a.meeting_id')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('a.member_id', '=', 'm.id')
          .as('attended'),
        eb
          .selectFrom('community_club_attendance as a')
          .innerJoin('community_club_meetings as mt', 'mt.id', 'a.meeting_id')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('a.member_id', '=', 'm.id')
          .where('mt.kind', '=', 'relapse_prevention')
          .as('relapse_sessions'),
      ])
      .where('m.person_id', '=', personId)
      .orderBy('m.joined_on')
      .execute(),
};
