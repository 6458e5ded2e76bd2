import { randomUUID } from 'node:crypto';
import { formatBasis, type LegalBasis, type RoleId } from '@hoanhap/domain/legal-basis';
import {
  checkMonitoring,
  type MonitoringCheck,
  type MonitoringEpisode,
} from '@hoanhap/domain/monitoring-rules';
import { authorityLabels, vnToday } from '@hoanhap/domain/pathway-rules';
import { labelOf } from '@hoanhap/domain/vocabulary';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps, updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { type AppError, Errors } from '../../platform/errors.ts';
import { type Actor, assertCanWriteInCommune, authorize, authorizeAuthority } from '../../platform/policy.ts';
import { personInScope, requireClass } from '../episodes/access.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { fieldError, legalContext } from '../episodes/legal.ts';
import { asEpisode } from '../episodes/person-status.ts';
import { personStep, writeStep } from '../shared/write-step.service.ts';
import { tasksRepo } from '../tasks/tasks.repo.ts';
import { createTask } from '../tasks/tasks.service.ts';
import { presentMeasure } from './monitoring.presenter.ts';
import { type MeasureRow, type MonitoringEventRow, monitoringRepo } from './monitoring.repo.ts';
import type { EventCreateInput, MeasureCreateInput, MeasureUpdateInput } from './monitoring.schema.ts';

// Electronic monitoring (Law 120/2025/QH15 Art. 12). The head of commune police applies it, so only commune
// police record it, for people of their own commune, and only when the pure rule (monitoring-rules.ts) finds
// the person in one of the three situations. Each measure opens a work-list task due on its planned end
// (remove the device, record the end); recording the removal completes it. Every read and write is audited
// in its transaction.

const measureWord = { vi: 'biện pháp giám sát điện tử này', en: 'Electronic monitoring measure' };
const TASK_KIND = 'monitoring_end' as const;

const cite = (bases: readonly LegalBasis[]) =>
  bases.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') }));

/**
 * 403 unless the actor acts for the authority that decides the measure: the rule's (overridable) authority on
 * the decision date when recording it, the one stored with it afterwards; the refusal cites the rule.
 */
function requireAuthority(actor: Actor, authority: RoleId, basis: { vi: string; en: string }[]) {
  authorizeAuthority(actor, authority, {
    rule: 'electronicMonitoring',
    authorityName: labelOf(authorityLabels, authority),
    basis,
  });
}

/** A refusal of the monitoring rule: 400 naming the field for date order, 422 citing the rule otherwise. */
function refusal(check: Extract<MonitoringCheck, { ok: false }>): AppError {
  const e = check.error;
  // The rule's field names, as the API's body names them.
  const field = check.field === 'start' ? 'startDate' : check.field;
  if (e.code === 'MONITORING_START_BEFORE_DECISION' || e.code === 'MONITORING_END_BEFORE_START')
    return fieldError(field, e.code.toLowerCase(), e.vi, e.en);
  return Errors.unprocessable(
    e.code.toLowerCase(),
    { vi: e.vi, en: e.en },
    {
      rule: e.code,
      field,
      basis: (e.basis ?? []).map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    },
  );
}

async function personEpisodes(trx: Kysely<DB>, personId: string) {
  const rows = await episodesRepo.forPerson(trx, personId);
  const list: MonitoringEpisode[] = rows.map((r) => ({ ...asEpisode(r), id: r.id }));
  return { list, byId: new Map(list.map((e) => [e.id, e])) };
}

/** The measure and its person, when the person is in the actor's scope; 404 otherwise. */
async function measureInScope(trx: Kysely<DB>, actor: Actor, id: string) {
  const measure = await monitoringRepo.find(trx, id);
  if (!measure) throw Errors.notFound(measureWord);
  try {
    const person = await personInScope(trx, actor, measure.person_id);
    return { measure, person };
  } catch {
    throw Errors.notFound(measureWord);
  }
}

async function present(trx: Kysely<DB>, row: MeasureRow, today: string) {
  const { byId } = await personEpisodes(trx, row.person_id);
  const events = await monitoringRepo.eventsOf(trx, [row.id]);
  return presentMeasure(row, byId.get(row.episode_id), events, today);
}

function notFuture(field: string, date: string, today: string) {
  if (date > today)
    throw fieldError(field, 'not_future', 'Ngày không được ở tương lai', 'The date cannot be in the future');
}

function meansOtherOrFail(means: string, other: string | null | undefined) {
  if (means === 'other' && !other?.trim())
    throw fieldError(
      'meansOther',
      'required',
      'Ghi rõ phương tiện giám sát khác',
      'Describe the other means of monitoring',
    );
}

/** Opens the end task of a measure: due on its planned end, for the commune police of the person's commune. */
async function openEndTask(trx: Kysely<DB>, row: MeasureRow, commune: string, now: Date) {
  await createTask(trx, {
    kind: TASK_KIND,
    personId: row.person_id,
    episodeId: row.episode_id,
    unit: { kind: 'commune', code: commune },
    due: { dueDate: row.planned_end, ruleKey: null },
    regimeId: row.regime_id,
    source: { type: 'monitoring', id: row.id },
    details: { measureId: row.id },
    at: now,
  });
}

