// Rules of life inside a rehab facility (DOMAIN.md §1, §4): the five stages in order, how term reductions,
// early release, postponement, hospital suspension and escape move the planned release date, and how long
// before a release the facility notifies the person's commune. The values are dated data in legal-regimes.ts
// (each regime carries them with their legal basis): code asks facilityRulesOn(date, overrides) and never
// writes a number or an article. Values marked `verify` are taken from public texts we could not check
// article by article; the national administrator corrects them with a rule override, like any other rule.

import { refuse } from './episode-terms.ts';
import type { RuleCheck } from './episode-types.ts';
import { addDays, daysBetween, isIsoDate } from './iso-date.ts';
import { formatBasis, INSTRUMENTS as I, type Text } from './legal-basis.ts';
import {
  FIRST_REGIME_DATE,
  type RegimeRules,
  type Rule,
  type RuleOverride,
  rulesOn,
} from './legal-regimes.ts';

/** The facility's rules: part of each legal regime (legal-regimes.ts), so the administrator can override them. */
export type FacilityRules = Pick<
  RegimeRules,
  | 'termReductionMinServedPercent'
  | 'termReductionBases'
  | 'escapeTimeCounts'
  | 'postponementTimeCounts'
  | 'hospitalSuspensionTimeCounts'
  | 'releaseNoticeDaysBefore'
>;

