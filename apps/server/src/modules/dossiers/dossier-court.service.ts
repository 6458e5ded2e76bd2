import {
  type CourtOutcome,
  checkOutcome,
  checkTransition,
  DOSSIER_TASK_KINDS,
  type DossierPersonStatus,
  type DossierStatus,
  EXECUTABLE_OUTCOMES,
  statusAfterExecution,
} from '@hoanhap/domain/dossier-rules';
import { priorRehabOf } from '@hoanhap/domain/episode-terms';
import type { CompulsoryGround, EpisodeType } from '@hoanhap/domain/episode-types';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { closeEpisodeIn } from '../episodes/episode-acts.service.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { openEpisode } from '../episodes/episodes.service.ts';
import { fieldError, ruleRefusal } from '../episodes/legal.ts';
import { closeTasks } from '../tasks/tasks.service.ts';
import { bump, must, notBefore, present, rulesFor, writable } from './dossier-common.ts';
import { closeFor, step, task } from './dossier-step.ts';
import { dossiersRepo } from './dossiers.repo.ts';
import type { AcceptInput, DecideInput, ExecuteInput, HearingInput } from './dossiers.schema.ts';

// The court's acts as the commune police record them: acceptance, hearing, decision, execution.

export async function accept(deps: AppDeps, actor: Actor, id: string, input: AcceptInput) {
  return step(deps, actor, id, input.version, 'accept', 'court.record', async (c) => {
    await rulesFor(c.trx, input.acceptedOn, 'acceptedOn', { today: c.today });
    notBefore(
      input.acceptedOn,
      c.row.submitted_on,
      { vi: 'thụ lý', en: 'acceptance' },
      { vi: 'chuyển hồ sơ', en: 'submission' },
    );
    return {
      patch: { accepted_on: input.acceptedOn, court_case_number: input.courtCaseNumber ?? null },
      details: { acceptedOn: input.acceptedOn },
    };
  });
}

export async function scheduleHearing(deps: AppDeps, actor: Actor, id: string, input: HearingInput) {
  return step(deps, actor, id, input.version, 'schedule_hearing', 'court.record', async (c) => {
    await rulesFor(c.trx, input.hearingDate, 'hearingDate', { future: true });
    notBefore(
      input.hearingDate,
      c.row.accepted_on,
      { vi: 'phiên họp', en: 'the hearing' },
      { vi: 'thụ lý', en: 'acceptance' },
    );
    const ids = c.persons.map((p) => p.person_id);
    // A moved hearing replaces the earlier task.
    if (c.row.hearing_date) await closeFor(c, actor, DOSSIER_TASK_KINDS.hearing, ids, 'cancelled');
    for (const p of ids) await task(c, DOSSIER_TASK_KINDS.hearing, p, input.hearingDate);
    return {
      patch: { hearing_date: input.hearingDate, hearing_place: input.hearingPlace ?? null },
      details: { hearingDate: input.hearingDate, previous: c.row.hearing_date },
    };
  });
}

/**
 * The court's decision for every person of the dossier, in one transaction. A rejection or an exemption
 * also ends the person's management while the dossier was pending ('compulsory_pending').
 */
