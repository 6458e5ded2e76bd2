import { derivePersonStatus } from '@hoanhap/domain/episode-rules';
import { isActiveOn } from '@hoanhap/domain/episode-terms';
import type { Episode, EpisodeOutcome, EpisodeType, PersonStatus } from '@hoanhap/domain/episode-types';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { letRequestsIn } from '../../platform/let-requests-in.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { type EpisodeRow, episodesRepo } from './episodes.repo.ts';

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

/** Recomputes and stores the person's status (and facility); returns the status. */
export async function syncPerson(trx: Kysely<DB>, personId: string, now: Date): Promise<PersonStatus> {
  const today = vnToday(now);
  const rows = await episodesRepo.forPerson(trx, personId);
  const episodes = rows.map(asEpisode);
  const det = await screeningRepo.latestDetermination(trx, personId, today);
  const status = derivePersonStatus(episodes, today, {
    addictionDeterminedOn: det?.addicted ? det.assessed_on : null,
    relapseDetectedOn: await screeningRepo.latestRelapse(trx, personId),
  });
  const person = await peopleRepo.findById(trx, personId);
  if (!person) throw new Error(`syncPerson: no person ${personId}`);
  const atFacility = rows.find(
    (r) => r.facility_id && FACILITY_TYPES.includes(r.type) && isActiveOn(asEpisode(r), today),
  );
  let facility = person.current_facility_id;
  if (atFacility) facility = atFacility.facility_id;
  // Leaving a facility this module placed the person in; a facility set elsewhere is left alone.
  else if (facility && rows.some((r) => r.facility_id === facility && FACILITY_TYPES.includes(r.type)))
    facility = null;
  if (status !== person.status || facility !== person.current_facility_id)
    await episodesRepo.setDerived(trx, personId, { status, current_facility_id: facility });
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
  for (const [i, id] of ids.entries()) {
    await db.transaction().execute((trx) => syncPerson(trx, id, now));
    if (i % 50 === 49) await letRequestsIn();
  }
  return ids.length;
}
