import { describe, expect, it } from 'vitest';
import {
  ageOn,
  effectiveEnd,
  FAR_FUTURE,
  isActiveOn,
  plannedEnd,
  priorRehabOf,
  validateTerm,
} from './episode-terms.ts';
import { INSTRUMENTS } from './legal-basis.ts';
import { rulesOn } from './legal-regimes.ts';

describe('plannedEnd', () => {
  it.each([
    ['compulsory', '2024-03-15', 12, '2025-03-14'],
    ['compulsory', '2024-03-01', 12, '2025-02-28'],
    ['compulsory', '2024-02-29', 24, '2026-02-28'],
    ['voluntary_community', '2024-01-31', 1, '2024-02-29'],
    ['voluntary_community', '2023-01-31', 1, '2023-02-28'],
    ['voluntary_facility', '2024-05-01', 6, '2024-10-31'],
    ['voluntary_facility', '2024-08-31', 6, '2025-02-28'],
  ] as const)('%s from %s for %i months ends %s', (type, start, months, end) => {
    expect(plannedEnd(type, start, months)).toBe(end);
  });

  it('takes fixed terms from the rules in force on the start date', () => {
    expect(plannedEnd('user_management', '2025-01-10')).toBe('2026-01-09');
    expect(plannedEnd('post_rehab', '2024-02-29')).toBe('2025-02-28');
    const longer = rulesOn('2025-01-10', [
      {
        ruleKey: 'postRehabMonths',
        value: 18,
        effectiveFrom: '2025-01-01',
        reason: 'thử',
        basis: { instrument: INSTRUMENTS.law73, article: '40' },
      },
    ]);
    expect(plannedEnd('post_rehab', '2025-01-10', undefined, longer)).toBe('2026-07-09');
  });

  it('has no end for open episodes and needs months for ranged ones', () => {
    expect(plannedEnd('substitution_therapy', '2025-01-10')).toBeNull();
    expect(plannedEnd('compulsory_pending', '2025-01-10', 6)).toBeNull();
    expect(() => plannedEnd('compulsory', '2025-01-10')).toThrow(RangeError);
    expect(() => plannedEnd('compulsory', '2025-01-10', 0)).toThrow(RangeError);
    expect(() => plannedEnd('compulsory', '2025-01-10', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts full years, turning older on the birthday', () => {
    expect(ageOn('2007-07-01', '2025-06-30')).toBe(17);
    expect(ageOn('2007-07-01', '2025-07-01')).toBe(18);
    expect(ageOn('2007-07-01', '2007-07-01')).toBe(0);
  });

  it('makes a 29/02 birthday count from 01/03 in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('takes partial birth dates as the latest possible day', () => {
    expect(ageOn('2007', '2025-12-30')).toBe(17);
    expect(ageOn('2007', '2025-12-31')).toBe(18);
    expect(ageOn('2007-06', '2025-06-29')).toBe(17);
    expect(ageOn('2007-06', '2025-06-30')).toBe(18);
    expect(ageOn('2008-02', '2026-02-28')).toBe(17); // taken as 29/02/2008
    expect(ageOn('2008-02', '2026-03-01')).toBe(18);
  });

  it('rejects invalid input', () => {
    expect(() => ageOn('2007-07-01', '2007-06-30')).toThrow(RangeError);
    expect(() => ageOn('2007-13', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('07/01/2007', '2025-01-01')).toThrow(RangeError);
  });
});

const term = (type: Parameters<typeof validateTerm>[0]['type'], months: number | null, extra = {}) =>
  validateTerm({ type, months, birthDate: '1990-05-05', decisionDate: '2025-03-10', ...extra });

describe('validateTerm: compulsory rehab', () => {
  it('cites the adult rule when 30 months are asked', () => {
    const r = term('compulsory', 30);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'TERM_OUT_OF_RANGE',
        vi: 'Thời hạn cai nghiện bắt buộc đối với người từ đủ 18 tuổi là 12–24 tháng (Điều 32 Luật 73/2021/QH14)',
        en: 'Compulsory rehab for persons aged 18 or over lasts 12–24 months (Art. 32, Law 73/2021/QH14)',
        basis: rulesOn('2025-03-10').compulsoryAdultMonths.basis,
      },
    });
  });

  it.each([
    [11, false],
    [12, true],
    [24, true],
    [25, false],
  ])('adult, %i months → ok %s', (months, ok) => {
    expect(term('compulsory', months).ok).toBe(ok);
  });

  it.each([
    [5, false],
    [6, true],
    [12, true],
    [13, false],
  ])('juvenile, %i months → ok %s', (months, ok) => {
    expect(term('compulsory', months, { birthDate: '2008-01-01' }).ok).toBe(ok);
  });

  it('cites the juvenile rule', () => {
    const r = term('compulsory', 18, { birthDate: '2008-01-01' });
    expect(r.ok === false && r.error.vi).toBe(
      'Thời hạn cai nghiện bắt buộc đối với người từ đủ 12 tuổi đến dưới 18 tuổi là 6–12 tháng (Điều 33 Luật 73/2021/QH14)',
    );
  });

  it('judges age on the decision date: the 18th birthday switches to the adult rule', () => {
    const input = { type: 'compulsory', months: 18, birthDate: '2007-07-01' } as const;
    expect(validateTerm({ ...input, decisionDate: '2025-06-30' }).ok).toBe(false);
    expect(validateTerm({ ...input, decisionDate: '2025-07-01' }).ok).toBe(true);
  });

  it('refuses anyone under 12 and accepts from the 12th birthday', () => {
    const under = validateTerm({
      type: 'compulsory',
      months: 6,
      birthDate: '2013-03-11',
      decisionDate: '2025-03-10',
    });
    expect(under).toMatchObject({ ok: false, error: { code: 'COMPULSORY_UNDER_MIN_AGE' } });
    expect(under.ok === false && under.error.vi).toBe(
      'Không áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với người dưới 12 tuổi (Điều 33 Luật 73/2021/QH14)',
    );
    expect(
      validateTerm({ type: 'compulsory', months: 6, birthDate: '2013-03-10', decisionDate: '2025-03-10' }).ok,
    ).toBe(true);
  });

  it('reports an impossible birth date as a coded error', () => {
    expect(term('compulsory', 12, { birthDate: '2025-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_INVALID' },
    });
    expect(term('compulsory', 12, { birthDate: '1990-02-30' })).toMatchObject({ ok: false });
  });

  it('needs a birth date', () => {
    expect(term('compulsory', 12, { birthDate: null })).toMatchObject({
      ok: false,
      error: { code: 'BIRTH_DATE_REQUIRED' },
    });
  });

  it('uses the fixed 24/36-month terms under Law 120 (verify)', () => {
    const law120 = { decisionDate: '2026-07-01' };
    expect(term('compulsory', 24, law120).ok).toBe(true);
    expect(term('compulsory', 36, law120).ok).toBe(true);
    const r = term('compulsory', 12, law120);
    expect(r.ok === false && r.error.vi).toContain('(Luật 120/2025/QH15)');
    expect(term('compulsory', 36, { ...law120, priorRehab: false }).ok).toBe(false);
    expect(term('compulsory', 24, { ...law120, priorRehab: true }).ok).toBe(false);
    expect(term('compulsory', 36, { ...law120, priorRehab: true }).ok).toBe(true);
    // Juveniles too: 24/36 for every form (was 6–12 under Law 73).
    expect(term('compulsory', 12, { ...law120, birthDate: '2010-01-01' }).ok).toBe(false);
    expect(term('compulsory', 24, { ...law120, birthDate: '2010-01-01', priorRehab: false }).ok).toBe(true);
    expect(term('compulsory', 12, { decisionDate: '2026-06-30', birthDate: '2010-01-01' }).ok).toBe(true);
    expect(term('compulsory', 24, { decisionDate: '2026-06-30' }).ok).toBe(true);
    expect(term('compulsory', 36, { decisionDate: '2026-06-30' }).ok).toBe(false);
  });

  it('follows an override passed as the regime', () => {
    const regime = rulesOn('2025-03-10', [
      {
        ruleKey: 'compulsoryAdultMonths',
        value: { min: 12, max: 30 },
        effectiveFrom: '2025-03-01',
        reason: 'thử',
        basis: { instrument: INSTRUMENTS.law73, article: '32' },
      },
    ]);
    expect(term('compulsory', 30, { regime }).ok).toBe(true);
  });
});

