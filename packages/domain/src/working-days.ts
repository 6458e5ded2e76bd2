// Public holidays and working days, for deadlines counted in working days (e.g. the post-rehab decision).
// Holidays are data (PUBLIC_HOLIDAY_RULES); the lunar ones go through lunar-calendar.ts. The Prime Minister
// fixes the exact Tết and National Day days each year (Labour Code 2019 Art. 112(3)) and public bodies often
// swap days to make longer breaks: an administrator enters those as CalendarAdjustments, which always win.

import { addDays, dateParts, daysBetween, isIsoDate, isoDate, isWeekend } from './iso-date.ts';
import type { LegalBasis, Text } from './legal-basis.ts';
import { INSTRUMENTS } from './legal-basis.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, lunarToSolar } from './lunar-calendar.ts';

/** A public holiday as dated data: an anchor date (solar or lunar) and the days off around it. */
export interface HolidayRule {
  id: string;
  name: Text;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  /** Days off relative to the anchor: [-1, 0] = the day before and the day itself. */
  offsets: readonly number[];
  /** Solar years in which the rule applies (inclusive). */
  fromYear?: number;
  toYear?: number;
  basis: LegalBasis;
}

/** An administrator's change to one day: an extra day off, or a weekend/holiday made a working day. */
export interface CalendarAdjustment {
  date: string;
  kind: 'day_off' | 'working_day';
  reason: string;
}

/** One day off of a year, weekends excepted. */
export interface Holiday {
  date: string;
  id: string;
  /** 'official': a day off swapped by the Government's schedule of that year (OFFICIAL_SCHEDULES). */
  kind: 'holiday' | 'compensatory' | 'official' | 'adjustment';
  name: Text;
}

/**
 * One day of the Government's published holiday schedule for public servants (lịch nghỉ of a year): a working
 * day swapped into a day off to join a holiday, and the weekend day worked in exchange. Shipped as dated data
 * with its source; an administrator's CalendarAdjustment for the same date still wins.
 */
export interface OfficialScheduleDay {
  date: string;
  kind: 'day_off' | 'working_day';
  name: Text;
  source: { title: Text; url: string };
}

const NEW_YEAR_2026: OfficialScheduleDay['source'] = {
  title: {
    vi: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng đồng ý nghỉ Tết Dương lịch 2026 liên tục 4 ngày)',
    en: 'Government Office letter 12729/VPCP-KGVX of 25/12/2025 (four days off for New Year 2026)',
  },
  url: 'https://www.collector.com.tr//965292743',
};
const TET_AND_NATIONAL_DAY_2026: OfficialScheduleDay['source'] = {
  title: {
    vi: 'Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng về nghỉ Tết Âm lịch và Quốc khánh năm 2026 (10/2025)',
    en: 'Government Office: the Prime Minister’s decision on the Tết and National Day breaks of 2026 (10/2025)',
  },
  url: 'https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html',
};

/** A working day the Government swapped into a day off for a holiday, and the weekend day worked for it. */
function swappedDay(
  dayOff: string,
  workedOn: string,
  holiday: Text,
  source: OfficialScheduleDay['source'],
): OfficialScheduleDay[] {
  const [y, m, d] = dayOff.split('-');
  const named = `${d}/${m}/${y}`;
  return [
    {
      date: dayOff,
      kind: 'day_off',
      name: { vi: `Nghỉ hoán đổi dịp ${holiday.vi}`, en: `Swapped day off (${holiday.en})` },
      source,
    },
    {
      date: workedOn,
      kind: 'working_day',
      name: { vi: `Làm bù cho ngày ${named}`, en: `Make-up working day for ${named}` },
      source,
    },
  ];
}

/**
 * The Government's schedules of the years we know (checked 12/2026). 2026: New Year 01–04/01 with Friday 02/01
 * swapped for Saturday 10/01; Tết 14–22/02 (the five statutory days 16–20/02 and weekends: no swap); Hùng Kings
 * Sunday 26/04 made up on Monday 27/04 (statutory compensation); National Day 29/08–02/09 with the statutory
 * 01–02/09 and Monday 31/08 swapped for Saturday 22/08. 2027: no schedule was published by 12/2026 — the
 * statutory days apply (Tết 05–09/02 with 10–11/02 in compensation, Hùng Kings 16/04, National Day 01–02/09):
 * the administrator enters the swaps once the Government decides them.
 */
