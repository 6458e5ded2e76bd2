// Addiction determination per Circular 18/2021/TT-BYT: six criteria; a person is addicted when at least three
// of them are present together for at least one month, or are present together repeatedly within 12 months.
// The thresholds come from the regime rules (rulesOn) so that a corrected value needs no code change.
// "Together" is read as in ICD-10 F1x.2, whose wording the circular follows: on each day of the span at least
// `minCriteria` criteria are present, not necessarily the same three throughout.

import { addDays, addMonths, fromDayNumber, isIsoDate, toDayNumber } from './iso-date.ts';
import type { FormRef, LegalBasis, Text } from './legal-basis.ts';
import type { RegimeRules } from './legal-regimes.ts';
import { rulesOn } from './legal-regimes.ts';
import { vocabulary } from './vocabulary.ts';

/** A date in the text of a reason, as people read it: '05/03/2026' (never ISO in the Vietnamese text). */
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const criterionVocabulary = vocabulary({
  craving: [
    'Thèm muốn mạnh mẽ hoặc cảm giác bắt buộc phải sử dụng ma túy',
    'Strong craving or compulsion to use',
  ],
  loss_of_control: ['Khó khăn trong việc kiểm soát hành vi sử dụng ma túy', 'Difficulty controlling use'],
  tolerance: ['Có tình trạng dung nạp (tăng liều)', 'Tolerance (increasing doses)'],
  neglect_of_interests: [
    'Sao nhãng các thú vui, sở thích trước đây',
    'Neglect of former pleasures and interests',
  ],
  use_despite_harm: ['Tiếp tục sử dụng dù biết rõ tác hại', 'Continued use despite clear harm'],
  withdrawal: ['Có hội chứng cai', 'Withdrawal syndrome'],
});
export const ADDICTION_CRITERIA = criterionVocabulary.values;
export type AddictionCriterion = (typeof ADDICTION_CRITERIA)[number];
export const criterionLabels = criterionVocabulary.labels;

/**
 * One period during which the doctor found a criterion present: `from` to `to`, both inclusive. A single
 * occurrence is from = to; `to` omitted or null means still present on the assessment date.
 */
export interface CriterionObservation {
  criterion: AddictionCriterion;
  from: string;
  to?: string | null;
}

/** Everything the determination needs: the assessment date and the observed criteria periods. */
export interface AddictionAssessment {
  assessedOn: string;
  observations: readonly CriterionObservation[];
}

/** A maximal span of days on each of which at least `minCriteria` criteria were present. */
export interface CoOccurrence {
  from: string;
  to: string;
  days: number;
  criteria: AddictionCriterion[];
}

export type AddictionReasonCode =
  | 'sustained'
  | 'recurrent'
  | 'no_observations'
  | 'too_few_criteria'
  | 'too_short_not_recurrent';

export interface AddictionResult {
  addicted: boolean;
  reason: { code: AddictionReasonCode } & Text;
  /** Criteria of the qualifying spans when addicted; otherwise the largest set found together. */
  criteriaMet: AddictionCriterion[];
  coOccurrences: CoOccurrence[];
  basis: readonly LegalBasis[];
  forms: readonly FormRef[];
}