describe('validateTerm: other episode types', () => {
  it.each([
    ['voluntary_community', 5, false],
    ['voluntary_community', 6, true],
    ['voluntary_community', 12, true],
    ['voluntary_community', 13, false],
    ['voluntary_facility', 5, false],
    ['voluntary_facility', 6, true],
    ['voluntary_facility', 12, true],
    ['voluntary_facility', 13, false],
  ] as const)('%s for %i months → ok %s', (type, months, ok) => {
    expect(term(type, months).ok).toBe(ok);
  });

  it('cites Art. 30 and 31', () => {
    const c = term('voluntary_community', 13);
    expect(c.ok === false && c.error.vi).toBe(
      'Thời hạn cai nghiện tự nguyện tại gia đình, cộng đồng là 6–12 tháng (Điều 30 Luật 73/2021/QH14)',
    );
    const f = term('voluntary_facility', 3);
    expect(f.ok === false && f.error.en).toBe(
      'Voluntary rehab at a facility lasts 6–12 months (Art. 31, Law 73/2021/QH14)',
    );
  });

  it('fills in and enforces the fixed one-year terms', () => {
    expect(term('user_management', null)).toMatchObject({ ok: true, months: 12 });
    expect(term('post_rehab', 12)).toMatchObject({ ok: true, months: 12 });
    const r = term('post_rehab', 6);
    expect(r).toMatchObject({ ok: false, error: { code: 'TERM_FIXED' } });
    expect(r.ok === false && r.error.vi).toBe(
      'Thời hạn quản lý sau cai nghiện ma túy là 12 tháng (Điều 40 Luật 73/2021/QH14)',
    );
    expect(term('user_management', 6)).toMatchObject({ ok: false, error: { code: 'TERM_FIXED' } });
  });

  it('has no term for substitution therapy and a pending dossier', () => {
    expect(term('substitution_therapy', null)).toEqual({ ok: true, months: null, rule: null });
    expect(term('compulsory_pending', 6)).toMatchObject({
      ok: false,
      error: { code: 'TERM_NOT_APPLICABLE' },
    });
  });

  it('needs a positive whole number of months', () => {
    expect(term('voluntary_facility', 6.5)).toMatchObject({ ok: false, error: { code: 'TERM_INVALID' } });
    expect(term('voluntary_facility', 0)).toMatchObject({ ok: false, error: { code: 'TERM_INVALID' } });
    expect(term('voluntary_facility', null)).toMatchObject({
      ok: false,
      error: { code: 'TERM_OUT_OF_RANGE' },
    });
  });
});

