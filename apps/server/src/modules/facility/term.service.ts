import type { EpisodeType } from '@hoanhap/domain/episode-types';
import {
  type ABSENCE_KINDS,
  absenceCounts,
  absenceDays,
  checkReduction,
  plannedRelease,
  releaseNoticeLate,
} from '@hoanhap/domain/facility-rules';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { postRehabFollows } from '@hoanhap/domain/pathway-rules';
import { deadlineFor } from '@hoanhap/domain/task-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import { legalContext, ruleRefusal, rulesAt } from '../episodes/legal.ts';
import { syncPerson } from '../episodes/person-status.ts';
import { closeTasks, createTask } from '../tasks/tasks.service.ts';
import { presentAdmission, termOf } from './facility.presenter.ts';
import { type AdmissionRow, facilityRepo } from './facility.repo.ts';
import type { LeaveInput, ReleaseInput, ReleaseNoticeInput, TermChangeInput } from './facility.schema.ts';
import { duringStay, eventRow, facilityRulesAt, fieldError, readsHealth } from './facility-access.ts';
import { stayStep } from './stay-step.ts';

// What moves the planned release date (reduction, early release, postponement, hospital suspension,
// escape and return), judged by the rules in force on the date of each act; the notice to the commune
// before release; and the release itself, which hands the person over to the commune for post-rehab
// management (or flags them for the province when they have no known residence).

const cite = (bases: readonly Parameters<typeof formatBasis>[0][]) =>
  bases.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') }));

export async function changeTerm(deps: AppDeps, actor: Actor, id: string, input: TermChangeInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    duringStay('decidedOn', input.decidedOn, a, today);
    const rules = await facilityRulesAt(trx, input.decidedOn, 'decidedOn');
    const { basis, state } = await termOf(trx, a);
    const before = plannedRelease(state);
    const patch: Partial<AdmissionRow> = { updated_at: now.toISOString(), updated_by: actor.userId };
    const data: Record<string, unknown> = {
      decisionNumber: input.decisionNumber ?? null,
      decidedBy: input.decidedBy,
      reason: input.reason ?? null,
      previousRelease: before,
    };
    const absent = () =>
      Errors.conflict('resident_absent', {
        vi: 'Học viên đang vắng mặt (tạm đình chỉ, hoãn hoặc bỏ trốn): cần ghi nhận trở lại trước',
        en: 'The resident is away (suspension, postponement or escape): record the return first',
      });
    switch (input.kind) {
      case 'reduction':
      case 'early_release': {
        if (a.absence_kind) throw absent();
        if (input.kind === 'reduction' && !input.days)
          throw fieldError('days', 'required', 'Cần số ngày được giảm', 'The days taken off are required');
        if (input.kind === 'early_release' && !input.releaseOn)
          throw fieldError('releaseOn', 'required', 'Cần ngày ra cơ sở', 'The release date is required');
        const change =
          input.kind === 'reduction'
            ? { kind: 'reduction' as const, days: input.days! }
            : { kind: 'early_release' as const, releaseOn: input.releaseOn! };
        const check = checkReduction(state, basis, input.decidedOn, change, rules);
        if (!check.ok) throw ruleRefusal(check.error);
        if (change.kind === 'reduction') {
          patch.reduction_days = a.reduction_days + change.days;
          data.days = change.days;
        } else {
          patch.early_release_on = change.releaseOn;
          data.releaseOn = change.releaseOn;
        }
        break;
      }
      case 'postponement':
      case 'suspension':
      case 'escape': {
        if (a.absence_kind) throw absent();
        patch.absence_kind = input.kind;
        patch.absence_from = input.decidedOn;
        data.counts = absenceCounts(input.kind, rules).value;
        break;
      }
      case 'return': {
        if (!a.absence_kind || !a.absence_from)
          throw Errors.conflict('not_absent', {
            vi: 'Học viên không vắng mặt',
            en: 'The resident is not away',
          });
        if (input.decidedOn < a.absence_from)
          throw fieldError(
            'decidedOn',
            'after_absence',
            'Ngày trở lại trước ngày vắng mặt',
            'The return is before the absence',
          );
        const kind = a.absence_kind as (typeof ABSENCE_KINDS)[number];
        // The rule in force when the absence began says whether its days count toward the term.
        const counts = absenceCounts(kind, await facilityRulesAt(trx, a.absence_from, 'decidedOn'));
        const days = absenceDays(a.absence_from, input.decidedOn);
        data.absence = { kind, from: a.absence_from, days, counts: counts.value, basis: cite(counts.basis) };
        if (!counts.value) patch.uncounted_days = a.uncounted_days + days;
        patch.absence_kind = null;
        patch.absence_from = null;
        break;
      }
    }
    if (!(await facilityRepo.updateAdmission(trx, id, a.version, patch))) throw Errors.staleVersion(null);
    const fresh = (await facilityRepo.admission(trx, id))!;
    data.newRelease = plannedRelease((await termOf(trx, fresh)).state);
    const event = { kind: 'term_change', subkind: input.kind, on: input.decidedOn, data };
    await recordStayEvent(trx, actor, a, event, now);
    await audit(trx, actor, {
      action: 'facility.term_change',
      entityType: 'facility_admission',
      entityId: id,
      details: { kind: input.kind, previousRelease: before, newRelease: data.newRelease },
    });
    return presentAdmission(trx, fresh, today, readsHealth(actor));
  });
}

