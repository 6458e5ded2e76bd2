// Periodic report periods: month, quarter, 6 months, 9 months, year. The general government reporting regime
// cuts data from the 15th of the month before to the 14th of the period's last month (DOMAIN.md §6, marked
// "verify"), so the cut-off day is a parameter: 15 by default, 1 for plain calendar periods.

import { addDays, dateParts, isoDate } from './iso-date.ts';
import type { LegalBasis, Text } from './legal-basis.ts';

export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** The default cut-off day with its basis; `verify` because DOMAIN.md asks for the official text to be checked. */
export const DEFAULT_REPORT_CUTOFF = {
  day: 15,
  basis: {
    instrument: { vi: 'Nghị định 09/2019/NĐ-CP', en: 'Decree 09/2019/ND-CP' },
    article: '12',
  } satisfies LegalBasis,
  verify: true,
} as const;

// Number of periods of each kind in a year, and the months each one covers (1-based, inclusive).
const SHAPE: Record<ReportPeriodKind, { count: number; months: (index: number) => [number, number] }> = {
  month: { count: 12, months: (i) => [i, i] },
  quarter: { count: 4, months: (i) => [3 * i - 2, 3 * i] },
  half_year: { count: 2, months: (i) => [6 * i - 5, 6 * i] },
  nine_months: { count: 1, months: () => [1, 9] },
  year: { count: 1, months: () => [1, 12] },
};

export interface PeriodRange {
  from: string;
  to: string;
}

/** The cut-off day is a day of the month that every month has. */
export const CUTOFF_DAY_MAX = 28;

function checkCutoff(cutoffDay: number): void {
  if (!Number.isInteger(cutoffDay) || cutoffDay < 1 || cutoffDay > CUTOFF_DAY_MAX) {
    throw new RangeError(`Ngày chốt số liệu phải từ 1 đến 28 / cut-off day must be 1..28: ${cutoffDay}`);
  }
}

// First day of reporting month `month` of `year` (month may be 13 = January of the next year).
function monthStart(year: number, month: number, cutoffDay: number): string {
  const index = year * 12 + (month - 1) - (cutoffDay === 1 ? 0 : 1);
  const y = Math.floor(index / 12);
  return isoDate(y, index - y * 12 + 1, cutoffDay);
}

/** Inclusive date range of a report period, e.g. ('quarter', 2025, 1) → 2024-12-15..2025-03-14. */
export function periodRange(
  kind: ReportPeriodKind,
  year: number,
  index = 1,
  cutoffDay: number = DEFAULT_REPORT_CUTOFF.day,
): PeriodRange {
  checkCutoff(cutoffDay);
  const shape = SHAPE[kind];
  if (!shape) throw new RangeError(`Loại kỳ báo cáo không hợp lệ / unknown period kind: ${String(kind)}`);
  if (!Number.isInteger(index) || index < 1 || index > shape.count) {
    throw new RangeError(
      `Kỳ ${kind} phải từ 1 đến ${shape.count} / ${kind} index must be 1..${shape.count}: ${index}`,
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9998) throw new RangeError(`invalid year: ${year}`);
  const [first, last] = shape.months(index);
  return { from: monthStart(year, first, cutoffDay), to: addDays(monthStart(year, last + 1, cutoffDay), -1) };
}

/** The period of a kind that contains `date`, or null (only for 9 months, which does not cover Oct–Dec). */
export function periodContaining(
  kind: ReportPeriodKind,
  date: string,
  cutoffDay: number = DEFAULT_REPORT_CUTOFF.day,
): ({ year: number; index: number } & PeriodRange) | null {
  checkCutoff(cutoffDay);
  const { year, month, day } = dateParts(date);
  // From the cut-off day on, a date already belongs to the next reporting month.
  let y = year;
  let m = month;
  if (cutoffDay > 1 && day >= cutoffDay) {
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  const shape = SHAPE[kind];
  for (let i = 1; i <= shape.count; i++) {
    const [first, last] = shape.months(i);
    if (m >= first && m <= last) return { year: y, index: i, ...periodRange(kind, y, i, cutoffDay) };
  }
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Name of a period as printed on a report, e.g. "Quý I/2025" / "Q1 2025". */
export function periodLabel(kind: ReportPeriodKind, year: number, index = 1): Text {
  switch (kind) {
    case 'month':
      return {
        vi: `Tháng ${String(index).padStart(2, '0')}/${year}`,
        en: `Month ${String(index).padStart(2, '0')}/${year}`,
      };
    case 'quarter':
      return { vi: `Quý ${ROMAN[index - 1]}/${year}`, en: `Q${index} ${year}` };
    case 'half_year':
      return index === 1
        ? { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` }
        : { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
    case 'nine_months':
      return { vi: `9 tháng năm ${year}`, en: `First 9 months of ${year}` };
    case 'year':
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

/** A dated national cut-off setting: from `effectiveFrom` on, periods are cut at `day`. */
export interface CutoffSetting {
  day: number;
  effectiveFrom: string;
}

/**
 * The cut-off day in force on a date: the setting with the latest `effectiveFrom` on or before it (of two with
 * the same date, the one recorded later, i.e. later in `settings`, which is in recording order); else 15.
 */
export function cutoffDayOn(settings: readonly CutoffSetting[], date: string): number {
  let found: CutoffSetting | null = null;
  for (const s of settings)
    if (s.effectiveFrom <= date && (!found || s.effectiveFrom >= found.effectiveFrom)) found = s;
  return found ? found.day : DEFAULT_REPORT_CUTOFF.day;
}

/** The date whose setting applies to a period: the first day of its first calendar month (1 Apr for Q2). */
export function periodReferenceDate(kind: ReportPeriodKind, year: number, index = 1): string {
  const shape = SHAPE[kind];
  if (!shape) throw new RangeError(`Loại kỳ báo cáo không hợp lệ / unknown period kind: ${String(kind)}`);
  return isoDate(year, shape.months(Math.min(Math.max(index, 1), shape.count))[0], 1);
}

/** The cut-off day a period uses by default under the national settings. */
export function cutoffDayForPeriod(
  settings: readonly CutoffSetting[],
  kind: ReportPeriodKind,
  year: number,
  index = 1,
): number {
  return cutoffDayOn(settings, periodReferenceDate(kind, year, index));
}

/**
 * The periods most dashboards open on a given day: the month and the quarter that contain it (a dashboard's
 * default) and the month and quarter before them (the report being written), each at the national cut-off day
 * in force for it. The server computes their national figures ahead of the first request.
 */
export function recentPeriods(
  settings: readonly CutoffSetting[],
  today: string,
): ({ kind: ReportPeriodKind; year: number; index: number } & PeriodRange)[] {
  const out: ({ kind: ReportPeriodKind; year: number; index: number } & PeriodRange)[] = [];
  for (const kind of ['month', 'quarter'] as const) {
    const count = SHAPE[kind].count;
    // As the web's period filter picks its default: today's calendar month decides the cut-off day.
    const { year, month } = dateParts(today);
    const cur = periodContaining(kind, today, cutoffDayForPeriod(settings, 'month', year, month));
    if (!cur) continue;
    const prev =
      cur.index > 1 ? { year: cur.year, index: cur.index - 1 } : { year: cur.year - 1, index: count };
    for (const p of [cur, prev]) {
      const day = cutoffDayForPeriod(settings, kind, p.year, p.index);
      out.push({ kind, year: p.year, index: p.index, ...periodRange(kind, p.year, p.index, day) });
    }
  }
  return out;
}
