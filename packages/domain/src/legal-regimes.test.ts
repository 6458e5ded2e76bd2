import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import { formatBases, formatBasis, INSTRUMENTS } from './legal-basis.ts';
import type { RuleOverride } from './legal-regimes.ts';
import { REGIMES, regimeOn, rulesOn } from './legal-regimes.ts';

describe('regimeOn', () => {
  it.each([
    ['2022-01-01', 'law73-2022'],
    ['2025-02-28', 'law73-2022'],
    ['2025-03-01', 'police-transfer-2025'],
    ['2025-06-30', 'police-transfer-2025'],
    ['2025-07-01', 'two-tier-2025'],
    ['2026-06-30', 'two-tier-2025'],
    ['2026-07-01', 'law120-2026'],
    ['2199-12-31', 'law120-2026'],
  ])('%s is under %s', (date, id) => {
    expect(regimeOn(date).id).toBe(id);
    expect(rulesOn(date).regimeId).toBe(id);
  });

  it('refuses dates before the first regime and invalid dates', () => {
    expect(() => regimeOn('2021-12-31')).toThrow(RangeError);
    expect(() => regimeOn('2021-12-31')).toThrow(/no legal regime before 2022-01-01/);
    expect(() => rulesOn('2025-02-30')).toThrow(/invalid date/);
  });

  it('has contiguous regimes with no gap or overlap', () => {
    for (let i = 0; i + 1 < REGIMES.length; i++) {
      expect(addDays(REGIMES[i].to as string, 1)).toBe(REGIMES[i + 1].from);
    }
    expect(REGIMES[REGIMES.length - 1].to).toBeNull();
  });

  it('keeps regime data frozen', () => {
    const rules = rulesOn('2023-01-01');
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules.compulsoryAdultMonths.value)).toBe(true);
  });
});

describe('rules of each regime', () => {
  it('carries the base rules of Law 73 with their basis', () => {
    const r = rulesOn('2022-01-01');
    expect(r.userManagementMonths).toMatchObject({
      value: 12,
      unit: 'months',
      authority: 'commune_chairman',
    });
    expect(r.addictionCriteria.value).toEqual({
      minCriteria: 3,
      minDurationDays: 30,
      recurrenceWindowMonths: 12,
    });
    expect(r.addictionCriteria.forms?.[0]).toMatchObject({ number: '04', instrument: INSTRUMENTS.decree109 });
    expect(r.voluntaryCommunityMonths.value).toEqual({ min: 6, max: 12 });
    expect(r.voluntaryFacilityMonths.value).toEqual({ min: 6, max: 12 });
    expect(r.voluntaryFacilityCostSupport.value).toEqual({ percent: 95, priorityGroups: 6 });
    expect(r.communityRehabSubsidyMinStages.value).toBe(3);
    expect(r.compulsoryAdultMonths.value).toEqual({ min: 12, max: 24 });
    expect(r.compulsoryAdultMonths.basis[0]).toEqual({ instrument: INSTRUMENTS.law73, article: '32' });
    expect(r.compulsoryJuvenileMonths.value).toEqual({ min: 6, max: 12 });
    expect(r.compulsoryJuvenileMonths.basis[0].article).toBe('33');
    expect(r.compulsoryJuvenileAge.value).toEqual({ min: 12, maxExclusive: 18 });
    expect(r.compulsoryPendingCountsTowardTerm.forms?.[0].number).toBe('35');
    expect(r.postRehabMonths.value).toBe(12);
    expect(r.postRehabMonths.forms?.[0]).toMatchObject({ number: '54', instrument: INSTRUMENTS.decree116 });
    expect(r.postRehabDecisionWorkingDays).toMatchObject({ value: 5, unit: 'working_days', verify: true });
    expect(r.compulsoryFixedTermMonths.value).toBeNull();
    expect(r.moveHandoverHours.value).toBeNull();
    expect(r.criminal256aWindowYears.value).toBeNull();
    expect(r.electronicMonitoring.value).toBe(false);
  });

  it('moves the compulsory dossier from the district labour office to commune police on 01/03/2025', () => {
    expect(rulesOn('2025-02-28').compulsoryDossierPreparer.value).toBe('district_labour_office');
    expect(rulesOn('2025-03-01').compulsoryDossierPreparer.value).toBe('commune_police_head');
    expect(rulesOn('2026-07-01').compulsoryDossierPreparer.value).toBe('commune_police_head');
  });

  it('moves compulsory decisions from district to regional courts on 01/07/2025', () => {
    expect(rulesOn('2025-06-30').compulsoryCourt.value).toBe('district_court');
    expect(rulesOn('2025-06-30').compulsoryAdultMonths.authority).toBe('district_court');
    expect(rulesOn('2025-07-01').compulsoryCourt.value).toBe('regional_court');
    expect(rulesOn('2025-07-01').compulsoryJuvenileMonths.authority).toBe('regional_court');
  });

  it('moves community-provider registration from district to province on 01/07/2025 (verify)', () => {
    expect(rulesOn('2025-06-30').communityProviderRegistrar.value).toBe('district_chairman');
    expect(rulesOn('2025-07-01').communityProviderRegistrar).toMatchObject({
      value: 'province_police_director',
      verify: true,
    });
  });

  it('starts the Art. 256a window on 01/07/2025', () => {
    expect(rulesOn('2025-06-30').criminal256aWindowYears.value).toBeNull();
    expect(rulesOn('2025-07-01').criminal256aWindowYears.value).toBe(2);
    expect(rulesOn('2025-07-01').criminal256aWindowYears.basis[0].article).toBe('256a');
  });

  it('adds the Law 120 rules on 01/07/2026', () => {
    const before = rulesOn('2026-06-30');
    const after = rulesOn('2026-07-01');
    expect(before.moveHandoverHours.value).toBeNull();
    expect(after.moveHandoverHours).toMatchObject({ value: 24, authority: 'commune_police_head' });
    expect(after.compulsoryFixedTermMonths).toMatchObject({ value: { first: 24, repeat: 36 }, verify: true });
    expect(after.userManagementDecisionHours).toMatchObject({ value: 24, verify: true });
    expect(after.electronicMonitoring).toMatchObject({ value: true, verify: true });
    expect(after.substanceDeclarationRequired.value).toBe(true);
    expect(after.criminal256aWindowYears.value).toBe(2);
  });
});