describe('validateTerm: every form of rehab under Law 120 (24 months first, 36 later; verify)', () => {
  it.each(['voluntary_community', 'voluntary_facility'] as const)(
    '%s: 6–12 months until 30/06/2026, 24/36 from 01/07/2026',
    (type) => {
      expect(validateTerm({ type, months: 12, decisionDate: '2026-06-30' }).ok).toBe(true);
      expect(validateTerm({ type, months: 24, decisionDate: '2026-06-30' }).ok).toBe(false);
      expect(validateTerm({ type, months: 12, decisionDate: '2026-07-01' }).ok).toBe(false);
      expect(validateTerm({ type, months: 24, decisionDate: '2026-07-01', priorRehab: false }).ok).toBe(true);
      expect(validateTerm({ type, months: 36, decisionDate: '2026-07-01', priorRehab: false }).ok).toBe(
        false,
      );
      expect(validateTerm({ type, months: 36, decisionDate: '2026-07-01', priorRehab: true }).ok).toBe(true);
      const r = validateTerm({ type, months: 24, decisionDate: '2026-07-01', priorRehab: true });
      expect(r.ok === false && r.error.vi).toContain('Luật 120/2025/QH15');
      expect(r.ok === false && r.error.vi).not.toContain('73/2021');
      expect(r.ok === false && r.error.en).toContain('had rehab before');
    },
  );

  it('counts earlier rehab of every form as "later rehab", not therapy or a cancelled episode', () => {
    const on = '2026-12-01';
    const e = (
      type: Parameters<typeof priorRehabOf>[0][number]['type'],
      start: string,
      outcome?: string,
    ) => ({
      type,
      start,
      outcome: outcome ?? null,
    });
    expect(priorRehabOf([], on)).toBe(false);
    expect(priorRehabOf([e('voluntary_community', '2023-01-01', 'completed')], on)).toBe(true);
    expect(priorRehabOf([e('voluntary_facility', '2023-01-01', 'quit')], on)).toBe(true);
    expect(priorRehabOf([e('compulsory', '2020-01-01', 'completed')], on)).toBe(true);
    expect(priorRehabOf([e('substitution_therapy', '2023-01-01')], on)).toBe(false);
    expect(priorRehabOf([e('user_management', '2023-01-01')], on)).toBe(false);
    expect(priorRehabOf([e('voluntary_community', '2023-01-01', 'cancelled')], on)).toBe(false);
    // Only rehab that started before the date: the episode being opened does not count itself.
    expect(priorRehabOf([e('voluntary_community', on)], on)).toBe(false);
  });
});

