import { describe, expect, it } from 'vitest';
import type { AddictionCriterion, CriterionObservation } from './addiction.ts';
import { criterionLabels, isAddicted } from './addiction.ts';
import { INSTRUMENTS } from './legal-basis.ts';
import { rulesOn } from './legal-regimes.ts';

const obs = (criterion: AddictionCriterion, from: string, to?: string | null): CriterionObservation => ({
  criterion,
  from,
  to,
});
const three = (from: string, to?: string | null) => [
  obs('craving', from, to),
  obs('loss_of_control', from, to),
  obs('withdrawal', from, to),
];
const assess = (observations: CriterionObservation[], assessedOn = '2025-12-31') =>
  isAddicted({ assessedOn, observations });

describe('isAddicted: criteria count', () => {
  it('needs observations', () => {
    expect(assess([])).toMatchObject({
      addicted: false,
      reason: { code: 'no_observations' },
      criteriaMet: [],
    });
  });

  it('is not met by 2 criteria however long', () => {
    const r = assess([
      obs('craving', '2025-01-01', '2025-06-30'),
      obs('tolerance', '2025-01-01', '2025-06-30'),
    ]);
    expect(r).toMatchObject({ addicted: false, reason: { code: 'too_few_criteria' } });
    expect(r.criteriaMet).toEqual(['craving', 'tolerance']);
    expect(r.reason.vi).toContain('chưa đủ 3 tiêu chuẩn');
  });

  it('is met by 3 criteria for 30 days', () => {
    const r = assess(three('2025-01-01', '2025-01-30'));
    expect(r).toMatchObject({ addicted: true, reason: { code: 'sustained' } });
    // The determination line people read: dates dd/mm/yyyy, never ISO.
    expect(r.reason.vi).toContain('(từ 01/01/2025 đến 30/01/2025)');
    expect(r.reason.vi).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(r.criteriaMet).toEqual(['craving', 'loss_of_control', 'withdrawal']);
    expect(r.coOccurrences).toEqual([
      {
        from: '2025-01-01',
        to: '2025-01-30',
        days: 30,
        criteria: ['craving', 'loss_of_control', 'withdrawal'],
      },
    ]);
    expect(r.basis[0].instrument).toEqual(INSTRUMENTS.circular18_2021);
    expect(r.forms[0].number).toBe('04');
  });

  it('needs 3 present on the same days, not 3 in total', () => {
    const r = assess([
      obs('craving', '2025-01-01', '2025-02-28'),
      obs('tolerance', '2025-01-01', '2025-02-28'),
      obs('withdrawal', '2025-03-01', '2025-04-30'),
    ]);
    expect(r).toMatchObject({ addicted: false, reason: { code: 'too_few_criteria' } });
  });

  it('accepts a changing set as long as 3 are present every day', () => {
    const r = assess([
      obs('craving', '2025-01-01', '2025-01-20'),
      obs('tolerance', '2025-01-01', '2025-01-30'),
      obs('withdrawal', '2025-01-01', '2025-01-30'),
      obs('neglect_of_interests', '2025-01-15', '2025-01-30'),
    ]);
    expect(r.addicted).toBe(true);
    expect(r.criteriaMet).toEqual(['craving', 'tolerance', 'neglect_of_interests', 'withdrawal']);
  });
});

describe('isAddicted: duration', () => {
  it.each([
    ['2025-01-29', 29, false],
    ['2025-01-30', 30, true],
    ['2025-01-31', 31, true],
  ])('3 criteria until %s (%i days) → addicted %s', (to, days, addicted) => {
    const r = assess(three('2025-01-01', to));
    expect(r.addicted).toBe(addicted);
    expect(r.coOccurrences[0].days).toBe(days);
    if (!addicted) expect(r.reason.code).toBe('too_short_not_recurrent');
  });

  it('merges adjacent observations of one criterion', () => {
    const r = assess([
      obs('craving', '2025-01-01', '2025-01-15'),
      obs('craving', '2025-01-16', '2025-01-30'),
      obs('tolerance', '2025-01-01', '2025-01-30'),
      obs('withdrawal', '2025-01-01', '2025-01-30'),
    ]);
    expect(r.addicted).toBe(true);
    expect(r.coOccurrences).toHaveLength(1);
  });

  it('counts an open period until the assessment date and ignores later observations', () => {
    expect(assess(three('2025-01-01', null), '2025-01-30').addicted).toBe(true);
    expect(assess(three('2025-01-01'), '2025-01-29').addicted).toBe(false);
    expect(assess(three('2025-01-01', '2025-03-31'), '2025-01-29').coOccurrences[0].to).toBe('2025-01-29');
    expect(assess(three('2025-02-01', '2025-03-31'), '2025-01-29').reason.code).toBe('too_few_criteria');
  });
});

