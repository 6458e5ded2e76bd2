import { readingPeriodEnd } from '@hoanhap/domain/dossier-rules';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { AppDeps } from '../../app-deps.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { type Actor, dossierScopeOf } from '../../platform/policy.ts';
import { writeStep } from '../shared/write-step.service.ts';
import { legalContext, present, rulesFor, visibleOrFail } from './dossier-common.ts';
import { presentSummary } from './dossiers.presenter.ts';
import { dossiersRepo } from './dossiers.repo.ts';
import type { ListQuery } from './dossiers.schema.ts';

// ---------------------------------------------------------------------------------------------------------
// Reads

export async function listDossiers(deps: AppDeps, actor: Actor, q: ListQuery) {
  return writeStep(deps, actor, 'dossiers.read', async ({ trx }) => {
    const raw = (q.q ?? '').trim();
    const { rows, total } = await dossiersRepo.list(trx, dossierScopeOf(actor), {
      tokens: normalizeVi(raw).split(' ').filter(Boolean),
      status: q.status,
      communeCode: q.communeCode,
      personId: q.personId,
      limit: q.limit,
      offset: q.offset,
    });
    const persons = await dossiersRepo.peopleOf(
      trx,
      rows.map((r) => r.id),
    );
    await auditMany(trx, actor, [
      {
        action: 'dossier.list',
        entityType: 'dossier',
        details: { q: raw || undefined, status: q.status, total, shown: rows.map((r) => r.id) },
      },
    ]);
    return {
      items: rows.map((r) =>
        presentSummary(
          r,
          persons.filter((p) => p.dossier_id === r.id),
        ),
      ),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  });
}

export async function getDossier(deps: AppDeps, actor: Actor, id: string) {
  return writeStep(deps, actor, 'dossiers.read', async ({ trx }) => {
    const row = await visibleOrFail(trx, actor, id);
    await audit(trx, actor, { action: 'dossier.read', entityType: 'dossier', entityId: id });
    return present(trx, actor, row);
  });
}

/** The rules a dossier prepared on `date` follows: for forms and checks in the web app. */
export async function dossierRules(deps: AppDeps, actor: Actor, date: string) {
  return writeStep(deps, actor, 'dossiers.read', async ({ trx }) => {
    const r = await rulesFor(trx, date, 'date', { future: true });
    const { adjustments } = await legalContext(trx);
    return {
      date,
      regimeId: r.regimeId,
      preparer: r.preparer.value,
      court: r.court.value,
      readingPeriodWorkingDays: r.readingPeriodWorkingDays.value,
      readingPeriodVerify: !!r.readingPeriodWorkingDays.verify,
      readingPeriodEndIfNotifiedToday: readingPeriodEnd(date, r, adjustments),
      checklist: r.checklist.items.map((i) => ({ kind: i.kind, required: i.required, label: i.label })),
      checklistVerify: r.checklist.verify,
    };
  });
}
