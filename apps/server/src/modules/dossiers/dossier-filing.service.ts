import {
  checkChecklistComplete,
  checkReadingPeriodOver,
  DOSSIER_TASK_KINDS,
  missingDocuments,
  readingPeriodEnd,
} from '@hoanhap/domain/dossier-rules';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import type { AppDeps } from '../../app-deps.ts';
import { Errors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import { ruleRefusal } from '../episodes/legal.ts';
import { legalContext, must, notBefore, rulesFor } from './dossier-common.ts';
import { closeFor, step, task } from './dossier-step.ts';
import { dossiersRepo } from './dossiers.repo.ts';
import type { CloseReadingInput, NotifyInput, SubmitInput } from './dossiers.schema.ts';

// The steps before the court: notifying the person, closing the reading period, submitting to the court.

export async function notify(deps: AppDeps, actor: Actor, id: string, input: NotifyInput) {
  return step(deps, actor, id, input.version, 'notify', 'dossiers.write', async (c) => {
    const rules = await rulesFor(c.trx, input.notifiedOn, 'notifiedOn', { today: c.today });
    notBefore(
      input.notifiedOn,
      c.row.prepared_on,
      { vi: 'thông báo', en: 'the notice' },
      { vi: 'lập hồ sơ', en: 'preparation' },
    );
    const { adjustments } = await legalContext(c.trx);
    const end = readingPeriodEnd(input.notifiedOn, rules, adjustments);
    for (const p of c.persons) await task(c, DOSSIER_TASK_KINDS.readingEnd, p.person_id, end);
    return {
      patch: {
        notified_on: input.notifiedOn,
        reading_days: rules.readingPeriodWorkingDays.value,
        reading_end: end,
      },
      details: { notifiedOn: input.notifiedOn, readingEnd: end },
    };
  });
}

export async function closeReading(deps: AppDeps, actor: Actor, id: string, input: CloseReadingInput) {
  return step(deps, actor, id, input.version, 'close_reading', 'dossiers.write', async (c) => {
    const rules = await rulesFor(c.trx, input.closedOn, 'closedOn', { today: c.today });
    must(checkReadingPeriodOver(c.row.reading_end!, input.closedOn, rules));
    await closeFor(
      c,
      actor,
      DOSSIER_TASK_KINDS.readingEnd,
      c.persons.map((p) => p.person_id),
    );
    return { patch: { reading_closed_on: input.closedOn }, details: { closedOn: input.closedOn } };
  });
}

export async function submit(deps: AppDeps, actor: Actor, id: string, input: SubmitInput) {
  return step(
    deps,
    actor,
    id,
    input.version,
    'submit',
    'dossiers.write',
    async (c) => {
      const rules = await rulesFor(c.trx, input.submittedOn, 'submittedOn', { today: c.today });
      must(checkReadingPeriodOver(c.row.reading_end!, input.submittedOn, rules));
      notBefore(
        input.submittedOn,
        c.row.reading_closed_on,
        { vi: 'chuyển hồ sơ', en: 'submission' },
        { vi: 'hết thời hạn đọc hồ sơ', en: 'the end of the reading period' },
      );
      const docs = await dossiersRepo.documentsOf(c.trx, c.row.id);
      const preparedRules = await rulesFor(c.trx, c.row.prepared_on, 'preparedOn');
      const missing = missingDocuments(
        c.persons.map((p) => p.person_id),
        docs.map((d) => ({ personId: d.person_id, kind: d.kind })),
        preparedRules.checklist,
      );
      const complete = checkChecklistComplete(missing, preparedRules);
      if (!complete.ok) {
        const e = ruleRefusal(complete.error);
        throw Errors.unprocessable(e.code, e.messages, { ...e.extra, missing });
      }
      return {
        patch: {
          submitted_on: input.submittedOn,
          submission_number: input.submissionNumber ?? null,
          // Which court decides follows the date: district courts until 30/06/2025, regional courts after.
          court_authority: rules.court.value,
          court_name: input.courtName,
        },
        details: { submittedOn: input.submittedOn, court: rules.court.value },
      };
    },
    async (trx, row) => {
      // Submitting during the reading period is refused for that reason, not merely as the wrong step.
      if (row.status === 'notified' && row.reading_end && input.submittedOn >= FIRST_REGIME_DATE) {
        const rules = await rulesFor(trx, input.submittedOn, 'submittedOn');
        must(checkReadingPeriodOver(row.reading_end, input.submittedOn, rules));
      }
    },
  );
}
