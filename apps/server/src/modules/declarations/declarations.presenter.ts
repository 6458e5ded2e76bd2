import { declarationBasis } from '@hoanhap/domain/declaration-rules';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import type { RuleOverride } from '@hoanhap/domain/legal-regimes';
import { z } from 'zod';
import { bilingual, strOrNull } from '../../platform/http/schemas.ts';
import type { DeclarationView } from './declarations.repo.ts';

// A declaration is of class 'drug_use' as a whole: the service refuses roles that may not read it, so nothing
// inside needs hiding. The legal basis is the rule in force on the declaration date (none before Law 120).

export const declarationOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    declaredOn: z.string(),
    substances: z.array(z.string()),
    otherSubstance: strOrNull,
    source: z.string(),
    notes: strOrNull,
    regimeId: strOrNull,
    required: z.boolean().describe('Whether the law required the declaration on its date'),
    basis: z.array(bilingual).describe('Legal basis cited (empty before the rule was in force)'),
    unit: z.object({ kind: z.string(), code: z.string() }),
    recordedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    recordedAt: z.string(),
    updatedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'SubstanceDeclaration' });
export type DeclarationOut = z.infer<typeof declarationOut>;

export function presentDeclaration(r: DeclarationView, overrides: readonly RuleOverride[]): DeclarationOut {
  const law = declarationBasis(r.declared_on, overrides);
  return {
    id: r.id,
    personId: r.person_id,
    declaredOn: r.declared_on,
    substances: JSON.parse(r.substances),
    otherSubstance: r.other_substance,
    source: r.source,
    notes: r.notes,
    regimeId: r.regime_id,
    required: law.required,
    basis: law.basis.map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    unit: { kind: r.unit_kind, code: r.unit_code },
    recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
    recordedAt: r.recorded_at,
    updatedBy: { id: r.updated_by, name: r.updated_by_name },
    updatedAt: r.updated_at,
    version: r.version,
  };
}