/** Decides addiction from observed criteria periods, with thresholds from the rules in force on assessedOn. */
export function isAddicted(
  assessment: AddictionAssessment,
  rules: RegimeRules = rulesOn(assessment.assessedOn),
): AddictionResult {
  const rule = rules.addictionCriteria;
  const { minCriteria, minDurationDays, recurrenceWindowMonths } = rule.value;
  const { runs, largest } = coOccurrences(assessment, minCriteria);
  const result = (
    code: AddictionReasonCode,
    addicted: boolean,
    criteria: AddictionCriterion[],
    text: Text,
  ) => ({
    addicted,
    reason: { code, ...text },
    criteriaMet: sortCriteria(criteria),
    coOccurrences: runs,
    basis: rule.basis,
    forms: rule.forms ?? [],
  });

  if (assessment.observations.length === 0) {
    return result('no_observations', false, [], {
      vi: 'Chưa ghi nhận tiêu chuẩn nào',
      en: 'No criteria recorded',
    });
  }
  const sustained = runs.find((r) => r.days >= minDurationDays);
  if (sustained) {
    return result('sustained', true, sustained.criteria, {
      vi: `Có ${sustained.criteria.length} tiêu chuẩn cùng xuất hiện trong ${sustained.days} ngày (từ ${dmy(sustained.from)} đến ${dmy(sustained.to)}), đạt ngưỡng ít nhất ${minCriteria} tiêu chuẩn trong ${minDurationDays} ngày`,
      en: `${sustained.criteria.length} criteria present together for ${sustained.days} days (${dmy(sustained.from)} to ${dmy(sustained.to)}); threshold is ${minCriteria} criteria for ${minDurationDays} days`,
    });
  }
  for (let i = 0; i + 1 < runs.length; i++) {
    // Both spans must fit in one window of `recurrenceWindowMonths` starting on the first span's first day.
    const windowEnd = addDays(addMonths(runs[i].from, recurrenceWindowMonths), -1);
    if (runs[i + 1].to <= windowEnd) {
      const criteria = [...new Set([...runs[i].criteria, ...runs[i + 1].criteria])];
      return result('recurrent', true, criteria, {
        vi: `Có ít nhất ${minCriteria} tiêu chuẩn cùng xuất hiện lặp lại (${dmy(runs[i].from)}–${dmy(runs[i].to)} và ${dmy(runs[i + 1].from)}–${dmy(runs[i + 1].to)}) trong vòng ${recurrenceWindowMonths} tháng`,
        en: `At least ${minCriteria} criteria recurred together (${dmy(runs[i].from)}–${dmy(runs[i].to)} and ${dmy(runs[i + 1].from)}–${dmy(runs[i + 1].to)}) within ${recurrenceWindowMonths} months`,
      });
    }
  }
  if (runs.length === 0) {
    return result('too_few_criteria', false, largest, {
      vi: `Chỉ có tối đa ${largest.length} tiêu chuẩn cùng xuất hiện, chưa đủ ${minCriteria} tiêu chuẩn`,
      en: `At most ${largest.length} criteria present together; ${minCriteria} are required`,
    });
  }
  const longest = Math.max(...runs.map((r) => r.days));
  return result('too_short_not_recurrent', false, largest, {
    vi: `Các tiêu chuẩn cùng xuất hiện dài nhất ${longest} ngày (cần ${minDurationDays} ngày) và không lặp lại trong vòng ${recurrenceWindowMonths} tháng`,
    en: `Criteria were present together for at most ${longest} days (${minDurationDays} needed) and did not recur within ${recurrenceWindowMonths} months`,
  });
}

// Sweeps the observation periods day by day (event-wise) to find the spans where ≥ minCriteria are present.
function coOccurrences(
  assessment: AddictionAssessment,
  minCriteria: number,
): { runs: CoOccurrence[]; largest: AddictionCriterion[] } {
  if (!isIsoDate(assessment.assessedOn)) {
    throw new RangeError(`Ngày đánh giá không hợp lệ / invalid assessedOn: ${assessment.assessedOn}`);
  }
  const last = toDayNumber(assessment.assessedOn);
  const events: { day: number; delta: 1 | -1; criterion: AddictionCriterion }[] = [];
  for (const [criterion, intervals] of mergedIntervals(assessment.observations, last)) {
    for (const [s, e] of intervals) {
      events.push({ day: s, delta: 1, criterion }, { day: e + 1, delta: -1, criterion });
    }
  }
  events.sort((a, b) => a.day - b.day);

  const active = new Set<AddictionCriterion>();
  const runs: { from: number; to: number; criteria: Set<AddictionCriterion> }[] = [];
  let largest: AddictionCriterion[] = [];
  for (let i = 0; i < events.length; ) {
    const day = events[i].day;
    // Per criterion, intervals are merged and disjoint, so add/delete never collide within one day.
    for (; i < events.length && events[i].day === day; i++) {
      if (events[i].delta === 1) active.add(events[i].criterion);
      else active.delete(events[i].criterion);
    }
    if (active.size > largest.length) largest = [...active];
    if (active.size < minCriteria || i >= events.length) continue;
    const segmentEnd = events[i].day - 1;
    const prev = runs[runs.length - 1];
    if (prev && prev.to === day - 1) {
      prev.to = segmentEnd;
      for (const c of active) prev.criteria.add(c);
    } else {
      runs.push({ from: day, to: segmentEnd, criteria: new Set(active) });
    }
  }
  return {
    runs: runs.map((r) => ({
      from: fromDayNumber(r.from),
      to: fromDayNumber(r.to),
      days: r.to - r.from + 1,
      criteria: sortCriteria([...r.criteria]),
    })),
    largest: sortCriteria(largest),
  };
}

