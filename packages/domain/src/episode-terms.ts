// Terms of episodes: their length under the rules in force, their end dates and the age that chooses between
// the juvenile and the adult rule. Every number comes from the regime in force (legal-regimes.ts) on the date of
// the act; refusals cite the rule's legal basis in Vietnamese and English.

import type { Episode, EpisodeType, RuleError } from './episode-types.ts';
import { REHAB_TYPES } from './episode-types.ts';
import { addDays, dateParts, daysInMonth, isIsoDate, isoDate } from './iso-date.ts';
import type { LegalBasis } from './legal-basis.ts';
import { formatBasis } from './legal-basis.ts';
import type { RangeValue, RegimeRules, Rule } from './legal-regimes.ts';
import { LAW73_START, rulesOn } from './legal-regimes.ts';

/** End date standing for "no end" in comparisons. */
export const FAR_FUTURE = '9999-12-31';
/** Episodes whose one-year term ends by law. */
export const FIXED_TERM_TYPES: readonly EpisodeType[] = ['user_management', 'post_rehab'];
/** Episodes without a term in months. */
export const OPEN_TYPES: readonly EpisodeType[] = ['compulsory_pending', 'substitution_therapy'];

/**
 * Last day of a term of `months` whole months starting on `start` (the day before the same day-of-month,
 * or the month's last day when that day does not exist); null for episodes without a term.
 */
export function plannedEnd(
  type: EpisodeType,
  start: string,
  months?: number,
  rules?: RegimeRules,
): string | null {
  if (OPEN_TYPES.includes(type)) return null;
  let m = months;
  if (m === undefined && FIXED_TERM_TYPES.includes(type)) {
    const r = rules ?? rulesOn(start);
    m = type === 'post_rehab' ? r.postRehabMonths.value : r.userManagementMonths.value;
  }
  if (m === undefined || !Number.isInteger(m) || m <= 0) {
    throw new RangeError(
      `Cần số tháng nguyên dương / a positive whole number of months is needed for ${type}`,
    );
  }
  const { year, month, day } = dateParts(start);
  const index = year * 12 + month - 1 + m;
  const y = Math.floor(index / 12);
  const mm = index - y * 12 + 1;
  // The first day after the term is the same day-of-month m months on; if it does not exist, the 1st after.
  const firstAfter =
    day <= daysInMonth(y, mm) ? isoDate(y, mm, day) : addDays(isoDate(y, mm, daysInMonth(y, mm)), 1);
  return addDays(firstAfter, -1);
}

/**
 * Age in full years on a date. A partial birth date ('YYYY' or 'YYYY-MM', common in old records) is taken as
 * the latest possible day, so a person is never treated as older, and so less protected, than they may be.
 * Someone born on 29/02 reaches a new age on 01/03 in common years.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = completeBirthDate(birthDate);
  const b = dateParts(birth);
  const d = dateParts(date);
  if (date < birth) throw new RangeError(`Ngày ${date} trước ngày sinh ${birthDate} / date before birth`);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

/** Age, or null when the birth date is malformed or after the date: a data error to report, not to throw. */
export function safeAgeOn(birthDate: string, date: string): number | null {
  try {
    return ageOn(birthDate, date);
  } catch {
    return null;
  }
}

/** The refusal for a malformed birth date or one after the decision date. */
export function invalidBirthDate(): { ok: false; error: RuleError } {
  return refuse(
    'BIRTH_DATE_INVALID',
    'Ngày sinh không hợp lệ hoặc sau ngày quyết định',
    'The birth date is invalid or after the decision date',
  );
}

function completeBirthDate(birthDate: string): string {
  if (/^\d{4}$/.test(birthDate)) return `${birthDate}-12-31`;
  if (/^\d{4}-\d{2}$/.test(birthDate)) {
    const y = Number(birthDate.slice(0, 4));
    const m = Number(birthDate.slice(5, 7));
    if (m >= 1 && m <= 12) return isoDate(y, m, daysInMonth(y, m));
  }
  if (!isIsoDate(birthDate))
    throw new RangeError(`Ngày sinh không hợp lệ / invalid birth date: ${birthDate}`);
  return birthDate;
}

export interface TermInput {
  type: EpisodeType;
  months?: number | null;
  birthDate?: string | null;
  decisionDate: string;
  /** Rules to judge by; defaults to rulesOn(decisionDate). */
  regime?: RegimeRules;
  /**
   * For regimes with fixed terms (first / repeat): whether the person had rehab of any form before (voluntary at
   * home/community or at a facility, or compulsory): see priorRehabOf. Undefined accepts either term.
   */
  priorRehab?: boolean;
}