/** The facility rules in force on a date with the administrator's overrides; null before the first regime (2022). */
export function facilityRulesOn(date: string, overrides: readonly RuleOverride[] = []): FacilityRules | null {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ / invalid date: ${date}`);
  if (date < FIRST_REGIME_DATE) return null;
  return rulesOn(date, overrides);
}

/** The legal basis under which a person lives at the facility. */
export const RESIDENCE_BASES = ['voluntary', 'compulsory_pending', 'compulsory'] as const;
export type ResidenceBasis = (typeof RESIDENCE_BASES)[number];

export const STAGES = [1, 2, 3, 4, 5] as const;

/** Stages run in order, one step at a time, each beginning no earlier than the one before. */
export function checkStageMove(
  current: { stage: number; beganOn: string } | null,
  next: { stage: number; beganOn: string },
): RuleCheck {
  const expected = current ? current.stage + 1 : 1;
  if (next.stage !== expected)
    return refuse(
      'STAGE_ORDER',
      `Các giai đoạn cai nghiện thực hiện theo thứ tự: giai đoạn tiếp theo là ${expected}`,
      `The rehab stages run in order: the next stage is ${expected}`,
      [{ instrument: I.decree116 }],
    );
  if (current && next.beganOn < current.beganOn)
    return refuse(
      'STAGE_DATE',
      'Giai đoạn mới không thể bắt đầu trước giai đoạn hiện tại',
      'A stage cannot begin before the current one',
    );
  return { ok: true };
}

export const TERM_CHANGE_KINDS = [
  'reduction',
  'early_release',
  'postponement',
  'suspension',
  'escape',
  'return',
] as const;
export type TermChangeKind = (typeof TERM_CHANGE_KINDS)[number];
/** Kinds that take the resident away until a return. */
export const ABSENCE_KINDS: readonly TermChangeKind[] = ['postponement', 'suspension', 'escape'];

/** Whether the days of an absence count toward the term under the rules. */
export function absenceCounts(kind: TermChangeKind, rules: FacilityRules): Rule<boolean> {
  if (kind === 'escape') return rules.escapeTimeCounts;
  if (kind === 'postponement') return rules.postponementTimeCounts;
  return rules.hospitalSuspensionTimeCounts;
}

/** Days from `from` up to the day before `to` (the return day is served again). */
export function absenceDays(from: string, to: string): number {
  return Math.max(0, daysBetween(from, to));
}

export interface TermState {
  /** First day counted by the term (the pending management's start when it counts). */
  termStart: string;
  /** Last day of the term as decided (null while a compulsory dossier is pending). */
  baseEnd: string | null;
  /** Days not counted (escapes, postponements): they push the release later. */
  uncountedDays: number;
  /** Days taken off by reductions. */
  reductionDays: number;
  /** Release decided early (exemption from the remainder). */
  earlyReleaseOn: string | null;
}

/** The planned release date: the decided end moved by uncounted days and reductions, or the early release. */
export function plannedRelease(s: TermState): string | null {
  if (s.earlyReleaseOn) return s.earlyReleaseOn;
  if (!s.baseEnd) return null;
  return addDays(s.baseEnd, s.uncountedDays - s.reductionDays);
}

/** Days served by `today` (the first day included), without uncounted days; 0 before the start. */
export function daysServed(s: TermState, today: string, openUncountedSince: string | null = null): number {
  const open = openUncountedSince ? absenceDays(openUncountedSince, addDays(today, 1)) : 0;
  return Math.max(0, daysBetween(s.termStart, today) + 1 - s.uncountedDays - open);
}

/** Days of the whole term as decided (null while pending). */
export function termDays(s: TermState): number | null {
  return s.baseEnd ? daysBetween(s.termStart, s.baseEnd) + 1 : null;
}

/** Days left to the planned release after `today` (0 once it has passed); null without a term. */
export function daysRemaining(s: TermState, today: string): number | null {
  const end = plannedRelease(s);
  return end ? Math.max(0, daysBetween(today, end)) : null;
}

const cite = (r: Rule, lang: keyof Text) => (r.basis.length ? ` (${formatBasis(r.basis[0], lang)})` : '');

/**
 * Checks a term reduction (by `days`) or an early release on `decidedOn` against the rules: only for the
 * bases the rules allow, only after the minimum share of the term is served, and never past the remainder.
 */
export function checkReduction(
  s: TermState,
  basis: ResidenceBasis,
  decidedOn: string,
  change: { kind: 'reduction'; days: number } | { kind: 'early_release'; releaseOn: string },
  rules: FacilityRules,
): RuleCheck {
  const allowed = rules.termReductionBases;
  if (!allowed.value.split(',').includes(basis))
    return refuse(
      'REDUCTION_NOT_APPLICABLE',
      `Giảm thời hạn, miễn chấp hành chỉ áp dụng với người cai nghiện bắt buộc${cite(allowed, 'vi')}`,
      `Term reduction and early release apply to compulsory rehab only${cite(allowed, 'en')}`,
      allowed.basis,
    );
  const total = termDays(s);
  const end = plannedRelease(s);
  if (total === null || end === null)
    return refuse('NO_TERM', 'Chưa có thời hạn để giảm', 'There is no term to reduce yet');
  const pct = rules.termReductionMinServedPercent;
  const served = daysServed(s, decidedOn);
  if (served * 100 < total * pct.value)
    return refuse(
      'REDUCTION_TOO_EARLY',
      `Phải chấp hành ít nhất ${pct.value}% thời hạn (${Math.ceil((total * pct.value) / 100)} ngày) mới được xét giảm; đã chấp hành ${served} ngày${cite(pct, 'vi')}`,
      `At least ${pct.value}% of the term (${Math.ceil((total * pct.value) / 100)} days) must be served before a reduction; ${served} days served${cite(pct, 'en')}`,
      pct.basis,
    );
  const newEnd = change.kind === 'reduction' ? addDays(end, -change.days) : change.releaseOn;
  if (newEnd < decidedOn || newEnd > end)
    return refuse(
      'REDUCTION_BEYOND_REMAINDER',
      `Ngày ra cơ sở mới (${newEnd}) phải trong khoảng từ ngày quyết định đến ngày dự kiến ${end}`,
      `The new release date (${newEnd}) must fall between the decision and the planned release ${end}`,
      pct.basis,
    );
  return { ok: true };
}

/** Whether a release notice sent on `noticeOn` was late for a release planned on `releaseOn`. */
export function releaseNoticeLate(noticeOn: string, releaseOn: string, rules: FacilityRules): boolean {
  return noticeOn > addDays(releaseOn, -rules.releaseNoticeDaysBefore.value);
}