export async function decide(deps: AppDeps, actor: Actor, id: string, input: DecideInput) {
  return step(deps, actor, id, input.version, 'decide', 'court.record', async (c) => {
    await rulesFor(c.trx, input.decidedOn, 'decidedOn', { today: c.today });
    notBefore(
      input.decidedOn,
      c.row.hearing_date,
      { vi: 'quyết định', en: 'the decision' },
      { vi: 'phiên họp', en: 'the hearing' },
    );
    // One outcome per person named in the dossier, no more, no less.
    const named = new Set(c.persons.map((p) => p.person_id));
    const given = new Set<string>();
    for (const [i, o] of input.outcomes.entries()) {
      if (!named.has(o.personId))
        throw fieldError(
          `outcomes.${i}.personId`,
          'in_dossier',
          'Người này không có trong hồ sơ',
          'This person is not in the dossier',
        );
      if (given.has(o.personId))
        throw fieldError(
          `outcomes.${i}.personId`,
          'unique',
          'Người này bị nhập hai lần',
          'Person listed twice',
        );
      given.add(o.personId);
    }
    if (given.size !== named.size)
      throw fieldError(
        'outcomes',
        'all_persons',
        'Cần kết quả cho từng người trong hồ sơ',
        'An outcome is needed for every person in the dossier',
      );

    const results: { personId: string; outcome: CourtOutcome; termMonths: number | null }[] = [];
    for (const [i, o] of input.outcomes.entries()) {
      const person = c.persons.find((p) => p.person_id === o.personId)!;
      const decisionDate = o.decisionDate ?? input.decidedOn;
      const rules = await rulesFor(c.trx, decisionDate, `outcomes.${i}.decisionDate`, { today: c.today });
      notBefore(
        decisionDate,
        c.row.hearing_date,
        { vi: 'quyết định', en: 'the decision' },
        { vi: 'phiên họp', en: 'the hearing' },
      );
      const executable = EXECUTABLE_OUTCOMES.includes(o.outcome);
      if (executable && !o.decisionNumber)
        throw fieldError(
          `outcomes.${i}.decisionNumber`,
          'required',
          'Cần số quyết định của Tòa án',
          'The court decision number is required',
        );
      if (o.postponedUntil && o.outcome !== 'postponed')
        throw fieldError(
          `outcomes.${i}.postponedUntil`,
          'not_applicable',
          'Chỉ ghi khi hoãn chấp hành',
          'Only for a postponement',
        );
      const history = await episodesRepo.forPerson(c.trx, o.personId);
      const checked = checkOutcome(
        {
          outcome: o.outcome,
          termMonths: o.termMonths ?? null,
          birthDate: person.birth_date ?? String(person.birth_year),
          decisionDate,
          priorRehab: priorRehabOf(
            history.map((e) => ({ type: e.type as EpisodeType, start: e.start_date, outcome: e.outcome })),
            decisionDate,
          ),
        },
        rules,
      );
      if (!checked.ok) {
        const e = ruleRefusal(checked.error);
        throw Errors.unprocessable(e.code, e.messages, {
          ...e.extra,
          field: `outcomes.${i}.termMonths`,
          personId: o.personId,
        });
      }
      await dossiersRepo.updatePerson(c.trx, c.row.id, o.personId, {
        status: o.outcome,
        outcome: o.outcome,
        term_months: checked.termMonths,
        decision_number: o.decisionNumber ?? null,
        decision_date: decisionDate,
        decision_signer: o.decisionSigner ?? null,
        postponed_until: o.postponedUntil ?? null,
        outcome_note: o.note ?? null,
      });
      if (executable)
        await task(c, DOSSIER_TASK_KINDS.execution, o.personId, o.postponedUntil ?? decisionDate);
      if (o.outcome === 'rejected' || o.outcome === 'exempted') {
        const pending = history.find(
          (e) => e.type === 'compulsory_pending' && e.outcome === null && e.start_date <= decisionDate,
        );
        if (pending)
          await closeEpisodeIn(
            c.trx,
            actor,
            pending.id,
            {
              version: pending.version,
              outcome: 'completed',
              endDate: decisionDate,
              reason: o.outcome === 'rejected' ? 'court_rejected' : 'court_exempted',
            },
            c.now,
          );
      }
      results.push({ personId: o.personId, outcome: o.outcome, termMonths: checked.termMonths });
    }
    await closeFor(c, actor, DOSSIER_TASK_KINDS.hearing, [...named]);
    return { patch: { decided_on: input.decidedOn }, details: { decidedOn: input.decidedOn, results } };
  });
}

/**
 * Execution and admission of one person ordered into compulsory rehab, in one transaction: opens the
 * 'compulsory' episode through the episodes module (which ends any pending management and counts its time
 * toward the term) and records the execution on the dossier.
 */
