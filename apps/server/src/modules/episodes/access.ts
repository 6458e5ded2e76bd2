import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, personScopeOf } from '../../platform/policy.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { episodesRepo } from './episodes.repo.ts';

// Row access for the pathways: a record is reachable only through a person inside the actor's scope
// (checked in SQL by peopleRepo.findInScope), and out-of-scope records answer 404, never 403, so that
// their existence does not leak.

export const personWord = { vi: 'hồ sơ người này', en: 'Person' };
export const episodeWord = { vi: 'giai đoạn này', en: 'Episode' };

/** The person, if inside the actor's scope; 404 otherwise. */
export async function personInScope(trx: Kysely<DB>, actor: Actor, personId: string) {
  const p = await peopleRepo.findInScope(trx, personScopeOf(actor), personId);
  if (!p) throw Errors.notFound(personWord);
  return p;
}

/** The episode and its person, if the person is inside the actor's scope; 404 otherwise. */
export async function episodeInScope(trx: Kysely<DB>, actor: Actor, id: string) {
  const episode = await episodesRepo.findById(trx, id);
  if (!episode) throw Errors.notFound(episodeWord);
  const person = await peopleRepo.findInScope(trx, personScopeOf(actor), episode.person_id);
  if (!person) throw Errors.notFound(episodeWord);
  return { episode, person };
}

// The facility and field-class checks live in the policy layer; re-exported for the pathway services.
export { assertFacilityOwns, requireClass } from '../../platform/policy.ts';