/** Closes the open end task of a measure (done by its removal, cancelled when the end moves). */
async function closeEndTask(
  trx: Kysely<DB>,
  row: MeasureRow,
  status: 'done' | 'cancelled',
  by: { type: string; id: string },
  actor: Actor,
  now: Date,
) {
  const open = await tasksRepo.findOpen(trx, { personId: row.person_id, kind: TASK_KIND });
  await tasksRepo.close(
    trx,
    open.filter((t) => t.source_id === row.id).map((t) => t.id),
    {
      status,
      closed_by_type: by.type,
      closed_by_id: by.id,
      closed_at: now.toISOString(),
      closed_by_user: actor.userId,
    },
  );
}

/** Records a measure decided by the head of commune police, after checking the rule in force. */
export async function createMeasure(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  input: MeasureCreateInput,
) {
  return personStep(
    deps,
    actor,
    personId,
    'monitoring.write',
    'legal',
    async ({ trx, person, now, today }) => {
      assertCanWriteInCommune(actor, person.cur_commune_code);
      notFuture('decisionDate', input.decisionDate, today);
      meansOtherOrFail(input.means, input.meansOther);
      const ctx = await legalContext(trx);
      const { list, byId } = await personEpisodes(trx, personId);
      const check = checkMonitoring(
        list,
        { decisionDate: input.decisionDate, start: input.startDate, plannedEnd: input.plannedEnd },
        ctx.overrides,
      );
      if (!check.ok) throw refusal(check);
      const existing = await monitoringRepo.forPerson(trx, personId);
      const overlapping = existing.find(
        (m) => m.start_date <= input.plannedEnd && input.startDate <= (m.actual_end ?? m.planned_end),
      );
      if (overlapping)
        throw Errors.conflict(
          'monitoring_overlap',
          {
            vi: `Người này đã có biện pháp giám sát điện tử từ ${overlapping.start_date} đến ${overlapping.actual_end ?? overlapping.planned_end}`,
            en: `This person is already under electronic monitoring from ${overlapping.start_date} to ${overlapping.actual_end ?? overlapping.planned_end}`,
          },
          { measureId: overlapping.id },
        );
      const rule = check.rules.electronicMonitoring;
      const authority = rule.authority ?? 'commune_police_head';
      requireAuthority(actor, authority, cite(rule.basis));
      const at = now.toISOString();
      const row: MeasureRow = {
        id: randomUUID(),
        person_id: personId,
        episode_id: check.episode.id,
        commune_code: person.cur_commune_code,
        decision_number: input.decisionNumber,
        decision_date: input.decisionDate,
        decision_signer: input.decisionSigner ?? null,
        authority,
        regime_id: check.rules.regimeId,
        basis: JSON.stringify(cite(rule.basis)),
        start_date: input.startDate,
        planned_end: input.plannedEnd,
        actual_end: null,
        means: input.means,
        means_other: input.means === 'other' ? (input.meansOther ?? null) : null,
        status: 'active',
        notes: input.notes ?? null,
        ...createdStamps(actor, at),
      };
      await monitoringRepo.insert(trx, row);
      await openEndTask(trx, row, person.cur_commune_code, now);
      await audit(trx, actor, {
        action: 'monitoring.create',
        entityType: 'monitoring_measure',
        entityId: row.id,
        details: { personId, episodeId: row.episode_id, regimeId: row.regime_id },
      });
      return presentMeasure(row, byId.get(row.episode_id), [], today);
    },
  );
}

/** A person's measures with their events. */
export async function listMeasures(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'monitoring.read', 'legal', async ({ trx, today }) => {
    const rows = await monitoringRepo.forPerson(trx, personId);
    const { byId } = await personEpisodes(trx, personId);
    const events = await monitoringRepo.eventsOf(
      trx,
      rows.map((r) => r.id),
    );
    const byMeasure = new Map<string, MonitoringEventRow[]>();
    for (const e of events) byMeasure.set(e.measure_id, [...(byMeasure.get(e.measure_id) ?? []), e]);
    await audit(trx, actor, { action: 'monitoring.list', entityType: 'person', entityId: personId });
    return {
      items: rows.map((r) => presentMeasure(r, byId.get(r.episode_id), byMeasure.get(r.id) ?? [], today)),
    };
  });
}

export async function getMeasure(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'monitoring.read');
  requireClass(actor, 'legal');
  const today = vnToday(deps.now());
  return deps.database.db.transaction().execute(async (trx) => {
    const { measure } = await measureInScope(trx, actor, id);
    await audit(trx, actor, { action: 'monitoring.read', entityType: 'monitoring_measure', entityId: id });
    return present(trx, measure, today);
  });
}

