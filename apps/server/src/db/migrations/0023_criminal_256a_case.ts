import { criminal256aFrom } from '@hoanhap/domain/episode-rules';
import type { Kysely } from 'kysely';
import { recomputeCriminalCases } from '../../modules/episodes/criminal-256a.ts';
import { loadLegalContext } from '../../modules/legal/legal-context.ts';

// Criminal Code Art. 256a: which of its situations applied to a positive test (drug_tests.criminal_case, JSON:
// case, episode, span, basis). The flag computed before 12/2026 also covered people who had COMPLETED
// voluntary rehab or therapy, whom the article does not cover: every stored flag is recomputed by the
// corrected rule. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('drug_tests').addColumn('criminal_case', 'text').execute();
  const from = criminal256aFrom();
  if (from === null) return;
  const any = await db
    .selectFrom('drug_tests')
    .select('id')
    .where('positive', '=', 1)
    .where('tested_on', '>=', from)
    .limit(1)
    .executeTakeFirst();
  if (!any) return;
  const { overrides } = await loadLegalContext(db);
  await recomputeCriminalCases(db, overrides);
}