/** The notice to the commune chairman and commune police of the person's residence, before release. */
export async function sendReleaseNotice(deps: AppDeps, actor: Actor, id: string, input: ReleaseNoticeInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    if (a.notice)
      throw Errors.conflict('notice_sent', { vi: 'Đã gửi thông báo', en: 'The notice was already sent' });
    duringStay('noticeOn', input.noticeOn, a, today);
    const rules = await facilityRulesAt(trx, input.noticeOn, 'noticeOn');
    const release = plannedRelease((await termOf(trx, a)).state);
    if (!release)
      throw Errors.unprocessable('no_term', {
        vi: 'Chưa có quyết định áp dụng biện pháp: chưa thể thông báo ra cơ sở',
        en: 'There is no order with a term yet: a release cannot be notified',
      });
    const person = (await facilityRepo.person(trx, a.person_id))!;
    const notice = {
      noticeOn: input.noticeOn,
      communeCode: a.no_known_residence ? null : person.cur_commune_code,
      communeChairman: input.communeChairman,
      communePolice: input.communePolice,
      summary: input.summary,
      recommendations: input.recommendations,
      late: releaseNoticeLate(input.noticeOn, release, rules),
    };
    const patch = { notice: JSON.stringify(notice), updated_at: now.toISOString(), updated_by: actor.userId };
    if (!(await facilityRepo.updateAdmission(trx, id, a.version, patch))) throw Errors.staleVersion(null);
    const data = { ...notice, plannedRelease: release };
    await recordStayEvent(trx, actor, a, { kind: 'release_notice', on: input.noticeOn, data }, now);
    await audit(trx, actor, {
      action: 'facility.release_notice',
      entityType: 'facility_admission',
      entityId: id,
      details: { late: notice.late },
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}

/**
 * Release on completion: the completion certificate, the facility episode completed, the person's status
 * re-derived, and the post-rehab decision task opened at the receiving commune with its deadline in working
 * days from the rules (at the province, flagged, when the person has no known residence).
 */
export async function release(deps: AppDeps, actor: Actor, id: string, input: ReleaseInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    duringStay('releasedOn', input.releasedOn, a, today);
    if (input.certificate.issuedOn > today)
      throw fieldError(
        'certificate.issuedOn',
        'not_future',
        'Ngày cấp ở tương lai',
        'The issue date is in the future',
      );
    if (a.absence_kind)
      throw Errors.conflict('resident_absent', {
        vi: 'Học viên đang vắng mặt: cần ghi nhận trở lại trước',
        en: 'The resident is away: record the return first',
      });
    const rules = await facilityRulesAt(trx, input.releasedOn, 'releasedOn');
    const { episode, state } = await termOf(trx, a);
    const planned = plannedRelease(state);
    if (!planned)
      throw Errors.unprocessable('no_term', {
        vi: 'Chưa có quyết định áp dụng biện pháp có thời hạn',
        en: 'There is no order with a term yet',
      });
    if (a.stage < 5)
      throw Errors.unprocessable('stages_incomplete', {
        vi: `Học viên mới ở giai đoạn ${a.stage}: cần hoàn thành đủ 5 giai đoạn`,
        en: `The resident is in stage ${a.stage}: all five stages must be gone through`,
      });
    if (input.releasedOn < planned)
      throw Errors.unprocessable(
        'term_not_over',
        {
          vi: `Chưa hết thời hạn (ngày ra dự kiến ${planned}); ra sớm cần quyết định giảm thời hạn hoặc miễn chấp hành`,
          en: `The term has not ended (planned release ${planned}); an earlier release needs a reduction or early-release decision`,
        },
        { plannedRelease: planned, basis: cite(rules.termReductionMinServedPercent.basis) },
      );
    if (!a.notice)
      throw Errors.unprocessable(
        'release_notice_required',
        {
          vi: `Cần thông báo cho Chủ tịch UBND và Công an cấp xã nơi cư trú trước khi ra cơ sở (${rules.releaseNoticeDaysBefore.value} ngày)`,
          en: `The commune chairman and commune police must be notified before release (${rules.releaseNoticeDaysBefore.value} days)`,
        },
        { rule: 'RELEASE_NOTICE_REQUIRED', basis: cite(rules.releaseNoticeDaysBefore.basis) },
      );
    const at = now.toISOString();
    if (
      !(await facilityRepo.completeEpisode(trx, episode.id, episode.version, {
        actual_end: input.releasedOn,
        ...updatedStamps(actor, at),
      }))
    )
      throw Errors.conflict('episode_changed', {
        vi: 'Quyết định/hợp đồng đã thay đổi hoặc đã kết thúc; hãy tải lại',
        en: 'The episode changed or was closed meanwhile; reload',
      });
    await closeTasks(
      trx,
      { personId: a.person_id, episodeId: episode.id },
      { by: { type: 'facility_release', id }, userId: actor.userId, at: now },
    );
    const ctx = await legalContext(trx);
    const legal = rulesAt(ctx, input.releasedOn, 'releasedOn');
    const due = deadlineFor('post_rehab_decision', input.releasedOn, now, legal, ctx.adjustments)!;
    const person = (await facilityRepo.person(trx, a.person_id))!;
    const flagged = a.no_known_residence === 1;
    const facility = (await facilityRepo.facility(trx, a.facility_id))!;
    const unit = flagged
      ? { kind: 'province' as const, code: facility.province_code }
      : { kind: 'commune' as const, code: person.cur_commune_code };
    const details = {
      facilityId: a.facility_id,
      admissionId: id,
      noKnownResidence: flagged,
      notice: JSON.parse(a.notice),
    };
    // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40): no decision task after a
    // voluntary stay, whose person the commune supports without a management decision.
    const task = !postRehabFollows(episode.type as EpisodeType)
      ? null
      : await createTask(trx, {
          kind: 'post_rehab_decision',
          personId: a.person_id,
          episodeId: episode.id,
          unit,
          due,
          // The province's officers answer for a person with no known residence.
          role: flagged ? ('province_officer' as const) : undefined,
          regimeId: legal.regimeId,
          source: { type: 'facility_release', id },
          details,
          at: now,
        });
    const releaseData = {
      certificate: input.certificate,
      handedTo: unit,
      flaggedForProvince: flagged,
      taskId: task?.id ?? null,
      decisionDueDate: task?.due_date ?? null,
    };
    await endStay({ trx, a, today, now }, actor, {
      on: input.releasedOn,
      release: releaseData,
      event: { kind: 'release', subkind: flagged ? 'province' : 'commune', data: releaseData },
      action: 'facility.release',
      details: { releasedOn: input.releasedOn, unit, taskId: task?.id ?? null },
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}

/**
 * Departure without completion (the court rejected the dossier, a transfer, quitting, expulsion, an escape
 * that ended the stay, death): ends the stay without a handover. The episode itself is closed through the
 * episodes module (or the dossier's court step) first, so that its outcome is recorded there.
 */
export async function leave(deps: AppDeps, actor: Actor, id: string, input: LeaveInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    duringStay('leftOn', input.leftOn, a, today);
    await facilityRulesAt(trx, input.leftOn, 'leftOn');
    const { episode } = await termOf(trx, a);
    if (!episode.outcome)
      throw Errors.conflict('episode_open', {
        vi: 'Cần kết thúc quyết định/hợp đồng (ghi kết quả) trước khi ghi nhận học viên rời cơ sở',
        en: 'Close the episode with its outcome first, then record the departure',
      });
    const data = { reason: input.reason, notes: input.notes ?? null, episodeOutcome: episode.outcome };
    await endStay({ trx, a, today, now }, actor, {
      on: input.leftOn,
      release: null,
      event: { kind: 'departure', subkind: input.reason, data },
      action: 'facility.departure',
      details: data,
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}

/**
 * The end of a stay, by release or departure: the admission's end date (with the handover, or none), its stage
 * closed, the event, the person's status recomputed and the audit entry (which carries that status).
 */
async function endStay(
  { trx, a, now }: { trx: Kysely<DB>; a: AdmissionRow; today: string; now: Date },
  actor: Actor,
  end: {
    on: string;
    release: object | null;
    event: { kind: string; subkind: string; data: object };
    action: string;
    details: Record<string, unknown>;
  },
) {
  const patch: Partial<AdmissionRow> = {
    released_on: end.on,
    release: end.release ? JSON.stringify(end.release) : null,
    ...(end.release ? {} : { absence_kind: null, absence_from: null }),
    ...updatedStamps(actor, now),
  };
  if (!(await facilityRepo.updateAdmission(trx, a.id, a.version, patch))) throw Errors.staleVersion(null);
  await facilityRepo.endStage(trx, a.id, a.stage, end.on);
  await recordStayEvent(trx, actor, a, { on: end.on, ...end.event }, now);
  const status = await syncPerson(trx, a.person_id, now);
  await audit(trx, actor, {
    action: end.action,
    entityType: 'facility_admission',
    entityId: a.id,
    details: { ...end.details, status },
  });
}

/** Records an event of the stay, under its facility and admission. */
function recordStayEvent(
  trx: Kysely<DB>,
  actor: Actor,
  a: AdmissionRow,
  e: { kind: string; subkind?: string; on: string; data: unknown },
  now: Date,
) {
  return facilityRepo.insertEvent(
    trx,
    eventRow(actor, { facilityId: a.facility_id, admissionId: a.id, ...e }, now),
  );
}
