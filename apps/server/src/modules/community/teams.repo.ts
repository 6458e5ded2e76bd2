import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { VOLUNTEER_ACCOUNT } from '../../platform/policy.ts';
import { rowById, rowsWhere, rowWhere, updateIfVersion } from '../shared/record-queries.repo.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';

export type TeamRow = Row<'community_teams'>;
export type VolunteerRow = Row<'community_volunteers'>;
export type AssignmentRow = Row<'community_assignments'>;
export type AccessRow = Row<'volunteer_assignments'>;

export type UnitFilter = { communeCode?: string; provinceCode?: string };

/** Version-checked update of a community row; false when someone else changed it first. */
/** Version-checked update of a community record. */
const versioned = (
  db: Kysely<DB>,
  table: keyof DB & `community_${string}`,
  id: string,
  version: number,
  patch: object,
) => updateIfVersion(db, table, id, version, patch);

export const teamsRepo = {
  versioned,
  insertTeam: (db: Kysely<DB>, row: TeamRow) => db.insertInto('community_teams').values(row).execute(),
  teamById: (db: Kysely<DB>, id: string) => rowById(db, 'community_teams', id),
  /** The commune's first team (a commune may keep several: 0028). */
  teamOfCommune: (db: Kysely<DB>, communeCode: string) =>
    db
      .selectFrom('community_teams')
      .selectAll()
      .where('commune_code', '=', communeCode)
      .orderBy('established_on')
      .orderBy('created_at')
      .executeTakeFirst(),
  teams: (db: Kysely<DB>, f: UnitFilter) => {
    let qb = db.selectFrom('community_teams').selectAll();
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return qb.orderBy('commune_code').orderBy('established_on').orderBy('created_at').limit(5000).execute();
  },

  insertVolunteer: (db: Kysely<DB>, row: VolunteerRow) =>
    db.insertInto('community_volunteers').values(row).execute(),
  volunteerById: (db: Kysely<DB>, id: string) => rowById(db, 'community_volunteers', id),
  volunteerOfUser: (db: Kysely<DB>, userId: string) =>
    rowWhere(db, 'community_volunteers', { user_id: userId }),
  volunteersByIds: (db: Kysely<DB>, ids: string[]) =>
    ids.length
      ? db.selectFrom('community_volunteers').selectAll().where('id', 'in', ids).execute()
      : Promise.resolve([] as VolunteerRow[]),
  volunteers: (db: Kysely<DB>, f: UnitFilter & { teamId?: string; active?: boolean }) => {
    let qb = db.selectFrom('community_volunteers').selectAll();
    if (f.teamId) qb = qb.where('team_id', '=', f.teamId);
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    if (f.active !== undefined) qb = qb.where('active', '=', f.active ? 1 : 0);
    return qb.orderBy('full_name').orderBy('id').limit(5000).execute();
  },
  /** Number of people currently assigned to each volunteer of the unit. */
  activeCounts: async (db: Kysely<DB>, f: UnitFilter & { volunteerIds?: string[] }) => {
    let qb = db
      .selectFrom('community_assignments')
      .select(['volunteer_id', (eb) => eb.fn.countAll().as('n')])
      .where('ended_on', 'is', null);
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    if (f.volunteerIds) {
      if (!f.volunteerIds.length) return new Map<string, number>();
      qb = qb.where('volunteer_id', 'in', f.volunteerIds);
    }
    const rows = await qb.groupBy('volunteer_id').execute();
    return new Map(rows.map((r) => [r.volunteer_id, Number(r.n)]));
  },
  /** A leader who leaves the team is no longer its leader. */
  clearLeader: (db: Kysely<DB>, volunteerId: string, at: string) =>
    db
      .updateTable('community_teams')
      .set((eb) => ({ leader_volunteer_id: null, updated_at: at, version: eb('version', '+', 1) }))
      .where('leader_volunteer_id', '=', volunteerId)
      .execute(),
  userById: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('users')
      .select(['id', 'role', 'scope_kind', 'scope_code', 'active', 'full_name'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Active 'volunteer' accounts of a commune, with the volunteer each is linked to (if any). */
  volunteerAccounts: (db: Kysely<DB>, communeCode: string) =>
    db
      .selectFrom('users as u')
      .leftJoin('community_volunteers as v', 'v.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.full_name', 'v.id as volunteer_id'])
      .where('u.role', '=', VOLUNTEER_ACCOUNT.role)
      .where('u.scope_kind', '=', VOLUNTEER_ACCOUNT.scopeKind)
      .where('u.scope_code', '=', communeCode)
      .where('u.active', '=', 1)
      .orderBy('u.full_name')
      .limit(1000)
      .execute(),

  insertAssignment: (db: Kysely<DB>, row: AssignmentRow) =>
    db.insertInto('community_assignments').values(row).execute(),
  assignmentById: (db: Kysely<DB>, id: string) => rowById(db, 'community_assignments', id),
  activeAssignment: (db: Kysely<DB>, volunteerId: string, personId: string) =>
    rowWhere(db, 'community_assignments', { volunteer_id: volunteerId, person_id: personId, ended_on: null }),
  activeOfVolunteer: (db: Kysely<DB>, volunteerId: string) =>
    rowsWhere(db, 'community_assignments', { volunteer_id: volunteerId, ended_on: null }),
  assignments: (
    db: Kysely<DB>,
    f: UnitFilter & { id?: string; volunteerId?: string; personId?: string; active?: boolean },
  ) => {
    let qb = db
      .selectFrom('community_assignments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('community_volunteers as v', 'v.id', 'a.volunteer_id')
      .selectAll('a')
      .select(['p.full_name as person_name', 'v.full_name as volunteer_name', 'v.organisation']);
    if (f.communeCode) qb = qb.where('a.commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('a.province_code', '=', f.provinceCode);
    if (f.id) qb = qb.where('a.id', '=', f.id);
    if (f.volunteerId) qb = qb.where('a.volunteer_id', '=', f.volunteerId);
    if (f.personId) qb = qb.where('a.person_id', '=', f.personId);
    if (f.active === true) qb = qb.where('a.ended_on', 'is', null);
    if (f.active === false) qb = qb.where('a.ended_on', 'is not', null);
    return qb.orderBy('a.started_on', 'desc').orderBy('a.id').limit(5000).execute();
  },
  activeOfPerson: (db: Kysely<DB>, personId: string) =>
    rowsWhere(db, 'community_assignments', { person_id: personId, ended_on: null }),
  /** People of the unit with one of the statuses and no active assignment (the other half of the gap list). */
  peopleWithoutVolunteer: (db: Kysely<DB>, f: UnitFilter, statuses: readonly string[]) => {
    let qb = db
      .selectFrom('people as p')
      .select(['p.id as person_id', 'p.full_name', 'p.status', 'p.cur_commune_code'])
      .where('p.status', 'in', [...statuses])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('community_assignments as a')
              .select('a.id')
              .whereRef('a.person_id', '=', 'p.id')
              .where('a.ended_on', 'is', null),
          ),
        ),
      );
    if (f.communeCode) qb = qb.where('p.cur_commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('p.province_code', '=', f.provinceCode);
    return qb.orderBy('p.full_name').orderBy('p.id').limit(500).execute();
  },
  endAssignment: (db: Kysely<DB>, id: string, version: number, patch: Partial<AssignmentRow>) =>
    versioned(db, 'community_assignments', id, version, patch),
  /** Distinct people with an assignment overlapping [from, to] in the unit. */
  coManagedBetween: async (db: Kysely<DB>, f: UnitFilter, from: string, to: string) => {
    let qb = db
      .selectFrom('community_assignments')
      .select((eb) => eb.fn.count('person_id').distinct().as('n'))
      .where('started_on', '<=', to)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', from)]));
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return Number((await qb.executeTakeFirstOrThrow()).n);
  },

  // The access rows (volunteer_assignments) that let a volunteer's account see a person.
  insertAccess: (db: Kysely<DB>, row: AccessRow) =>
    db.insertInto('volunteer_assignments').values(row).execute(),
  endAccess: (db: Kysely<DB>, ids: string[], endedAt: string) =>
    ids.length
      ? db
          .updateTable('volunteer_assignments')
          .set({ ended_at: endedAt })
          .where('id', 'in', ids)
          .where('ended_at', 'is', null)
          .execute()
      : Promise.resolve(),
  setAccessId: (db: Kysely<DB>, id: string, accessId: string | null) =>
    db.updateTable('community_assignments').set({ access_id: accessId }).where('id', '=', id).execute(),

  /** Communes of a province in force, for the volunteer-model table. */
  provincesOf: (db: Kysely<DB>, code?: string) => {
    let qb = unitsInForce(db, 'province').select(['code', 'name']);
    if (code) qb = qb.where('code', '=', code);
    return qb.orderBy('code').execute();
  },
  communesOf: (db: Kysely<DB>, f: UnitFilter) => {
    let qb = unitsInForce(db, 'commune').select(['code', 'name', 'province_code']);
    if (f.communeCode) qb = qb.where('code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return qb.orderBy('code').limit(5000).execute();
  },
  unitNames: async (db: Kysely<DB>, codes: string[]) => {
    if (!codes.length) return new Map<string, string>();
    const rows = await unitsInForce(db)
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
  /** Every assignment of the unit with its dates (the volunteer model on a date). */
  assignmentSpans: (db: Kysely<DB>, f: UnitFilter) => {
    let qb = db.selectFrom('community_assignments').select(['volunteer_id', 'started_on', 'ended_on']);
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return qb.execute();
  },
  /** The volunteer-model rule row in force on a date (the latest set of the latest date on or before it). */
  modelRuleOn: (db: Kysely<DB>, on: string) =>
    db
      .selectFrom('volunteer_model_rules')
      .selectAll()
      .where('valid_from', '<=', on)
      .orderBy('valid_from', 'desc')
      .orderBy('set_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  insertModelRule: (db: Kysely<DB>, row: Selectable<DB['volunteer_model_rules']>) =>
    db.insertInto('volunteer_model_rules').values(row).execute(),
  setting: (db: Kysely<DB>, key: string) => rowWhere(db, 'community_settings', { key }),
  insertSetting: (db: Kysely<DB>, row: Selectable<DB['community_settings']>) =>
    db.insertInto('community_settings').values(row).execute(),
  updateSetting: (db: Kysely<DB>, key: string, version: number, patch: object) =>
    updateIfVersion(db, 'community_settings', { column: 'key', value: key }, version, patch),
};
