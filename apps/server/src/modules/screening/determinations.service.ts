import { randomUUID } from 'node:crypto';
import { conclusionCheck, isAddicted } from '@hoanhap/domain/addiction';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { authorityLabels, vnToday } from '@hoanhap/domain/pathway-rules';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { type Actor, authorize, authorizeAuthority, readableClasses } from '../../platform/policy.ts';
import { personInScope, requireClass } from '../episodes/access.ts';
import { fieldError, legalContext, rulesAt } from '../episodes/legal.ts';
import { syncPerson } from '../episodes/person-status.ts';
import { personStep } from '../shared/write-step.service.ts';
import { closeTasks } from '../tasks/tasks.service.ts';
import { presentDetermination } from './screening.presenter.ts';
import { type DeterminationRow, screeningRepo } from './screening.repo.ts';
import type { DeterminationCreateInput } from './screening.schema.ts';

/**
 * Records an addiction determination made by a qualified health facility and doctor (Decree 109/2021; criteria
 * of Circular 18/2021). The result is the doctor's Form 04 conclusion; isAddicted() recomputes it from the
 * criteria the doctor recorded, with the thresholds in force on the assessment date, and a disagreement is
 * returned as a warning (recorded, not refused). Only the roles acting for the rule's authority record it.
 */
export async function createDetermination(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  input: DeterminationCreateInput,
) {
  authorize(actor, 'screening.write');
  // Writing a health field one may not read would be writing blind.
  if (input.hivStatus !== undefined) requireClass(actor, 'health');
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await personInScope(trx, actor, personId);
    if (input.assessedOn > vnToday(now))
      throw fieldError(
        'assessedOn',
        'not_future',
        'Ngày đánh giá ở tương lai',
        'The assessment date is in the future',
      );
    for (const [i, o] of input.observations.entries()) {
      if (o.from > input.assessedOn)
        throw fieldError(
          `observations.${i}.from`,
          'before_assessment',
          'Ngày ghi nhận sau ngày đánh giá',
          'Observed after the assessment date',
        );
      if (o.to && o.to < o.from)
        throw fieldError(
          `observations.${i}.to`,
          'after_from',
          'Ngày kết thúc trước ngày bắt đầu',
          'Ends before it starts',
        );
    }
    const rules = rulesAt(await legalContext(trx), input.assessedOn, 'assessedOn');
    const rule = rules.addictionCriteria;
    const authority = rule.authority ?? 'qualified_doctor';
    authorizeAuthority(actor, authority, {
      rule: 'addictionCriteria',
      authorityName: { vi: authorityLabels.vi[authority], en: authorityLabels.en[authority] },
      basis: rule.basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    });
    const result = isAddicted({ assessedOn: input.assessedOn, observations: input.observations }, rules);
    const warning = conclusionCheck(input.conclusion, result);
    const row: DeterminationRow = {
      id: randomUUID(),
      person_id: personId,
      assessed_on: input.assessedOn,
      observations: JSON.stringify(input.observations),
      // The legal result is the doctor's conclusion; the computation only checks it.
      addicted: input.conclusion === 'addicted' ? 1 : 0,
      reason_code: result.reason.code,
      reason_vi: result.reason.vi,
      reason_en: result.reason.en,
      criteria_met: JSON.stringify(result.criteriaMet),
      regime_id: rules.regimeId,
      doctor_name: input.doctor.name,
      doctor_certificate: input.doctor.certificate,
      facility_name: input.facilityName,
      facility_licence: input.facilityLicence ?? null,
      doctor_conclusion: input.conclusion,
      criteria_agree: warning ? 0 : 1,
      form04_number: input.form04Number ?? null,
      substances: JSON.stringify(input.substances),
      hiv_status: input.hivStatus ?? null,
      unit_kind: actor.scopeKind,
      unit_code: actor.scopeCode ?? '',
      notes: input.notes ?? null,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await screeningRepo.insertDetermination(trx, row);
    await closeTasks(
      trx,
      { personId, kind: 'addiction_determination_due' },
      { by: { type: 'determination', id: row.id }, userId: actor.userId, at: now },
    );
    const status = await syncPerson(trx, personId, now);
    await audit(trx, actor, {
      action: 'determination.create',
      entityType: 'addiction_determination',
      entityId: row.id,
      details: {
        personId,
        addicted: input.conclusion === 'addicted',
        criteriaAddicted: result.addicted,
        criteriaAgree: !warning,
        status,
      },
    });
    return presentDetermination(row, readableClasses(actor));
  });
}

export async function listDeterminations(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'screening.read', 'drug_use', async ({ trx }) => {
    const rows = await screeningRepo.determinationsForPerson(trx, personId);
    await audit(trx, actor, { action: 'determination.list', entityType: 'person', entityId: personId });
    const classes = readableClasses(actor);
    return { items: rows.map((r) => presentDetermination(r, classes)) };
  });
}
