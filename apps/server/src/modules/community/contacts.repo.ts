import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import type { PersonScope } from '../../platform/policy.ts';
import { whereInScope } from '../people/people.repo.ts';
import type { UnitFilter } from './teams.repo.ts';

export type ContactRow = Row<'community_contacts'>;

/** Tasks opened by community contacts carry this source type; the next contact closes them. */
export const CONTACT_TASK_SOURCE = 'community_contact';

export const contactsRepo = {
  insert: (db: Kysely<DB>, row: ContactRow) => db.insertInto('community_contacts').values(row).execute(),
  list: (
    db: Kysely<DB>,
    f: UnitFilter & {
      personId?: string;
      byUserId?: string;
      volunteerId?: string;
      kind?: string;
      from?: string;
      to?: string;
      limit: number;
      offset: number;
    },
  ) => {
    let qb = db
      .selectFrom('community_contacts as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .leftJoin('community_volunteers as v', 'v.id', 'c.volunteer_id')
      .leftJoin('users as u', 'u.id', 'c.by_user_id')
      .selectAll('c')
      .select(['p.full_name as person_name', 'v.full_name as volunteer_name', 'u.full_name as by_name']);
    if (f.communeCode) qb = qb.where('c.commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('c.province_code', '=', f.provinceCode);
    if (f.personId) qb = qb.where('c.person_id', '=', f.personId);
    if (f.byUserId) qb = qb.where('c.by_user_id', '=', f.byUserId);
    if (f.volunteerId) qb = qb.where('c.volunteer_id', '=', f.volunteerId);
    if (f.kind) qb = qb.where('c.kind', '=', f.kind);
    if (f.from) qb = qb.where('c.contact_date', '>=', f.from);
    if (f.to) qb = qb.where('c.contact_date', '<=', f.to);
    return qb
      .orderBy('c.contact_date', 'desc')
      .orderBy('c.created_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },
  count: async (db: Kysely<DB>, f: UnitFilter & { from: string; to: string }) => {
    let qb = db
      .selectFrom('community_contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('contact_date', '>=', f.from)
      .where('contact_date', '<=', f.to);
    if (f.communeCode) qb = qb.where('commune_code', '=', f.communeCode);
    if (f.provinceCode) qb = qb.where('province_code', '=', f.provinceCode);
    return Number((await qb.executeTakeFirstOrThrow()).n);
  },
  /** Open next-contact tasks a community contact opened for the person. */
  openContactTaskIds: async (db: Kysely<DB>, personId: string) =>
    (
      await db
        .selectFrom('tasks')
        .select('id')
        .where('person_id', '=', personId)
        .where('kind', '=', 'contact_due')
        .where('source_type', '=', CONTACT_TASK_SOURCE)
        .where('status', '=', 'open')
        .execute()
    ).map((r) => r.id),

  // The volunteer's view of their people.
  peopleInScope: (db: Kysely<DB>, scope: PersonScope, id?: string) => {
    let qb = whereInScope(db.selectFrom('people'), scope).select([
      'people.id',
      'people.full_name',
      'people.phone',
      'people.cur_commune_code',
      'people.province_code',
      'people.cur_detail',
      'people.version',
    ]);
    if (id) qb = qb.where('people.id', '=', id);
    return qb.orderBy('people.name_search').orderBy('people.id').limit(500).execute();
  },
  episodesOf: (db: Kysely<DB>, personIds: string[]) =>
    personIds.length
      ? db
          .selectFrom('episodes')
          .select(['person_id', 'type', 'start_date', 'planned_end', 'actual_end', 'outcome'])
          .where('person_id', 'in', personIds)
          .orderBy('start_date')
          .execute()
      : Promise.resolve([]),
  openTasksOf: (db: Kysely<DB>, personIds: string[]) =>
    personIds.length
      ? db
          .selectFrom('tasks')
          .select(['person_id', 'kind', 'due_date', 'assignee_user_id'])
          .where('person_id', 'in', personIds)
          .where('status', '=', 'open')
          .where('kind', 'in', ['drug_test_due', 'contact_due'])
          .orderBy('due_date')
          .execute()
      : Promise.resolve([]),
  lastTestsOf: async (db: Kysely<DB>, personIds: string[]) => {
    if (!personIds.length) return new Map<string, string>();
    const rows = await db
      .selectFrom('drug_tests')
      .select(['person_id', (eb) => eb.fn.max('tested_on').as('last')])
      .where('person_id', 'in', personIds)
      .groupBy('person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id, String(r.last)]));
  },
  /** Open tasks assigned to the user, for people inside the user's scope. */
  myTasks: (db: Kysely<DB>, userId: string, scope: PersonScope) =>
    db
      .selectFrom('tasks')
      .innerJoin('people', 'people.id', 'tasks.person_id')
      .select([
        'tasks.id',
        'tasks.kind',
        'tasks.person_id',
        'tasks.due_date',
        'people.full_name as person_name',
      ])
      .where('tasks.status', '=', 'open')
      .where('tasks.assignee_user_id', '=', userId)
      .where('tasks.kind', '=', 'contact_due')
      .where('tasks.person_id', 'in', whereInScope(db.selectFrom('people'), scope).select('people.id'))
      .orderBy('tasks.due_date')
      .orderBy('tasks.id')
      .limit(500)
      .execute(),
};
