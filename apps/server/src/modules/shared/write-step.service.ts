import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { type Action, type Actor, authorize, requireClass } from '../../platform/policy.ts';
import { personInScope } from '../episodes/access.ts';

/**
 * The frame of a write: the actor's permission for the action (refused before anything is read), then the step
 * in one transaction, with the request's clock read once — `now`, and `today` as the date in Vietnam.
 */
export function writeStep<T>(
  deps: AppDeps,
  actor: Actor,
  action: Action,
  step: (c: { trx: Kysely<DB>; now: Date; today: string }) => Promise<T>,
): Promise<T> {
  authorize(actor, action);
  const now = deps.now();
  return deps.database.db.transaction().execute((trx) => step({ trx, now, today: vnToday(now) }));
}

/**
 * A step on one person's records: the permission, the sensitivity class the records belong to (when they have
 * one), then, in one transaction, the person — who must be in the actor's scope (404 outside it) — and the step.
 */
export function personStep<T>(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  action: Action,
  fieldClass: SensitivityClass | null,
  step: (c: { trx: Kysely<DB>; person: PersonInScope; now: Date; today: string }) => Promise<T>,
): Promise<T> {
  authorize(actor, action);
  if (fieldClass) requireClass(actor, fieldClass);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const person = await personInScope(trx, actor, personId);
    return step({ trx, person, now, today: vnToday(now) });
  });
}

type PersonInScope = Awaited<ReturnType<typeof personInScope>>;
