import { randomUUID } from 'node:crypto';
import { CONTACT_KINDS, CONTACT_OUTCOMES, contactKindLabels } from '@hoanhap/domain/community-rules';
import { effectiveEnd, FAR_FUTURE, isActiveOn } from '@hoanhap/domain/episode-terms';
import { type EpisodeOutcome, type EpisodeType, episodeTypeLabels } from '@hoanhap/domain/episode-types';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { taskKindLabels, taskTiming } from '@hoanhap/domain/task-rules';
import { labelOf } from '@hoanhap/domain/vocabulary';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { pageQuery } from '../../platform/http/schemas.ts';
import { type Actor, authorize, isVolunteer, personScopeOf } from '../../platform/policy.ts';
import { syncPerson } from '../episodes/person-status.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { tasksRepo } from '../tasks/tasks.repo.ts';
import { createTask } from '../tasks/tasks.service.ts';
import { auditPeople, fieldError, listUnit, notFuture, personInScope } from './common.ts';
import { CONTACT_TASK_SOURCE, type ContactRow, contactsRepo } from './contacts.repo.ts';
import { teamsRepo } from './teams.repo.ts';
import { unitQuery } from './teams.schema.ts';

export const contactCreateSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  contactDate: isoDate,
  kind: z.enum(CONTACT_KINDS),
  outcome: z.enum(CONTACT_OUTCOMES),
  service: z.string().trim().max(200).optional().describe('Where the person was accompanied to'),
  note: z.string().trim().max(2000).optional(),
  nextContactDate: isoDate.optional().describe('Becomes a task for whoever follows up'),
  volunteerId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('An officer recording for a volunteer of the team'),
});
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const contactQuerySchema = z.strictObject({
  ...unitQuery.shape,
  personId: z.string().min(1).max(64).optional(),
  volunteerId: z.string().min(1).max(64).optional().describe('Contacts logged by (or for) this volunteer'),
  byUserId: z.string().min(1).max(64).optional().describe('Contacts logged by this account'),
  kind: z.enum(CONTACT_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery(50, 200),
});

export function presentContact(
  c: ContactRow & { person_name?: string; volunteer_name?: string | null; by_name?: string | null },
) {
  return {
    id: c.id,
    personId: c.person_id,
    personName: c.person_name ?? null,
    contactDate: c.contact_date,
    kind: c.kind,
    label: labelOf(contactKindLabels, c.kind),
    outcome: c.outcome,
    service: c.service,
    note: c.note,
    nextContactDate: c.next_contact_date,
    taskId: c.task_id,
    volunteerId: c.volunteer_id,
    volunteerName: c.volunteer_name ?? null,
    byUserId: c.by_user_id,
    byName: c.by_name ?? null,
    byRole: c.by_role,
    createdAt: c.created_at,
  };
}

/**
 * A contact or support given to a person, by a volunteer (only their own people) or an officer. The next
 * contact date becomes a task for the volunteer's account (or the officer); the contact closes the open
 * next-contact tasks earlier contacts opened for the person.
 */
export async function logContact(deps: AppDeps, actor: Actor, input: ContactCreate) {
  return writeStep(deps, actor, 'community.contact', async ({ trx, now, today }) => {
    const person = await personInScope(trx, actor, input.personId);
    notFuture('contactDate', input.contactDate, today);
    if (
      input.nextContactDate &&
      (input.nextContactDate <= input.contactDate || input.nextContactDate < today)
    )
      throw fieldError(
        'nextContactDate',
        'after_contact',
        'Ngày liên hệ tiếp theo phải sau ngày liên hệ và không ở quá khứ',
        'The next contact must come after this one and not be in the past',
      );
    if (input.service && input.kind !== 'accompany_to_service')
      throw fieldError(
        'service',
        'only_accompany',
        'Chỉ ghi nơi đi cùng khi đi cùng đến dịch vụ',
        'Only for accompanying',
      );
    // Who follows up: a volunteer account for itself; an officer for itself or for a named volunteer.
    let volunteer = isVolunteer(actor) ? await teamsRepo.volunteerOfUser(trx, actor.userId) : undefined;
    if (isVolunteer(actor) && input.volunteerId && input.volunteerId !== volunteer?.id)
      throw fieldError(
        'volunteerId',
        'self',
        'Tình nguyện viên chỉ ghi cho chính mình',
        'Volunteers record for themselves',
      );
    if (!isVolunteer(actor) && input.volunteerId) {
      volunteer = await teamsRepo.volunteerById(trx, input.volunteerId);
      if (!volunteer || volunteer.commune_code !== person.cur_commune_code)
        throw fieldError(
          'volunteerId',
          'team_member',
          'Không phải tình nguyện viên của xã/phường',
          'Not a volunteer of the commune',
        );
    }
    const at = now.toISOString();
    const row: ContactRow = {
      id: randomUUID(),
      person_id: person.id,
      commune_code: person.cur_commune_code,
      province_code: person.province_code,
      volunteer_id: volunteer?.id ?? null,
      by_user_id: actor.userId,
      by_role: actor.role,
      contact_date: input.contactDate,
      kind: input.kind,
      service: input.service ?? null,
      outcome: input.outcome,
      note: input.note ?? null,
      next_contact_date: input.nextContactDate ?? null,
      task_id: null,
      created_at: at,
    };
    const open = await contactsRepo.openContactTaskIds(trx, person.id);
    await tasksRepo.close(trx, open, {
      status: 'done',
      closed_by_type: 'community_contact',
      closed_by_id: row.id,
      closed_at: at,
      closed_by_user: actor.userId,
    });
    if (input.nextContactDate) {
      const followUser = volunteer?.user_id ?? (isVolunteer(actor) ? actor.userId : null);
      const task = await createTask(trx, {
        kind: 'contact_due',
        personId: person.id,
        unit: { kind: 'commune', code: person.cur_commune_code },
        // A volunteer's follow-up is theirs alone (role 'volunteer' matches no officer's list); an
        // officer's is the commune officers' as usual.
        role: followUser ? ('volunteer' as const) : undefined,
        assigneeUserId: followUser ?? actor.userId,
        due: { dueDate: input.nextContactDate },
        source: { type: CONTACT_TASK_SOURCE, id: row.id },
        at: now,
      });
      row.task_id = task.id;
    }
    await contactsRepo.insert(trx, row);
    await syncPerson(trx, person.id, now); // a late-recorded contact dates the person's status history
    await audit(trx, actor, {
      action: 'community.contact.create',
      entityType: 'person',
      entityId: person.id,
      details: { contactId: row.id, kind: row.kind, closedTasks: open.length, taskId: row.task_id },
    });
    return {
      id: row.id,
      personId: row.person_id,
      contactDate: row.contact_date,
      kind: row.kind,
      outcome: row.outcome,
      note: row.note,
      nextContactDate: row.next_contact_date,
      taskId: row.task_id,
      closedTasks: open.length,
    };
  });
}

export async function listContacts(deps: AppDeps, actor: Actor, q: z.infer<typeof contactQuerySchema>) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  if (q.personId) await personInScope(db, actor, q.personId);
  const rows = await contactsRepo.list(db, {
    ...listUnit(actor, q),
    personId: q.personId,
    volunteerId: q.volunteerId,
    byUserId: q.byUserId,
    kind: q.kind,
    from: q.from,
    to: q.to,
    limit: q.limit,
    offset: q.offset,
  });
  await auditPeople(db, actor, 'community.contact.list', rows);
  return { items: rows.map(presentContact), limit: q.limit, offset: q.offset };
}

