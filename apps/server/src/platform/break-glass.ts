import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { breakGlassRepo } from '../modules/people/break-glass.repo.ts';
import { type Actor, identityNeedsReason } from './policy.ts';

/**
 * For an actor who needs a reason to read identity (policy.ts identityNeedsReason): the people among
 * `personIds` whose identity they opened with a reason, each with the time it closes again. Null for
 * everybody else (they read identity by their classes alone).
 */
export async function openIdentities(
  db: Kysely<DB>,
  actor: Actor,
  personIds: string[],
  now: Date,
): Promise<Map<string, string> | null> {
  if (!identityNeedsReason(actor)) return null;
  return breakGlassRepo.openFor(db, actor.userId, personIds, now.toISOString());
}
