import {
  absenceCounts,
  daysRemaining,
  daysServed,
  plannedRelease,
  type ResidenceBasis,
  type TermChangeKind,
  type TermState,
  termDays,
} from '@hoanhap/domain/facility-rules';
import { type RehabStage, stageLabels } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { bilingual, numOrNull, strOrNull } from '../../platform/http/schemas.ts';
import type { EpisodeRow } from '../episodes/episodes.repo.ts';
import { type AdmissionRow, type EventRow, facilityRepo, type StageRow } from './facility.repo.ts';
import { facilityRulesAt } from './facility-access.ts';

/**
 * The episode a stay currently rests on: a court order replaces the pending management it followed. `known`:
 * episodes already read (the residents board reads them all in one query).
 */
export async function termOf(trx: Kysely<DB>, a: AdmissionRow, known?: ReadonlyMap<string, EpisodeRow>) {
  let episode = (known?.get(a.episode_id) ?? (await facilityRepo.episode(trx, a.episode_id))) as EpisodeRow;
  if (episode.type === 'compulsory_pending') {
    const order = (await facilityRepo.episodesOfPerson(trx, a.person_id)).find(
      (e) => e.type === 'compulsory' && e.outcome !== 'cancelled' && e.start_date >= episode.start_date,
    );
    if (order) episode = order;
  }
  const basis: ResidenceBasis =
    episode.type === 'voluntary_facility'
      ? 'voluntary'
      : (episode.type as 'compulsory' | 'compulsory_pending');
  const state: TermState = {
    termStart: episode.term_start ?? episode.start_date,
    baseEnd: episode.planned_end,
    uncountedDays: a.uncounted_days,
    reductionDays: a.reduction_days,
    earlyReleaseOn: a.early_release_on,
  };
  return { episode, basis, state };
}

export const termOut = z
  .object({
    termStart: z.string(),
    decidedEnd: strOrNull,
    termDays: numOrNull,
    plannedRelease: strOrNull,
    daysServed: z.number(),
    daysRemaining: numOrNull,
    uncountedDays: z.number(),
    reductionDays: z.number(),
    earlyReleaseOn: strOrNull,
  })
  .meta({ id: 'ResidentTerm' });

/** Days served stop counting on release, and while away on an absence that does not count. */
export async function presentTerm(trx: Kysely<DB>, a: AdmissionRow, state: TermState, today: string) {
  const until = a.released_on && a.released_on < today ? a.released_on : today;
  let openSince: string | null = null;
  if (a.absence_kind && a.absence_from) {
    const rules = await facilityRulesAt(trx, a.absence_from, 'absence');
    if (!absenceCounts(a.absence_kind as TermChangeKind, rules).value) openSince = a.absence_from;
  }
  return {
    termStart: state.termStart,
    decidedEnd: state.baseEnd,
    termDays: termDays(state),
    plannedRelease: plannedRelease(state),
    daysServed: daysServed(state, until, openSince),
    daysRemaining: a.released_on ? 0 : daysRemaining(state, today),
    uncountedDays: state.uncountedDays,
    reductionDays: state.reductionDays,
    earlyReleaseOn: state.earlyReleaseOn,
  };
}

export const stageOut = z
  .object({
    stage: z.number(),
    label: bilingual,
    beganOn: z.string(),
    endedOn: strOrNull,
    approvedBy: z.string(),
  })
  .meta({ id: 'ResidentStage' });
export const presentStage = (s: StageRow) => ({
  stage: s.stage,
  label: { vi: stageLabels.vi[s.stage as RehabStage], en: stageLabels.en[s.stage as RehabStage] },
  beganOn: s.began_on,
  endedOn: s.ended_on,
  approvedBy: s.approved_by,
});

export const eventOut = z
  .object({
    id: z.string(),
    admissionId: strOrNull,
    kind: z.string(),
    subkind: strOrNull,
    occurredOn: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    version: z.number(),
    /** Present once corrected. */
    updatedAt: z.string().optional(),
    /** Present when the event was voided (entered by mistake): kept in history, left out of every figure. */
    voided: z.object({ at: z.string(), reason: z.string() }).optional(),
  })
  .meta({ id: 'FacilityEvent' });

const corrections = (e: EventRow) => ({
  version: e.version,
  ...(e.updated_at ? { updatedAt: e.updated_at } : {}),
  ...(e.voided_at ? { voided: { at: e.voided_at, reason: e.void_reason ?? '' } } : {}),
});
export const presentEvent = (e: EventRow) => ({
  id: e.id,
  admissionId: e.admission_id,
  kind: e.kind,
  subkind: e.subkind,
  occurredOn: e.occurred_on,
  data: JSON.parse(e.data) as Record<string, unknown>,
  createdAt: e.created_at,
  ...corrections(e),
});