/**
 * Whether a person had rehab before `date`: any earlier rehab episode of any form, not cancelled, that started
 * before the date (quitting or being expelled still counts as a rehab had). Substitution therapy is treatment,
 * not rehab, and does not count.
 */
export function priorRehabOf(
  history: readonly { type: EpisodeType; start: string; outcome?: string | null }[],
  date: string,
): boolean {
  return history.some((e) => REHAB_TYPES.includes(e.type) && e.outcome !== 'cancelled' && e.start < date);
}

export type TermCheck =
  | { ok: true; months: number | null; rule: Rule | null }
  | { ok: false; error: RuleError };

/** Checks a term against the rules in force on the decision date, citing the rule and basis when refused. */
export function validateTerm(input: TermInput): TermCheck {
  const rules = input.regime ?? rulesOn(input.decisionDate);
  const { type } = input;
  const months = input.months ?? null;
  if (months !== null && (!Number.isInteger(months) || months <= 0)) {
    return refuse(
      'TERM_INVALID',
      'Thời hạn phải là số tháng nguyên dương',
      'The term must be a positive whole number of months',
    );
  }
  // Acts before 2022 are history recorded with their old basis: the term written in the old decision stands.
  if (rules.regimeId === 'pre-2022' && !OPEN_TYPES.includes(type) && !FIXED_TERM_TYPES.includes(type))
    return { ok: true, months, rule: null };
  if (OPEN_TYPES.includes(type)) {
    if (months === null) return { ok: true, months: null, rule: null };
    return refuse(
      'TERM_NOT_APPLICABLE',
      'Loại này không có thời hạn theo tháng',
      'This episode type has no term in months',
    );
  }
  if (FIXED_TERM_TYPES.includes(type)) {
    const rule = type === 'post_rehab' ? rules.postRehabMonths : rules.userManagementMonths;
    const what =
      type === 'post_rehab'
        ? ['quản lý sau cai nghiện ma túy', 'Post-rehab management']
        : ['quản lý người sử dụng trái phép chất ma túy', 'Management of an illegal drug user'];
    if (months === null || months === rule.value) return { ok: true, months: rule.value, rule };
    return refuse(
      'TERM_FIXED',
      `Thời hạn ${what[0]} là ${rule.value} tháng${citation(rule.basis, 'vi')}`,
      `${what[1]} lasts ${rule.value} months${citation(rule.basis, 'en')}`,
      rule.basis,
    );
  }
  // Law 120/2025/QH15: one fixed term for every form of rehab, first or later (ages are still checked below).
  const fixedAll = rules.rehabFixedTermMonths;
  if (fixedAll.value !== null && (type === 'voluntary_community' || type === 'voluntary_facility')) {
    return checkFixed(months, fixedAll, input.priorRehab, 'Thời hạn cai nghiện ma túy', 'Rehab lasts');
  }
  if (type === 'voluntary_community' || type === 'voluntary_facility') {
    const rule =
      type === 'voluntary_community' ? rules.voluntaryCommunityMonths : rules.voluntaryFacilityMonths;
    const where =
      type === 'voluntary_community'
        ? ['tại gia đình, cộng đồng', 'at family/community']
        : ['tại cơ sở cai nghiện', 'at a facility'];
    return checkRange(
      months,
      rule,
      `Thời hạn cai nghiện tự nguyện ${where[0]}`,
      `Voluntary rehab ${where[1]} lasts`,
    );
  }
  // Compulsory: the age on the decision date chooses between the juvenile and the adult rule.
  if (!input.birthDate) {
    return refuse(
      'BIRTH_DATE_REQUIRED',
      'Cần ngày sinh để xác định thời hạn',
      'A birth date is needed to set the term',
    );
  }
  const age = safeAgeOn(input.birthDate, input.decisionDate);
  if (age === null) return invalidBirthDate();
  const ages = rules.compulsoryJuvenileAge;
  if (age < ages.value.min) return underCompulsoryAge(rules);
  if (age < ages.value.maxExclusive) {
    if (fixedAll.value !== null)
      return checkFixed(months, fixedAll, input.priorRehab, 'Thời hạn cai nghiện ma túy', 'Rehab lasts');
    return checkRange(
      months,
      rules.compulsoryJuvenileMonths,
      `Thời hạn cai nghiện bắt buộc đối với người từ đủ ${ages.value.min} tuổi đến dưới ${ages.value.maxExclusive} tuổi`,
      `Compulsory rehab for persons aged ${ages.value.min} to under ${ages.value.maxExclusive} lasts`,
    );
  }
  // Adults: the compulsory fixed term when the regime (or an override) sets one, else the term of every form.
  const fixed = rules.compulsoryFixedTermMonths.value !== null ? rules.compulsoryFixedTermMonths : fixedAll;
  if (fixed.value !== null) {
    return checkFixed(
      months,
      fixed,
      input.priorRehab,
      'Thời hạn cai nghiện bắt buộc',
      'Compulsory rehab lasts',
    );
  }
  return checkRange(
    months,
    rules.compulsoryAdultMonths,
    `Thời hạn cai nghiện bắt buộc đối với người từ đủ ${ages.value.maxExclusive} tuổi`,
    `Compulsory rehab for persons aged ${ages.value.maxExclusive} or over lasts`,
  );
}

