import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateParts,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  toDayNumber,
} from './iso-date.ts';

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });
  it('dateParts throws a bilingual RangeError on bad input', () => {
    expect(() => dateParts('2023-02-30')).toThrow(/invalid date/);
  });
});

describe('day arithmetic in UTC', () => {
  it('round-trips day numbers, including years below 100', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2199-12-31'))).toBe('2199-12-31');
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
  });
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
  it('clamps addMonths to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-07-01')).toBe(2); // Tuesday
    expect(dayOfWeek('1969-12-31')).toBe(3); // Wednesday, before the epoch
    expect(isWeekend('2025-03-01')).toBe(true);
    expect(isWeekend('2025-03-03')).toBe(false);
  });
});
