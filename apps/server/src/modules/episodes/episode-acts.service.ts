import { randomUUID } from 'node:crypto';
import type { EpisodeType } from '@hoanhap/domain/episode-types';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { postRehabFollows, vnToday } from '@hoanhap/domain/pathway-rules';
import { deadlineFor, taskTimer } from '@hoanhap/domain/task-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { closeTasks, createTask, presentTask } from '../tasks/tasks.service.ts';
import { assertFacilityOwns, episodeInScope } from './access.ts';
import { allocateNumber } from './episode-documents.service.ts';
import { presentContact, presentEpisode } from './episodes.presenter.ts';
import { type ContactRow, type EpisodeRow, episodesRepo } from './episodes.repo.ts';
import type { CertificateInput, ContactInput, EpisodeCloseInput, ScheduleInput } from './episodes.schema.ts';
import { managersOrFail } from './episodes.service.ts';
import { fieldError, legalContext, rulesAt } from './legal.ts';
import { syncPerson } from './person-status.ts';

// Acts recorded on an open episode: closing it with an outcome, the completion certificate of post-rehab
// management (Form 54), contacts with the person, and scheduling the next test or contact.

function refuseClosed(e: EpisodeRow) {
  if (e.outcome)
    throw Errors.conflict('episode_closed', {
      vi: 'Giai đoạn này đã kết thúc',
      en: 'This episode is already closed',
    });
}

function dateInEpisode(field: string, date: string, e: EpisodeRow, today: string) {
  if (date > today) throw fieldError(field, 'not_future', 'Ngày ở tương lai', 'The date is in the future');
  if (date < e.start_date)
    throw fieldError(
      field,
      'after_start',
      'Ngày trước ngày bắt đầu',
      'The date is before the start of the episode',
    );
}

const cite = (bases: readonly Parameters<typeof formatBasis>[0][]) =>
  bases.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') }));

/** Ends an episode with an outcome; a completed compulsory rehab opens the post-rehab decision deadline. */
export async function closeEpisode(deps: AppDeps, actor: Actor, id: string, input: EpisodeCloseInput) {
  return deps.database.db.transaction().execute((trx) => closeEpisodeIn(trx, actor, id, input, deps.now()));
}

/** closeEpisode inside the caller's transaction (e.g. a court rejection ending pending management). */
export async function closeEpisodeIn(
  trx: Kysely<DB>,
  actor: Actor,
  id: string,
  input: EpisodeCloseInput,
  now: Date,
) {
  authorize(actor, 'episodes.write');
  const today = vnToday(now);
  const { episode, person } = await episodeInScope(trx, actor, id);
  assertFacilityOwns(actor, episode.facility_id);
  if (episode.version !== input.version) throw Errors.staleVersion(presentEpisode(episode, today));
  refuseClosed(episode);
  dateInEpisode('endDate', input.endDate, episode, today);
  const type = episode.type as EpisodeType;
  if (input.outcome === 'completed' && type === 'post_rehab') {
    throw Errors.unprocessable('use_certificate', {
      vi: 'Hoàn thành quản lý sau cai nghiện được ghi nhận bằng việc cấp Giấy chứng nhận (Mẫu 54)',
      en: 'Completion of post-rehab management is recorded by issuing the certificate (Form 54)',
    });
  }
  if (input.outcome === 'completed' && type === 'user_management' && episode.planned_end) {
    if (input.endDate < episode.planned_end) {
      const ctx = await legalContext(trx);
      const rule = rulesAt(ctx, episode.decision_date ?? episode.start_date, 'endDate').userManagementMonths;
      throw Errors.unprocessable(
        'term_not_over',
        {
          vi: `Thời hạn quản lý ${rule.value} tháng chưa kết thúc (đến ${episode.planned_end})`,
          en: `The ${rule.value}-month management term has not ended (runs to ${episode.planned_end})`,
        },
        { rule: 'TERM_NOT_OVER', basis: cite(rule.basis) },
      );
    }
  }
  const at = now.toISOString();
  const ok = await episodesRepo.updateVersioned(trx, id, input.version, {
    actual_end: input.endDate,
    outcome: input.outcome,
    outcome_reason: input.reason ?? null,
    ...updatedStamps(actor, at),
  });
  if (!ok) throw Errors.staleVersion(presentEpisode((await episodesRepo.findById(trx, id))!, today));
  const by = { by: { type: 'episode_close', id }, userId: actor.userId, at: now };
  await closeTasks(
    trx,
    input.outcome === 'died' ? { personId: person.id } : { personId: person.id, episodeId: id },
    { ...by, status: input.outcome === 'completed' ? 'done' : 'cancelled' },
  );
  if (input.outcome === 'completed' && postRehabFollows(type)) {
    // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40): the facility's completion
    // notice starts the commune chairman's deadline. After voluntary rehab the commune supports the person
    // without a management decision, so no task opens.
    const ctx = await legalContext(trx);
    const rules = rulesAt(ctx, input.endDate, 'endDate');
    const due = deadlineFor('post_rehab_decision', input.endDate, now, rules, ctx.adjustments)!;
    await createTask(trx, {
      kind: 'post_rehab_decision',
      personId: person.id,
      episodeId: id,
      unit: { kind: 'commune', code: person.cur_commune_code },
      due,
      regimeId: rules.regimeId,
      source: { type: 'episode_close', id },
      at: now,
    });
  }
  const status = await syncPerson(trx, person.id, now);
  await audit(trx, actor, {
    action: 'episode.close',
    entityType: 'episode',
    entityId: id,
    details: { outcome: input.outcome, endDate: input.endDate, status },
  });
  return presentEpisode((await episodesRepo.findById(trx, id))!, today);
}

