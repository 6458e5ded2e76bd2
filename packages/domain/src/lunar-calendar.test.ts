import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './iso-date.ts';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetOf } from './lunar-calendar.ts';

const lunar = (day: number, month: number, year: number, leap = false) => ({ day, month, year, leap });

describe('Tết (lunar 1/1)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is %s', (year, date) => {
    expect(tetOf(year)).toBe(date);
    expect(solarToLunar(date)).toEqual(lunar(1, 1, year));
  });

  it('uses Vietnam’s UTC+7, not China’s UTC+8', () => {
    // The two calendars are known to differ on these: China kept 1985-02-20 and 2007-02-18.
    expect(tetOf(1985)).toBe('1985-01-21');
    expect(tetOf(2007)).toBe('2007-02-17');
    expect(tetOf(1968)).toBe('1968-01-29');
  });
});

describe('Hùng Kings’ day (lunar 10/3)', () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('%i is %s', (year, date) => {
    expect(lunarToSolar(lunar(10, 3, year))).toBe(date);
  });
});

describe('month lengths and leap months', () => {
  it('ends a lunar year on the 29th or the 30th', () => {
    expect(solarToLunar('2024-02-09')).toEqual(lunar(30, 12, 2023));
    expect(lunarMonthLength(12, 2023)).toBe(30);
    expect(solarToLunar('2025-01-28')).toEqual(lunar(29, 12, 2024));
    expect(lunarMonthLength(12, 2024)).toBe(29);
    expect(() => lunarToSolar(lunar(30, 12, 2024))).toThrow(/29/);
  });

  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
  ])('lunar year %i has leap month %i starting %s', (year, month, start) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarToSolar(lunar(1, month, year, true))).toBe(start);
    expect(solarToLunar(start)).toEqual(lunar(1, month, year, true));
    // The ordinary month of the same number comes just before.
    expect(solarToLunar(addDays(start, -1))).toMatchObject({ month, year, leap: false });
  });

  it('refuses a leap month the year does not have', () => {
    expect(leapMonthOf(2024)).toBeNull();
    expect(() => lunarToSolar(lunar(1, 6, 2024, true))).toThrow(/nhuận|leap/);
    expect(() => lunarToSolar(lunar(1, 5, 2025, true))).toThrow(RangeError);
  });

  it('knows Mid-Autumn (lunar 15/8)', () => {
    expect(solarToLunar('2024-09-17')).toEqual(lunar(15, 8, 2024));
    expect(lunarToSolar(lunar(15, 8, 2025))).toBe('2025-10-06');
  });

  it('refuses years outside 1900–2199 and invalid days', () => {
    expect(() => tetOf(1899)).toThrow(RangeError);
    expect(() => tetOf(2200)).toThrow(RangeError);
    expect(() => solarToLunar('2200-06-01')).toThrow(RangeError);
    expect(() => lunarToSolar(lunar(0, 1, 2025))).toThrow(RangeError);
    expect(() => lunarToSolar(lunar(1, 13, 2025))).toThrow(RangeError);
  });
});

describe('properties over 1900–2199', () => {
  const solarDay = fc
    .integer({ min: toDayNumber('1900-03-01'), max: toDayNumber('2199-12-30') })
    .map((n) => fromDayNumber(n));

  it('lunarToSolar inverts solarToLunar', () => {
    fc.assert(
      fc.property(solarDay, (date) => {
        expect(lunarToSolar(solarToLunar(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('advances one lunar day per solar day, months of 29 or 30 days', () => {
    fc.assert(
      fc.property(solarDay, (date) => {
        const today = solarToLunar(date);
        const tomorrow = solarToLunar(addDays(date, 1));
        if (tomorrow.day === 1) {
          expect([29, 30]).toContain(today.day);
          expect(lunarMonthLength(today.month, today.year, today.leap)).toBe(today.day);
        } else {
          expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
        }
      }),
      { numRuns: 2000 },
    );
  });

  // A random sample found 07/05/2054 (read as day 0 of month 4) once in CI; walking every day makes it deterministic.
  it('walks every day of 1900–2199 one lunar day at a time (new moons near local midnight included)', () => {
    expect(solarToLunar('2054-05-06')).toEqual(lunar(29, 3, 2054));
    expect(solarToLunar('2054-05-07')).toEqual(lunar(30, 3, 2054));
    expect(solarToLunar('2062-04-09')).toEqual(lunar(30, 2, 2062));
    let date = '1900-03-01';
    let today = solarToLunar(date);
    let broken = 0;
    while (date < '2199-12-30') {
      const next = addDays(date, 1);
      const tomorrow = solarToLunar(next);
      const ok =
        tomorrow.day === 1
          ? lunarMonthLength(today.month, today.year, today.leap) === today.day
          : tomorrow.day === today.day + 1 && tomorrow.month === today.month && tomorrow.leap === today.leap;
      if (!ok) broken++;
      date = next;
      today = tomorrow;
    }
    expect(broken).toBe(0);
  });

  it('puts every Tết between 21 January and 20 February', () => {
    for (let year = 1900; year <= 2199; year++) {
      const tet = tetOf(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
    }
  });
});
