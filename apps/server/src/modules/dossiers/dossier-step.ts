import {
  checkTransition,
  type DossierAction,
  type DossierStatus,
  nextStatus,
} from '@hoanhap/domain/dossier-rules';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import type { TaskKind } from '@hoanhap/domain/task-rules';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { type Action, type Actor, authorize } from '../../platform/policy.ts';
import { closeTasks, createTask } from '../tasks/tasks.service.ts';
import { bump, must, present, writable } from './dossier-common.ts';
import { type DossierRow, dossiersRepo } from './dossiers.repo.ts';

// ---------------------------------------------------------------------------------------------------------
// Steps

type StepContext = {
  trx: Kysely<DB>;
  row: DossierRow;
  persons: Awaited<ReturnType<typeof dossiersRepo.peopleOf>>;
  today: string;
  now: Date;
  at: string;
};

/**
 * One step of the state machine: scope, writer, version, transition, then the step's own checks and
 * effects, the versioned update and the audit entry, all in one transaction.
 */
export async function step(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  action: DossierAction,
  permission: Action,
  run: (c: StepContext) => Promise<{ patch: Partial<DossierRow>; details?: Record<string, unknown> }>,
  /** A refusal that says more than "wrong step", checked before the transition itself. */
  beforeTransition?: (trx: Kysely<DB>, row: DossierRow) => Promise<void>,
) {
  authorize(actor, permission);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await writable(trx, actor, id, version);
    if (beforeTransition) await beforeTransition(trx, row);
    must(checkTransition(row.status as DossierStatus, action));
    const persons = await dossiersRepo.peopleOf(trx, [id]);
    const { patch, details } = await run({
      trx,
      row,
      persons,
      today: vnToday(now),
      now,
      at: now.toISOString(),
    });
    await bump(trx, actor, row, now.toISOString(), { status: nextStatus(action), ...patch });
    await audit(trx, actor, {
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: id,
      details: { from: row.status, ...details },
    });
    return present(trx, actor, (await dossiersRepo.findById(trx, id))!);
  });
}

export const task = (c: StepContext, kind: TaskKind, personId: string, dueDate: string, extra = {}) =>
  createTask(c.trx, {
    kind,
    personId,
    unit: { kind: 'commune', code: c.row.commune_code },
    role: 'commune_police',
    due: { dueDate, ruleKey: null },
    regimeId: c.row.regime_id,
    source: { type: 'dossier', id: c.row.id },
    details: { dossierId: c.row.id, ...extra },
    at: c.now,
  });

export const closeFor = (
  c: StepContext,
  actor: Actor,
  kind: TaskKind,
  personIds: string[],
  status: 'done' | 'cancelled' = 'done',
) =>
  Promise.all(
    personIds.map((personId) =>
      closeTasks(
        c.trx,
        { personId, kind },
        { by: { type: 'dossier', id: c.row.id }, userId: actor.userId, at: c.now, status },
      ),
    ),
  );
