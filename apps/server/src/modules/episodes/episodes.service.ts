import { randomUUID } from 'node:crypto';
import { canStart, postRehabSource } from '@hoanhap/domain/episode-rules';
import {
  effectiveEnd,
  isActiveOn,
  plannedEnd,
  priorRehabOf,
  validateTerm,
} from '@hoanhap/domain/episode-terms';
import type { CompulsoryGround, EpisodeType } from '@hoanhap/domain/episode-types';
import { addDays, maxDate } from '@hoanhap/domain/iso-date';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import type { RuleKey } from '@hoanhap/domain/legal-regimes';
import {
  authorityLabels,
  compulsoryTermStart,
  episodeAuthority,
  facilityCostSupportPercent,
  type PendingPlace,
  postRehabTermStart,
  relapseGround,
  subsidyEligible,
  vnToday,
} from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, authorizeAuthority, can, isFacilityUser } from '../../platform/policy.ts';
import { assertPlacement } from '../org/facilities.service.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { personStep, writeStep } from '../shared/write-step.service.ts';
import { closeTasks, createTask } from '../tasks/tasks.service.ts';
import { assertFacilityOwns, episodeInScope, personInScope, requireClass } from './access.ts';
import { decisionFor } from './decision-records.ts';
import { decisionsRepo } from './decisions.repo.ts';
import { allocateNumber } from './episode-documents.service.ts';
import { presentEpisode } from './episodes.presenter.ts';
import { type EpisodeRow, episodesRepo } from './episodes.repo.ts';
import type { EpisodeCreateInput, EpisodeUpdateInput } from './episodes.schema.ts';
import { fieldError, legalContext, ruleRefusal, rulesAt } from './legal.ts';
import { asEpisode, syncPerson } from './person-status.ts';

// Decisions of a commune authority, and the rule whose `authority` names who decides on the decision date
// (the commune chairman; the head of commune police for user management under Law 120/2025): recorded only
// by the role that acts for that authority (policy.ts mayActFor).
const AUTHORITY_RULE: Partial<Record<EpisodeType, RuleKey>> = {
  user_management: 'userManagementMonths',
  post_rehab: 'postRehabMonths',
  voluntary_community: 'voluntaryCommunityMonths',
};
// What a facility may open for its residents.
const FACILITY_TYPES: readonly EpisodeType[] = ['voluntary_facility', 'compulsory', 'compulsory_pending'];

/** Checks the users named as managers exist and are active (400 naming the field otherwise). */
export async function managersOrFail(trx: Kysely<DB>, ids: string[] | undefined, field = 'managerIds') {
  const list = [...new Set(ids ?? [])];
  const found = await episodesRepo.activeUserIds(trx, list);
  const missing = list.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw fieldError(
      `${field}.${missing}`,
      'user_exists',
      'Người dùng không tồn tại hoặc đã bị khóa',
      'Unknown or inactive user',
    );
  return list;
}

async function facilityOrFail(trx: Kysely<DB>, id: string) {
  const f = await episodesRepo.facility(trx, id);
  if (!f?.active)
    throw fieldError('facilityId', 'facility_exists', 'Cơ sở không tồn tại', 'Unknown facility');
  return f;
}

// The decision (or registration, contract, court order) an episode rests on, as stored columns.
function decisionOf(input: EpisodeCreateInput) {
  switch (input.type) {
    case 'user_management':
    case 'post_rehab':
      return { number: input.decision.number, date: input.decision.date, signer: input.decision.signer };
    case 'compulsory_pending':
      return { number: input.decision?.number, date: input.decision?.date, signer: input.decision?.signer };
    case 'voluntary_community':
      return { date: input.registration.registeredOn };
    case 'voluntary_facility':
      return { number: input.contract.number, date: input.contract.signedOn };
    case 'compulsory':
      return {
        number: input.court.decisionNumber,
        date: input.court.decisionDate,
        signer: input.court.signer,
        body: input.court.name,
      };
    case 'substitution_therapy':
      return {};
  }
}

function checkStages(stages: { stage: number }[] | undefined, field = 'stages') {
  const seen = new Set<number>();
  for (const [i, s] of (stages ?? []).entries()) {
    if (seen.has(s.stage))
      throw fieldError(`${field}.${i}.stage`, 'unique', 'Giai đoạn bị trùng', 'Stage listed twice');
    seen.add(s.stage);
  }
  return [...(stages ?? [])].sort((a, b) => a.stage - b.stage);
}

