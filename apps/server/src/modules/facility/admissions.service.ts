import { randomUUID } from 'node:crypto';
import { checkStageMove } from '@hoanhap/domain/facility-rules';
import { addDays, maxDate } from '@hoanhap/domain/iso-date';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import type { EpisodeRow } from '../episodes/episodes.repo.ts';
import { ruleRefusal } from '../episodes/legal.ts';
import { presentAdmission, presentTerm, termOf } from './facility.presenter.ts';
import { type AdmissionRow, facilityRepo } from './facility.repo.ts';
import type {
  AdmissionInput,
  BedInput,
  BoardSort,
  ResidenceInput,
  StageMoveInput,
} from './facility.schema.ts';
import {
  admissionFor,
  facilityFor,
  facilityRulesAt,
  fieldError,
  notFuture,
  readsHealth,
} from './facility-access.ts';
import { stayStep } from './stay-step.ts';

// Admission of a resident and the stay's framework: intake record, classification, belongings, rapid test,
// bed/area, the five stages in order with who approved each move, and the facility's residents board.

const FACILITY_EPISODES = ['voluntary_facility', 'compulsory_pending', 'compulsory'];
const episodeWord = { vi: 'quyết định/hợp đồng đưa vào cơ sở này', en: 'Episode at this facility' };

/** Admits a person on the episode that places them here; sets their current facility in the same commit. */
export async function admit(deps: AppDeps, actor: Actor, facilityId: string, input: AdmissionInput) {
  const now = deps.now();
  const today = vnToday(now);
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.write');
    const ep = await facilityRepo.episode(trx, input.episodeId);
    if (!ep || ep.facility_id !== facilityId || !FACILITY_EPISODES.includes(ep.type))
      throw Errors.notFound(episodeWord);
    if (ep.outcome)
      throw Errors.conflict('episode_closed', {
        vi: 'Giai đoạn này đã kết thúc',
        en: 'This episode is already closed',
      });
    notFuture('admittedOn', input.admittedOn, today);
    if (input.admittedOn < ep.start_date)
      throw fieldError(
        'admittedOn',
        'after_start',
        'Ngày tiếp nhận trước ngày bắt đầu của quyết định/hợp đồng',
        'The admission is before the start of the episode',
      );
    if (input.rapidTest.testedOn > input.admittedOn || input.rapidTest.testedOn < ep.start_date)
      throw fieldError(
        'rapidTest.testedOn',
        'at_intake',
        'Ngày test nhanh phải trong thời gian tiếp nhận',
        'The rapid test must be taken at intake',
      );
    await facilityRulesAt(trx, input.admittedOn, 'admittedOn');
    if (await facilityRepo.openAdmissionOfPerson(trx, ep.person_id))
      throw Errors.conflict('already_admitted', {
        vi: 'Người này đang ở cơ sở cai nghiện',
        en: 'This person is already a resident of a facility',
      });
    const at = now.toISOString();
    const row: AdmissionRow = {
      id: randomUUID(),
      facility_id: facilityId,
      person_id: ep.person_id,
      episode_id: ep.id,
      basis: ep.type === 'voluntary_facility' ? 'voluntary' : ep.type,
      admitted_on: input.admittedOn,
      record_number: input.recordNumber ?? null,
      classification: input.classification,
      belongings: JSON.stringify(input.belongings),
      rapid_test: JSON.stringify(input.rapidTest),
      area: input.area ?? null,
      bed: input.bed ?? null,
      no_known_residence: input.noKnownResidence ? 1 : 0,
      stage: 1,
      uncounted_days: 0,
      reduction_days: 0,
      early_release_on: null,
      absence_kind: null,
      absence_from: null,
      notice: null,
      released_on: null,
      release: null,
      notes: input.notes ?? null,
      ...createdStamps(actor, at),
    };
    await facilityRepo.insertAdmission(trx, row);
    await facilityRepo.insertStage(trx, {
      id: randomUUID(),
      admission_id: row.id,
      stage: 1,
      began_on: input.admittedOn,
      ended_on: null,
      approved_by: input.approvedBy,
      recorded_by: actor.userId,
      created_at: at,
    });
    await facilityRepo.setCurrentFacility(trx, ep.person_id, facilityId);
    await audit(trx, actor, {
      action: 'facility.admit',
      entityType: 'facility_admission',
      entityId: row.id,
      details: { facilityId, personId: ep.person_id, episodeId: ep.id, basis: row.basis },
    });
    return presentAdmission(trx, row, today, readsHealth(actor));
  });
}

