import type { Kysely, Selectable } from 'kysely';
import type { DB, TaskTable } from '../../db/schema.ts';
import type { PersonScope } from '../../platform/policy.ts';
import { whereInScope } from '../people/people.repo.ts';

export type TaskRow = Selectable<TaskTable>;

export type TaskFilter = { personId: string; kind?: string | readonly string[]; episodeId?: string };

export const tasksRepo = {
  insert: (db: Kysely<DB>, row: TaskRow) => db.insertInto('tasks').values(row).execute(),
  findOpen: (db: Kysely<DB>, f: TaskFilter) => {
    let qb = db
      .selectFrom('tasks')
      .selectAll()
      .where('person_id', '=', f.personId)
      .where('status', '=', 'open');
    if (typeof f.kind === 'string') qb = qb.where('kind', '=', f.kind);
    else if (f.kind) qb = qb.where('kind', 'in', [...f.kind]);
    if (f.episodeId) qb = qb.where('episode_id', '=', f.episodeId);
    return qb.execute();
  },
  close: (db: Kysely<DB>, ids: string[], patch: Partial<TaskRow>) =>
    ids.length
      ? db.updateTable('tasks').set(patch).where('id', 'in', ids).where('status', '=', 'open').execute()
      : Promise.resolve(),
  moveUnit: (db: Kysely<DB>, personId: string, from: { kind: string; code: string }, toCode: string) =>
    db
      .updateTable('tasks')
      .set({ unit_code: toCode })
      .where('person_id', '=', personId)
      .where('status', '=', 'open')
      .where('unit_kind', '=', from.kind)
      .where('unit_code', '=', from.code)
      .execute(),
  /** Open tasks of a role in a unit (or assigned to the user), for people inside the user's scope. */
  mine: (
    db: Kysely<DB>,
    who: { role: string; unitKind: string; unitCode: string | null; userId: string },
    scope: PersonScope,
    limit: number,
  ) =>
    db
      .selectFrom('tasks')
      .innerJoin('people', 'people.id', 'tasks.person_id')
      .selectAll('tasks')
      .select('people.full_name as person_name')
      .where('tasks.status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('tasks.responsible_role', '=', who.role),
            eb('tasks.unit_kind', '=', who.unitKind),
            eb('tasks.unit_code', '=', who.unitCode ?? ''),
          ]),
          eb('tasks.assignee_user_id', '=', who.userId),
        ]),
      )
      .where('tasks.person_id', 'in', whereInScope(db.selectFrom('people'), scope).select('people.id'))
      .orderBy('tasks.due_date')
      .orderBy('tasks.id')
      .limit(limit)
      .execute(),
  forPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('tasks')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
};
