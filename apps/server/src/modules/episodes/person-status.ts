import { derivePersonStatus } from '@hoanhap/domain/episode-rules';
import { effectiveEnd, isActiveOn } from '@hoanhap/domain/episode-terms';
import type { Episode, EpisodeOutcome, EpisodeType, PersonStatus } from '@hoanhap/domain/episode-types';
import { addDays } from '@hoanhap/domain/iso-date';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { letRequestsIn } from '../../platform/let-requests-in.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { type EpisodeRow, episodesRepo } from './episodes.repo.ts';
import { statusHistoryRepo } from './status-history.repo.ts';

// A person's status and current facility are derived from their episodes and screening results, and
// written to `people` in the same transaction as every change that can move them, so that lists and
// search can filter on them. They are never typed by hand.

/** An episode row as the domain rules see it. */
export function asEpisode(r: EpisodeRow): Episode {
  return {
    type: r.type as EpisodeType,
    start: r.start_date,
    end: r.actual_end,
    plannedEnd: r.planned_end,
    outcome: (r.outcome as EpisodeOutcome | null) ?? null,
  };
}

// Episodes that place a person in a facility while they run.
const FACILITY_TYPES = ['voluntary_facility', 'compulsory', 'compulsory_pending'];

/** One span of a person's dated status: from `from` (inclusive) to `to` (exclusive; null while it lasts). */
export type StatusSpan = { status: PersonStatus; facility: string | null; from: string; to: string | null };

export type StatusFacts = {
  episodes: readonly { ep: Episode; facilityId: string | null }[];
  /** Addiction determinations, in the order they were made (date, then entry). */
  determinations: readonly { on: string; addicted: boolean }[];
  /** Dates of drug tests that found a relapse. */
  relapses: readonly string[];
  /** The day the person was recorded (their history starts then, or at their earliest dated fact). */
  since: string;
  today: string;
};

/** The person's status and facility on `day`, by the same rule as today's status. */
function statusOn(f: StatusFacts, day: string): { status: PersonStatus; facility: string | null } {
  let det: { on: string; addicted: boolean } | undefined;
  for (const d of f.determinations) if (d.on <= day && (!det || d.on >= det.on)) det = d;
  const relapse =
    f.relapses
      .filter((d) => d <= day)
      .sort()
      .pop() ?? null;
  const status = derivePersonStatus(
    f.episodes.map((e) => e.ep),
    day,
    { addictionDeterminedOn: det?.addicted ? det.on : null, relapseDetectedOn: relapse },
  );
  const at = f.episodes.find(
    (e) => e.facilityId && FACILITY_TYPES.includes(e.ep.type) && isActiveOn(e.ep, day),
  );
  return { status, facility: at?.facilityId ?? null };
}

/**
 * The dated history of a person's status (and facility) up to `today`: the status changes only on a day a fact
 * starts or ends, or the day after, so it is derived on each such day and equal neighbours are merged. The
 * last span is open and equals today's status.
 */