export async function getAdmission(deps: AppDeps, actor: Actor, id: string) {
  const today = vnToday(deps.now());
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.read');
    await audit(trx, actor, {
      action: 'facility.admission.read',
      entityType: 'facility_admission',
      entityId: id,
    });
    return presentAdmission(trx, a, today, readsHealth(actor));
  });
}

/** Moves a resident to the next stage: stages run in order; the move records who approved it. */
export async function moveStage(deps: AppDeps, actor: Actor, id: string, input: StageMoveInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    notFuture('beganOn', input.beganOn, today);
    const stages = await facilityRepo.stages(trx, id);
    const current = stages.find((s) => s.stage === a.stage) ?? null;
    const check = checkStageMove(current && { stage: current.stage, beganOn: current.began_on }, {
      stage: input.stage,
      beganOn: input.beganOn,
    });
    if (!check.ok) throw ruleRefusal(check.error);
    const at = now.toISOString();
    if (current)
      await facilityRepo.endStage(
        trx,
        id,
        current.stage,
        maxDate(addDays(input.beganOn, -1), current.began_on),
      );
    await facilityRepo.insertStage(trx, {
      id: randomUUID(),
      admission_id: id,
      stage: input.stage,
      began_on: input.beganOn,
      ended_on: null,
      approved_by: input.approvedBy,
      recorded_by: actor.userId,
      created_at: at,
    });
    if (
      !(await facilityRepo.updateAdmission(trx, id, a.version, {
        stage: input.stage,
        ...updatedStamps(actor, at),
      }))
    )
      throw Errors.staleVersion(null);
    await audit(trx, actor, {
      action: 'facility.stage',
      entityType: 'facility_admission',
      entityId: id,
      details: { stage: input.stage, beganOn: input.beganOn, approvedBy: input.approvedBy },
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}

/** Assigns the area and bed. */
export async function setBed(deps: AppDeps, actor: Actor, id: string, input: BedInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    const patch = {
      area: input.area ?? null,
      bed: input.bed ?? null,
      ...updatedStamps(actor, now),
    };
    if (!(await facilityRepo.updateAdmission(trx, id, a.version, patch))) throw Errors.staleVersion(null);
    await audit(trx, actor, {
      action: 'facility.bed',
      entityType: 'facility_admission',
      entityId: id,
      details: patch,
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}

/** Which residents of the board, in which order, which page (every filter applies on the server). */
export type BoardQuery = {
  upcomingDays: number;
  q?: string;
  stage?: number;
  basis?: string;
  absent?: boolean;
  sort?: BoardSort;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
};
export type BoardResident = Awaited<ReturnType<typeof residentsOf>>[number];

/** Every open stay of the facility with its term as of today. */
async function residentsOf(trx: Kysely<DB>, facilityId: string, today: string) {
  const rows = await facilityRepo.openAdmissions(trx, facilityId);
  const episodes = new Map(
    (await facilityRepo.episodesByIds(trx, [...new Set(rows.map((a) => a.episode_id))])).map((e) => [
      e.id,
      e as EpisodeRow,
    ]),
  );
  const items = [];
  for (const a of rows) {
    const { basis, state } = await termOf(trx, a, episodes);
    items.push({
      admissionId: a.id,
      personId: a.person_id,
      fullName: a.full_name,
      basis,
      admittedOn: a.admitted_on,
      stage: a.stage,
      area: a.area,
      bed: a.bed,
      term: await presentTerm(trx, a, state, today),
      absence: a.absence_kind && a.absence_from ? { kind: a.absence_kind, from: a.absence_from } : null,
      noticeSent: a.notice !== null,
      noKnownResidence: a.no_known_residence === 1,
      version: a.version,
    });
  }
  return items;
}

const collator = new Intl.Collator('vi');
const SORT_KEY: Record<BoardSort, (r: BoardResident) => string | number | null> = {
  name: (r) => r.fullName,
  admitted_on: (r) => r.admittedOn,
  stage: (r) => r.stage,
  bed: (r) => [r.area, r.bed].filter(Boolean).join(' / ') || null,
  served: (r) => r.term.daysServed,
  remaining: (r) => r.term.daysRemaining,
  release: (r) => r.term.plannedRelease,
};

/** The residents a board query selects, in its order: no value last either way; ties by name, then stay. */
export function selectResidents(items: BoardResident[], q: BoardQuery): BoardResident[] {
  const tokens = normalizeVi(q.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const kept = items.filter(
    (r) =>
      (q.stage == null || r.stage === q.stage) &&
      (!q.basis || r.basis === q.basis) &&
      (!q.absent || !!r.absence) &&
      tokens.every((t) => normalizeVi(r.fullName).includes(t)),
  );
  const key = SORT_KEY[q.sort ?? 'name'];
  const sign = q.dir === 'desc' ? -1 : 1;
  const tie = (x: BoardResident, y: BoardResident) =>
    collator.compare(x.fullName, y.fullName) || (x.admissionId < y.admissionId ? -1 : 1);
  return kept.sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a == null || b == null) return a == null && b == null ? tie(x, y) : a == null ? 1 : -1;
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
    return sign * c || tie(x, y);
  });
}

/**
 * The residents board: who is in which stage, upcoming releases and absences (over every resident), and one
 * page of the residents the filters select, in the order asked for, with their total.
 */
export async function board(deps: AppDeps, actor: Actor, facilityId: string, query: BoardQuery) {
  const today = vnToday(deps.now());
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.read');
    const items = await residentsOf(trx, facilityId, today);
    const horizon = addDays(today, query.upcomingDays);
    const byStage: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const i of items) byStage[String(i.stage)]++;
    const selected = selectResidents([...items], query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? selected.length;
    await audit(trx, actor, { action: 'facility.board', entityType: 'facility', entityId: facilityId });
    return {
      facilityId,
      today,
      residents: selected.slice(offset, offset + limit),
      total: selected.length,
      count: items.length,
      offset,
      byStage,
      upcomingReleases: items
        .filter((i) => i.term.plannedRelease && i.term.plannedRelease <= horizon)
        .sort((x, y) => (x.term.plannedRelease! < y.term.plannedRelease! ? -1 : 1))
        .map((i) => ({
          admissionId: i.admissionId,
          fullName: i.fullName,
          plannedRelease: i.term.plannedRelease!,
          noticeSent: i.noticeSent,
        })),
      absences: items
        .filter((i) => i.absence)
        .map((i) => ({ admissionId: i.admissionId, fullName: i.fullName, ...i.absence! })),
    };
  });
}