// Per criterion, the union of its observation periods clipped to the assessment date, as day-number pairs.
function mergedIntervals(
  observations: readonly CriterionObservation[],
  lastDay: number,
): Map<AddictionCriterion, [number, number][]> {
  const byCriterion = new Map<AddictionCriterion, [number, number][]>();
  for (const o of observations) {
    if (!ADDICTION_CRITERIA.includes(o.criterion)) {
      throw new RangeError(`Tiêu chuẩn không hợp lệ / unknown criterion: ${String(o.criterion)}`);
    }
    const s = toDayNumber(o.from);
    const e = o.to == null ? lastDay : Math.min(toDayNumber(o.to), lastDay);
    if (o.to != null && toDayNumber(o.to) < s) {
      throw new RangeError(`Khoảng thời gian ngược / period ends before it starts: ${o.from} > ${o.to}`);
    }
    if (s > lastDay) continue; // observed after the assessment: not evidence for it
    const list = byCriterion.get(o.criterion) ?? [];
    list.push([s, e]);
    byCriterion.set(o.criterion, list);
  }
  for (const [c, list] of byCriterion) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [s, e] of list) {
      const top = merged[merged.length - 1];
      if (top && s <= top[1] + 1) top[1] = Math.max(top[1], e);
      else merged.push([s, e]);
    }
    byCriterion.set(c, merged);
  }
  return byCriterion;
}

function sortCriteria(list: readonly AddictionCriterion[]): AddictionCriterion[] {
  return [...list].sort((a, b) => ADDICTION_CRITERIA.indexOf(a) - ADDICTION_CRITERIA.indexOf(b));
}

/** The doctor's conclusion on Form 04 of Decree 109/2021: the legal result of an addiction determination. */
export const DOCTOR_CONCLUSIONS = ['addicted', 'not_addicted'] as const;
export type DoctorConclusion = (typeof DOCTOR_CONCLUSIONS)[number];

/**
 * Checks the doctor's Form 04 conclusion against the criteria the doctor recorded (isAddicted): null when
 * they agree, otherwise a warning to show — never a refusal, since the doctor's conclusion is the result.
 */
export function conclusionCheck(
  conclusion: DoctorConclusion,
  computed: Pick<AddictionResult, 'addicted'> & { reason: Text },
): Text | null {
  if ((conclusion === 'addicted') === computed.addicted) return null;
  return conclusion === 'addicted'
    ? {
        vi: `Kết luận của bác sĩ (Mẫu 04) là có nghiện, nhưng các tiêu chuẩn ghi nhận chưa đạt ngưỡng: ${computed.reason.vi}. Hãy kiểm tra lại phiếu kết quả.`,
        en: `The doctor's Form 04 conclusion is addicted, but the recorded criteria do not reach the threshold: ${computed.reason.en}. Check the result form.`,
      }
    : {
        vi: `Kết luận của bác sĩ (Mẫu 04) là không nghiện, nhưng các tiêu chuẩn ghi nhận đạt ngưỡng: ${computed.reason.vi}. Hãy kiểm tra lại phiếu kết quả.`,
        en: `The doctor's Form 04 conclusion is not addicted, but the recorded criteria reach the threshold: ${computed.reason.en}. Check the result form.`,
      };
}
