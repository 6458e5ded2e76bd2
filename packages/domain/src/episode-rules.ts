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
} from './episode-terms.ts';
import type { CompulsoryGround, Episode, EpisodeType, PersonStatus, RuleCheck } from './episode-types.ts';
import { REHAB_TYPES } from './episode-types.ts';
import { addDays, addYears, dateParts } from './iso-date.ts';
import type { RegimeRules, RuleOverride } from './legal-regimes.ts';
import { FIRST_REGIME_DATE, isHistoricalDate, LAW73_START, rulesOn } from './legal-regimes.ts';

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
    if (e.type === 'substitution_therapy' && e.outcome === 'quit') grounds.add('quit_substitution_therapy');
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
        `Biện pháp quản lý người sử dụng trái phép chất ma túy chỉ có từ ngày ${LAW73_START} (Luật 73/2021/QH14)`,
        `Management of illegal drug users exists only from ${LAW73_START} (Law 73/2021/QH14)`,
      );
    return { ok: true };
  }
  if (type === 'post_rehab') return checkPostRehab(live, date, rules);
  if (type === 'compulsory' || type === 'compulsory_pending') return checkCompulsory(live, date, rules, ctx);
  return { ok: true };
}

function checkPostRehab(history: readonly Episode[], date: string, rules: RegimeRules): RuleCheck {
  const basis = rules.postRehabMonths.basis;
  const completed = history
    .filter((e) => REHAB_TYPES.includes(e.type) && e.outcome === 'completed' && effectiveEnd(e) <= date)
    .sort((a, b) => cmp(effectiveEnd(a), effectiveEnd(b)))
    .pop();
  if (!completed) {
    return refuse(
      'POST_REHAB_REQUIRES_COMPLETED_REHAB',
      `Quản lý sau cai nghiện chỉ áp dụng với người đã hoàn thành cai nghiện${citation(basis, 'vi')}`,
      `Post-rehab management requires a completed rehab episode${citation(basis, 'en')}`,
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
    if (age < ages.value.min) {
      return refuse(
        'COMPULSORY_UNDER_MIN_AGE',
        `Không áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với người dưới ${ages.value.min} tuổi${citation(ages.basis, 'vi')}`,
        `Compulsory rehab cannot be ordered for a person under ${ages.value.min}${citation(ages.basis, 'en')}`,
        ages.basis,
      );
    }
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

const WINDOW_256A_TYPES: readonly EpisodeType[] = [...REHAB_TYPES, 'substitution_therapy', 'post_rehab'];

/**
 * True when `date` falls during rehab, substitution therapy or post-rehab management, or within the window
 * after it (2 years, Criminal Code Art. 256a), and the article is in force on that date.
 */
export function in256aWindow(
  history: readonly Episode[],
  date: string,
  overrides?: readonly RuleOverride[],
): boolean {
  dateParts(date);
  if (date < FIRST_REGIME_DATE) return false; // the article did not exist then
  const years = rulesOn(date, overrides).criminal256aWindowYears.value;
  if (years === null) return false;
  return history.some(
    (e) =>
      WINDOW_256A_TYPES.includes(e.type) &&
      e.outcome !== 'cancelled' &&
      e.start <= date &&
      date <= (effectiveEnd(e) === FAR_FUTURE ? FAR_FUTURE : addYears(effectiveEnd(e), years)),
  );
}
