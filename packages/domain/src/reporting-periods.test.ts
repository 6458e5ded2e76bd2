import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from './iso-date.ts';
import {
  cutoffDayForPeriod,
  cutoffDayOn,
  DEFAULT_REPORT_CUTOFF,
  periodContaining,
  periodLabel,
  periodRange,
  periodReferenceDate,
  recentPeriods,
} from './reporting-periods.ts';

describe('periodRange with the default cut-off (15th → 14th)', () => {
  it.each([
    ['month', 1, '2024-12-15', '2025-01-14'],
    ['month', 3, '2025-02-15', '2025-03-14'],
    ['month', 12, '2025-11-15', '2025-12-14'],
    ['quarter', 1, '2024-12-15', '2025-03-14'],
    ['quarter', 2, '2025-03-15', '2025-06-14'],
    ['quarter', 4, '2025-09-15', '2025-12-14'],
    ['half_year', 1, '2024-12-15', '2025-06-14'],
    ['half_year', 2, '2025-06-15', '2025-12-14'],
    ['nine_months', 1, '2024-12-15', '2025-09-14'],
    ['year', 1, '2024-12-15', '2025-12-14'],
  ] as const)('%s %i of 2025 is %s..%s', (kind, index, from, to) => {
    expect(periodRange(kind, 2025, index)).toEqual({ from, to });
  });

  it('defaults to 15, marked for verification', () => {
    expect(DEFAULT_REPORT_CUTOFF).toMatchObject({ day: 15, verify: true });
    expect(periodRange('year', 2025)).toEqual(periodRange('year', 2025, 1, 15));
  });
});