function detailsOf(input: EpisodeCreateInput, rules: ReturnType<typeof rulesAt>): Record<string, unknown> {
  switch (input.type) {
    case 'user_management':
      return { sourceTestId: input.sourceTestId ?? null };
    case 'voluntary_community':
      return {
        registration: input.registration,
        stages: checkStages(input.stages),
        subsidyEligible: subsidyEligible(input.stages ?? [], rules),
      };
    case 'voluntary_facility':
      return {
        contract: input.contract,
        priorityGroup: input.priorityGroup ?? null,
        costSupportPercent: facilityCostSupportPercent(input.priorityGroup, rules),
        stages: checkStages(input.stages),
      };
    case 'compulsory_pending':
      return {
        place: input.place,
        familyCommitment: input.familyCommitment ?? null,
        grounds: input.grounds ?? [],
      };
    case 'compulsory':
      return { court: input.court, grounds: input.grounds ?? [] };
    case 'substitution_therapy':
      return { clinic: input.clinic, interruptions: [] };
    case 'post_rehab':
      return {};
  }
}

/** Opens an episode after checking it against the rules in force; derives the person's status. */
export async function createEpisode(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  input: EpisodeCreateInput,
) {
  return deps.database.db
    .transaction()
    .execute((trx) => openEpisode(trx, actor, personId, input, deps.now()));
}

/**
 * createEpisode inside the caller's transaction (e.g. the dossier hand-off opening the compulsory episode
 * in the same commit as the court step): checks, insert, deadlines, derived status and audit.
 */