describe('rule overrides', () => {
  const basis = { instrument: { vi: 'Công văn 1/C04', en: 'Letter 1/C04' } };
  const o = (
    value: RuleOverride['value'],
    effectiveFrom: string,
    extra: Partial<RuleOverride> = {},
  ): RuleOverride => ({
    ruleKey: 'postRehabDecisionWorkingDays',
    value,
    effectiveFrom,
    reason: 'Đã đối chiếu văn bản',
    basis,
    ...extra,
  });

  it('applies from its effective date on, not before', () => {
    const overrides = [o(7, '2025-09-01')];
    expect(rulesOn('2025-08-31', overrides).postRehabDecisionWorkingDays.value).toBe(5);
    const on = rulesOn('2025-09-01', overrides).postRehabDecisionWorkingDays;
    expect(on.value).toBe(7);
    expect(on.basis).toEqual([basis]);
    expect(on.overriddenBy).toMatchObject({ effectiveFrom: '2025-09-01', reason: 'Đã đối chiếu văn bản' });
    expect(rulesOn('2030-01-01', overrides).postRehabDecisionWorkingDays.value).toBe(7);
  });

  it('picks the latest effective override; on a tie the later-listed one', () => {
    const overrides = [o(9, '2025-10-01'), o(7, '2025-09-01'), o(8, '2025-10-01')];
    expect(rulesOn('2025-09-15', overrides).postRehabDecisionWorkingDays.value).toBe(7);
    expect(rulesOn('2025-10-01', overrides).postRehabDecisionWorkingDays.value).toBe(8);
  });

  it('can be limited to one regime', () => {
    const overrides = [o(7, '2025-09-01', { regimeId: 'two-tier-2025' })];
    expect(rulesOn('2026-06-30', overrides).postRehabDecisionWorkingDays.value).toBe(7);
    expect(rulesOn('2026-07-01', overrides).postRehabDecisionWorkingDays.value).toBe(5);
  });

  it('leaves other rules and the base data untouched, and does not freeze the caller’s objects', () => {
    const range = { min: 12, max: 18 };
    const overrides: RuleOverride[] = [o(range, '2024-01-01', { ruleKey: 'compulsoryAdultMonths' })];
    const r = rulesOn('2024-06-01', overrides);
    expect(r.compulsoryAdultMonths.value).toEqual({ min: 12, max: 18 });
    expect(r.compulsoryAdultMonths.authority).toBe('district_court');
    expect(r.postRehabMonths).toBe(rulesOn('2024-06-01').postRehabMonths);
    expect(rulesOn('2024-06-01').compulsoryAdultMonths.value).toEqual({ min: 12, max: 24 });
    expect(Object.isFrozen(range)).toBe(false);
  });

  it('allows a number where the base value is null for nullable rules', () => {
    const r = rulesOn('2024-01-01', [o(3, '2023-01-01', { ruleKey: 'criminal256aWindowYears' })]);
    expect(r.criminal256aWindowYears.value).toBe(3);
  });

  it.each([
    ['a string for a number', o('5', '2025-01-01')],
    ['null for a non-nullable rule', o(null, '2025-01-01')],
    ['a negative number', o(-1, '2025-01-01')],
    ['missing keys', o({ min: 1 }, '2025-01-01', { ruleKey: 'compulsoryAdultMonths' })],
    ['min above max', o({ min: 30, max: 24 }, '2025-01-01', { ruleKey: 'compulsoryAdultMonths' })],
    ['an unknown rule', o(1, '2025-01-01', { ruleKey: 'nope' as never })],
    ['an invalid date', o(7, '2025-02-30')],
    ['an empty reason', o(7, '2025-01-01', { reason: ' ' })],
  ])('rejects %s', (_label, override) => {
    expect(() => rulesOn('2025-06-01', [override])).toThrow(TypeError);
  });
});

describe('formatBasis', () => {
  it('cites article, clause and chapter in both languages', () => {
    expect(formatBasis({ instrument: INSTRUMENTS.law73, article: '32' }, 'vi')).toBe(
      'Điều 32 Luật 73/2021/QH14',
    );
    expect(formatBasis({ instrument: INSTRUMENTS.law73, article: '32' }, 'en')).toBe(
      'Art. 32, Law 73/2021/QH14',
    );
    const clause = { instrument: INSTRUMENTS.labourCode2019, article: '111', clause: '3' };
    expect(formatBasis(clause, 'vi')).toBe('khoản 3 Điều 111 Bộ luật Lao động 2019');
    expect(formatBasis(clause, 'en')).toBe('Art. 111(3), Labour Code 2019');
    expect(formatBasis({ instrument: INSTRUMENTS.decree105, chapter: 'IV' }, 'en')).toBe(
      'Ch. IV, Decree 105/2021/ND-CP',
    );
    expect(formatBasis({ instrument: INSTRUMENTS.circular18_2021 }, 'vi')).toBe('Thông tư 18/2021/TT-BYT');
    expect(formatBases(rulesOn('2022-01-01').userManagementMonths.basis, 'vi')).toBe(
      'Điều 23 Luật 73/2021/QH14; Chương IV Nghị định 105/2021/NĐ-CP',
    );
  });
});