describe('isAddicted: recurrence within 12 months', () => {
  it('is met by two short co-occurrences inside 12 months', () => {
    const r = assess([...three('2025-01-01', '2025-01-10'), ...three('2025-06-01', '2025-06-10')]);
    expect(r).toMatchObject({ addicted: true, reason: { code: 'recurrent' } });
    expect(r.reason.vi).toContain('(01/01/2025–10/01/2025 và 01/06/2025–10/06/2025)');
    expect(r.coOccurrences.map((c) => c.days)).toEqual([10, 10]);
  });

  it('splits co-occurrences separated by a single day', () => {
    const r = assess([
      ...three('2025-01-01', '2025-01-15'),
      obs('tolerance', '2025-01-17', '2025-01-31'),
      obs('craving', '2025-01-17', '2025-01-31'),
      obs('withdrawal', '2025-01-17', '2025-01-31'),
    ]);
    expect(r.coOccurrences.map((c) => [c.from, c.to])).toEqual([
      ['2025-01-01', '2025-01-15'],
      ['2025-01-17', '2025-01-31'],
    ]);
    expect(r.reason.code).toBe('recurrent');
  });

  it.each([
    ['2025-02-28', true],
    ['2025-03-01', false],
  ])('second co-occurrence ending %s, first starting 2024-03-01 → addicted %s', (end, addicted) => {
    const r = assess([...three('2024-03-01', '2024-03-05'), ...three('2025-02-20', end)]);
    expect(r.addicted).toBe(addicted);
    expect(r.reason.code).toBe(addicted ? 'recurrent' : 'too_short_not_recurrent');
  });

  it('is not met by a single short co-occurrence', () => {
    expect(assess(three('2025-01-01', '2025-01-10')).reason.code).toBe('too_short_not_recurrent');
  });
});

describe('isAddicted: thresholds from the rules', () => {
  const override = (value: Record<string, number>) =>
    rulesOn('2025-12-31', [
      {
        ruleKey: 'addictionCriteria',
        value,
        effectiveFrom: '2025-10-01',
        reason: 'thử nghiệm',
        basis: { instrument: INSTRUMENTS.circular18_2021 },
      },
    ]);

  it('uses an overridden duration and count', () => {
    const shorter = override({ minCriteria: 3, minDurationDays: 14, recurrenceWindowMonths: 12 });
    expect(
      isAddicted({ assessedOn: '2025-12-31', observations: three('2025-01-01', '2025-01-14') }, shorter)
        .addicted,
    ).toBe(true);
    const more = override({ minCriteria: 4, minDurationDays: 30, recurrenceWindowMonths: 12 });
    expect(
      isAddicted({ assessedOn: '2025-12-31', observations: three('2025-01-01', '2025-03-01') }, more)
        .addicted,
    ).toBe(false);
  });
});

describe('isAddicted: input errors', () => {
  it('rejects reversed periods, unknown criteria and bad dates', () => {
    expect(() => assess([obs('craving', '2025-02-01', '2025-01-01')])).toThrow(RangeError);
    expect(() => assess([obs('hunger' as AddictionCriterion, '2025-01-01', '2025-01-02')])).toThrow(
      /unknown criterion/,
    );
    expect(() => assess(three('2025-01-01', '2025-01-30'), '2025-02-30')).toThrow(RangeError);
  });

  it('labels all six criteria in both languages', () => {
    expect(Object.keys(criterionLabels.vi)).toHaveLength(6);
    expect(Object.keys(criterionLabels.en)).toEqual(Object.keys(criterionLabels.vi));
  });
});
