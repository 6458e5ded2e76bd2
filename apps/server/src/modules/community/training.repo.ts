import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { accountsOfProvince } from '../identity/identity.repo.ts';
import { rowById } from '../shared/record-queries.repo.ts';
import type { UnitFilter } from './teams.repo.ts';

export type TrainingRow = Row<'community_trainings'>;
export type AttendeeRow = Row<'community_training_attendees'>;

/** Staff whose training the "share trained" figure counts. */
export const STAFF_ROLES = [
  'province_officer',
  'commune_officer',
  'commune_police',
  'facility_staff',
  'facility_medical',
];

export const trainingRepo = {
  insert: (db: Kysely<DB>, row: TrainingRow) => db.insertInto('community_trainings').values(row).execute(),
  insertAttendees: (db: Kysely<DB>, rows: AttendeeRow[]) =>
    rows.length ? db.insertInto('community_training_attendees').values(rows).execute() : Promise.resolve(),
  byId: (db: Kysely<DB>, id: string) => rowById(db, 'community_trainings', id),
  list: (db: Kysely<DB>, f: UnitFilter & { from?: string; to?: string }) => {
    let qb = db.selectFrom('community_trainings').selectAll();
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    if (f.from) qb = qb.where('held_on', '>=', f.from);
    if (f.to) qb = qb.where('held_on', '<=', f.to);
    return qb.orderBy('held_on', 'desc').orderBy('id').limit(1000).execute();
  },
  attendeesOf: (db: Kysely<DB>, trainingIds: string[]) =>
    trainingIds.length
      ? db
          .selectFrom('community_training_attendees as a')
          .leftJoin('users as u', 'u.id', 'a.user_id')
          .leftJoin('community_volunteers as v', 'v.id', 'a.volunteer_id')
          .selectAll('a')
          .select(['u.full_name as user_name', 'v.full_name as volunteer_name'])
          .where('a.training_id', 'in', trainingIds)
          .execute()
      : Promise.resolve([]),
  ofVolunteer: (db: Kysely<DB>, volunteerId: string) =>
    db
      .selectFrom('community_trainings as t')
      .innerJoin('community_training_attendees as a', 'a.training_id', 't.id')
      .selectAll('t')
      .where('a.volunteer_id', '=', volunteerId)
      .orderBy('t.held_on')
      .execute(),
  users: (db: Kysely<DB>, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('users')
          .select(['id', 'role', 'scope_kind', 'scope_code', 'active'])
          .where('id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  /** Active staff accounts of a commune, or of a province (its communes, the province, its facilities). */
  staffIds: async (db: Kysely<DB>, f: UnitFilter) => (await trainingRepo.staff(db, f)).map((r) => r.id),
  /** The same staff with their names and roles (for the attendance list of a training). */
  staff: async (db: Kysely<DB>, f: UnitFilter) => {
    let qb = db
      .selectFrom('users')
      .select(['id', 'full_name', 'role'])
      .where('active', '=', 1)
      .where('role', 'in', STAFF_ROLES);
    if (f.communeCode) qb = qb.where('scope_kind', '=', 'commune').where('scope_code', '=', f.communeCode);
    else if (f.provinceCode) qb = qb.where((eb) => accountsOfProvince(eb, f.provinceCode!, true));
    return qb.orderBy('full_name').limit(5000).execute();
  },
  /** Users and volunteers who attended a training held in [from, to]. */
  trainedBetween: async (db: Kysely<DB>, from: string, to: string) => {
    const rows = await db
      .selectFrom('community_training_attendees as a')
      .innerJoin('community_trainings as t', 't.id', 'a.training_id')
      .select(['a.user_id', 'a.volunteer_id'])
      .where('t.held_on', '>=', from)
      .where('t.held_on', '<=', to)
      .execute();
    return {
      users: new Set(rows.map((r) => r.user_id).filter((x): x is string => !!x)),
      volunteers: new Set(rows.map((r) => r.volunteer_id).filter((x): x is string => !!x)),
    };
  },
};