/** Certificate of completion of post-rehab management (Form 54): closes the episode as completed. */
export async function issueCertificate(deps: AppDeps, actor: Actor, id: string, input: CertificateInput) {
  return writeStep(deps, actor, 'decisions.issue', async ({ trx, now, today }) => {
    const { episode, person } = await episodeInScope(trx, actor, id);
    if (episode.version !== input.version) throw Errors.staleVersion(presentEpisode(episode, today));
    if (episode.type !== 'post_rehab')
      throw Errors.unprocessable('certificate_not_applicable', {
        vi: 'Giấy chứng nhận hoàn thành (Mẫu 54) chỉ cấp cho quản lý sau cai nghiện',
        en: 'The completion certificate (Form 54) is only for post-rehab management',
      });
    refuseClosed(episode);
    if (input.issuedOn > today)
      throw fieldError('issuedOn', 'not_future', 'Ngày cấp ở tương lai', 'The issue date is in the future');
    const ctx = await legalContext(trx);
    const rule = rulesAt(ctx, episode.decision_date ?? episode.start_date, 'issuedOn').postRehabMonths;
    if (!episode.planned_end || input.issuedOn < episode.planned_end)
      throw Errors.unprocessable(
        'management_not_over',
        {
          vi: `Chưa hết thời hạn quản lý sau cai nghiện ${rule.value} tháng (đến ${episode.planned_end})`,
          en: `The ${rule.value}-month post-rehab management has not ended (runs to ${episode.planned_end})`,
        },
        { rule: 'MANAGEMENT_NOT_OVER', basis: cite(rule.basis) },
      );
    const number =
      input.number ??
      (await allocateNumber(trx, person.cur_commune_code, input.issuedOn, 'certificate', now));
    const ok = await episodesRepo.updateVersioned(trx, id, input.version, {
      actual_end: episode.planned_end,
      outcome: 'completed',
      certificate_number: number,
      details: JSON.stringify({ ...JSON.parse(episode.details), certificateSigner: input.signer }),
      certificate_date: input.issuedOn,
      ...updatedStamps(actor, now),
    });
    if (!ok) throw Errors.staleVersion(presentEpisode((await episodesRepo.findById(trx, id))!, today));
    await closeTasks(
      trx,
      { personId: person.id, episodeId: id },
      { by: { type: 'certificate', id }, userId: actor.userId, at: now },
    );
    const status = await syncPerson(trx, person.id, now);
    await audit(trx, actor, {
      action: 'episode.certificate',
      entityType: 'episode',
      entityId: id,
      details: { issuedOn: input.issuedOn, number, status },
    });
    return presentEpisode((await episodesRepo.findById(trx, id))!, today);
  });
}

/** A contact with the person during management; closes the contact that was due. */
export async function recordContact(deps: AppDeps, actor: Actor, id: string, input: ContactInput) {
  return writeStep(deps, actor, 'episodes.write', async ({ trx, now, today }) => {
    const { episode, person } = await episodeInScope(trx, actor, id);
    assertFacilityOwns(actor, episode.facility_id);
    refuseClosed(episode);
    dateInEpisode('contactDate', input.contactDate, episode, today);
    const row: ContactRow = {
      id: randomUUID(),
      episode_id: id,
      person_id: person.id,
      contact_date: input.contactDate,
      method: input.method,
      summary: input.summary,
      by_name: input.byName ?? actor.username,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await episodesRepo.insertContact(trx, row);
    await closeTasks(
      trx,
      { personId: person.id, kind: 'contact_due' },
      { by: { type: 'contact', id: row.id }, userId: actor.userId, at: now },
    );
    await audit(trx, actor, { action: 'episode.contact', entityType: 'episode', entityId: id });
    return presentContact(row);
  });
}

/** Schedules the next drug test or contact of a managed person: a task on the work list. */
export async function scheduleNext(deps: AppDeps, actor: Actor, id: string, input: ScheduleInput) {
  return writeStep(deps, actor, 'episodes.write', async ({ trx, now }) => {
    const { episode, person } = await episodeInScope(trx, actor, id);
    assertFacilityOwns(actor, episode.facility_id);
    refuseClosed(episode);
    if (input.dueDate < vnToday(now))
      throw fieldError('dueDate', 'not_past', 'Ngày hẹn đã qua', 'The due date has passed');
    if (input.assigneeUserId) await managersOrFail(trx, [input.assigneeUserId], 'assigneeUserId');
    const atFacility = episode.responsible_unit_kind === 'facility';
    const test = input.kind === 'drug_test';
    const task = await createTask(trx, {
      kind: test ? 'drug_test_due' : 'contact_due',
      personId: person.id,
      episodeId: id,
      unit: atFacility
        ? { kind: 'facility', code: episode.responsible_unit_code }
        : { kind: 'commune', code: person.cur_commune_code },
      role: atFacility ? (test ? 'facility_medical' : 'facility_staff') : undefined,
      assigneeUserId: input.assigneeUserId ?? null,
      due: { dueDate: input.dueDate },
      source: { type: 'schedule', id },
      at: now,
    });
    await audit(trx, actor, {
      action: 'task.schedule',
      entityType: 'episode',
      entityId: id,
      details: { kind: task.kind, dueDate: task.due_date },
    });
    return presentTask(task, taskTimer(now));
  });
}
