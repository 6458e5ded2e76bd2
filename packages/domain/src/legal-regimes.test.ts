import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.ts';
import { formatBases, formatBasis, INSTRUMENTS, ROLE_IDS } from './legal-basis.ts';
import type { Rule, RuleKey, RuleOverride } from './legal-regimes.ts';
import { isHistoricalDate, REGIMES, RULE_SHAPES, regimeOn, rulesOn } from './legal-regimes.ts';

describe('regimeOn', () => {
  it.each([
    ['2001-06-01', 'pre-2022'],
    ['2021-12-31', 'pre-2022'],
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
    expect(() => regimeOn('2001-05-31')).toThrow(RangeError);
    expect(() => regimeOn('2001-05-31')).toThrow(/no legal regime before 2001-06-01/);
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

// Every rule of every regime, walked from the regime's first day: which instruments it cites.
const KEYS = Object.keys(RULE_SHAPES) as RuleKey[];
const cites = (date: string, instrument: { vi: string }) =>
  KEYS.filter((k) => (rulesOn(date)[k] as Rule).basis.some((b) => b.instrument.vi === instrument.vi));

describe('which law each regime cites', () => {
  it('cites nothing of Law 73 from 01/07/2026 on (Law 120 replaced it)', () => {
    for (const date of ['2026-07-01', '2026-12-01', '2030-01-01'])
      expect(cites(date, INSTRUMENTS.law73)).toEqual([]);
    // …and the rules that cited Law 73 the day before cite Law 120 the day after, flagged until checked.
    const before = cites('2026-06-30', INSTRUMENTS.law73);
    expect(before.length).toBeGreaterThan(5);
    for (const k of before) {
      const rule = rulesOn('2026-07-01')[k] as Rule;
      expect(
        rule.basis.some((b) => b.instrument === INSTRUMENTS.law120),
        k,
      ).toBe(true);
      expect(rule.verify, k).toBe(true);
    }
  });

  it('cites neither Law 120 before 01/07/2026 nor Law 73 before 2022 (sanity, the other way)', () => {
    for (const date of ['2022-01-01', '2025-03-01', '2025-07-01', '2026-06-30'])
      expect(cites(date, INSTRUMENTS.law120)).toEqual([]);
    for (const date of ['2001-06-01', '2021-12-31']) {
      expect(cites(date, INSTRUMENTS.law73)).toEqual([]);
      expect(cites(date, INSTRUMENTS.law120)).toEqual([]);
      expect(cites(date, INSTRUMENTS.decree116)).toEqual([]);
    }
  });

  it('gives every rule of every regime a basis, and the rules of Law 120 with no article are "verify"', () => {
    for (const regime of REGIMES) {
      for (const k of KEYS) {
        const rule = regime.rules[k] as Rule;
        expect(rule.basis.length, `${regime.id}.${k}`).toBeGreaterThan(0);
        if (rule.authority) expect(ROLE_IDS, `${regime.id}.${k}`).toContain(rule.authority);
        if (
          regime.id === 'law120-2026' &&
          rule.basis.some((b) => b.instrument === INSTRUMENTS.law120 && !b.article)
        )
          expect(rule.verify, `${regime.id}.${k}`).toBe(true);
      }
    }
  });
});

describe('Law 120 (from 01/07/2026)', () => {
  it('sets 24 months for a first rehab and 36 for a later one, for every form', () => {
    expect(rulesOn('2026-06-30').rehabFixedTermMonths.value).toBeNull();
    const r = rulesOn('2026-07-01');
    expect(r.rehabFixedTermMonths).toMatchObject({ value: { first: 24, repeat: 36 }, verify: true });
    for (const k of [
      'voluntaryCommunityMonths',
      'voluntaryFacilityMonths',
      'compulsoryAdultMonths',
      'compulsoryJuvenileMonths',
    ] as const) {
      expect(rulesOn('2026-06-30')[k].value.max, k).toBeLessThanOrEqual(24);
      expect(r[k].value, k).toEqual({ min: 24, max: 36 });
    }
  });

  it('has the commune police decide on user management, for 1 year, within 24 h (verify)', () => {
    expect(rulesOn('2026-06-30').userManagementMonths.authority).toBe('commune_chairman');
    const r = rulesOn('2026-07-01');
    expect(r.userManagementMonths).toMatchObject({
      value: 12,
      authority: 'commune_police_head',
      verify: true,
    });
    expect(r.userManagementDecisionHours.value).toBe(24);
  });
});

describe('the pre-2022 regime (Law on Drug Prevention 2000, amended 2008)', () => {
  it('runs from 01/06/2001 to 31/12/2021, cites the 2000 law and no 2021 form, every rule "verify"', () => {
    expect(isHistoricalDate('2021-12-31')).toBe(true);
    expect(isHistoricalDate('2022-01-01')).toBe(false);
    const r = rulesOn('2010-05-05');
    expect(r.regimeId).toBe('pre-2022');
    expect(r.compulsoryAdultMonths.value).toEqual({ min: 12, max: 24 });
    expect(r.compulsoryAdultMonths.basis[0].instrument).toBe(INSTRUMENTS.law2000);
    for (const k of KEYS) {
      const rule = r[k] as Rule;
      expect(rule.forms ?? [], k).toEqual([]);
      if (rule.basis.some((b) => b.instrument === INSTRUMENTS.law2000)) expect(rule.verify, k).toBe(true);
    }
    expect(r.criminal256aWindowYears.value).toBeNull();
    expect(r.rehabFixedTermMonths.value).toBeNull();
  });
});

describe('overriding the deciding authority', () => {
  const basis = {
    instrument: { vi: 'Nghị định hướng dẫn Luật 120', en: 'Decree under Law 120' },
    article: '5',
  };
  const o = (extra: Partial<RuleOverride>): RuleOverride => ({
    ruleKey: 'userManagementMonths',
    effectiveFrom: '2026-09-01',
    reason: 'Nghị định hướng dẫn giao thẩm quyền',
    basis,
    ...extra,
  });

  it('sets the authority from its date on, keeping the value and adding its basis', () => {
    const overrides = [o({ authority: 'commune_chairman' })];
    expect(rulesOn('2026-08-31', overrides).userManagementMonths.authority).toBe('commune_police_head');
    const on = rulesOn('2026-09-01', overrides).userManagementMonths;
    expect(on.authority).toBe('commune_chairman');
    expect(on.value).toBe(12);
    expect(on.basis[on.basis.length - 1]).toEqual(basis);
    expect(on.basis[0].instrument).toBe(INSTRUMENTS.law120);
    expect(on.overriddenBy?.effectiveFrom).toBe('2026-09-01');
  });

  it('sets value and authority together', () => {
    const on = rulesOn('2026-09-01', [o({ value: 6, authority: 'commune_chairman' })]).userManagementMonths;
    expect(on).toMatchObject({ value: 6, authority: 'commune_chairman', basis: [basis] });
  });

  it.each([
    ['an unknown role', o({ authority: 'mayor' as never })],
    ['neither a value nor an authority', o({})],
  ])('rejects %s', (_label, override) => {
    expect(() => rulesOn('2026-09-01', [override])).toThrow(TypeError);
  });
});