export async function execute(deps: AppDeps, actor: Actor, id: string, input: ExecuteInput) {
  authorize(actor, 'dossiers.write');
  const { db } = deps.database;
  const now = deps.now();
  const at = now.toISOString();
  const today = vnToday(now);
  const admittedOn = input.admittedOn ?? input.executedOn;

  const checkAll = async (trx: Kysely<DB>) => {
    const row = await writable(trx, actor, id, input.version);
    must(checkTransition(row.status as DossierStatus, 'execute'));
    const person = (await dossiersRepo.peopleOf(trx, [id])).find((p) => p.person_id === input.personId);
    if (!person)
      throw fieldError(
        'personId',
        'in_dossier',
        'Người này không có trong hồ sơ',
        'This person is not in the dossier',
      );
    if (!EXECUTABLE_OUTCOMES.includes(person.status as CourtOutcome))
      throw Errors.unprocessable('dossier_person_not_executable', {
        vi: 'Chỉ thi hành đối với người mà Tòa án quyết định áp dụng biện pháp và chưa được thi hành',
        en: 'Only a person the court ordered into compulsory rehab, not yet executed, can be executed',
      });
    await rulesFor(trx, input.executedOn, 'executedOn', { today });
    await rulesFor(trx, admittedOn, 'admittedOn', { today });
    notBefore(
      input.executedOn,
      person.decision_date,
      { vi: 'thi hành', en: 'execution' },
      { vi: 'quyết định', en: 'the decision' },
    );
    notBefore(
      input.executedOn,
      person.postponed_until,
      { vi: 'thi hành', en: 'execution' },
      { vi: 'hết thời hạn hoãn', en: 'the end of the postponement' },
    );
    notBefore(
      admittedOn,
      input.executedOn,
      { vi: 'tiếp nhận', en: 'admission' },
      { vi: 'thi hành', en: 'execution' },
    );
    const facility = await dossiersRepo.facility(trx, input.facilityId);
    if (!facility?.active)
      throw fieldError('facilityId', 'facility_exists', 'Cơ sở không tồn tại', 'Unknown facility');
    return { row, person };
  };
  return db.transaction().execute(async (trx) => {
    const { row, person } = await checkAll(trx);
    // The episodes module checks the order against the rules (addiction determination, grounds, term for
    // the age), ends any pending management and starts the term with it when the rules count that time.
    const episode = await openEpisode(
      trx,
      actor,
      input.personId,
      {
        type: 'compulsory',
        startDate: admittedOn,
        termMonths: person.term_months!,
        court: {
          name: row.court_name ?? '',
          decisionNumber: person.decision_number!,
          decisionDate: person.decision_date!,
          ...(person.decision_signer ? { signer: person.decision_signer } : {}),
        },
        facilityId: input.facilityId,
        grounds: [person.ground as CompulsoryGround],
        notes: `Hồ sơ đề nghị ${row.id}`,
      },
      now,
    );
    const episodeId = episode.id;
    await dossiersRepo.updatePerson(trx, id, input.personId, {
      status: 'executed',
      executed_on: input.executedOn,
      admitted_on: admittedOn,
      facility_id: input.facilityId,
      episode_id: episodeId,
    });
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    const status = statusAfterExecution(persons.map((p) => ({ status: p.status as DossierPersonStatus })));
    await closeTasks(
      trx,
      { personId: input.personId, kind: DOSSIER_TASK_KINDS.execution },
      { by: { type: 'episode', id: episodeId }, userId: actor.userId, at: now },
    );
    await bump(trx, actor, row, at, {
      status,
      executed_on: status === 'executed' ? input.executedOn : row.executed_on,
    });
    await audit(trx, actor, {
      action: 'dossier.execute',
      entityType: 'dossier',
      entityId: id,
      details: { personId: input.personId, episodeId, executedOn: input.executedOn, admittedOn, status },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}
