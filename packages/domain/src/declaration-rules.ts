// Declarations of substances used and their source (Law 120/2025/QH15, in force 01/07/2026: a person using drugs
// illegally declares to the commune police, fully and truthfully, what they used and where they obtained it).
// The checks here are shared by the server and the web form; the legal basis shown beside a declaration comes
// from the dated rule `substanceDeclarationRequired`, so a declaration recorded before the law applied is kept
// but cites nothing.

import type { LegalBasis, Text } from './legal-basis.ts';
import { FIRST_REGIME_DATE, type RuleOverride, rulesOn } from './legal-regimes.ts';
import { SUBSTANCES, type Substance } from './pathway-rules.ts';

/** The substances a declaration lists (the screening vocabulary; 'other' carries its name as text). */
export const DECLARED_SUBSTANCES = SUBSTANCES;

/** One problem of a declaration, naming the field it concerns. */
export interface DeclarationProblem extends Text {
  field: string;
  rule: string;
}

export interface DeclarationInput {
  declaredOn: string;
  substances: readonly Substance[];
  otherSubstance?: string | null;
  source: string;
}

/** What the checks need to know about the person and the day. */
export interface DeclarationContext {
  today: string;
  birthDate?: string | null;
  birthYear?: number | null;
}

/**
 * Problems of a declaration, empty when it may be recorded: the date is neither in the future nor before the
 * person's birth, at least one substance is listed, 'other' is named, and the source is stated.
 */
export function declarationProblems(input: DeclarationInput, ctx: DeclarationContext): DeclarationProblem[] {
  const out: DeclarationProblem[] = [];
  if (input.declaredOn > ctx.today)
    out.push({
      field: 'declaredOn',
      rule: 'not_future',
      vi: 'Ngày khai báo không được ở tương lai',
      en: 'The declaration date cannot be in the future',
    });
  const born = ctx.birthDate ?? (ctx.birthYear ? `${ctx.birthYear}-01-01` : null);
  if (born && input.declaredOn < born)
    out.push({
      field: 'declaredOn',
      rule: 'before_birth',
      vi: 'Ngày khai báo không được trước ngày sinh',
      en: 'The declaration date cannot be before the date of birth',
    });
  if (input.substances.length === 0)
    out.push({
      field: 'substances',
      rule: 'required',
      vi: 'Chọn ít nhất một chất ma túy đã sử dụng',
      en: 'Choose at least one substance used',
    });
  if (input.substances.includes('other') && !input.otherSubstance?.trim())
    out.push({
      field: 'otherSubstance',
      rule: 'required',
      vi: 'Ghi tên chất khác đã sử dụng',
      en: 'Name the other substance used',
    });
  if (!input.source.trim())
    out.push({
      field: 'source',
      rule: 'required',
      vi: 'Ghi nguồn gốc chất ma túy (mua, nhận ở đâu, từ ai)',
      en: 'State where the substances were obtained',
    });
  return out;
}

/**
 * Whether the law required the declaration on its date, with the basis to cite: the rule of the regime in force
 * then (with a national administrator's overrides). Nothing is cited before the first regime.
 */
export function declarationBasis(
  declaredOn: string,
  overrides: readonly RuleOverride[] = [],
): { required: boolean; regimeId: string | null; basis: readonly LegalBasis[] } {
  if (declaredOn < FIRST_REGIME_DATE) return { required: false, regimeId: null, basis: [] };
  const rules = rulesOn(declaredOn, overrides);
  const rule = rules.substanceDeclarationRequired;
  return {
    required: rule.value === true,
    regimeId: rules.regimeId,
    basis: rule.value === true ? rule.basis : [],
  };
}
