import type { RuleError } from '@hoanhap/domain/episode-types';
import { formatDmy } from '@hoanhap/domain/iso-date';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import { FIRST_REGIME_DATE, type RegimeRules, rulesOn } from '@hoanhap/domain/legal-regimes';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type AppError, Errors } from '../../platform/errors.ts';
import { type LegalContext, loadLegalContext } from '../legal/legal-context.ts';

// The bridge between the pure legal rules and HTTP: the administrator's overrides and calendar
// adjustments, the rules of a date, and a domain refusal as a 422 that cites the rule.

export type { LegalContext };

/** Overrides and calendar adjustments, read through the caller's transaction. */
export const legalContext = (trx: Kysely<DB>) => loadLegalContext(trx);

/** The rules in force on a date (with overrides), or 422 when no regime covers it (acts before 2022). */
export function rulesAt(ctx: LegalContext, date: string, field: string): RegimeRules {
  if (date < FIRST_REGIME_DATE) {
    throw Errors.unprocessable(
      'no_legal_regime',
      {
        vi: `Không có chế độ pháp lý cho ngày ${formatDmy(date)} (trước ${formatDmy(FIRST_REGIME_DATE)})`,
        en: `No legal regime applies on ${formatDmy(date)} (before ${formatDmy(FIRST_REGIME_DATE)})`,
      },
      { field },
    );
  }
  return rulesOn(date, ctx.overrides);
}

/** A domain rule's refusal as a 422 with the rule code and its legal basis. */
export function ruleRefusal(error: RuleError): AppError {
  return Errors.unprocessable(
    error.code.toLowerCase(),
    { vi: error.vi, en: error.en },
    {
      rule: error.code,
      basis: (error.basis ?? []).map((b) => ({ vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') })),
    },
  );
}

/** 400 naming the field. */
export function fieldError(field: string, rule: string, vi: string, en: string): AppError {
  return Errors.validation([{ field, rule, messages: { vi, en } }]);
}
