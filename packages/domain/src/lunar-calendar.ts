// The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm ("Thuật toán tính
// âm lịch"): astronomical new moons and solar terms computed for local time UTC+7. Needed because Tết and the
// Hùng Kings' day are lunar dates and working-day deadlines must skip them.
// Vietnam kept UTC+8 for its calendar before 1968, so a few lunar months before then can differ by a day from
// printed almanacs; every date the product handles (2022 on) is after that.

import { fromDayNumber, toDayNumber } from './iso-date.ts';

/** A lunar date; `leap` marks a day of the intercalary (nhuận) month. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Range of years the conversion is supported and tested for. */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

const TIME_ZONE = 7;
const JULIAN_DAY_OF_EPOCH = 2440588; // Julian day number of 1970-01-01
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_1900 = 2415021.076998695; // first new moon of 1900, Julian day

function jdn(date: string): number {
  return toDayNumber(date) + JULIAN_DAY_OF_EPOCH;
}

function fromJdn(jd: number): string {
  return fromDayNumber(jd - JULIAN_DAY_OF_EPOCH);
}

function gregorianJdn(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

// Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus' series as used by Hồ Ngọc Đức).
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

// Sun's apparent longitude in radians, normalised to [0, 2π).
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

// Which 30° sector (0..11) the sun is in at local midnight starting day `dayNumber`.
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

// Start of lunar month 11 (the month holding the winter solstice) of Gregorian year `year`.
const month11Cache = new Map<number, number>();
function lunarMonth11(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const off = gregorianJdn(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  let nm = newMoonDay(k);
  if (sunSector(nm) >= 9) nm = newMoonDay(k - 1);
  month11Cache.set(year, nm);
  return nm;
}

// Offset (from month 11) of the leap month: the first month without a major solar term.
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(
      `Năm ngoài phạm vi âm lịch ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR} / lunar year out of range: ${year}`,
    );
  }
}

/** Converts a solar (Gregorian) date to the Vietnamese lunar date. */
export function solarToLunar(date: string): LunarDate {
  const dayNumber = jdn(date);
  const yy = Number(date.slice(0, 4));
  checkYear(yy);
  // The mean-month estimate can be one month off when a new moon falls near local midnight (e.g. 07/05/2054),
  // so step to the last new moon on or before the day instead of trusting it.
  let k = Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

// Index k of the new moon that starts a lunar month, or null when that leap month does not exist.
function lunarMonthIndex(month: number, year: number, leap: boolean): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return k + off;
}

/** The leap month (1..12) of a lunar year, or null when the year has none. */
export function leapMonthOf(lunarYear: number): number | null {
  checkYear(lunarYear);
  for (let m = 1; m <= 12; m++) if (lunarMonthIndex(m, lunarYear, true) !== null) return m;
  return null;
}

/** Number of days (29 or 30) of a lunar month; throws if that leap month does not exist. */
export function lunarMonthLength(month: number, lunarYear: number, leap = false): number {
  checkYear(lunarYear);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`invalid lunar month ${month}`);
  const k = lunarMonthIndex(month, lunarYear, leap);
  if (k === null) {
    throw new RangeError(
      `Năm âm lịch ${lunarYear} không có tháng ${month} nhuận / no leap month ${month} in ${lunarYear}`,
    );
  }
  return newMoonDay(k + 1) - newMoonDay(k);
}

/** Converts a lunar date to the solar date; throws for a leap month or a day 30 that does not exist. */
export function lunarToSolar(lunar: LunarDate): string {
  const { day, month, year, leap } = lunar;
  const length = lunarMonthLength(month, year, leap);
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(
      `Tháng ${month}${leap ? ' nhuận' : ''} năm ${year} âm lịch chỉ có ${length} ngày / lunar month has ${length} days: ${day}`,
    );
  }
  return fromJdn(newMoonDay(lunarMonthIndex(month, year, leap) as number) + day - 1);
}

/** Solar date of Tết (lunar 1/1) of a lunar year. */
export function tetOf(lunarYear: number): string {
  return lunarToSolar({ day: 1, month: 1, year: lunarYear, leap: false });
}
