import type { Kysely } from 'kysely';
import { editStamps } from './columns.ts';

// Communes recognised as drug-free (địa bàn không ma túy, criteria in Decision 28/2025/QĐ-TTg): the decision
// that recognised each one, its validity and a revocation. The "drug-free communes ≥ 50% by 2030" target of
// the National Target Program counts the recognitions in force at a period's end. Forward-only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('drug_free_communes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('recognised_on', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('revoked_on', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('notes', 'text')
    .$call(editStamps)
    .execute();
  await db.schema
    .createIndex('drug_free_communes_unit')
    .on('drug_free_communes')
    .columns(['province_code', 'commune_code', 'recognised_on'])
    .execute();
}
