// People part-way through a term when Law 120/2025/QH15 took effect (01/07/2026). A measure is judged by the
// law in force on the date it was decided, so the term already decided — its length and planned end — stays
// as decided under the earlier regime; what is done from 01/07/2026 on during that term (tests, declarations,
// electronic monitoring, moving house, new decisions) follows Law 120. The exact wording of Law 120's
// transitional article has not been read yet: the rule is flagged `verify` and says so.

import type { EpisodeType } from './episode-types.ts';
import { INSTRUMENTS, type LegalBasis, type Text } from './legal-basis.ts';
import { REGIMES, type RegimeId } from './legal-regimes.ts';

/** The day Law 120/2025/QH15 took effect. */
export const LAW120_FROM = REGIMES.find((r) => r.id === 'law120-2026')!.from;

/** What the transition needs to know of an episode (dates ISO). */
export interface TransitionEpisode {
  type: EpisodeType;
  startDate: string;
  /** Date of the decision, registration, contract or court order; the start when there is none. */
  decisionDate: string | null;
  /** The regime the episode was recorded under (the regime of its decision date). */
  regimeId: string;
  plannedEnd: string | null;
  /** Set once the episode is closed. */
  actualEnd: string | null;
}

export interface Transition {
  /** The regime whose rules fixed the term (length, planned end): the regime of the decision date. */
  termRegime: RegimeId;
  /** The regime of acts done during the rest of the term, from 01/07/2026. */
  actsRegime: 'law120-2026';
  plannedEnd: string | null;
  reason: Text;
  basis: readonly LegalBasis[];
  verify: true;
}

const formatDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const REGIME_NAMES: Record<string, Text> = Object.fromEntries(REGIMES.map((r) => [r.id, r.name]));

/**
 * For an episode decided before 01/07/2026 and still open on that day, which regime governs its term and
 * which governs the acts done during the rest of it, with the reason and basis; null for any other episode
 * (started on or after 01/07/2026, or ended before it).
 */
export function transitionFor(e: TransitionEpisode): Transition | null {
  const decided = e.decisionDate ?? e.startDate;
  if (decided >= LAW120_FROM || e.startDate >= LAW120_FROM) return null;
  if (e.actualEnd !== null && e.actualEnd < LAW120_FROM) return null;
  if (e.actualEnd === null && e.plannedEnd !== null && e.plannedEnd < LAW120_FROM) return null;
  const regime = (REGIMES.some((r) => r.id === e.regimeId) ? e.regimeId : 'two-tier-2025') as RegimeId;
  const name = REGIME_NAMES[regime] ?? { vi: regime, en: regime };
  const until = e.plannedEnd
    ? { vi: ` (đến ngày ${formatDmy(e.plannedEnd)})`, en: ` (to ${formatDmy(e.plannedEnd)})` }
    : { vi: '', en: '' };
  return {
    termRegime: regime,
    actsRegime: 'law120-2026',
    plannedEnd: e.plannedEnd,
    reason: {
      vi: `Quyết định ngày ${formatDmy(decided)}, trước ngày Luật 120/2025/QH15 có hiệu lực (${formatDmy(LAW120_FROM)}): thời hạn đã quyết định theo ${name.vi} được giữ nguyên${until.vi}; các việc thực hiện từ ${formatDmy(LAW120_FROM)} trong thời hạn còn lại (xét nghiệm, khai báo, giám sát điện tử, thay đổi nơi cư trú, quyết định mới) theo Luật 120/2025/QH15.`,
      en: `Decided on ${formatDmy(decided)}, before Law 120/2025/QH15 took effect (${formatDmy(LAW120_FROM)}): the term decided under ${name.en} stands${until.en}; what is done from ${formatDmy(LAW120_FROM)} during the rest of it (tests, declarations, electronic monitoring, moving house, new decisions) follows Law 120/2025/QH15.`,
    },
    // The transitional article of Law 120 is still to be identified in the official text (verify).
    basis: [{ instrument: INSTRUMENTS.law120 }],
    verify: true,
  };
}