// ---- the volunteer's own view: only their people, only what they need ----

async function myPeopleRows(deps: AppDeps, actor: Actor, id?: string) {
  authorize(actor, 'community.mine');
  const { db } = deps.database;
  const today = vnToday(deps.now());
  const people = await contactsRepo.peopleInScope(db, personScopeOf(actor), id);
  const ids = people.map((p) => p.id);
  const [episodes, tasks, tests, names] = await Promise.all([
    contactsRepo.episodesOf(db, ids),
    contactsRepo.openTasksOf(db, ids),
    contactsRepo.lastTestsOf(db, ids),
    teamsRepo.unitNames(
      db,
      people.flatMap((p) => [p.cur_commune_code, p.province_code]),
    ),
  ]);
  const items = people.map((p) => {
    const current = episodes
      .filter((e) => e.person_id === p.id)
      .map((e) => ({
        type: e.type as EpisodeType,
        start: e.start_date,
        end: e.actual_end,
        plannedEnd: e.planned_end,
        outcome: e.outcome as EpisodeOutcome | null,
      }))
      .filter((e) => isActiveOn(e, today))
      .at(-1);
    const end = current ? effectiveEnd(current) : null;
    const testDue = tasks.find((t) => t.person_id === p.id && t.kind === 'drug_test_due');
    const nextContact = tasks.find(
      (t) => t.person_id === p.id && t.kind === 'contact_due' && t.assignee_user_id === actor.userId,
    );
    const lastTest = tests.get(p.id) ?? null;
    return {
      id: p.id,
      // The record's version: a contact kept offline says which version it was based on (issue 15).
      version: p.version,
      fullName: p.full_name,
      phone: p.phone,
      address: {
        communeName: names.get(p.cur_commune_code) ?? null,
        provinceName: names.get(p.province_code) ?? null,
        detail: p.cur_detail,
      },
      pathway: current
        ? {
            type: current.type,
            label: labelOf(episodeTypeLabels, current.type),
            startDate: current.start,
            plannedEndDate: end && end !== FAR_FUTURE ? end : null,
          }
        : null,
      // Tests only as due/done: never the result.
      drugTest: testDue
        ? { status: 'due' as const, dueDate: testDue.due_date, doneOn: lastTest }
        : { status: lastTest ? ('done' as const) : ('none' as const), dueDate: null, doneOn: lastTest },
      nextContactDate: nextContact?.due_date ?? null,
    };
  });
  return { db, items };
}

