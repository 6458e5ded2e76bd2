import { type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { compiledOnce } from '../../db/compiled-once.ts';
import type { DB, TaskTable } from '../../db/schema.ts';
import type { PersonScope } from '../../platform/policy.ts';
import { scopeHolding, scopeValues, whereInScope } from '../people/people.repo.ts';

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

/** A work list's unit: the user's role, unit kind and unit code (the values `ofUnit` places). */
const unitValues = (who: Who): unknown[] => [who.role, who.unitKind, who.unitCode ?? ''];

/** Tasks of the user's role in the user's unit (the other source of a work list: tasks assigned to them). */
const ofUnit = (values: readonly unknown[]) => (eb: ExpressionBuilder<DB, 'tasks'>) =>
  eb.and([
    eb('tasks.responsible_role', '=', values[0] as string),
    eb('tasks.unit_kind', '=', values[1] as string),
    eb('tasks.unit_code', '=', values[2] as string),
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
    // Two ordered index walks that stop at the limit (tasks_unit_open_due, tasks_assignee), merged here: one
    // query with OR would read and sort every open task of the unit first. Each compiled once per shape
    // (db/compiled-once.ts): the work list is the heaviest of the everyday reads.
    const sv = scopeValues(scope);
    const page = (by: 'unit' | 'assignee') => {
      const whose = by === 'unit' ? unitValues(who) : [who.userId];
      const cursor = after ? [after.dueDate, after.id] : [];
      const key = `tasks.mine|${by}|${scope.kind}|${after ? 'after' : 'first'}`;
      return compiledOnce(db, key, [...sv, ...whose, ...cursor, limit], (v) => {
        const [w, c] = [v.slice(sv.length, sv.length + whose.length), v.slice(sv.length + whose.length)];
        return openInScope(db, scopeHolding(scope, v))
          .selectAll('tasks')
          .select('people.full_name as person_name')
          .where(by === 'unit' ? ofUnit(w) : (eb) => eb('tasks.assignee_user_id', '=', w[0] as string))
          .$if(!!after, (q) =>
            q.where((eb) =>
              eb.or([
                eb('tasks.due_date', '>', c[0] as string),
                eb.and([eb('tasks.due_date', '=', c[0] as string), eb('tasks.id', '>', c[1] as string)]),
              ]),
            ),
          )
          .orderBy('tasks.due_date')
          .orderBy('tasks.id')
          .limit(v.at(-1) as number);
      });
    };
    const byUnit = await page('unit');
    const assigned = await page('assignee');
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
    const sv = scopeValues(scope);
    const count = (by: 'unit' | 'assignee') => {
      const whose = by === 'unit' ? unitValues(who) : [who.userId, ...unitValues(who)];
      return compiledOnce(
        db,
        `tasks.countMine|${by}|${scope.kind}`,
        [...sv, nowIso, today, ...whose],
        (v) => {
          const [now, day] = [v[sv.length] as string, v[sv.length + 1] as string];
          const w = v.slice(sv.length + 2);
          const timing = sql<string>`case when tasks.due_at is not null and tasks.due_at < ${now} then 'overdue'
          when tasks.due_at is null and tasks.due_date < ${day} then 'overdue'
          when tasks.due_date = ${day} then 'today' else 'upcoming' end`;
          const q = openInScope(db, scopeHolding(scope, v))
            .select((eb) => [timing.as('timing'), eb.fn.countAll<number>().as('n')])
            // By position: PostgreSQL does not match the CASE of the select list with a second copy of it whose
            // parameters are numbered differently.
            .groupBy(sql`1`);
          return by === 'unit'
            ? q.where(ofUnit(w))
            : q
                .where('tasks.assignee_user_id', '=', w[0] as string)
                .where((eb) => eb.not(ofUnit(w.slice(1))(eb)));
        },
      );
    };
    const rows = [...(await count('unit')), ...(await count('assignee'))];
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