export async function openEpisode(
  trx: Kysely<DB>,
  actor: Actor,
  personId: string,
  input: EpisodeCreateInput,
  now: Date,
) {
  authorize(actor, 'episodes.write');
  const authorityRule = AUTHORITY_RULE[input.type];
  // Coarse check first (403 before anything is read); the authority of the decision date is checked below.
  if (authorityRule && !can(actor, 'decisions.issue') && !can(actor, 'police_decisions.issue'))
    throw Errors.forbidden();
  const today = vnToday(now);
  const person = await personInScope(trx, actor, personId);
  const facilityId = 'facilityId' in input ? (input.facilityId ?? null) : null;
  if (isFacilityUser(actor)) {
    if (!FACILITY_TYPES.includes(input.type)) throw Errors.forbidden();
    assertFacilityOwns(actor, facilityId);
  }
  const decision = decisionOf(input);
  if (decision.date && decision.date > today)
    throw fieldError(
      'decision.date',
      'not_future',
      'Ngày quyết định ở tương lai',
      'Decision date is in the future',
    );
  if (decision.date && input.startDate < decision.date)
    throw fieldError(
      'startDate',
      'after_decision',
      'Ngày bắt đầu không được trước ngày quyết định',
      'The start cannot be before the decision',
    );
  const regimeDate = decision.date ?? input.startDate;
  const ctx = await legalContext(trx);
  const rules = rulesAt(ctx, regimeDate, decision.date ? 'decision.date' : 'startDate');
  const authority = episodeAuthority(input.type, rules);
  if (authorityRule)
    authorizeAuthority(actor, authority, {
      rule: authorityRule,
      authorityName: { vi: authorityLabels.vi[authority], en: authorityLabels.en[authority] },
      basis: rules[authorityRule].basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    });
  if (facilityId) {
    await facilityOrFail(trx, facilityId);
    // The facility's kind (and a private one's licence) must allow this pathway for this person on the date.
    await assertPlacement(trx, facilityId, {
      episodeType: input.type,
      date: regimeDate,
      birthDate: person.birth_date ?? (person.birth_year ? String(person.birth_year) : null),
      rules,
    });
  }
  if (input.type === 'compulsory_pending') {
    if (input.place === 'family' && !input.familyCommitment)
      throw fieldError(
        'familyCommitment',
        'required',
        'Quản lý tại gia đình cần bản cam kết của gia đình (Mẫu 35)',
        'Management at the family needs the family commitment (Form 35)',
      );
    if (input.place === 'facility' && !facilityId)
      throw fieldError('facilityId', 'required', 'Cần chọn cơ sở cai nghiện', 'A facility is required');
  }
  const managers = await managersOrFail(trx, input.managerIds);

  const rows = await episodesRepo.forPerson(trx, personId);
  const history = rows.map(asEpisode);
  const birth = person.birth_date ?? String(person.birth_year);
  const det = await screeningRepo.latestDetermination(trx, personId, input.startDate);
  const relapseGrounds = (await screeningRepo.relapses(trx, personId))
    .filter((r) => r.tested_on <= input.startDate && r.during_episode_type)
    .map((r) => relapseGround(r.during_episode_type as EpisodeType))
    .filter((g): g is CompulsoryGround => g !== null);
  const inputGrounds = 'grounds' in input ? (input.grounds ?? []) : [];
  const check = canStart(input.type, history, input.startDate, {
    grounds: [...inputGrounds, ...relapseGrounds],
    addictionDeterminedOn: det?.addicted ? det.assessed_on : null,
    birthDate: birth,
    overrides: ctx.overrides,
  });
  if (!check.ok) throw ruleRefusal(check.error);
  const term = validateTerm({
    type: input.type,
    months: 'termMonths' in input ? input.termMonths : null,
    birthDate: birth,
    decisionDate: regimeDate,
    regime: rules,
    // "Later rehab" counts earlier rehab of every form (Law 120/2025/QH15), not only compulsory.
    priorRehab: priorRehabOf(history, input.startDate),
  });
  if (!term.ok) throw ruleRefusal(term.error);

  const details = detailsOf(input, rules);
  let termStart = input.startDate;
  let pending: EpisodeRow | undefined;
  if (input.type === 'compulsory') {
    pending = rows.find((r) => r.type === 'compulsory_pending' && isActiveOn(asEpisode(r), input.startDate));
    // Only days managed at a facility while the dossier was pending count (Decree 116 Art. 44).
    const place = pending ? (JSON.parse(pending.details) as { place?: PendingPlace }).place : null;
    termStart = compulsoryTermStart(input.startDate, pending?.start_date, rules, place);
    details.pendingEpisodeId = pending?.id ?? null;
  }
  if (input.type === 'post_rehab') {
    // canStart guaranteed a completed compulsory rehab; the year runs from the day after it ended. Before 2022
    // (history, pre-2022 regime) the rehab it followed may not be recorded: the term then runs from the start.
    const source = postRehabSource(history, input.startDate);
    const rehab = source ? rows[history.indexOf(source)] : undefined;
    if (rehab) termStart = postRehabTermStart(effectiveEnd(asEpisode(rehab)));
    details.rehabEpisodeId = rehab?.id ?? null;
  }
  const planned = plannedEnd(input.type, termStart, term.months ?? undefined, rules);
  // A commune decision issued here takes the next number of the commune's register for its year.
  let documentNumber: string | null = null;
  if ((input.type === 'user_management' || input.type === 'post_rehab') && !decision.number && decision.date)
    documentNumber = await allocateNumber(
      trx,
      person.cur_commune_code,
      decision.date,
      authority === 'commune_police_head' ? 'police_decision' : 'decision',
      now,
    );
  const atFacility = facilityId && FACILITY_TYPES.includes(input.type);
  const at = now.toISOString();
  const row: EpisodeRow = {
    id: randomUUID(),
    person_id: personId,
    type: input.type,
    regime_id: rules.regimeId,
    authority,
    decision_number: decision.number ?? documentNumber,
    decision_date: decision.date ?? null,
    decision_signer: decision.signer ?? null,
    decision_body: decision.body ?? null,
    decision_id: null,
    document_number: documentNumber,
    start_date: input.startDate,
    term_start: planned ? termStart : null,
    term_months: term.months,
    planned_end: planned,
    actual_end: null,
    outcome: null,
    outcome_reason: null,
    facility_id: facilityId,
    responsible_unit_kind: atFacility ? 'facility' : 'commune',
    responsible_unit_code: atFacility ? facilityId : person.cur_commune_code,
    managers: JSON.stringify(managers),
    details: JSON.stringify(details),
    certificate_number: null,
    certificate_date: null,
    notes: input.notes ?? null,
    ...createdStamps(actor, at),
  };
  // The decision it rests on, a record of its own (joined when already recorded under the same key).
  row.decision_id = await decisionFor(
    trx,
    actor.userId,
    row,
    authorityRule
      ? rules[authorityRule].basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') }))
      : [],
  );
  await episodesRepo.insert(trx, row);
  if (pending) {
    // The court order ends the pending management (whose days count toward the term only if at a facility).
    const end = addDays(input.startDate, -1);
    await episodesRepo.closeAsEffect(trx, pending.id, {
      actual_end: maxDate(end, pending.start_date),
      outcome: 'completed',
      outcome_reason: 'compulsory_order',
      ...updatedStamps(actor, at),
    });
  }
  await openingEffects(trx, actor, row, person.cur_commune_code, now);
  const status = await syncPerson(trx, personId, now);
  await audit(trx, actor, {
    action: 'episode.create',
    entityType: 'episode',
    entityId: row.id,
    details: { personId, type: row.type, regimeId: row.regime_id, status },
  });
  return presentEpisode(row, today);
}

