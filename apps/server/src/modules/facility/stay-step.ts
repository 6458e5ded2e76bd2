import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import { presentAdmission } from './facility.presenter.ts';
import type { AdmissionRow } from './facility.repo.ts';
import { admissionFor, refuseReleased } from './facility-access.ts';

/**
 * One step of a resident's stay, in one transaction: the admission at the actor's own facility (404 otherwise,
 * facility.write), at the version the client saw (409 with the current stay otherwise), not yet released.
 */
export async function stayStep<T>(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  step: (c: { trx: Kysely<DB>; a: AdmissionRow; today: string; now: Date }) => Promise<T>,
): Promise<T> {
  const now = deps.now();
  const today = vnToday(now);
  return deps.database.db.transaction().execute(async (trx) => {
    const a = await admissionFor(trx, actor, id, 'facility.write');
    if (a.version !== version) throw Errors.staleVersion(await presentAdmission(trx, a, today, false));
    refuseReleased(a);
    return step({ trx, a, today, now });
  });
}
