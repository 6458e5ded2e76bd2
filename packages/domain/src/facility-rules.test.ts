import { describe, expect, it } from 'vitest';
import {
  absenceCounts,
  absenceDays,
  checkReduction,
  checkStageMove,
  daysRemaining,
  daysServed,
  facilityRulesOn,
  plannedRelease,
  releaseNoticeLate,
  type TermState,
} from './facility-rules.ts';

const rules = facilityRulesOn('2024-01-01')!;
const term: TermState = {
  termStart: '2024-01-01',
  baseEnd: '2024-12-31',
  uncountedDays: 0,
  reductionDays: 0,
  earlyReleaseOn: null,
};

describe('facility rules', () => {
  it('are dated: none before the 2000 law took effect, a set for every later date', () => {
    expect(facilityRulesOn('2001-05-31')).toBeNull();
    expect(facilityRulesOn('2021-12-31')?.releaseNoticeDaysBefore.verify).toBe(true);
    expect(facilityRulesOn('2022-01-01')?.releaseNoticeDaysBefore.value).toBeGreaterThan(0);
    expect(facilityRulesOn('2027-01-01')?.releaseNoticeDaysBefore.basis[0].instrument.en).toContain('120');
  });
  it('keep the stages in order', () => {
    expect(checkStageMove(null, { stage: 1, beganOn: '2024-01-01' }).ok).toBe(true);
    expect(checkStageMove(null, { stage: 2, beganOn: '2024-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'STAGE_ORDER' },
    });
    expect(checkStageMove({ stage: 1, beganOn: '2024-01-05' }, { stage: 3, beganOn: '2024-02-01' }).ok).toBe(
      false,
    );
    expect(
      checkStageMove({ stage: 1, beganOn: '2024-01-05' }, { stage: 2, beganOn: '2024-01-04' }),
    ).toMatchObject({ ok: false, error: { code: 'STAGE_DATE' } });
    expect(checkStageMove({ stage: 4, beganOn: '2024-01-05' }, { stage: 5, beganOn: '2024-06-01' }).ok).toBe(
      true,
    );
  });
  it('moves the release by uncounted days and reductions, or to an early release', () => {
    expect(plannedRelease(term)).toBe('2024-12-31');
    expect(plannedRelease({ ...term, uncountedDays: 10, reductionDays: 30 })).toBe('2024-12-11');
    expect(plannedRelease({ ...term, earlyReleaseOn: '2024-09-01' })).toBe('2024-09-01');
    expect(plannedRelease({ ...term, baseEnd: null })).toBeNull();
  });
  it('counts days served without uncounted days, and days remaining', () => {
    expect(daysServed(term, '2024-01-01')).toBe(1);
    expect(daysServed({ ...term, uncountedDays: 5 }, '2024-01-31')).toBe(26);
    expect(daysServed(term, '2024-01-31', '2024-01-30')).toBe(29);
    expect(daysRemaining(term, '2024-12-01')).toBe(30);
    expect(daysRemaining(term, '2025-02-01')).toBe(0);
    expect(absenceDays('2024-03-01', '2024-03-11')).toBe(10);
  });
  it('takes from the rules whether an absence counts', () => {
    expect(absenceCounts('escape', rules)).toBe(rules.escapeTimeCounts);
    expect(absenceCounts('suspension', rules)).toBe(rules.hospitalSuspensionTimeCounts);
    expect(absenceCounts('postponement', rules)).toBe(rules.postponementTimeCounts);
  });
  it('refuses reductions for voluntary residents, before the minimum share, and past the remainder', () => {
    const r = (basis: 'voluntary' | 'compulsory', on: string, days: number) =>
      checkReduction(term, basis, on, { kind: 'reduction', days }, rules);
    expect(r('voluntary', '2024-10-01', 10)).toMatchObject({ error: { code: 'REDUCTION_NOT_APPLICABLE' } });
    const half = Math.ceil((366 * rules.termReductionMinServedPercent.value) / 100);
    const before = `2024-01-01`;
    expect(r('compulsory', before, 10)).toMatchObject({ error: { code: 'REDUCTION_TOO_EARLY' } });
    expect(daysServed(term, '2024-07-01')).toBeGreaterThanOrEqual(half - 1);
    expect(r('compulsory', '2024-10-01', 10).ok).toBe(true);
    expect(r('compulsory', '2024-12-20', 30)).toMatchObject({
      error: { code: 'REDUCTION_BEYOND_REMAINDER' },
    });
    expect(
      checkReduction(
        term,
        'compulsory',
        '2024-10-01',
        { kind: 'early_release', releaseOn: '2024-10-15' },
        rules,
      ).ok,
    ).toBe(true);
    const err = r('compulsory', before, 10);
    expect(!err.ok && err.error.basis?.length).toBeTruthy();
  });
  it('flags a late release notice', () => {
    const d = rules.releaseNoticeDaysBefore.value;
    expect(releaseNoticeLate('2024-12-01', '2024-12-31', rules)).toBe(d > 30);
    expect(releaseNoticeLate('2024-12-30', '2024-12-31', rules)).toBe(true);
  });
});

describe('facility rules as regime rules', () => {
  const basis = { instrument: { vi: 'Nghị định 999/2026/NĐ-CP', en: 'Decree 999/2026/ND-CP' } };
  it('change basis on the day Law 120 takes effect and keep their values', () => {
    const before = facilityRulesOn('2026-06-30')!;
    const after = facilityRulesOn('2026-07-01')!;
    expect(before.releaseNoticeDaysBefore.basis[0].instrument.en).not.toContain('120');
    expect(after.releaseNoticeDaysBefore.basis[0].instrument.en).toContain('120');
    expect(after.releaseNoticeDaysBefore.value).toBe(before.releaseNoticeDaysBefore.value);
    for (const r of [before, after]) {
      expect(r.termReductionMinServedPercent.verify).toBe(true);
      expect(r.termReductionMinServedPercent.basis.length).toBeGreaterThan(0);
    }
  });
  it('take an administrator override from its effective date on, not the day before', () => {
    const o = {
      ruleKey: 'releaseNoticeDaysBefore' as const,
      value: 30,
      effectiveFrom: '2025-01-01',
      reason: 'Sửa theo văn bản mới',
      basis,
    };
    expect(facilityRulesOn('2024-12-31', [o])!.releaseNoticeDaysBefore.value).toBe(15);
    const on = facilityRulesOn('2025-01-01', [o])!.releaseNoticeDaysBefore;
    expect(on.value).toBe(30);
    expect(on.overriddenBy?.reason).toBe('Sửa theo văn bản mới');
    expect(releaseNoticeLate('2025-03-10', '2025-04-01', facilityRulesOn('2025-01-01', [o])!)).toBe(true);
    expect(releaseNoticeLate('2025-03-10', '2025-04-01', facilityRulesOn('2024-12-31', [o])!)).toBe(false);
  });
  it('refuse an override of the wrong shape', () => {
    expect(() =>
      facilityRulesOn('2025-01-01', [
        { ruleKey: 'escapeTimeCounts', value: 3, effectiveFrom: '2025-01-01', reason: 'x', basis },
      ]),
    ).toThrow(TypeError);
  });
});
