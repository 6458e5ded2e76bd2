import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './iso-date.ts';
import type { CalendarAdjustment } from './working-days.ts';
import {
  addWorkingDays,
  holidaysOf,
  isWorkingDay,
  officialWorkingDaysOf,
  workingDaysBetween,
} from './working-days.ts';

const datesOf = (year: number, adjustments?: CalendarAdjustment[]) =>
  holidaysOf(year, adjustments).map((h) => h.date);
const compensatoryOf = (year: number) =>
  holidaysOf(year)
    .filter((h) => h.kind === 'compensatory')
    .map((h) => h.date);

describe('holidaysOf', () => {
  it('lists the statutory holidays of 2024 with compensatory days', () => {
    expect(datesOf(2024)).toEqual([
      '2024-01-01',
      '2024-02-09', // 30 tháng Chạp: the lunar year ended on the 30th
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14', // compensatory for Saturday 10/02
      '2024-02-15', // compensatory for Sunday 11/02
      '2024-04-18',
      '2024-04-30',
      '2024-05-01',
      '2024-09-01',
      '2024-09-02',
      '2024-09-03', // compensatory for Sunday 01/09
    ]);
  });

  it('takes the 29th as the last day when the lunar year ends on the 29th (Tết 2025)', () => {
    const tet = holidaysOf(2025).filter((h) => h.id === 'tet' && h.kind === 'holiday');
    expect(tet.map((h) => h.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
    ]);
    expect(compensatoryOf(2025)).toEqual(['2025-02-03']);
  });

  it('makes up weekend holidays on the next working day not already off', () => {
    // 2023: Hùng Kings on Sat 29/04, Reunification on Sun 30/04, Labour Day Mon 01/05 → off until Wed 03/05.
    expect(compensatoryOf(2023)).toEqual([
      '2023-01-02',
      '2023-01-26',
      '2023-01-27',
      '2023-05-02',
      '2023-05-03',
      '2023-09-04',
    ]);
    expect(compensatoryOf(2022)).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
    expect(compensatoryOf(2026)).toEqual(['2026-04-27']);
    const comp = holidaysOf(2026).find((h) => h.date === '2026-04-27');
    expect(comp?.name.vi).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });

  it('keeps the older rules for older years', () => {
    expect(datesOf(2020).filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
    expect(holidaysOf(2013).filter((h) => h.id === 'tet' && h.kind === 'holiday')).toHaveLength(4);
    expect(holidaysOf(2014).filter((h) => h.id === 'tet' && h.kind === 'holiday')).toHaveLength(5);
    expect(holidaysOf(2006).some((h) => h.id === 'hung_kings')).toBe(false);
    expect(holidaysOf(2007).some((h) => h.id === 'hung_kings')).toBe(true);
  });

  it('applies administrator adjustments', () => {
    const adjustments: CalendarAdjustment[] = [
      { date: '2024-02-08', kind: 'day_off', reason: 'Nghỉ Tết theo Thông báo của Chính phủ' },
      { date: '2024-02-15', kind: 'working_day', reason: 'Đổi ngày nghỉ' },
      { date: '2025-02-08', kind: 'day_off', reason: 'other year' },
    ];
    const list = holidaysOf(2024, adjustments);
    expect(list.find((h) => h.date === '2024-02-08')).toMatchObject({
      kind: 'adjustment',
      name: { vi: 'Nghỉ Tết theo Thông báo của Chính phủ' },
    });
    expect(list.some((h) => h.date === '2024-02-15')).toBe(false);
    expect(list.some((h) => h.date === '2025-02-08')).toBe(false);
  });

  it('refuses years outside 1900–2199', () => {
    expect(() => holidaysOf(1899)).toThrow(RangeError);
    expect(() => holidaysOf(2200)).toThrow(RangeError);
    expect(holidaysOf(2199).length).toBeGreaterThan(8);
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends, holidays and compensatory days', () => {
    expect(isWorkingDay('2025-03-01')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-02')).toBe(false); // Sunday
    expect(isWorkingDay('2025-04-07')).toBe(false); // Hùng Kings
    expect(isWorkingDay('2025-02-03')).toBe(false); // compensatory
    expect(isWorkingDay('2025-03-03')).toBe(true);
    expect(isWorkingDay('2025-04-08')).toBe(true);
  });

  it('lets adjustments win, the later one for the same date', () => {
    const saturdayWorking: CalendarAdjustment = { date: '2025-04-26', kind: 'working_day', reason: 'Làm bù' };
    expect(isWorkingDay('2025-04-26', [saturdayWorking])).toBe(true);
    expect(isWorkingDay('2025-04-07', [{ date: '2025-04-07', kind: 'working_day', reason: 'x' }])).toBe(true);
    expect(isWorkingDay('2025-03-03', [{ date: '2025-03-03', kind: 'day_off', reason: 'x' }])).toBe(false);
    expect(
      isWorkingDay('2025-03-03', [
        { date: '2025-03-03', kind: 'day_off', reason: 'x' },
        { date: '2025-03-03', kind: 'working_day', reason: 'hủy' },
      ]),
    ).toBe(true);
  });

  it('rejects invalid dates', () => {
    expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() =>
      isWorkingDay('2025-03-03', [{ date: '2025-13-01', kind: 'day_off', reason: 'x' }]),
    ).toThrow();
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('counts from the day after and skips weekends and holidays', () => {
    expect(addWorkingDays('2025-04-25', 5)).toBe('2025-05-06'); // over 30/04 and 01/05
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27'); // over the Tết week
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Friday → Monday
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // from a Saturday
  });

  it('goes backwards for negative n and returns the date itself for 0', () => {
    expect(addWorkingDays('2025-05-02', -1)).toBe('2025-04-29');
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
    expect(() => addWorkingDays('2025-03-08', 1.5)).toThrow(RangeError);
  });

  it('uses make-up working days', () => {
    const adj: CalendarAdjustment[] = [{ date: '2025-03-08', kind: 'working_day', reason: 'Làm bù' }];
    expect(addWorkingDays('2025-03-07', 1, adj)).toBe('2025-03-08');
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-07')).toBe(0);
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(workingDaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
    expect(workingDaysBetween('2025-03-09', '2025-03-07')).toBe(-1); // from a Sunday back to Friday
    expect(workingDaysBetween('2025-04-25', '2025-05-06')).toBe(5);
    // 2025 has 261 weekdays minus 11 holidays and compensatory days on weekdays.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(250);
  });

  const date = fc
    .integer({ min: toDayNumber('2022-01-01'), max: toDayNumber('2030-12-31') })
    .map((n) => fromDayNumber(n));
  const n = fc.integer({ min: -60, max: 60 });

  it('lands on a working day, and workingDaysBetween inverts it (property)', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const result = addWorkingDays(d, k);
        if (k !== 0) expect(isWorkingDay(result)).toBe(true);
        expect(workingDaysBetween(d, result)).toBe(k);
      }),
      { numRuns: 300 },
    );
  });

  it('is strictly monotonic in n (property)', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(d, lo) < addWorkingDays(d, hi)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the official schedules of 2026 and 2027 (both sides of each holiday)', () => {
  const off = (d: string) => expect(isWorkingDay(d), `${d} should be a day off`).toBe(false);
  const work = (d: string) => expect(isWorkingDay(d), `${d} should be a working day`).toBe(true);

  it('2026 New Year: 01–04/01 off (Friday 02/01 swapped), Saturday 10/01 worked', () => {
    work('2025-12-31');
    for (const d of ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']) off(d);
    work('2026-01-05');
    work('2026-01-09');
    work('2026-01-10'); // make-up Saturday
    off('2026-01-11');
    expect(holidaysOf(2026).find((h) => h.date === '2026-01-02')).toMatchObject({ kind: 'official' });
    expect(officialWorkingDaysOf(2026).map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('2026 Tết: 14–22/02 (statutory 16–20/02), working on 13/02 and 23/02', () => {
    work('2026-02-13');
    for (let d = 14; d <= 22; d++) off(`2026-02-${d}`);
    work('2026-02-23');
  });

  it('2026 Hùng Kings on Sunday 26/04, made up on Monday 27/04; 30/04–03/05', () => {
    work('2026-04-24');
    off('2026-04-26');
    off('2026-04-27');
    work('2026-04-28');
    work('2026-04-29');
    for (const d of ['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']) off(d);
    work('2026-05-04');
  });

  it('2026 National Day: 29/08–02/09 (Monday 31/08 swapped), Saturday 22/08 worked', () => {
    work('2026-08-21');
    work('2026-08-22');
    off('2026-08-23');
    work('2026-08-28');
    for (const d of ['2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02']) off(d);
    work('2026-09-03');
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
    expect(addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
  });

  it('2027 (no schedule published by 12/2026): the statutory days and their compensation', () => {
    work('2026-12-31');
    off('2027-01-01');
    work('2027-01-04');
    // Tết Đinh Mùi: lunar 1/1 is Saturday 06/02/2027.
    work('2027-02-04');
    for (let d = 5; d <= 11; d++) off(`2027-02-${String(d).padStart(2, '0')}`);
    work('2027-02-12');
    // Hùng Kings: lunar 10/3 is Friday 16/04/2027.
    work('2027-04-15');
    off('2027-04-16');
    work('2027-04-19');
    // 30/04 Friday, 01/05 Saturday made up on Monday 03/05.
    work('2027-04-29');
    off('2027-04-30');
    off('2027-05-03');
    work('2027-05-04');
    // National Day: 02/09 Thursday with 01/09 (the default adjacent day until the Government picks one).
    work('2027-08-31');
    off('2027-09-01');
    off('2027-09-02');
    work('2027-09-03');
  });

  it('lets the administrator overrule the official schedule', () => {
    const adj = [{ date: '2026-08-22', kind: 'day_off' as const, reason: 'Không làm bù' }];
    expect(isWorkingDay('2026-08-22', adj)).toBe(false);
    expect(isWorkingDay('2026-08-31', [{ date: '2026-08-31', kind: 'working_day', reason: 'Trực' }])).toBe(
      true,
    );
  });
});
