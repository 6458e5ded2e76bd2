// Rules between episodes: a person's status derived from the episodes (never typed by hand), which episode may
// start when, the grounds for compulsory rehab, and the Criminal Code Art. 256a window. Term lengths and end
// dates live in episode-terms.ts.

import {
  citation,
  effectiveEnd,
  FAR_FUTURE,
  FIXED_TERM_TYPES,
  invalidBirthDate,
  isActiveOn,
  plannedEnd,
  refuse,
  safeAgeOn,
  underCompulsoryAge,
} from './episode-terms.ts';
import type { CompulsoryGround, Episode, EpisodeType, PersonStatus, RuleCheck } from './episode-types.ts';
import { REHAB_TYPES, TREATMENT_TYPES } from './episode-types.ts';
import { addDays, addYears, dateParts, formatDmy } from './iso-date.ts';
import type { LegalBasis, Text } from './legal-basis.ts';
import type { RegimeRules, RuleOverride } from './legal-regimes.ts';
import { FIRST_REGIME_DATE, isHistoricalDate, LAW73_START, REGIMES, rulesOn } from './legal-regimes.ts';
import { postRehabFollows } from './pathway-rules.ts';

// Episodes that keep a person in one place under one programme: at most one at a time.
const EXCLUSIVE_TYPES: readonly EpisodeType[] = [...REHAB_TYPES, 'compulsory_pending'];

export interface StatusSignals {
  /** Date of the latest addiction determination (Form 04) finding addiction. */
  addictionDeterminedOn?: string | null;
  /** Date a relapse was found (positive test after rehab, substitution therapy or during post-rehab). */
  relapseDetectedOn?: string | null;
}

const STATUS_BY_ACTIVE_TYPE: readonly [EpisodeType, PersonStatus][] = [
  ['compulsory', 'compulsory_rehab'],
  ['compulsory_pending', 'compulsory_pending'],
  ['voluntary_facility', 'facility_rehab'],
  ['voluntary_community', 'community_rehab'],
];

/**
 * A person's status on `today`, first match wins: active compulsory > pending > facility > community rehab >
 * unresolved relapse > substitution therapy > post-rehab > unresolved addiction > user management >
 * completed (last closed episode is a completed rehab or post-rehab) > registered.
 */
