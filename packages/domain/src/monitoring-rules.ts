// Electronic monitoring (giám sát điện tử), new in Law 120/2025/QH15 (in force 01/07/2026): the head of
// commune police may apply it to a person in voluntary rehab at the family/community, on substitution therapy
// or under post-rehab management, and to nobody else. Who decides and from when come from the rule
// `electronicMonitoring` of the regime in force on the decision date, so the refusal cites it.

import { effectiveEnd, refuse } from './episode-terms.ts';
import type { Episode, EpisodeType, RuleError } from './episode-types.ts';
import { episodeTypeLabels } from './episode-types.ts';
import type { Text } from './legal-basis.ts';
import { formatBasis } from './legal-basis.ts';
import type { RegimeRules, RuleOverride } from './legal-regimes.ts';
import { REGIMES, rulesOn } from './legal-regimes.ts';
import { vocabulary } from './vocabulary.ts';

/** The situations in which a person may be placed under electronic monitoring. */
export const MONITORING_EPISODE_TYPES = [
  'voluntary_community',
  'substitution_therapy',
  'post_rehab',
] as const satisfies readonly EpisodeType[];

/** The means of monitoring (the Government is to detail the devices; "other" keeps a text). */
const monitoringMeansVocabulary = vocabulary({
  bracelet: ['Vòng đeo tay điện tử', 'Electronic bracelet'],
  locator: ['Thiết bị định vị', 'Location device'],
  phone_app: ['Ứng dụng trên điện thoại', 'Phone application'],
  other: ['Phương tiện khác', 'Other means'],
});
export const MONITORING_MEANS = monitoringMeansVocabulary.values;
export type MonitoringMeans = (typeof MONITORING_MEANS)[number];
export const monitoringMeansLabels = monitoringMeansVocabulary.labels;

/** What can happen during a measure; a removal ends it. */
const monitoringEventVocabulary = vocabulary({
  breach: ['Vi phạm', 'Breach'],
  tampering_reported: ['Tự ý tháo gỡ, can thiệp thiết bị', 'Tampering reported'],
  device_fault: ['Thiết bị hư hỏng', 'Device fault'],
  removal: ['Gỡ bỏ thiết bị, chấm dứt giám sát', 'Device removed, monitoring ended'],
});
export const MONITORING_EVENT_KINDS = monitoringEventVocabulary.values;
export type MonitoringEventKind = (typeof MONITORING_EVENT_KINDS)[number];
export const monitoringEventLabels = monitoringEventVocabulary.labels;