describe('periodRange with other cut-offs', () => {
  it('gives calendar periods with cut-off 1', () => {
    expect(periodRange('month', 2024, 2, 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('month', 2025, 12, 1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange('quarter', 2025, 1, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodRange('year', 2025, 1, 1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('handles cut-off 28 across February', () => {
    expect(periodRange('month', 2025, 3, 28)).toEqual({ from: '2025-02-28', to: '2025-03-27' });
    expect(periodRange('month', 2024, 3, 28)).toEqual({ from: '2024-02-28', to: '2024-03-27' });
  });

  it('rejects bad arguments', () => {
    expect(() => periodRange('month', 2025, 0)).toThrow(RangeError);
    expect(() => periodRange('month', 2025, 13)).toThrow(RangeError);
    expect(() => periodRange('quarter', 2025, 5)).toThrow(RangeError);
    expect(() => periodRange('half_year', 2025, 3)).toThrow(RangeError);
    expect(() => periodRange('nine_months', 2025, 2)).toThrow(RangeError);
    expect(() => periodRange('month', 2025, 1, 0)).toThrow(RangeError);
    expect(() => periodRange('month', 2025, 1, 29)).toThrow(RangeError);
    expect(() => periodRange('week' as never, 2025, 1)).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2025-01-14', 'month', 2025, 1],
    ['2025-01-15', 'month', 2025, 2],
    ['2024-12-15', 'month', 2025, 1],
    ['2024-12-14', 'month', 2024, 12],
    ['2025-03-14', 'quarter', 2025, 1],
    ['2025-03-15', 'quarter', 2025, 2],
    ['2025-12-15', 'year', 2026, 1],
  ] as const)('%s is in %s %i/%i', (date, kind, year, index) => {
    expect(periodContaining(kind, date)).toMatchObject({ year, index });
  });

  it('returns null outside the 9-month period', () => {
    expect(periodContaining('nine_months', '2025-09-14')).toMatchObject({ year: 2025, index: 1 });
    expect(periodContaining('nine_months', '2025-09-15')).toBeNull();
  });

  it('tiles the year: every day is in exactly the month it reports (property)', () => {
    const date = fc
      .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') })
      .map(fromDayNumber);
    const cutoff = fc.integer({ min: 1, max: 28 });
    fc.assert(
      fc.property(date, cutoff, (d, c) => {
        const p = periodContaining('month', d, c);
        expect(p).not.toBeNull();
        expect(p!.from <= d && d <= p!.to).toBe(true);
        // The next period starts the day after this one ends.
        const next = periodContaining('month', addDays(p!.to, 1), c);
        expect(next!.from).toBe(addDays(p!.to, 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('periodLabel', () => {
  it('names periods as printed on reports', () => {
    expect(periodLabel('month', 2025, 3)).toEqual({ vi: 'Tháng 03/2025', en: 'Month 03/2025' });
    expect(periodLabel('quarter', 2025, 4)).toEqual({ vi: 'Quý IV/2025', en: 'Q4 2025' });
    expect(periodLabel('half_year', 2025, 1).vi).toBe('6 tháng đầu năm 2025');
    expect(periodLabel('half_year', 2025, 2).vi).toBe('6 tháng cuối năm 2025');
    expect(periodLabel('nine_months', 2025).vi).toBe('9 tháng năm 2025');
    expect(periodLabel('year', 2025)).toEqual({ vi: 'Năm 2025', en: 'Year 2025' });
  });
});

describe('dated national cut-off settings', () => {
  const settings = [
    { day: 1, effectiveFrom: '2027-01-01' },
    { day: 20, effectiveFrom: '2026-07-01' },
    { day: 10, effectiveFrom: '2027-01-01' },
  ];
  it('uses 15 before any setting and the latest one in force on a date', () => {
    expect(cutoffDayOn([], '2026-01-01')).toBe(15);
    expect(cutoffDayOn(settings, '2026-06-30')).toBe(15);
    expect(cutoffDayOn(settings, '2026-07-01')).toBe(20);
    expect(cutoffDayOn(settings, '2026-12-31')).toBe(20);
    // Two settings from the same day: the one recorded later wins.
    expect(cutoffDayOn(settings, '2027-01-01')).toBe(10);
  });
  it('applies to a period the setting in force on the first day of its first month', () => {
    expect(periodReferenceDate('quarter', 2026, 3)).toBe('2026-07-01');
    expect(periodReferenceDate('month', 2026, 12)).toBe('2026-12-01');
    expect(periodReferenceDate('year', 2027)).toBe('2027-01-01');
    expect(cutoffDayForPeriod(settings, 'month', 2026, 6)).toBe(15);
    expect(cutoffDayForPeriod(settings, 'month', 2026, 7)).toBe(20);
    expect(cutoffDayForPeriod(settings, 'half_year', 2026, 2)).toBe(20);
    expect(cutoffDayForPeriod(settings, 'year', 2027)).toBe(10);
  });
});

describe('recentPeriods (what the server computes ahead)', () => {
  it('gives the month and quarter containing today and the ones before, at their cut-off days', () => {
    const got = recentPeriods([], '2026-11-25').map(
      (p) => `${p.kind} ${p.index}/${p.year} ${p.from}..${p.to}`,
    );
    expect(got).toEqual([
      'month 12/2026 2026-11-15..2026-12-14',
      'month 11/2026 2026-10-15..2026-11-14',
      'quarter 4/2026 2026-09-15..2026-12-14',
      'quarter 3/2026 2026-06-15..2026-09-14',
    ]);
  });
  it('crosses the year and follows a dated setting', () => {
    const got = recentPeriods([{ day: 1, effectiveFrom: '2027-01-01' }], '2027-01-10');
    expect(got.map((p) => `${p.kind} ${p.index}/${p.year} ${p.from}..${p.to}`)).toEqual([
      'month 1/2027 2027-01-01..2027-01-31',
      'month 12/2026 2026-11-15..2026-12-14',
      'quarter 1/2027 2027-01-01..2027-03-31',
      'quarter 4/2026 2026-09-15..2026-12-14',
    ]);
  });
});