export function derivePersonStatus(
  episodes: readonly Episode[],
  today: string,
  signals: StatusSignals = {},
): PersonStatus {
  const known = episodes.filter((e) => e.start <= today && e.outcome !== 'cancelled');
  const active = (t: EpisodeType) => known.some((e) => e.type === t && isActiveOn(e, today));
  for (const [type, status] of STATUS_BY_ACTIVE_TYPE) if (active(type)) return status;

  // A relapse stays the status until a response to it starts on or after it (rehab, a compulsory dossier,
  // substitution therapy, post-rehab management); a mere user-management decision does not answer a relapse.
  const relapseDates = known.filter((e) => e.outcome === 'relapsed').map(effectiveEnd);
  if (signals.relapseDetectedOn) relapseDates.push(signals.relapseDetectedOn);
  const relapse = relapseDates
    .filter((d) => d <= today)
    .sort()
    .pop();
  if (relapse && !known.some((e) => e.start >= relapse && e.type !== 'user_management')) return 'relapsed';

  if (active('substitution_therapy')) return 'substitution_therapy';
  if (active('post_rehab')) return 'post_rehab';

  // An addiction is resolved by a rehab started after it and completed (active rehab was handled above).
  const addicted = signals.addictionDeterminedOn;
  if (addicted && addicted <= today) {
    const resolved = known.some(
      (e) => REHAB_TYPES.includes(e.type) && e.start >= addicted && e.outcome === 'completed',
    );
    if (!resolved) return 'addicted';
  }
  if (active('user_management')) return 'drug_user_managed';

  const closed = known
    .filter((e) => effectiveEnd(e) < today)
    .sort((a, b) => cmp(effectiveEnd(a), effectiveEnd(b)));
  const last = closed[closed.length - 1];
  // A post-rehab year that ran out without a recorded outcome was completed: the term ends by law.
  const lastOutcome = last?.outcome ?? (last && FIXED_TERM_TYPES.includes(last.type) ? 'completed' : null);
  if (
    last &&
    lastOutcome === 'completed' &&
    (REHAB_TYPES.includes(last.type) || last.type === 'post_rehab')
  ) {
    return 'completed';
  }
  return 'registered';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Grounds for compulsory rehab that the history itself proves, since the last completed rehab. */
export function deriveCompulsoryGrounds(history: readonly Episode[], date: string): CompulsoryGround[] {
  const closed = history.filter((e) => e.outcome && e.outcome !== 'cancelled' && effectiveEnd(e) <= date);
  const lastCompleted = closed
    .filter((e) => REHAB_TYPES.includes(e.type) && e.outcome === 'completed')
    .map(effectiveEnd)
    .sort()
    .pop();
  const grounds = new Set<CompulsoryGround>();
  for (const e of closed) {
    if (lastCompleted && effectiveEnd(e) < lastCompleted) continue;
    const voluntary = e.type === 'voluntary_community' || e.type === 'voluntary_facility';
    if (voluntary && (e.outcome === 'quit' || e.outcome === 'escaped')) grounds.add('quit_voluntary_rehab');
    if (voluntary && e.outcome === 'relapsed') grounds.add('used_during_voluntary_rehab');
    if (e.type === 'substitution_therapy' && (e.outcome === 'quit' || e.outcome === 'expelled'))
      grounds.add('quit_substitution_therapy');
    if (e.type === 'post_rehab' && e.outcome === 'relapsed') grounds.add('relapse_during_post_rehab');
  }
  return [...grounds];
}

export interface StartContext {
  /** Grounds the history cannot show, such as not registering for voluntary rehab. */
  grounds?: readonly CompulsoryGround[];
  addictionDeterminedOn?: string | null;
  birthDate?: string | null;
  overrides?: readonly RuleOverride[];
}

/** Whether an episode of `type` may start on `date` given the history; refuses with a coded error if not. */
export function canStart(
  type: EpisodeType,
  history: readonly Episode[],
  date: string,
  ctx: StartContext = {},
): RuleCheck {
  dateParts(date);
  if (date < FIRST_REGIME_DATE) {
    return refuse(
      'NO_REGIME',
      `Không có chế độ pháp lý cho ngày ${date}`,
      `No legal regime applies on ${date}`,
    );
  }
  const rules = rulesOn(date, ctx.overrides);
  const live = history.filter((e) => e.outcome !== 'cancelled');
  if (live.some((e) => e.outcome === 'died' && effectiveEnd(e) <= date)) {
    return refuse('PERSON_DECEASED', 'Người này đã tử vong', 'This person has died');
  }
  const activeNow = live.filter((e) => isActiveOn(e, date));
  if (activeNow.some((e) => e.type === type)) {
    return refuse(
      'ALREADY_ACTIVE',
      'Đang có một giai đoạn cùng loại còn hiệu lực',
      'An episode of this type is already in effect',
    );
  }
  const blocking = activeNow.find(
    (e) =>
      EXCLUSIVE_TYPES.includes(e.type) &&
      (EXCLUSIVE_TYPES.includes(type) || type === 'post_rehab' || type === 'user_management') &&
      !(type === 'compulsory' && e.type === 'compulsory_pending'),
  );
  if (blocking) {
    return refuse(
      'CONFLICTING_EPISODE',
      'Phải kết thúc giai đoạn cai nghiện đang có hiệu lực trước',
      'The rehab episode in effect must be closed first',
    );
  }
  // Acts before 2022 are history under the 2000 law (pre-2022 regime): recorded with their old basis, not held
  // to the grounds and prerequisites of Law 73; only the measure that law introduced cannot predate it.
  if (isHistoricalDate(date)) {
    if (type === 'user_management')
      return refuse(
        'NO_SUCH_MEASURE',
        `Biện pháp quản lý người sử dụng trái phép chất ma túy chỉ có từ ngày ${formatDmy(LAW73_START)} (Luật 73/2021/QH14)`,
        `Management of illegal drug users exists only from ${formatDmy(LAW73_START)} (Law 73/2021/QH14)`,
      );
    return { ok: true };
  }
  if (type === 'post_rehab') return checkPostRehab(live, date, rules);
  if (type === 'compulsory' || type === 'compulsory_pending') return checkCompulsory(live, date, rules, ctx);
  return { ok: true };
}

/**
 * The rehab that post-rehab management follows: the latest compulsory rehab completed (at a facility) by
 * `date` (Law 73/2021 Art. 40; voluntary rehab of any form leads to no management decision), or null.
 */
export function postRehabSource(history: readonly Episode[], date: string): Episode | null {
  return (
    history
      .filter((e) => postRehabFollows(e.type) && e.outcome === 'completed' && effectiveEnd(e) <= date)
      .sort((a, b) => cmp(effectiveEnd(a), effectiveEnd(b)))
      .pop() ?? null
  );
}

function checkPostRehab(history: readonly Episode[], date: string, rules: RegimeRules): RuleCheck {
  const basis = rules.postRehabMonths.basis;
  const completedRehab = history.filter(
    (e) => REHAB_TYPES.includes(e.type) && e.outcome === 'completed' && effectiveEnd(e) <= date,
  );
  if (completedRehab.length === 0) {
    return refuse(
      'POST_REHAB_REQUIRES_COMPLETED_REHAB',
      `Quản lý sau cai nghiện chỉ áp dụng với người đã hoàn thành cai nghiện${citation(basis, 'vi')}`,
      `Post-rehab management requires a completed rehab episode${citation(basis, 'en')}`,
      basis,
    );
  }
  const completed = postRehabSource(history, date);
  if (!completed) {
    // After voluntary rehab the commune supports the person; the law provides no management decision.
    return refuse(
      'POST_REHAB_REQUIRES_COMPULSORY',
      `Quản lý sau cai nghiện chỉ áp dụng với người đã chấp hành xong quyết định cai nghiện bắt buộc tại cơ sở cai nghiện; sau cai nghiện tự nguyện, xã hỗ trợ người đó nhưng không ra quyết định quản lý${citation(basis, 'vi')}`,
      `Post-rehab management follows only compulsory rehab completed at a facility; after voluntary rehab the commune supports the person but issues no management decision${citation(basis, 'en')}`,
      basis,
    );
  }
  const end = effectiveEnd(completed);
  if (history.some((e) => e.type === 'post_rehab' && e.start >= end)) {
    return refuse(
      'POST_REHAB_ALREADY_DECIDED',
      'Đã có quyết định quản lý sau cai nghiện cho lần cai nghiện này',
      'Post-rehab management was already decided for this rehab',
      basis,
    );
  }
  // The management year runs from completion; once it has passed there is nothing left to decide.
  const lastDay = plannedEnd('post_rehab', addDays(end, 1), rules.postRehabMonths.value) as string;
  if (date > lastDay) {
    return refuse(
      'POST_REHAB_TOO_LATE',
      `Đã quá ${rules.postRehabMonths.value} tháng kể từ khi hoàn thành cai nghiện${citation(basis, 'vi')}`,
      `More than ${rules.postRehabMonths.value} months have passed since rehab was completed${citation(basis, 'en')}`,
      basis,
    );
  }
  return { ok: true };
}

function checkCompulsory(
  history: readonly Episode[],
  date: string,
  rules: RegimeRules,
  ctx: StartContext,
): RuleCheck {
  const basis = rules.compulsoryAdultMonths.basis;
  if (!ctx.addictionDeterminedOn || ctx.addictionDeterminedOn > date) {
    return refuse(
      'ADDICTION_NOT_DETERMINED',
      `Chưa có kết quả xác định tình trạng nghiện ma túy${citation(basis, 'vi')}`,
      `No addiction determination result yet${citation(basis, 'en')}`,
      basis,
    );
  }
  if (ctx.birthDate) {
    const ages = rules.compulsoryJuvenileAge;
    const age = safeAgeOn(ctx.birthDate, date);
    if (age === null) return invalidBirthDate();
    if (age < ages.value.min) return underCompulsoryAge(rules);
  }
  const grounds = new Set([...deriveCompulsoryGrounds(history, date), ...(ctx.grounds ?? [])]);
  if (grounds.size === 0) {
    return refuse(
      'NO_COMPULSORY_GROUNDS',
      `Không có căn cứ đưa vào cơ sở cai nghiện bắt buộc${citation(basis, 'vi')}`,
      `No ground for compulsory rehab${citation(basis, 'en')}`,
      basis,
    );
  }
  return { ok: true };
}

/** The situations of Criminal Code Art. 256a(1) in which illegal drug use is a crime (from 01/07/2025). */
export const CRIMINAL_256A_CASES = [
  'in_rehab_or_therapy',
  'under_post_rehab',
  'after_post_rehab',
  'after_quitting',
] as const;
export type Criminal256aCaseId = (typeof CRIMINAL_256A_CASES)[number];

/** The letter of each case in the order the article (as reported) lists them. */
export const CRIMINAL_256A_POINTS: Record<Criminal256aCaseId, 'a' | 'b' | 'c' | 'd'> = {
  in_rehab_or_therapy: 'a',
  under_post_rehab: 'b',
  after_post_rehab: 'c',
  after_quitting: 'd',
};

/** Which Art. 256a situation applies on a date, the episode that puts the person in it and its span. */
export interface Criminal256aCase {
  case: Criminal256aCaseId;
  point: 'a' | 'b' | 'c' | 'd';
  episode: Episode;
  /** First day of the situation. */
  from: string;
  /** Last day of the situation; null while the episode has no end. */
  to: string | null;
  /** Window length in years used for cases c and d (from the rules in force on the date). */
  years: number;
  basis: readonly LegalBasis[];
}

// Rehab of any form and substitution therapy (case a); quitting the voluntary ones on one's own (case d).
const QUITTABLE_TYPES: readonly EpisodeType[] = [
  'voluntary_community',
  'voluntary_facility',
  'substitution_therapy',
];

/**
 * The Criminal Code Art. 256a situation a person is in on `date`, or null. Only from the article's entry
 * into force (rule criminal256aWindowYears, null before 01/07/2025). Cases, first match wins: (a) in rehab of
 * any form or in substitution therapy; (b) under post-rehab management; (c) within the window after
 * post-rehab management ran its term; (d) within the window after quitting voluntary rehab or substitution
 * therapy on their own (outcome 'quit'). Completing voluntary rehab or therapy, being expelled from it,
 * user management and a pending compulsory dossier put nobody in the window.
 */
export function criminal256aCase(
  history: readonly Episode[],
  date: string,
  overrides?: readonly RuleOverride[],
): Criminal256aCase | null {
  dateParts(date);
  if (date < FIRST_REGIME_DATE) return null; // the article did not exist then
  const rule = rulesOn(date, overrides).criminal256aWindowYears;
  const years = rule.value;
  if (years === null) return null;
  const basis = rule.basis.map((b) => (b.article === '256a' && !b.clause ? { ...b, clause: '1' } : b));
  const found: Criminal256aCase[] = [];
  const add = (c: Criminal256aCaseId, episode: Episode, from: string, to: string | null) =>
    found.push({ case: c, point: CRIMINAL_256A_POINTS[c], episode, from, to, years, basis });
  for (const e of history) {
    if (e.outcome === 'cancelled' || e.start > date) continue;
    const end = effectiveEnd(e);
    const to = end === FAR_FUTURE ? null : end;
    if (TREATMENT_TYPES.includes(e.type) && date <= end) add('in_rehab_or_therapy', e, e.start, to);
    if (e.type === 'post_rehab' && date <= end) add('under_post_rehab', e, e.start, to);
    if (to === null || date <= to) continue;
    const windowEnd = addYears(to, years);
    if (date > windowEnd) continue;
    // Case c: the management term ended (certificate, or the year ran out by law), not cut short.
    if (e.type === 'post_rehab' && (!e.outcome || e.outcome === 'completed'))
      add('after_post_rehab', e, addDays(to, 1), windowEnd);
    if (QUITTABLE_TYPES.includes(e.type) && e.outcome === 'quit')
      add('after_quitting', e, addDays(to, 1), windowEnd);
  }
  if (found.length === 0) return null;
  const rank = (c: Criminal256aCase) => CRIMINAL_256A_CASES.indexOf(c.case);
  // The most direct situation first; within one, the one that lasts longest.
  found.sort((x, y) => rank(x) - rank(y) || cmp(y.to ?? FAR_FUTURE, x.to ?? FAR_FUTURE));
  return found[0];
}

/**
 * First day on which an Art. 256a case can apply: the first regime whose rules give the window a length, or an
 * earlier override that does (a positive test before it can never be flagged).
 */
export function criminal256aFrom(overrides: readonly RuleOverride[] = []): string | null {
  const starts = REGIMES.filter((r) => r.rules.criminal256aWindowYears.value !== null).map((r) => r.from);
  for (const o of overrides)
    if (o.ruleKey === 'criminal256aWindowYears' && o.value !== null) starts.push(o.effectiveFrom);
  return starts.sort()[0] ?? null;
}

/** True when `date` falls in one of the Criminal Code Art. 256a situations (see criminal256aCase). */
export function in256aWindow(
  history: readonly Episode[],
  date: string,
  overrides?: readonly RuleOverride[],
): boolean {
  return criminal256aCase(history, date, overrides) !== null;
}

/** The case described in Vietnamese or English, with the window length of the rules applied. */
export function criminal256aCaseLabel(c: Criminal256aCaseId, lang: keyof Text, years = 2): string {
  const y = String(years).padStart(2, '0');
  const labels: Record<keyof Text, Record<Criminal256aCaseId, string>> = {
    vi: {
      in_rehab_or_therapy: 'Đang cai nghiện ma túy hoặc đang điều trị nghiện bằng thuốc thay thế',
      under_post_rehab: 'Đang trong thời hạn quản lý sau cai nghiện ma túy',
      after_post_rehab: `Trong thời hạn ${y} năm kể từ ngày hết thời hạn quản lý sau cai nghiện ma túy`,
      after_quitting: `Trong thời hạn ${y} năm kể từ ngày tự ý chấm dứt cai nghiện ma túy tự nguyện hoặc điều trị nghiện bằng thuốc thay thế`,
    },
    en: {
      in_rehab_or_therapy: 'In drug rehab or in substitution therapy',
      under_post_rehab: 'Under post-rehab management',
      after_post_rehab: `Within ${years} years after post-rehab management ended`,
      after_quitting: `Within ${years} years after quitting voluntary rehab or substitution therapy on their own`,
    },
  };
  return labels[lang][c];
}
