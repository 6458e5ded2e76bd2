import { randomUUID } from 'node:crypto';
import { effectiveEnd, isActiveOn } from '@hoanhap/domain/episode-terms';
import { type EpisodeType, REHAB_TYPES } from '@hoanhap/domain/episode-types';
import { RELAPSE_EPISODE_TYPES } from '@hoanhap/domain/pathway-rules';
import { deadlineFor, taskRoleFor } from '@hoanhap/domain/task-rules';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { type Actor, readableClasses } from '../../platform/policy.ts';
import { personInScope } from '../episodes/access.ts';
import { criminalCaseOf, judgedOn } from '../episodes/criminal-256a.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { fieldError, legalContext, rulesAt } from '../episodes/legal.ts';
import { asEpisode, syncPerson } from '../episodes/person-status.ts';
import { personStep, writeStep } from '../shared/write-step.service.ts';
import { closeTasks, createTask } from '../tasks/tasks.service.ts';
import { presentDrugTest } from './screening.presenter.ts';
import { type DrugTestRow, screeningRepo } from './screening.repo.ts';
import type { DrugTestCreateInput } from './screening.schema.ts';

/**
 * Records a drug test. A positive result during (or after) an episode is a relapse: the person is flagged,
 * the Criminal Code Art. 256a window is computed for the test date, and an addiction determination falls
 * due. A first positive result opens the user-management decision deadline where the rules set one.
 */
export async function createDrugTest(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  input: DrugTestCreateInput,
) {
  return writeStep(deps, actor, 'tests.write', async ({ trx, now, today }) => {
    const person = await personInScope(trx, actor, personId);
    if (input.testedOn > today)
      throw fieldError(
        'testedOn',
        'not_future',
        'Ngày xét nghiệm ở tương lai',
        'The test date is in the future',
      );
    for (const [i, r] of input.results.entries()) {
      if (r.substance === 'other' && !r.otherName)
        throw fieldError(`results.${i}.otherName`, 'required', 'Cần ghi tên chất', 'Name the substance');
    }
    const ctx = await legalContext(trx);
    const rules = rulesAt(ctx, input.testedOn, 'testedOn');
    const positive = input.results.some((r) => r.result === 'positive');
    const rows = await episodesRepo.forPerson(trx, personId);
    const during = rows.find(
      (r) =>
        RELAPSE_EPISODE_TYPES.includes(r.type as EpisodeType) && isActiveOn(asEpisode(r), input.testedOn),
    );
    const afterRehab = rows.some(
      (r) =>
        REHAB_TYPES.includes(r.type as EpisodeType) &&
        r.outcome === 'completed' &&
        effectiveEnd(asEpisode(r)) < input.testedOn,
    );
    // A positive intake test is expected of someone entering rehab; it is not a relapse.
    const relapse = positive && input.reason !== 'intake' && (!!during || afterRehab);
    // Which Criminal Code Art. 256a situation, if any, the person was in when they used (see judgedOn).
    const criminalCase = positive
      ? criminalCaseOf(rows, judgedOn(input.testedOn, input.reason), ctx.overrides)
      : null;
    const row: DrugTestRow = {
      id: randomUUID(),
      person_id: personId,
      tested_on: input.testedOn,
      method: input.method,
      results: JSON.stringify(input.results),
      positive: positive ? 1 : 0,
      reason: input.reason,
      performed_by: input.performedBy,
      unit_kind: actor.scopeKind,
      unit_code: actor.scopeCode ?? '',
      relapse: relapse ? 1 : 0,
      criminal_window: criminalCase ? 1 : 0,
      criminal_case: criminalCase ? JSON.stringify(criminalCase) : null,
      during_episode_id: positive ? (during?.id ?? null) : null,
      during_episode_type: positive ? (during?.type ?? null) : null,
      regime_id: rules.regimeId,
      notes: input.notes ?? null,
      created_at: now.toISOString(),
      created_by: actor.userId,
    };
    await screeningRepo.insertTest(trx, row);

    const source = { type: 'drug_test', id: row.id };
    const commune = { kind: 'commune' as const, code: person.cur_commune_code };
    // A test of the pre-2022 era is history: recorded, it neither completes nor opens any current task.
    const history = rules.regimeId === 'pre-2022';
    if (!history)
      await closeTasks(
        trx,
        { personId, kind: 'drug_test_due' },
        { by: source, userId: actor.userId, at: now },
      );
    if (relapse && !history) {
      await createTask(trx, {
        kind: 'addiction_determination_due',
        personId,
        episodeId: during?.id ?? null,
        unit: commune,
        due: deadlineFor('addiction_determination_due', input.testedOn, now, rules, ctx.adjustments)!,
        regimeId: rules.regimeId,
        source,
        details: { criminalWindow: !!row.criminal_window, criminalCase: criminalCase?.case ?? null },
        at: now,
      });
    } else if (
      !history &&
      positive &&
      !rows.some((r) => r.type === 'user_management' && isActiveOn(asEpisode(r), today))
    ) {
      const due = deadlineFor('user_management_decision', input.testedOn, now, rules, ctx.adjustments);
      if (due)
        await createTask(trx, {
          kind: 'user_management_decision',
          personId,
          unit: commune,
          // The role acting for the authority the rule names (the commune police under Law 120/2025).
          role: taskRoleFor('user_management_decision', rules),
          due,
          regimeId: rules.regimeId,
          source,
          at: now,
        });
    }
    const status = await syncPerson(trx, personId, now);
    await audit(trx, actor, {
      action: 'drug_test.create',
      entityType: 'drug_test',
      entityId: row.id,
      details: { personId, positive, relapse, status },
    });
    return presentDrugTest(row, readableClasses(actor));
  });
}

export async function listDrugTests(deps: AppDeps, actor: Actor, personId: string) {
  return personStep(deps, actor, personId, 'screening.read', 'drug_use', async ({ trx }) => {
    const rows = await screeningRepo.testsForPerson(trx, personId);
    await audit(trx, actor, { action: 'drug_test.list', entityType: 'person', entityId: personId });
    const classes = readableClasses(actor);
    return { items: rows.map((r) => presentDrugTest(r, classes)) };
  });
}