export const OFFICIAL_SCHEDULES: readonly OfficialScheduleDay[] = [
  ...swappedDay('2026-01-02', '2026-01-10', { vi: 'Tết Dương lịch', en: 'New Year' }, NEW_YEAR_2026),
  ...swappedDay(
    '2026-08-31',
    '2026-08-22',
    { vi: 'Quốc khánh', en: 'National Day' },
    TET_AND_NATIONAL_DAY_2026,
  ),
].sort((a, b) => (a.date < b.date ? -1 : 1));

/** Tết, the first day of the lunar year: its days around it changed with the Labour Codes (2014). */
const LUNAR_NEW_YEAR = {
  id: 'tet',
  name: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  calendar: 'lunar',
  month: 1,
  day: 1,
} as const;
const LABOUR_CODE_112: LegalBasis = { instrument: INSTRUMENTS.labourCode2019, article: '112', clause: '1' };
/** Basis of compensatory days off. */
export const COMPENSATION_BASIS: LegalBasis = {
  instrument: INSTRUMENTS.labourCode2019,
  article: '111',
  clause: '3',
};

/**
 * Vietnamese public holidays. Tết is modelled as the last day of the lunar year (29th or 30th of month 12,
 * found as "the day before 1/1") plus lunar 1/1–1/4. For National Day the Labour Code gives 2/9 plus the day
 * before or after; we take 1/9 as the default and let adjustments move it in the years the government picks 3/9.
 * Earlier rules (4 days of Tết, one National Day, no Hùng Kings' day) are kept so old years are not wrong.
 */
export const PUBLIC_HOLIDAY_RULES: readonly HolidayRule[] = [
  {
    id: 'new_year',
    name: { vi: 'Tết Dương lịch', en: 'New Year’s Day' },
    calendar: 'solar',
    month: 1,
    day: 1,
    offsets: [0],
    basis: LABOUR_CODE_112,
  },
  {
    ...LUNAR_NEW_YEAR,
    offsets: [-1, 0, 1, 2, 3],
    fromYear: 2014,
    basis: LABOUR_CODE_112,
  },
  {
    ...LUNAR_NEW_YEAR,
    offsets: [-1, 0, 1, 2],
    toYear: 2013,
    basis: { instrument: { vi: 'Bộ luật Lao động 1994', en: 'Labour Code 1994' }, article: '73' },
  },
  {
    id: 'hung_kings',
    name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings’ Commemoration' },
    calendar: 'lunar',
    month: 3,
    day: 10,
    offsets: [0],
    fromYear: 2007,
    basis: LABOUR_CODE_112,
  },
  {
    id: 'reunification',
    name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
    calendar: 'solar',
    month: 4,
    day: 30,
    offsets: [0],
    basis: LABOUR_CODE_112,
  },
  {
    id: 'labour_day',
    name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
    calendar: 'solar',
    month: 5,
    day: 1,
    offsets: [0],
    basis: LABOUR_CODE_112,
  },
  {
    id: 'national_day',
    name: { vi: 'Quốc khánh', en: 'National Day' },
    calendar: 'solar',
    month: 9,
    day: 2,
    offsets: [-1, 0],
    fromYear: 2021,
    basis: LABOUR_CODE_112,
  },
  {
    id: 'national_day',
    name: { vi: 'Quốc khánh', en: 'National Day' },
    calendar: 'solar',
    month: 9,
    day: 2,
    offsets: [0],
    toYear: 2020,
    basis: { instrument: { vi: 'Bộ luật Lao động 2012', en: 'Labour Code 2012' }, article: '115' },
  },
];

type YearDays = { list: readonly Holiday[]; dates: ReadonlySet<string>; workedWeekends: ReadonlySet<string> };
const yearCache = new Map<number, YearDays>();

function checkHolidayYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(
      `Năm ngoài phạm vi ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR} / year out of range: ${year}`,
    );
  }
}

