import { randomUUID } from 'node:crypto';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { authorityLabels } from '@hoanhap/domain/pathway-rules';
import { deadlineFor, moveHandover } from '@hoanhap/domain/task-rules';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { updatedStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorizeAuthority, inOwnCommune } from '../../platform/policy.ts';
import { endAssignmentsOfPerson } from '../community/assignments.service.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { movePersonUnit } from '../people/person-units.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { closeTasks, createTask, moveOpenTasks } from '../tasks/tasks.service.ts';
import { personInScope, personWord } from './access.ts';
import { episodesRepo, type TransferRow } from './episodes.repo.ts';
import type { TransferInput } from './episodes.schema.ts';
import { fieldError, legalContext, rulesAt } from './legal.ts';

// Moving house: the record follows the person to the new commune, which is notified by a task. Under Law
// 120/2025 the police of the old commune record the move (that is their notice to the new commune's police,
// due within 24 hours) and the new commune's police receive it (task-rules.ts moveHandover). The old commune
// loses access with the move; the transfer row keeps the history.

export const transferOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    from: z.object({ communeCode: z.string(), provinceCode: z.string() }),
    to: z.object({ communeCode: z.string(), provinceCode: z.string() }),
    movedOn: z.string(),
    reason: z.string().nullable(),
    regimeId: z.string(),
    handoverDueAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Transfer' });

export function presentTransfer(t: TransferRow): z.infer<typeof transferOut> {
  return {
    id: t.id,
    personId: t.person_id,
    from: { communeCode: t.from_commune_code, provinceCode: t.from_province_code },
    to: { communeCode: t.to_commune_code, provinceCode: t.to_province_code },
    movedOn: t.moved_on,
    reason: t.reason,
    regimeId: t.regime_id,
    handoverDueAt: t.handover_due_at,
    receivedAt: t.received_at,
    createdAt: t.created_at,
  };
}

export async function transferPerson(deps: AppDeps, actor: Actor, personId: string, input: TransferInput) {
  return writeStep(deps, actor, 'transfers.write', async ({ trx, now, today }) => {
    const person = await personInScope(trx, actor, personId);
    if (person.version !== input.version)
      throw Errors.staleVersion({ id: person.id, version: person.version });
    if (input.toCommuneCode === person.cur_commune_code)
      throw fieldError(
        'toCommuneCode',
        'different',
        'Người này đang cư trú tại xã này',
        'The person already lives there',
      );
    const to = await peopleRepo.communeProvince(trx, input.toCommuneCode);
    if (!to?.province_code)
      throw fieldError('toCommuneCode', 'unit_exists', 'Mã xã/phường không tồn tại', 'Unknown commune code');
    if (input.movedOn > today)
      throw fieldError(
        'movedOn',
        'not_future',
        'Ngày chuyển ở tương lai',
        'The moving date is in the future',
      );
    const ctx = await legalContext(trx);
    const rules = rulesAt(ctx, input.movedOn, 'movedOn');
    const route = moveHandover(rules);
    if (route.recordedBy) {
      const authority = route.recordedBy;
      authorizeAuthority(actor, authority, {
        rule: 'moveHandoverHours',
        authorityName: { vi: authorityLabels.vi[authority], en: authorityLabels.en[authority] },
        basis: rules.moveHandoverHours.basis.map((b) => ({
          vi: formatBasis(b, 'vi'),
          en: formatBasis(b, 'en'),
        })),
      });
    }
    const deadline = deadlineFor('transfer_handover', input.movedOn, now, rules, ctx.adjustments);
    const at = now.toISOString();
    const row: TransferRow = {
      id: randomUUID(),
      person_id: personId,
      from_commune_code: person.cur_commune_code,
      from_province_code: person.province_code,
      to_commune_code: input.toCommuneCode,
      to_province_code: to.province_code,
      moved_on: input.movedOn,
      reason: input.reason ?? null,
      regime_id: rules.regimeId,
      handover_due_at: deadline?.dueAt ?? null,
      received_at: null,
      received_by: null,
      created_at: at,
      created_by: actor.userId,
    };
    await episodesRepo.insertTransfer(trx, row);
    const moved = await episodesRepo.movePerson(trx, personId, input.version, {
      cur_commune_code: input.toCommuneCode,
      province_code: to.province_code,
      cur_detail: input.detail ?? null,
      ...updatedStamps(actor, at),
    });
    if (!moved) throw Errors.staleVersion({ id: person.id });
    // The dated record of the person's commune: the old one until the move, the new one from it.
    await movePersonUnit(
      trx,
      personId,
      { commune: input.toCommuneCode, province: to.province_code },
      input.movedOn,
      'move',
      row.id,
    );
    await moveOpenTasks(trx, personId, person.cur_commune_code, input.toCommuneCode);
    // The old commune's volunteers stop with the move (the new commune assigns its own), audited each.
    const endedAssignments = await endAssignmentsOfPerson(
      trx,
      actor,
      personId,
      input.movedOn,
      'Chuyển nơi cư trú / Moved to another commune',
      now,
    );
    await createTask(trx, {
      kind: 'transfer_handover',
      personId,
      unit: { kind: 'commune', code: input.toCommuneCode },
      role: route.receiver,
      // Without an hour rule the receiving commune is simply told, due the day it learns of it.
      due: deadline ?? { dueDate: today },
      regimeId: rules.regimeId,
      source: { type: 'transfer', id: row.id },
      at: now,
    });
    await audit(trx, actor, {
      action: 'person.transfer',
      entityType: 'person',
      entityId: personId,
      details: {
        transferId: row.id,
        from: row.from_commune_code,
        to: row.to_commune_code,
        endedAssignments,
      },
    });
    return presentTransfer(row);
  });
}

/** The receiving commune acknowledges the record: closes the handover task. */
export async function receiveTransfer(deps: AppDeps, actor: Actor, transferId: string) {
  return writeStep(deps, actor, 'transfers.write', async ({ trx, now }) => {
    const t = await episodesRepo.transferById(trx, transferId);
    const word = { vi: 'việc chuyển hồ sơ này', en: 'Transfer' };
    if (!t || !inOwnCommune(actor, t.to_commune_code)) throw Errors.notFound(word);
    await personInScope(trx, actor, t.person_id).catch(() => {
      throw Errors.notFound(personWord);
    });
    if (t.received_at)
      throw Errors.conflict('already_received', { vi: 'Hồ sơ đã được tiếp nhận', en: 'Already received' });
    await episodesRepo.markTransferReceived(trx, t.id, now.toISOString(), actor.userId);
    await closeTasks(
      trx,
      { personId: t.person_id, kind: 'transfer_handover' },
      { by: { type: 'transfer_received', id: t.id }, userId: actor.userId, at: now },
    );
    await audit(trx, actor, { action: 'transfer.receive', entityType: 'transfer', entityId: t.id });
    return presentTransfer((await episodesRepo.transferById(trx, t.id))!);
  });
}
