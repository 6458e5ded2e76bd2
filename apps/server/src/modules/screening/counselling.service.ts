import { randomUUID } from 'node:crypto';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { AppDeps } from '../../app-deps.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { personInScope } from '../episodes/access.ts';
import { fieldError } from '../episodes/legal.ts';
import { syncPerson } from '../episodes/person-status.ts';
import { personStep } from '../shared/write-step.service.ts';
import { presentCounselling } from './screening.presenter.ts';
import { type CounsellingRow, screeningRepo } from './screening.repo.ts';
import type { CounsellingCreateInput } from './screening.schema.ts';

/** Records a counselling session (individual, group or family) for one or more people in scope. */
export async function createCounselling(deps: AppDeps, actor: Actor, input: CounsellingCreateInput) {
  authorize(actor, 'screening.write');
  const now = deps.now();
  const personIds = [...new Set(input.personIds)];
  if (input.kind !== 'group' && personIds.length !== 1)
    throw fieldError(
      'personIds',
      'one_person',
      'Buổi tư vấn cá nhân hoặc gia đình dành cho một người',
      'An individual or family session is for one person',
    );
  if (input.heldOn > vnToday(now))
    throw fieldError('heldOn', 'not_future', 'Ngày tư vấn ở tương lai', 'The session date is in the future');
  return deps.database.db.transaction().execute(async (trx) => {
    for (const id of personIds) await personInScope(trx, actor, id);
    const row: CounsellingRow = {
      id: randomUUID(),
      kind: input.kind,
      held_on: input.heldOn,
      topic: input.topic,
      counsellor: input.counsellor,
      unit_kind: actor.scopeKind,
      unit_code: actor.scopeCode ?? '',
      notes: input.notes ?? null,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await screeningRepo.insertCounselling(trx, row, personIds);
    for (const id of personIds) await syncPerson(trx, id, now); // a late-recorded session dates the history
    await auditMany(
      trx,
      actor,
      personIds.map((p) => ({
        action: 'counselling.create',
        entityType: 'counselling_session',
        entityId: row.id,
        details: { personId: p },
      })),
    );
    return presentCounselling(row, personIds.length);
  });
}

export async function listCounselling(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'screening.read', 'drug_use', async ({ trx }) => {
    const rows = await screeningRepo.counsellingForPerson(trx, personId);
    const counts = await screeningRepo.participantCounts(
      trx,
      rows.map((r) => r.id),
    );
    await audit(trx, actor, { action: 'counselling.list', entityType: 'person', entityId: personId });
    return { items: rows.map((r) => presentCounselling(r, counts.get(r.id) ?? 1)) };
  });
}
