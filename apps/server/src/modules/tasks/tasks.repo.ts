import { type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { DB, TaskTable } from '../../db/schema.ts';
import type { PersonScope } from '../../platform/policy.ts';
import { whereInScope } from '../people/people.repo.ts';

export type TaskRow = Selectable<TaskTable>;

export type TaskFilter = { personId: string; kind?: string | readonly string[]; episodeId?: string };

type Who = { role: string; unitKind: string; unitCode: string | null; userId: string };

// The user's open tasks, for people inside their scope. The scope filters the joined person row itself (its
// conditions name only people.*): the same rows as `person_id IN (people in scope)` without building that list
// on every call.
function openInScope(db: Kysely<DB>, scope: PersonScope) {
  const qb = db
    .selectFrom('tasks')
    .innerJoin('people', 'people.id', 'tasks.person_id')
    .where('tasks.status', '=', 'open');
  return whereInScope(
    qb as unknown as SelectQueryBuilder<DB, 'people', object>,
    scope,
  ) as unknown as typeof qb;
}

/** Tasks of the user's role in the user's unit (the other source of a work list: tasks assigned to them). */
const ofUnit = (who: Who) => (eb: ExpressionBuilder<DB, 'tasks'>) =>
  eb.and([
    eb('tasks.responsible_role', '=', who.role),
    eb('tasks.unit_kind', '=', who.unitKind),
    eb('tasks.unit_code', '=', who.unitCode ?? ''),
  ]);

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
  mine: async (
    db: Kysely<DB>,
    who: Who,
    scope: PersonScope,
    limit: number,
    after?: { dueDate: string; id: string },
  ) => {
    const open = () =>
      openInScope(db, scope)
        .selectAll('tasks')
        .select('people.full_name as person_name')
        .$if(!!after, (q) =>
          q.where((eb) =>
            eb.or([
              eb('tasks.due_date', '>', after!.dueDate),
              eb.and([eb('tasks.due_date', '=', after!.dueDate), eb('tasks.id', '>', after!.id)]),
            ]),
          ),
        )
        .orderBy('tasks.due_date')
        .orderBy('tasks.id')
        .limit(limit);
    // Two ordered index walks that stop at the limit (tasks_unit_open_due, tasks_assignee), merged here: one
    // query with OR would read and sort every open task of the unit first.
    const byUnit = await open().where(ofUnit(who)).execute();
    const assigned = await open().where('tasks.assignee_user_id', '=', who.userId).execute();
    if (assigned.length === 0) return byUnit;
    const seen = new Set(byUnit.map((t) => t.id));
    const key = (t: TaskRow) => `${t.due_date}\u0000${t.id}`;
    return [...byUnit, ...assigned.filter((t) => !seen.has(t.id))]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .slice(0, limit);
  },
  /**
   * How many of the user's open tasks are overdue, due today and upcoming (as `taskTiming` tells them), over
   * the same two index walks as `mine`; a task both of the unit and assigned to the user counts once.
   */
  countMine: async (db: Kysely<DB>, who: Who, scope: PersonScope, today: string, nowIso: string) => {
    const timing = sql<string>`case when tasks.due_at is not null and tasks.due_at < ${nowIso} then 'overdue'
      when tasks.due_at is null and tasks.due_date < ${today} then 'overdue'
      when tasks.due_date = ${today} then 'today' else 'upcoming' end`;
    const count = () =>
      openInScope(db, scope)
        .select((eb) => [timing.as('timing'), eb.fn.countAll<number>().as('n')])
        // By position: PostgreSQL does not match the CASE of the select list with a second copy of it whose
        // parameters are numbered differently.
        .groupBy(sql`1`);
    const rows = [
      ...(await count().where(ofUnit(who)).execute()),
      ...(await count()
        .where('tasks.assignee_user_id', '=', who.userId)
        .where((eb) => eb.not(ofUnit(who)(eb)))
        .execute()),
    ];
    const out = { overdue: 0, today: 0, upcoming: 0 };
    for (const r of rows) out[r.timing as keyof typeof out] += Number(r.n);
    return out;
  },
  forPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('tasks')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
};
