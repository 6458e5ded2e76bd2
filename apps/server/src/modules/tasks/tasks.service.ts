import { randomUUID } from 'node:crypto';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import {
  type Deadline,
  TASK_ROLE,
  type TaskKind,
  type TaskRole,
  taskKindLabels,
  taskTimer,
} from '@hoanhap/domain/task-rules';
import { labelOf } from '@hoanhap/domain/vocabulary';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { auditRead } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, personScopeOf } from '../../platform/policy.ts';
import { type TaskFilter, type TaskRow, tasksRepo } from './tasks.repo.ts';

// The work list. Other modules open tasks with createTask() and close them with closeTasks() inside
// their own transaction, when the act the task waits for is recorded; nothing here runs on a timer:
// "overdue" is computed when the list is read.

export type NewTask = {
  kind: TaskKind;
  personId: string;
  episodeId?: string | null;
  /** The unit that answers: the person's commune, or a facility. */
  unit: { kind: 'commune' | 'facility' | 'province'; code: string };
  /** Defaults to the kind's usual role (TASK_ROLE). */
  role?: TaskRole;
  assigneeUserId?: string | null;
  due: Deadline | { dueDate: string; dueAt?: string | null; ruleKey?: null };
  regimeId?: string | null;
  /** The event that opened the task, e.g. { type: 'episode', id }. */
  source: { type: string; id?: string | null };
  details?: Record<string, unknown>;
  at: Date;
};

/** Opens a task; call inside the transaction that records the event creating the deadline. */
export async function createTask(trx: Kysely<DB>, t: NewTask): Promise<TaskRow> {
  const row: TaskRow = {
    id: randomUUID(),
    kind: t.kind,
    person_id: t.personId,
    episode_id: t.episodeId ?? null,
    responsible_role: t.role ?? TASK_ROLE[t.kind],
    unit_kind: t.unit.kind,
    unit_code: t.unit.code,
    assignee_user_id: t.assigneeUserId ?? null,
    due_date: t.due.dueDate,
    due_at: t.due.dueAt ?? null,
    rule_key: t.due.ruleKey ?? null,
    regime_id: t.regimeId ?? null,
    status: 'open',
    source_type: t.source.type,
    source_id: t.source.id ?? null,
    closed_by_type: null,
    closed_by_id: null,
    closed_at: null,
    closed_by_user: null,
    details: t.details ? JSON.stringify(t.details) : null,
    created_at: t.at.toISOString(),
  };
  await tasksRepo.insert(trx, row);
  return row;
}

export type Closing = {
  /** The act that closes the task, e.g. { type: 'episode', id }. */
  by: { type: string; id?: string | null };
  userId?: string | null;
  at: Date;
  /** 'done' when the act was recorded; 'cancelled' when the task no longer applies. */
  status?: 'done' | 'cancelled';
};

/** Closes the open tasks of a person (of a kind, of an episode); returns how many were closed. */
export async function closeTasks(trx: Kysely<DB>, filter: TaskFilter, closing: Closing): Promise<number> {
  const open = await tasksRepo.findOpen(trx, filter);
  await tasksRepo.close(
    trx,
    open.map((t) => t.id),
    {
      status: closing.status ?? 'done',
      closed_by_type: closing.by.type,
      closed_by_id: closing.by.id ?? null,
      closed_at: closing.at.toISOString(),
      closed_by_user: closing.userId ?? null,
    },
  );
  return open.length;
}

/** Hands a person's open commune tasks to the commune they moved to. */
export async function moveOpenTasks(
  trx: Kysely<DB>,
  personId: string,
  fromCommune: string,
  toCommune: string,
) {
  await tasksRepo.moveUnit(trx, personId, { kind: 'commune', code: fromCommune }, toCommune);
}

export function presentTask(r: TaskRow & { person_name?: string }, timingOf: ReturnType<typeof taskTimer>) {
  return {
    id: r.id,
    kind: r.kind,
    label: labelOf(taskKindLabels, r.kind),
    personId: r.person_id,
    ...(r.person_name ? { personName: r.person_name } : {}),
    episodeId: r.episode_id,
    responsibleRole: r.responsible_role,
    unit: { kind: r.unit_kind, code: r.unit_code },
    assigneeUserId: r.assignee_user_id,
    dueDate: r.due_date,
    dueAt: r.due_at,
    ruleKey: r.rule_key,
    status: r.status,
    timing: r.status === 'open' ? timingOf({ dueDate: r.due_date, dueAt: r.due_at }) : null,
    closedAt: r.closed_at,
    closedBy: r.closed_by_type ? { type: r.closed_by_type, id: r.closed_by_id } : null,
    // What opened the task (e.g. a dossier), so the work list can link to it.
    source: { type: r.source_type, id: r.source_id },
    createdAt: r.created_at,
  };
}

/** Tasks per page of the work list (the client asks for the next page with `after`). */
export const TASKS_PAGE = { default: 100, max: 500 } as const;

/**
 * The user's open tasks by role and unit (or assigned to them), in scope, one page in due order, split by
 * timing; the first page also counts every open task by timing (the dashboard's "Việc cần làm" panel).
 */
export async function myTasks(deps: AppDeps, actor: Actor, q: { limit?: number; after?: string } = {}) {
  authorize(actor, 'tasks.read');
  const { db } = deps.database;
  const now = deps.now();
  const limit = q.limit ?? TASKS_PAGE.default;
  const after = q.after ? parseCursor(q.after) : undefined;
  const who = {
    role: actor.role,
    unitKind: actor.scopeKind,
    unitCode: actor.scopeCode,
    userId: actor.userId,
  };
  const rows = await tasksRepo.mine(db, who, personScopeOf(actor), limit + 1, after);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const timingOf = taskTimer(now);
  const tasks = page.map((r) => presentTask(r, timingOf));
  const counts = after
    ? null
    : await tasksRepo.countMine(db, who, personScopeOf(actor), vnToday(now), now.toISOString());
  await auditRead(db, actor, {
    action: 'task.list',
    entityType: 'task',
    details: { shown: tasks.length, after: q.after ?? null },
  });
  return {
    today: vnToday(now),
    overdue: tasks.filter((t) => t.timing === 'overdue'),
    dueToday: tasks.filter((t) => t.timing === 'today'),
    upcoming: tasks.filter((t) => t.timing === 'upcoming'),
    counts,
    next: rows.length > limit && last ? `${last.due_date}~${last.id}` : null,
  };
}

function parseCursor(after: string): { dueDate: string; id: string } {
  const m = /^(\d{4}-\d{2}-\d{2})~(.+)$/.exec(after);
  if (!m)
    throw Errors.validation([
      {
        field: 'after',
        rule: 'cursor',
        messages: { vi: 'Vị trí trang không hợp lệ', en: 'Invalid page position' },
      },
    ]);
  return { dueDate: m[1]!, id: m[2]! };
}