function checkFixed(
  months: number | null,
  rule: Rule<{ first: number; repeat: number } | null>,
  prior: boolean | undefined,
  vi: string,
  en: string,
): TermCheck {
  const { first, repeat } = rule.value as { first: number; repeat: number };
  const allowed = prior === undefined ? [first, repeat] : [prior ? repeat : first];
  if (months !== null && allowed.includes(months)) return { ok: true, months, rule };
  const which =
    prior === undefined
      ? { vi: '', en: '' }
      : prior
        ? { vi: ' (người này đã cai nghiện trước đây)', en: ' (this person had rehab before)' }
        : { vi: ' (người này cai nghiện lần đầu)', en: ' (this is a first rehab)' };
  return refuse(
    'TERM_OUT_OF_RANGE',
    `${vi} là ${first} tháng đối với lần đầu, ${repeat} tháng từ lần thứ hai${which.vi}${citation(rule.basis, 'vi')}`,
    `${en} ${first} months the first time and ${repeat} months from the second time${which.en}${citation(rule.basis, 'en')}`,
    rule.basis,
  );
}

function checkRange(months: number | null, rule: Rule<RangeValue>, vi: string, en: string): TermCheck {
  const { min, max } = rule.value;
  if (months !== null && months >= min && months <= max) return { ok: true, months, rule };
  return refuse(
    'TERM_OUT_OF_RANGE',
    `${vi} là ${min}–${max} tháng${citation(rule.basis, 'vi')}`,
    `${en} ${min}–${max} months${citation(rule.basis, 'en')}`,
    rule.basis,
  );
}

/** " (Điều 32 Luật 73/2021/QH14)": the first basis of a rule, for the end of a message. */
export function citation(basis: readonly LegalBasis[], lang: 'vi' | 'en'): string {
  return basis.length > 0 ? ` (${formatBasis(basis[0], lang)})` : '';
}

/** A refusal with a stable code, both messages and, when known, the legal basis. */
/** The refusal of compulsory rehab for a person younger than the minimum age of the rules in force. */
export function underCompulsoryAge(rules: RegimeRules) {
  const ages = rules.compulsoryJuvenileAge;
  return refuse(
    'COMPULSORY_UNDER_MIN_AGE',
    `Không áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với người dưới ${ages.value.min} tuổi${citation(ages.basis, 'vi')}`,
    `Compulsory rehab cannot be ordered for a person under ${ages.value.min}${citation(ages.basis, 'en')}`,
    ages.basis,
  );
}

export function refuse(
  code: string,
  vi: string,
  en: string,
  basis?: readonly LegalBasis[],
): { ok: false; error: RuleError } {
  return { ok: false, error: basis ? { code, vi, en, basis } : { code, vi, en } };
}

/**
 * Last day an episode is in effect: its actual end; for terms that end by law (user and post-rehab
 * management) the planned end; an outcome without an end date closes the episode on its start.
 */
export function effectiveEnd(e: Episode): string {
  if (e.end) return e.end;
  if (e.outcome) return e.start;
  if (FIXED_TERM_TYPES.includes(e.type)) {
    if (e.plannedEnd) return e.plannedEnd;
    try {
      return plannedEnd(e.type, e.start) as string;
    } catch {
      return plannedEnd(e.type, e.start, 12) as string; // before 2022 both terms were also one year
    }
  }
  // An act before 2022 is history: left without a recorded end it ends on its planned end, so an old record
  // neither keeps the person in rehab today nor blocks what follows.
  if (e.plannedEnd && e.start < LAW73_START) return e.plannedEnd;
  return FAR_FUTURE;
}

/** True when the episode is in effect on `date` (cancelled episodes never are). */
export function isActiveOn(e: Episode, date: string): boolean {
  return e.outcome !== 'cancelled' && e.start <= date && date <= effectiveEnd(e);
}