export const MONITORING_STATUSES = ['active', 'ended'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** A person's episode with its id, as the eligibility check needs it. */
export type MonitoringEpisode = Episode & { id: string };

export interface MonitoringRequest {
  decisionDate: string;
  start: string;
  plannedEnd: string;
}

export type MonitoringCheck =
  | { ok: true; episode: MonitoringEpisode; rules: RegimeRules }
  | { ok: false; error: RuleError; field: 'decisionDate' | 'start' | 'plannedEnd' };

/**
 * Last day a qualifying episode allows a measure to run: the actual end once closed, otherwise the planned
 * end of its term, otherwise (substitution therapy) open.
 */
export function monitoringLimit(e: Episode): string {
  if (e.end || e.outcome) return effectiveEnd(e);
  return e.plannedEnd ?? effectiveEnd(e);
}

/** True when the episode is one of the three situations and in effect on `date` up to its limit. */
function qualifiesOn(e: Episode, date: string): boolean {
  return (
    (MONITORING_EPISODE_TYPES as readonly string[]).includes(e.type) &&
    e.outcome !== 'cancelled' &&
    e.start <= date &&
    date <= monitoringLimit(e)
  );
}

/** The first day electronic monitoring is in force (the first regime where the rule's value is true). */
export function monitoringInForceFrom(): string | null {
  return REGIMES.find((r) => r.rules.electronicMonitoring.value === true)?.from ?? null;
}

const situations = (lang: keyof Text) =>
  MONITORING_EPISODE_TYPES.map((t) => episodeTypeLabels[lang][t].toLowerCase()).join('; ');

/**
 * Whether electronic monitoring may be applied: the rule must be in force on the decision date (Law 120 Art.
 * 12, from 01/07/2026), the decision may not follow the start, and the person must be in one of the three
 * situations on the start date, with the planned end inside that same episode.
 */
export function checkMonitoring(
  episodes: readonly MonitoringEpisode[],
  req: MonitoringRequest,
  overrides: readonly RuleOverride[] = [],
): MonitoringCheck {
  const from = monitoringInForceFrom();
  let rules: RegimeRules | null = null;
  try {
    rules = rulesOn(req.decisionDate, overrides);
  } catch {
    rules = null;
  }
  const law120Basis = REGIMES.find((r) => r.from === from)?.rules.electronicMonitoring.basis ?? [];
  if (rules?.electronicMonitoring.value !== true) {
    const cite = law120Basis[0];
    const citeVi = cite ? ` (${formatBasis(cite, 'vi')})` : '';
    const citeEn = cite ? ` (${formatBasis(cite, 'en')})` : '';
    return {
      ...refuse(
        'MONITORING_NOT_IN_FORCE',
        `Biện pháp giám sát điện tử chưa được áp dụng vào ngày ${vnDate(req.decisionDate)}: chỉ áp dụng từ ${from ? vnDate(from) : '—'}${citeVi}`,
        `Electronic monitoring does not apply on ${req.decisionDate}: only from ${from ?? '—'}${citeEn}`,
        law120Basis,
      ),
      field: 'decisionDate',
    };
  }
  const rule = rules.electronicMonitoring;
  const citeVi = rule.basis[0] ? ` (${formatBasis(rule.basis[0], 'vi')})` : '';
  const citeEn = rule.basis[0] ? ` (${formatBasis(rule.basis[0], 'en')})` : '';
  if (req.start < req.decisionDate) {
    return {
      ...refuse(
        'MONITORING_START_BEFORE_DECISION',
        'Ngày bắt đầu giám sát không được trước ngày quyết định',
        'Monitoring cannot start before its decision',
      ),
      field: 'start',
    };
  }
  if (req.plannedEnd < req.start) {
    return {
      ...refuse(
        'MONITORING_END_BEFORE_START',
        'Ngày kết thúc dự kiến không được trước ngày bắt đầu',
        'The planned end cannot be before the start',
      ),
      field: 'plannedEnd',
    };
  }
  const candidates = episodes
    .filter((e) => qualifiesOn(e, req.start))
    .sort((a, b) => (monitoringLimit(a) < monitoringLimit(b) ? 1 : -1));
  const episode = candidates[0];
  if (!episode) {
    return {
      ...refuse(
        'MONITORING_NOT_ELIGIBLE',
        `Ngày ${vnDate(req.start)} người này không thuộc trường hợp được áp dụng giám sát điện tử (${situations('vi')})${citeVi}`,
        `On ${req.start} this person is in none of the situations where electronic monitoring applies (${situations('en')})${citeEn}`,
        rule.basis,
      ),
      field: 'start',
    };
  }
  const limit = monitoringLimit(episode);
  if (req.plannedEnd > limit) {
    return {
      ...refuse(
        'MONITORING_END_AFTER_EPISODE',
        `Ngày kết thúc dự kiến phải trong thời gian ${episodeTypeLabels.vi[episode.type].toLowerCase()} (đến hết ngày ${vnDate(limit)})${citeVi}`,
        `The planned end must fall within the ${episodeTypeLabels.en[episode.type].toLowerCase()} (until ${limit})${citeEn}`,
        rule.basis,
      ),
      field: 'plannedEnd',
    };
  }
  return { ok: true, episode, rules };
}

/** dd/mm/yyyy for Vietnamese messages. */
function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