/** Every resident the board's filters select, in its order, for an export (read in one transaction). */
export async function boardResidents(deps: AppDeps, actor: Actor, facilityId: string, query: BoardQuery) {
  const today = vnToday(deps.now());
  const items = await deps.database.db.transaction().execute(async (trx) => {
    const facility = await facilityFor(trx, actor, facilityId, 'facility.read');
    return { facility, residents: selectResidents(await residentsOf(trx, facilityId, today), query) };
  });
  return { today, ...items };
}

/** People placed at the facility (contract, court order, pending management) and not yet admitted. */
export async function awaitingAdmission(deps: AppDeps, actor: Actor, facilityId: string) {
  return deps.database.db.transaction().execute(async (trx) => {
    await facilityFor(trx, actor, facilityId, 'facility.read');
    const rows = await facilityRepo.awaiting(trx, facilityId, FACILITY_EPISODES);
    await audit(trx, actor, { action: 'facility.awaiting', entityType: 'facility', entityId: facilityId });
    return {
      items: rows.map((r) => ({
        episodeId: r.episode_id,
        personId: r.person_id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        episodeType: r.type,
        startDate: r.start_date,
        plannedEnd: r.planned_end,
        documentNumber: r.decision_number,
      })),
    };
  });
}

/** Corrects the no-known-residence flag, until the notice to the commune has been sent. */
export async function setResidence(deps: AppDeps, actor: Actor, id: string, input: ResidenceInput) {
  return stayStep(deps, actor, id, input.version, async ({ trx, a, today, now }) => {
    if (a.notice)
      throw Errors.conflict('notice_sent', {
        vi: 'Đã gửi thông báo về xã: không thể đổi nơi cư trú',
        en: 'The notice to the commune was sent: the residence can no longer change',
      });
    const patch = {
      no_known_residence: input.noKnownResidence ? 1 : 0,
      ...updatedStamps(actor, now),
    };
    if (!(await facilityRepo.updateAdmission(trx, id, a.version, patch))) throw Errors.staleVersion(null);
    await audit(trx, actor, {
      action: 'facility.residence',
      entityType: 'facility_admission',
      entityId: id,
      details: { noKnownResidence: input.noKnownResidence },
    });
    return presentAdmission(trx, (await facilityRepo.admission(trx, id))!, today, readsHealth(actor));
  });
}
