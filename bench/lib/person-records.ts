import type { derivePersonStatus } from '@hoanhap/domain/episode-rules';
import type { Episode } from '@hoanhap/domain/episode-types';
import { statusHistoryOf } from '../../apps/server/src/modules/episodes/person-status.ts';
import { at, type GenStats, minD, type Rng, rules, type Unit } from './generator-basics.ts';
import { type CommuneTeam, facilityStay } from './generator-services.ts';
import { stagesFor } from './term-picks.ts';
import type { BulkWriter, Row } from './writer.ts';

// The records a simulated person's history leaves once it is final: episodes and their decisions, open tasks,
// the dated status history and each facility stay's own records (simulate-person.ts decides the history).

export type PersonCtx = {
  rng: Rng;
  w: BulkWriter;
  stats: GenStats;
  asOf: string;
  unit: Unit;
  users: { officer: string; police?: string; volunteer?: string };
  facilities: string[];
  serial: number;
  cccdProvince: string;
  start: string;
  groupSessionMembers: string[];
  team: CommuneTeam | null;
  facilityStaff: Map<string, string>;
};

export type EpRec = { row: Row & { id: string }; ep: Episode };
/** The episode types whose act is a decision, written as decision records (as the product does). */
export const DECISION_KINDS: ReadonlySet<string> = new Set([
  'user_management',
  'post_rehab',
  'compulsory_pending',
  'compulsory',
]);

/** Writes the episodes, each with the decision record it rests on (migration 0029). */
export async function writeEpisodes(c: PersonCtx, eps: EpRec[]): Promise<void> {
  const { rng, w, stats } = c;
  for (const e of eps) {
    // The decision it rests on, a record of its own (migration 0029): each generated decision names one person.
    e.row.decision_id = null;
    if (DECISION_KINDS.has(e.ep.type) && e.row.decision_date) {
      e.row.decision_id = rng.uuid();
      await w.add('decisions', {
        id: e.row.decision_id,
        kind: e.ep.type,
        number: e.row.decision_number,
        decision_date: e.row.decision_date,
        issuing_unit_kind: e.row.responsible_unit_kind,
        issuing_unit_code: e.row.responsible_unit_code,
        issuing_body: e.row.decision_body,
        authority: e.row.authority,
        regime_id: e.row.regime_id,
        basis: '[]',
        signer: e.row.decision_signer,
        version: 1,
        created_at: e.row.created_at,
        created_by: e.row.created_by,
        updated_at: e.row.created_at,
        updated_by: e.row.created_by,
      });
    }
    await w.add('episodes', e.row);
    stats.episodes++;
    stats.episodesByType[e.ep.type] = (stats.episodesByType[e.ep.type] ?? 0) + 1;
  }
}

/** An open task on the work list of the person's commune. */
export async function writeTask(
  c: PersonCtx,
  personId: string,
  kind: string,
  episodeId: string | null,
  due: string,
  ruleKey: string | null = null,
): Promise<void> {
  const { rng, w, stats, asOf, unit } = c;
  const role =
    kind === 'drug_test_due' || kind === 'addiction_determination_due' ? 'commune_police' : 'commune_officer';
  await w.add('tasks', {
    id: rng.uuid(),
    kind,
    person_id: personId,
    episode_id: episodeId,
    responsible_role: role,
    unit_kind: 'commune',
    unit_code: unit.code,
    assignee_user_id: null,
    due_date: due,
    due_at: null,
    rule_key: ruleKey,
    regime_id: rules(minD(due, asOf)).regimeId,
    status: 'open',
    source_type: 'schedule',
    source_id: episodeId,
    closed_by_type: null,
    closed_by_id: null,
    closed_at: null,
    closed_by_user: null,
    details: null,
    created_at: at(asOf, 1),
  });
  stats.tasks++;
}

/** The dated status history (the open span carries the present status) and the facility stays' records. */
export async function writeStatusAndStays(
  c: PersonCtx,
  p: {
    personId: string;
    eps: EpRec[];
    dets: { on: string; addicted: boolean }[];
    relapseTests: { on: string }[];
    start: string;
    status: ReturnType<typeof derivePersonStatus>;
    atFacility: EpRec | undefined;
  },
): Promise<void> {
  const { rng, w, stats, asOf, unit } = c;
  const { personId, eps, dets, relapseTests, start, status, atFacility } = p;
  // The dated status history, as the product keeps it (episodes/person-status.ts); ids drawn from no randomness
  // so that the rest of the data set stays the same.
  const spans = statusHistoryOf({
    episodes: eps.map((e) => ({ ep: e.ep, facilityId: (e.row.facility_id as string | null) ?? null })),
    determinations: dets,
    relapses: relapseTests.map((t) => t.on),
    since: start,
    today: asOf,
  });
  const openSpan = spans[spans.length - 1];
  if (openSpan) {
    openSpan.status = status;
    openSpan.facility = (atFacility?.row.facility_id as string) ?? null;
  }
  for (const [i, sp] of spans.entries())
    await w.add('person_status_history', {
      id: `${personId}:${i}`,
      person_id: personId,
      status: sp.status,
      facility_id: sp.facility,
      valid_from: sp.from,
      valid_to: sp.to,
    });

  // The facility's own records of each stay the history produced.
  let stays = 0;
  for (const e of eps) {
    if (!e.row.facility_id || !['voluntary_facility', 'compulsory'].includes(e.ep.type)) continue;
    const planned = JSON.parse(e.row.details as string).stages as
      | { stage: number; from: string; to?: string }[]
      | undefined;
    await facilityStay(rng, w, stats.services, {
      asOf,
      personId,
      episodeId: e.row.id,
      facilityId: e.row.facility_id as string,
      communeCode: unit.code,
      ep: e.ep,
      repeat: stays++ > 0,
      stages: planned?.length ? planned : stagesFor(e.ep.start, e.ep.end ?? asOf, rng),
      staffUserId: c.facilityStaff.get(e.row.facility_id as string) ?? null,
    });
  }
}