/** A health record: class health, only ever sent to medical staff. */
export const healthRecordOut = z
  .object({
    id: z.string(),
    admissionId: strOrNull,
    kind: z.string(),
    occurredOn: z.string(),
    performedBy: z.string(),
    diagnosis: strOrNull,
    medicalNotes: strOrNull,
    treatmentPlan: strOrNull,
    hospital: strOrNull,
    disease: strOrNull,
    testResult: strOrNull,
    version: z.number(),
    updatedAt: z.string().optional(),
    voided: z.object({ at: z.string(), reason: z.string() }).optional(),
  })
  .meta({ id: 'HealthRecord' });
export function presentHealth(e: EventRow) {
  const d = JSON.parse(e.data) as Record<string, string | undefined>;
  return {
    id: e.id,
    admissionId: e.admission_id,
    kind: e.subkind ?? '',
    occurredOn: e.occurred_on,
    performedBy: d.performedBy ?? '',
    diagnosis: d.diagnosis ?? null,
    medicalNotes: d.medicalNotes ?? null,
    treatmentPlan: d.treatmentPlan ?? null,
    hospital: d.hospital ?? null,
    disease: d.disease ?? null,
    testResult: d.testResult ?? null,
    ...corrections(e),
  };
}

const noticeOut = z.object({
  noticeOn: z.string(),
  communeCode: strOrNull,
  communeChairman: z.string(),
  communePolice: z.string(),
  summary: z.string(),
  recommendations: z.string(),
  late: z.boolean(),
});
const releaseOut = z.object({
  certificate: z.object({ number: z.string(), issuedOn: z.string(), signer: z.string() }),
  handedTo: z.object({ kind: z.string(), code: z.string() }),
  flaggedForProvince: z.boolean(),
  /** The post-rehab decision task; null after voluntary rehab (no management decision follows it). */
  taskId: strOrNull,
  decisionDueDate: strOrNull,
});

export const admissionOut = z
  .object({
    id: z.string(),
    facilityId: z.string(),
    personId: z.string(),
    fullName: z.string(),
    episodeId: z.string(),
    currentEpisodeId: z.string(),
    basis: z.string(),
    admittedOn: z.string(),
    recordNumber: strOrNull,
    classification: z.string(),
    belongings: z.array(z.object({ item: z.string(), quantity: z.number(), note: z.string().optional() })),
    rapidTest: z.object({ testedOn: z.string(), result: z.string(), substances: z.array(z.string()) }),
    area: strOrNull,
    bed: strOrNull,
    noKnownResidence: z.boolean(),
    stage: z.number(),
    stages: z.array(stageOut),
    term: termOut,
    absence: z.object({ kind: z.string(), from: z.string() }).nullable(),
    notice: noticeOut.nullable(),
    releasedOn: strOrNull,
    release: releaseOut.nullable(),
    events: z.array(eventOut),
    healthRecordCount: z.number(),
    healthRecords: z.array(healthRecordOut).optional(),
    version: z.number(),
  })
  .meta({ id: 'Admission' });

/** The whole stay; health records only when `withHealth` (medical staff), otherwise only their count. */
export async function presentAdmission(trx: Kysely<DB>, a: AdmissionRow, today: string, withHealth: boolean) {
  const { episode, basis, state } = await termOf(trx, a);
  const person = await facilityRepo.person(trx, a.person_id);
  const stages = await facilityRepo.stages(trx, a.id);
  const events = await facilityRepo.eventsOfAdmission(trx, a.id, false);
  const out: z.infer<typeof admissionOut> = {
    id: a.id,
    facilityId: a.facility_id,
    personId: a.person_id,
    fullName: person?.full_name ?? '',
    episodeId: a.episode_id,
    currentEpisodeId: episode.id,
    basis,
    admittedOn: a.admitted_on,
    recordNumber: a.record_number,
    classification: a.classification,
    belongings: JSON.parse(a.belongings),
    rapidTest: JSON.parse(a.rapid_test),
    area: a.area,
    bed: a.bed,
    noKnownResidence: a.no_known_residence === 1,
    stage: a.stage,
    stages: stages.map(presentStage),
    term: await presentTerm(trx, a, state, today),
    absence: a.absence_kind && a.absence_from ? { kind: a.absence_kind, from: a.absence_from } : null,
    notice: a.notice ? JSON.parse(a.notice) : null,
    releasedOn: a.released_on,
    release: a.release ? JSON.parse(a.release) : null,
    events: events.map(presentEvent),
    healthRecordCount: await facilityRepo.healthCount(trx, a.id),
    version: a.version,
  };
  if (withHealth)
    out.healthRecords = (await facilityRepo.eventsOfAdmission(trx, a.id, true)).map(presentHealth);
  return out;
}
