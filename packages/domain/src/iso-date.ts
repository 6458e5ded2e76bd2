// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through UTC day numbers so that the
// server's or browser's local timezone can never shift a date by one day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Date parts of an ISO calendar date. */
export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** True when `value` is a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits an ISO date into numbers, throwing a RangeError for anything that is not a real date. */
export function dateParts(date: string): DateParts {
  if (!isIsoDate(date))
    throw new RangeError(`Ngày không hợp lệ / invalid date: '${String(date)}' (YYYY-MM-DD)`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds 'YYYY-MM-DD' from numbers (no validation beyond padding). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Number of days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (UTC) for an ISO date. */
export function toDayNumber(date: string): number {
  const { year, month, day } = dateParts(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** ISO date for a count of days since 1970-01-01 (UTC). */
export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `n` calendar days after (or before, if negative) `date`. */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Adds whole months; a day missing in the target month becomes that month's last day (31/01 + 1 → 28 or 29/02). */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds whole years with the same month-end rule as addMonths (29/02 + 1 year → 28/02). */
export function addYears(date: string, n: number): string {
  return addMonths(date, n * 12);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday, the weekly rest days of public bodies. */
/** dd/mm/yyyy, as dates are shown to officers (messages, documents). */
export function formatDmy(date: string): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** The later of two ISO dates (ISO strings compare correctly as text). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