/** Corrects a measure still running: decision number/signer, means, notes, or a new planned end (re-checked). */
export async function updateMeasure(deps: AppDeps, actor: Actor, id: string, input: MeasureUpdateInput) {
  return runningMeasureStep(deps, actor, id, input.version, async ({ trx, measure, person, now, today }) => {
    const patch: Partial<MeasureRow> = { updated_at: now.toISOString(), updated_by: actor.userId };
    if (input.decisionNumber !== undefined) patch.decision_number = input.decisionNumber;
    if (input.decisionSigner !== undefined) patch.decision_signer = input.decisionSigner;
    if (input.notes !== undefined) patch.notes = input.notes;
    const means = input.means ?? measure.means;
    if (input.means !== undefined || input.meansOther !== undefined) {
      const other = input.meansOther !== undefined ? input.meansOther : measure.means_other;
      meansOtherOrFail(means, other);
      patch.means = means;
      patch.means_other = means === 'other' ? (other ?? null) : null;
    }
    const endMoved = input.plannedEnd !== undefined && input.plannedEnd !== measure.planned_end;
    if (endMoved) {
      const { list } = await personEpisodes(trx, measure.person_id);
      const check = checkMonitoring(
        list,
        { decisionDate: measure.decision_date, start: measure.start_date, plannedEnd: input.plannedEnd! },
        (await legalContext(trx)).overrides,
      );
      if (!check.ok) throw refusal(check);
      patch.planned_end = input.plannedEnd;
      patch.episode_id = check.episode.id;
    }
    if (!(await monitoringRepo.updateVersioned(trx, id, input.version, patch)))
      throw Errors.staleVersion(await present(trx, (await monitoringRepo.find(trx, id))!, today));
    const fresh = (await monitoringRepo.find(trx, id))!;
    if (endMoved) {
      // The work-list task follows the new end.
      await closeEndTask(trx, measure, 'cancelled', { type: 'monitoring', id }, actor, now);
      await openEndTask(trx, fresh, person.cur_commune_code, now);
    }
    await audit(trx, actor, {
      action: 'monitoring.update',
      entityType: 'monitoring_measure',
      entityId: id,
      details: { changed: Object.keys(input).filter((k) => k !== 'version') },
    });
    return present(trx, fresh, today);
  });
}

/**
 * A write on a measure still running, by the authority that decided it, in the person's commune, on the version
 * the writer read: the checks every change of a measure starts with, then the step in the same transaction.
 */
type InScope = Awaited<ReturnType<typeof measureInScope>>;

async function runningMeasureStep<T>(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  step: (c: InScope & { trx: Kysely<DB>; now: Date; today: string }) => Promise<T>,
): Promise<T> {
  return writeStep(deps, actor, 'monitoring.write', async ({ trx, now, today }) => {
    const { measure, person } = await measureInScope(trx, actor, id);
    assertCanWriteInCommune(actor, person.cur_commune_code);
    requireAuthority(actor, measure.authority as RoleId, JSON.parse(measure.basis));
    if (measure.version !== version) throw Errors.staleVersion(await present(trx, measure, today));
    if (measure.actual_end) throw endedConflict(measure);
    return step({ trx, measure, person, now, today });
  });
}

function endedConflict(m: MeasureRow): AppError {
  return Errors.conflict('monitoring_ended', {
    vi: `Biện pháp giám sát điện tử đã kết thúc ngày ${m.actual_end}`,
    en: `The electronic monitoring measure ended on ${m.actual_end}`,
  });
}

/** Records a breach, reported tampering, a device fault or the removal that ends the measure. */
export async function recordEvent(deps: AppDeps, actor: Actor, id: string, input: EventCreateInput) {
  return runningMeasureStep(deps, actor, id, input.version, async ({ trx, measure, now, today }) => {
    notFuture('occurredOn', input.occurredOn, today);
    if (input.occurredOn < measure.start_date)
      throw fieldError(
        'occurredOn',
        'after_start',
        'Ngày xảy ra không được trước ngày bắt đầu giám sát',
        'The event cannot be before the monitoring started',
      );
    const at = now.toISOString();
    const event: MonitoringEventRow = {
      id: randomUUID(),
      measure_id: id,
      person_id: measure.person_id,
      kind: input.kind,
      occurred_on: input.occurredOn,
      description: input.description ?? null,
      version: 1,
      recorded_at: at,
      recorded_by: actor.userId,
      ...updatedStamps(actor, at),
    };
    const removal = input.kind === 'removal';
    const patch: Partial<MeasureRow> = removal
      ? { actual_end: input.occurredOn, status: 'ended', updated_at: at, updated_by: actor.userId }
      : { updated_at: at, updated_by: actor.userId };
    if (!(await monitoringRepo.updateVersioned(trx, id, input.version, patch)))
      throw Errors.staleVersion(await present(trx, (await monitoringRepo.find(trx, id))!, today));
    await monitoringRepo.insertEvent(trx, event);
    if (removal)
      await closeEndTask(trx, measure, 'done', { type: 'monitoring_event', id: event.id }, actor, now);
    await audit(trx, actor, {
      action: 'monitoring.event',
      entityType: 'monitoring_measure',
      entityId: id,
      details: { kind: input.kind, eventId: event.id, occurredOn: input.occurredOn },
    });
    return present(trx, (await monitoringRepo.find(trx, id))!, today);
  });
}
