import type { Kysely } from 'kysely';
import { criminalCaseOf, type EpisodeFacts } from '../../modules/episodes/criminal-256a.ts';
import { loadLegalContext } from '../../modules/legal/legal-context.ts';

// Criminal Code Art. 256a: which of its situations applied to a positive test (drug_tests.criminal_case, JSON:
// case, episode, span, basis). The flag computed before 12/2026 also covered people who had COMPLETED
// voluntary rehab or therapy, whom the article does not cover: every stored flag is recomputed by the
// corrected rule. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('drug_tests').addColumn('criminal_case', 'text').execute();
  const tests = await db
    .selectFrom('drug_tests')
    .select(['id', 'person_id', 'tested_on', 'criminal_window'])
    .where('positive', '=', 1)
    .where('tested_on', '>=', '2025-07-01')
    .orderBy('person_id')
    .execute();
  if (tests.length === 0) return;
  const { overrides } = await loadLegalContext(db);
  let person = '';
  let episodes: EpisodeFacts[] = [];
  for (const t of tests) {
    if (t.person_id !== person) {
      person = t.person_id;
      episodes = await db
        .selectFrom('episodes')
        .select(['id', 'type', 'start_date', 'actual_end', 'planned_end', 'outcome'])
        .where('person_id', '=', person)
        .orderBy('start_date')
        .orderBy('id')
        .execute();
    }
    const found = criminalCaseOf(episodes, t.tested_on, overrides);
    const flag = found ? 1 : 0;
    if (!found && t.criminal_window === 0) continue;
    await db
      .updateTable('drug_tests')
      .set({ criminal_window: flag, criminal_case: found ? JSON.stringify(found) : null })
      .where('id', '=', t.id)
      .execute();
  }
}