export function statusHistoryOf(f: StatusFacts): StatusSpan[] {
  const days = new Set<string>([f.since, f.today]);
  // Only days up to today (an open-ended episode ends on a far-future sentinel, whose next day is no ISO date).
  const add = (d: string | null | undefined) => {
    if (!d || d > f.today) return;
    days.add(d);
    const next = addDays(d, 1);
    if (next <= f.today) days.add(next);
  };
  for (const { ep } of f.episodes) {
    if (ep.outcome === 'cancelled') continue;
    add(ep.start);
    add(effectiveEnd(ep));
  }
  for (const d of f.determinations) add(d.on);
  for (const d of f.relapses) add(d);
  const sorted = [...days].filter((d) => d <= f.today && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const spans: StatusSpan[] = [];
  for (const day of sorted) {
    const s = statusOn(f, day);
    const last = spans[spans.length - 1];
    if (last && last.status === s.status && last.facility === s.facility) continue;
    if (last) last.to = day;
    spans.push({ ...s, from: day, to: null });
  }
  return spans;
}

const earliest = (a: string, b: string | null) => (b && b < a ? b : a);

/** The day a person was recorded, in Vietnam time. */
export function recordedOn(createdAt: string): string {
  return vnToday(new Date(createdAt));
}

/** Replaces the person's stored status history when it differs from `spans` (no write when it does not). */
export async function storeStatusHistory(trx: Kysely<DB>, personId: string, spans: StatusSpan[]) {
  const rows = spans.map((s) => ({
    status: s.status,
    facility_id: s.facility,
    valid_from: s.from,
    valid_to: s.to,
  }));
  const stored = await statusHistoryRepo.stored(trx, personId);
  const same =
    stored.length === rows.length &&
    stored.every(
      (r, i) =>
        r.status === rows[i]!.status &&
        r.facility_id === rows[i]!.facility_id &&
        r.valid_from === rows[i]!.valid_from &&
        r.valid_to === rows[i]!.valid_to,
    );
  if (!same) await statusHistoryRepo.replace(trx, personId, rows);
}

/** What a person's status is derived from, as read from the database by `syncPerson`. */
export type PersonFacts = {
  rows: EpisodeRow[];
  /** The latest addiction determination on or before today. */
  latestDetermination: { assessed_on: string; addicted: number } | null;
  latestRelapse: string | null;
  currentFacility: string | null;
  createdAt: string;
  determinations: { on: string; addicted: boolean }[];
  relapses: string[];
  firstFactOn: string | null;
};

/** The person's status, facility and dated history from their facts (pure: the rule of `syncPerson`). */
export function derivePersonState(f: PersonFacts, now: Date) {
  const today = vnToday(now);
  const { rows } = f;
  const episodes = rows.map(asEpisode);
  const det = f.latestDetermination;
  const status = derivePersonStatus(episodes, today, {
    addictionDeterminedOn: det?.addicted ? det.assessed_on : null,
    relapseDetectedOn: f.latestRelapse,
  });
  const atFacility = rows.find(
    (r) => r.facility_id && FACILITY_TYPES.includes(r.type) && isActiveOn(asEpisode(r), today),
  );
  let facility = f.currentFacility;
  if (atFacility) facility = atFacility.facility_id;
  // Leaving a facility this module placed the person in; a facility set elsewhere is left alone.
  else if (facility && rows.some((r) => r.facility_id === facility && FACILITY_TYPES.includes(r.type)))
    facility = null;
  // The dated history, by the same rule; its open span is today's status.
  const spans = statusHistoryOf({
    episodes: rows.map((r) => ({ ep: asEpisode(r), facilityId: r.facility_id })),
    determinations: f.determinations,
    relapses: f.relapses,
    since: earliest(recordedOn(f.createdAt), f.firstFactOn),
    today,
  });
  const open = spans[spans.length - 1];
  if (open) {
    open.status = status;
    if (open.facility !== facility) {
      const prev = spans[spans.length - 2];
      if (prev && prev.status === status && prev.facility === facility) {
        prev.to = null;
        spans.pop();
      } else open.facility = facility;
    }
  }
  return { status, facility, spans };
}

/**
 * The state of a person just written in bulk with no other facts than `rows` (an import): no determination,
 * drug test or facility yet — the same result `syncPerson` gives for them, without reading anything.
 */
export function newPersonState(rows: EpisodeRow[], createdAt: string, now: Date) {
  const starts = rows.filter((r) => r.outcome !== 'cancelled').map((r) => r.start_date);
  return derivePersonState(
    {
      rows,
      latestDetermination: null,
      latestRelapse: null,
      currentFacility: null,
      createdAt,
      determinations: [],
      relapses: [],
      firstFactOn: starts.length ? starts.sort()[0]! : null,
    },
    now,
  );
}

/** Recomputes and stores the person's status (and facility); returns the status. */
export async function syncPerson(trx: Kysely<DB>, personId: string, now: Date): Promise<PersonStatus> {
  const today = vnToday(now);
  const rows = await episodesRepo.forPerson(trx, personId);
  const latestDetermination = (await screeningRepo.latestDetermination(trx, personId, today)) ?? null;
  const latestRelapse = await screeningRepo.latestRelapse(trx, personId);
  const person = await peopleRepo.findById(trx, personId);
  if (!person) throw new Error(`syncPerson: no person ${personId}`);
  const { status, facility, spans } = derivePersonState(
    {
      rows,
      latestDetermination,
      latestRelapse,
      currentFacility: person.current_facility_id,
      createdAt: person.created_at,
      determinations: await statusHistoryRepo.determinations(trx, personId),
      relapses: await statusHistoryRepo.relapseDates(trx, personId),
      firstFactOn: await statusHistoryRepo.firstFactOn(trx, personId),
    },
    now,
  );
  if (status !== person.status || facility !== person.current_facility_id)
    await episodesRepo.setDerived(trx, personId, { status, current_facility_id: facility });
  await storeStatusHistory(trx, personId, spans);
  return status;
}

/**
 * Statuses also move with time alone: a term ends, a closed episode's last day passes. Re-derives the
 * status of everyone with an episode that ended (actually or by its planned end) since `since`; the daily
 * job calls it, and it catches up after downtime by looking back.
 */
export async function refreshStatuses(db: Kysely<DB>, now: Date, since: string): Promise<number> {
  const today = vnToday(now);
  const ids = await episodesRepo.peopleWithEndsBetween(db, since, today);
  for (const id of ids) {
    await db.transaction().execute((trx) => syncPerson(trx, id, now));
    // A turn of the event loop after each person (not each 50): on SQLite 50 people re-derived in one chain of
    // microtasks held every request arriving meanwhile for their whole time (person pages p99 in seconds
    // during the start-up catch-up at national scale, bench/README.md "Issue 17").
    await letRequestsIn();
  }
  return ids.length;
}