// Deadlines an episode opens, and the tasks its opening completes.
async function openingEffects(trx: Kysely<DB>, actor: Actor, row: EpisodeRow, commune: string, now: Date) {
  // An act of the pre-2022 era is history: recorded, it neither completes nor opens any current task.
  if (row.regime_id === 'pre-2022') return;
  const closing = { by: { type: 'episode', id: row.id }, userId: actor.userId, at: now };
  if (row.type === 'user_management')
    await closeTasks(trx, { personId: row.person_id, kind: 'user_management_decision' }, closing);
  if (row.type === 'post_rehab')
    await closeTasks(trx, { personId: row.person_id, kind: 'post_rehab_decision' }, closing);
  if ((row.type === 'user_management' || row.type === 'post_rehab') && row.planned_end) {
    await createTask(trx, {
      kind: 'management_period_end',
      personId: row.person_id,
      episodeId: row.id,
      unit: { kind: 'commune', code: commune },
      due: { dueDate: row.planned_end, ruleKey: null },
      regimeId: row.regime_id,
      source: { type: 'episode', id: row.id },
      at: now,
    });
  }
}

export async function listEpisodes(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'episodes.read', 'legal', async ({ trx, today }) => {
    const rows = await episodesRepo.forPerson(trx, personId);
    await audit(trx, actor, { action: 'episode.list', entityType: 'person', entityId: personId });
    return { items: rows.map((r) => presentEpisode(r, today)) };
  });
}

export async function getEpisode(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'episodes.read');
  requireClass(actor, 'legal');
  const today = vnToday(deps.now());
  return deps.database.db.transaction().execute(async (trx) => {
    const { episode } = await episodeInScope(trx, actor, id);
    await audit(trx, actor, { action: 'episode.read', entityType: 'episode', entityId: id });
    return presentEpisode(episode, today, await episodesRepo.contactsOf(trx, id));
  });
}

/** Edits what may change after opening: notes, managers, decision number/signer, stages, interruptions. */
export async function updateEpisode(deps: AppDeps, actor: Actor, id: string, input: EpisodeUpdateInput) {
  return writeStep(deps, actor, 'episodes.write', async ({ trx, now, today }) => {
    const { episode } = await episodeInScope(trx, actor, id);
    assertFacilityOwns(actor, episode.facility_id);
    if (episode.version !== input.version) throw Errors.staleVersion(presentEpisode(episode, today));
    const type = episode.type as EpisodeType;
    const details = JSON.parse(episode.details) as Record<string, unknown>;
    const onlyFor = (field: string, types: EpisodeType[]) => {
      if (!types.includes(type))
        throw fieldError(
          field,
          'not_applicable',
          'Không áp dụng cho loại này',
          'Not applicable to this type',
        );
    };
    if (input.stages) {
      onlyFor('stages', ['voluntary_community', 'voluntary_facility', 'compulsory']);
      details.stages = checkStages(input.stages);
      if (type === 'voluntary_community') {
        const rules = rulesAt(await legalContext(trx), episode.decision_date ?? episode.start_date, 'stages');
        details.subsidyEligible = subsidyEligible(input.stages, rules);
      }
    }
    if (input.interruptions) {
      onlyFor('interruptions', ['substitution_therapy']);
      details.interruptions = input.interruptions;
    }
    if (input.familyCommitment) {
      onlyFor('familyCommitment', ['compulsory_pending']);
      details.familyCommitment = input.familyCommitment;
    }
    if (input.priorityGroup !== undefined) {
      onlyFor('priorityGroup', ['voluntary_facility']);
      details.priorityGroup = input.priorityGroup;
      details.costSupportPercent = facilityCostSupportPercent(
        input.priorityGroup,
        rulesAt(await legalContext(trx), episode.decision_date ?? episode.start_date, 'priorityGroup'),
      );
    }
    const patch: Partial<EpisodeRow> = {
      details: JSON.stringify(details),
      ...updatedStamps(actor, now),
    };
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.managerIds) patch.managers = JSON.stringify(await managersOrFail(trx, input.managerIds));
    if (input.decision?.number !== undefined) patch.decision_number = input.decision.number;
    if (input.decision?.signer !== undefined) patch.decision_signer = input.decision.signer;
    const changed = Object.keys(input).filter((k) => k !== 'version');
    if (!(await episodesRepo.updateVersioned(trx, id, input.version, patch)))
      throw Errors.staleVersion(presentEpisode((await episodesRepo.findById(trx, id))!, today));
    await audit(trx, actor, {
      action: 'episode.update',
      entityType: 'episode',
      entityId: id,
      details: { changed },
    });
    // A corrected number or signer is the decision's: it follows for everyone the decision names.
    if (input.decision && episode.decision_id)
      await decisionsRepo.follow(trx, episode.decision_id, input.decision, now.toISOString(), actor.userId);
    const fresh = (await episodesRepo.findById(trx, id))!;
    return presentEpisode(fresh, today, await episodesRepo.contactsOf(trx, id));
  });
}