export async function myPeople(deps: AppDeps, actor: Actor) {
  const { db, items } = await myPeopleRows(deps, actor);
  await auditMany(
    db,
    actor,
    items.map((p) => ({ action: 'community.my_people.read', entityType: 'person', entityId: p.id })),
  );
  return { items };
}

export async function myPerson(deps: AppDeps, actor: Actor, id: string) {
  const { db, items } = await myPeopleRows(deps, actor, id);
  const person = items[0];
  if (!person) throw Errors.notFound({ vi: 'người được giúp đỡ', en: 'Person' });
  const own = await contactsRepo.list(db, { personId: id, byUserId: actor.userId, limit: 200, offset: 0 });
  await audit(db, actor, { action: 'community.my_people.read', entityType: 'person', entityId: id });
  return {
    ...person,
    notes: own.map((c) => ({
      id: c.id,
      contactDate: c.contact_date,
      kind: c.kind,
      outcome: c.outcome,
      note: c.note,
      nextContactDate: c.next_contact_date,
    })),
  };
}

export async function myTasks(deps: AppDeps, actor: Actor) {
  authorize(actor, 'community.mine');
  const { db } = deps.database;
  const now = deps.now();
  const rows = await contactsRepo.myTasks(db, actor.userId, personScopeOf(actor));
  await audit(db, actor, {
    action: 'community.my_tasks.read',
    entityType: 'task',
    details: { shown: rows.length },
  });
  return {
    today: vnToday(now),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: { vi: taskKindLabels.vi.contact_due, en: taskKindLabels.en.contact_due },
      personId: r.person_id,
      personName: r.person_name,
      dueDate: r.due_date,
      timing: taskTiming({ dueDate: r.due_date, dueAt: null }, now),
    })),
  };
}