// Statutory holidays, compensatory days and the Government's swaps of a year, before administrator adjustments.
function baseHolidays(year: number): YearDays {
  const cached = yearCache.get(year);
  if (cached) return cached;
  checkHolidayYear(year);
  const holidays: Holiday[] = [];
  for (const rule of PUBLIC_HOLIDAY_RULES) {
    if (
      (rule.fromYear !== undefined && year < rule.fromYear) ||
      (rule.toYear !== undefined && year > rule.toYear)
    ) {
      continue;
    }
    // Lunar anchors use the lunar year starting in this solar year: Tết falls in January or February.
    const anchor =
      rule.calendar === 'solar'
        ? isoDate(year, rule.month, rule.day)
        : lunarToSolar({ day: rule.day, month: rule.month, year, leap: false });
    for (const offset of rule.offsets) {
      holidays.push({ date: addDays(anchor, offset), id: rule.id, kind: 'holiday', name: rule.name });
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const taken = new Set(holidays.map((h) => h.date));
  // A holiday on a weekly rest day is made up on the next working day not already off (Labour Code Art. 111(3)).
  const compensatory: Holiday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    compensatory.push({
      date: d,
      id: h.id,
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Compensatory day off (${h.name.en})` },
    });
  }
  const official: Holiday[] = [];
  const workedWeekends = new Set<string>();
  for (const d of OFFICIAL_SCHEDULES) {
    if (dateParts(d.date).year !== year) continue;
    if (d.kind === 'working_day') {
      workedWeekends.add(d.date);
      continue;
    }
    if (taken.has(d.date)) continue;
    taken.add(d.date);
    official.push({ date: d.date, id: 'official', kind: 'official', name: d.name });
  }
  const list = [...holidays, ...compensatory, ...official].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const result = { list: Object.freeze(list), dates: taken, workedWeekends };
  yearCache.set(year, result);
  return result;
}

function adjustmentMap(adjustments: readonly CalendarAdjustment[]): Map<string, CalendarAdjustment> {
  const map = new Map<string, CalendarAdjustment>();
  for (const a of adjustments) {
    if (!isIsoDate(a.date))
      throw new RangeError(`Ngày điều chỉnh không hợp lệ / invalid adjustment date: ${a.date}`);
    map.set(a.date, a); // a later entry for the same date wins
  }
  return map;
}

/** Weekend days the Government's schedule of a year makes working days (make-up days), by date. */
export function officialWorkingDaysOf(year: number): OfficialScheduleDay[] {
  checkHolidayYear(year);
  return OFFICIAL_SCHEDULES.filter((d) => d.kind === 'working_day' && dateParts(d.date).year === year);
}

/** Public holidays and compensatory days of a solar year, with administrator adjustments applied. */
export function holidaysOf(year: number, adjustments: readonly CalendarAdjustment[] = []): Holiday[] {
  const { list } = baseHolidays(year);
  const adj = adjustmentMap(adjustments);
  const result = list.filter((h) => adj.get(h.date)?.kind !== 'working_day');
  const present = new Set(result.map((h) => h.date));
  for (const a of adj.values()) {
    if (a.kind !== 'day_off' || dateParts(a.date).year !== year || present.has(a.date)) continue;
    result.push({ date: a.date, id: 'adjustment', kind: 'adjustment', name: { vi: a.reason, en: a.reason } });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function workingDayTest(adjustments: readonly CalendarAdjustment[]): (date: string) => boolean {
  const adj = adjustmentMap(adjustments);
  return (date) => {
    const a = adj.get(date);
    if (a) return a.kind === 'working_day';
    const base = baseHolidays(dateParts(date).year);
    if (isWeekend(date)) return base.workedWeekends.has(date);
    return !base.dates.has(date);
  };
}

/** True on Monday–Friday that is not a holiday or compensatory day, unless an adjustment says otherwise. */
export function isWorkingDay(date: string, adjustments: readonly CalendarAdjustment[] = []): boolean {
  dateParts(date);
  return workingDayTest(adjustments)(date);
}

/**
 * The n-th working day after `date` (before it when n < 0); n = 0 returns `date` unchanged. Counting starts the
 * day after the event, as the Civil Code counts periods, so a 5-working-day deadline is addWorkingDays(event, 5).
 */
export function addWorkingDays(
  date: string,
  n: number,
  adjustments: readonly CalendarAdjustment[] = [],
): string {
  dateParts(date);
  if (!Number.isInteger(n))
    throw new RangeError(`Số ngày làm việc phải là số nguyên / n must be an integer: ${n}`);
  const working = workingDayTest(adjustments);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (working(d)) left--;
  }
  return d;
}

/** Working days from a to b, excluding a and including b: (a, b] forward, [b, a) negated backward. Inverts addWorkingDays. */
export function workingDaysBetween(
  a: string,
  b: string,
  adjustments: readonly CalendarAdjustment[] = [],
): number {
  const span = daysBetween(a, b);
  const step = span < 0 ? -1 : 1;
  const working = workingDayTest(adjustments);
  let count = 0;
  for (let i = 1; i <= Math.abs(span); i++) if (working(addDays(a, i * step))) count++;
  return count * step;
}