describe('validateTerm before 2022 (history under the 2000 law)', () => {
  it('accepts the term written in the old decision instead of applying the 2022 ranges', () => {
    expect(
      validateTerm({ type: 'voluntary_community', months: 3, decisionDate: '2021-12-31' }),
    ).toMatchObject({ ok: true, months: 3 });
    expect(validateTerm({ type: 'voluntary_community', months: 3, decisionDate: '2022-01-01' }).ok).toBe(
      false,
    );
    expect(
      validateTerm({ type: 'compulsory', months: 18, birthDate: '1980', decisionDate: '2012-04-02' }).ok,
    ).toBe(true);
    expect(
      validateTerm({ type: 'compulsory', months: 0, birthDate: '1980', decisionDate: '2012-04-02' }).ok,
    ).toBe(false);
  });
});

describe('effectiveEnd of history (before 2022)', () => {
  it('ends an unclosed pre-2022 rehab on its planned end; a 2022 one stays open until closed', () => {
    const old = { type: 'voluntary_community' as const, start: '2015-03-02', plannedEnd: '2015-06-01' };
    expect(effectiveEnd(old)).toBe('2015-06-01');
    expect(isActiveOn(old, '2015-06-01')).toBe(true);
    expect(isActiveOn(old, '2015-06-02')).toBe(false);
    const recent = { type: 'voluntary_community' as const, start: '2022-01-01', plannedEnd: '2022-06-30' };
    expect(effectiveEnd(recent)).toBe(FAR_FUTURE);
    expect(effectiveEnd({ ...old, end: '2015-04-30' })).toBe('2015-04-30');
    expect(effectiveEnd({ type: 'substitution_therapy', start: '2015-03-02' })).toBe(FAR_FUTURE);
  });
});

describe('compulsory terms: the compulsory rule wins for adults, the rule of every form for juveniles', () => {
  const basis = { instrument: INSTRUMENTS.law120 };
  it('follows an override of compulsoryFixedTermMonths for adults only', () => {
    const regime = rulesOn('2026-09-01', [
      {
        ruleKey: 'compulsoryFixedTermMonths',
        value: { first: 18, repeat: 30 },
        effectiveFrom: '2026-08-01',
        reason: 'thử',
        basis,
      },
    ]);
    const adult = {
      type: 'compulsory' as const,
      birthDate: '1990-01-01',
      decisionDate: '2026-09-01',
      regime,
    };
    expect(validateTerm({ ...adult, months: 18, priorRehab: false }).ok).toBe(true);
    expect(validateTerm({ ...adult, months: 24, priorRehab: false }).ok).toBe(false);
    const minor = { ...adult, birthDate: '2012-01-01' };
    expect(validateTerm({ ...minor, months: 24, priorRehab: false }).ok).toBe(true);
    expect(validateTerm({ ...minor, months: 18, priorRehab: false }).ok).toBe(false);
  });
});
