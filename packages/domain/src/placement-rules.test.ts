import { describe, expect, it } from 'vitest';
import { rulesOn } from './legal-regimes.ts';
import { checkLicenceIssuer, checkPlacement, isJuvenileOn, kindsOf, licenceOn } from './placement-rules.ts';

const at = (kind: string, licences?: { number: string; issuedOn: string; validUntil: string }[]) => ({
  kind,
  name: 'Cơ sở A',
  licences,
});
const ADULT = '1990-05-05';
// 12 on 2026-03-01, 18 on 2032-03-01.
const MINOR = '2014-03-01';
const LICENCE = { number: '01/GP-CAT', issuedOn: '2026-01-10', validUntil: '2026-12-31' };

describe('placement: compulsory rehab', () => {
  it('is allowed in a public facility and refused in a private one, a methadone clinic or a health station', () => {
    for (const date of ['2023-05-01', '2026-12-01']) {
      expect(
        checkPlacement({ episodeType: 'compulsory', facility: at('rehab_public'), date, birthDate: ADULT }),
      ).toEqual({ ok: true });
      for (const kind of ['rehab_private', 'methadone_clinic', 'health_station', 'community_rehab']) {
        const r = checkPlacement({
          episodeType: 'compulsory',
          facility: at(kind, [LICENCE]),
          date,
          birthDate: ADULT,
        });
        expect(r.ok, `${kind} ${date}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('FACILITY_KIND_NOT_ALLOWED');
          expect(r.error.vi).toContain('cơ sở cai nghiện ma túy công lập');
          expect(r.error.basis?.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('cites Law 120 from 01/07/2026 and Law 73 the day before', () => {
    const before = checkPlacement({
      episodeType: 'compulsory',
      facility: at('methadone_clinic'),
      date: '2026-06-30',
      birthDate: ADULT,
    });
    const after = checkPlacement({
      episodeType: 'compulsory',
      facility: at('methadone_clinic'),
      date: '2026-07-01',
      birthDate: ADULT,
    });
    expect(!before.ok && before.error.vi).toContain('Luật 73/2021/QH14');
    expect(!after.ok && after.error.vi).toContain('Luật 120/2025/QH15');
    expect(!after.ok && after.error.vi).not.toContain('Luật 73');
  });

  it('takes juveniles in a reform school from 01/07/2026, not before, and never adults', () => {
    const minor = { episodeType: 'compulsory' as const, facility: at('reform_school'), birthDate: MINOR };
    expect(checkPlacement({ ...minor, date: '2026-07-01' })).toEqual({ ok: true });
    expect(checkPlacement({ ...minor, date: '2026-12-01' })).toEqual({ ok: true });
    const early = checkPlacement({ ...minor, date: '2026-06-30' });
    expect(!early.ok && early.error.code).toBe('FACILITY_KIND_NOT_ALLOWED');
    // A public facility takes juveniles under both laws.
    expect(checkPlacement({ ...minor, facility: at('rehab_public'), date: '2026-06-30' })).toEqual({
      ok: true,
    });
    expect(checkPlacement({ ...minor, facility: at('rehab_public'), date: '2026-12-01' })).toEqual({
      ok: true,
    });
    const adult = checkPlacement({ ...minor, birthDate: ADULT, date: '2026-12-01' });
    expect(!adult.ok && adult.error.code).toBe('REFORM_SCHOOL_JUVENILES_ONLY');
    expect(!adult.ok && adult.error.en).toContain('reform school');
  });

  it('counts the age on the date: 18 on the birthday leaves the reform school, 17 the day before stays', () => {
    const born = '2008-12-01';
    const base = { episodeType: 'compulsory' as const, facility: at('reform_school'), birthDate: born };
    expect(checkPlacement({ ...base, date: '2026-11-30' })).toEqual({ ok: true });
    const on18 = checkPlacement({ ...base, date: '2026-12-01' });
    expect(!on18.ok && on18.error.code).toBe('REFORM_SCHOOL_JUVENILES_ONLY');
    expect(isJuvenileOn(born, '2026-11-30', rulesOn('2026-11-30'))).toBe(true);
    expect(isJuvenileOn(born, '2026-12-01', rulesOn('2026-12-01'))).toBe(false);
    expect(isJuvenileOn(null, '2026-12-01', rulesOn('2026-12-01'))).toBe(false);
  });

  it('applies the same rule to waiting for the decision at a facility', () => {
    const r = checkPlacement({
      episodeType: 'compulsory_pending',
      facility: at('rehab_private', [LICENCE]),
      date: '2026-12-01',
      birthDate: ADULT,
    });
    expect(!r.ok && r.error.code).toBe('FACILITY_KIND_NOT_ALLOWED');
  });
});

describe('placement: voluntary rehab and substitution therapy', () => {
  it('takes voluntary rehab in a private facility only while a licence covers the date', () => {
    const base = { episodeType: 'voluntary_facility' as const, birthDate: ADULT };
    expect(checkPlacement({ ...base, facility: at('rehab_private', [LICENCE]), date: '2026-12-01' })).toEqual(
      {
        ok: true,
      },
    );
    expect(checkPlacement({ ...base, facility: at('rehab_private', [LICENCE]), date: '2026-12-31' })).toEqual(
      {
        ok: true,
      },
    );
    const expired = checkPlacement({ ...base, facility: at('rehab_private', [LICENCE]), date: '2027-01-01' });
    expect(!expired.ok && expired.error.code).toBe('FACILITY_LICENCE_NOT_VALID');
    expect(!expired.ok && expired.error.vi).toContain('31/12/2026');
    const early = checkPlacement({ ...base, facility: at('rehab_private', [LICENCE]), date: '2026-01-09' });
    expect(!early.ok && early.error.code).toBe('FACILITY_LICENCE_NOT_VALID');
    const none = checkPlacement({ ...base, facility: at('rehab_private', []), date: '2026-12-01' });
    expect(!none.ok && none.error.code).toBe('FACILITY_LICENCE_MISSING');
    expect(checkPlacement({ ...base, facility: at('rehab_public'), date: '2026-12-01' })).toEqual({
      ok: true,
    });
    const clinic = checkPlacement({ ...base, facility: at('methadone_clinic'), date: '2026-12-01' });
    expect(!clinic.ok && clinic.error.code).toBe('FACILITY_KIND_NOT_ALLOWED');
  });

  it('gives substitution therapy only in a methadone clinic', () => {
    const base = { episodeType: 'substitution_therapy' as const, date: '2026-12-01', birthDate: ADULT };
    expect(checkPlacement({ ...base, facility: at('methadone_clinic') })).toEqual({ ok: true });
    const r = checkPlacement({ ...base, facility: at('rehab_public') });
    expect(!r.ok && r.error.vi).toContain('Nghị định 90/2016/NĐ-CP');
  });

  it('does not judge pathways that are not served in a facility', () => {
    expect(
      checkPlacement({ episodeType: 'post_rehab', facility: at('health_station'), date: '2026-12-01' }),
    ).toEqual({ ok: true });
  });
});

describe('placement: rule data', () => {
  it('follows an administrator override of the kinds allowed', () => {
    const overrides = [
      {
        ruleKey: 'compulsoryFacilityKinds' as const,
        value: 'rehab_public,rehab_private',
        effectiveFrom: '2026-11-01',
        reason: 'thử',
        basis: { instrument: { vi: 'Nghị định X', en: 'Decree X' } },
      },
    ];
    const r = checkPlacement({
      episodeType: 'compulsory',
      facility: at('rehab_private', [LICENCE]),
      date: '2026-12-01',
      birthDate: ADULT,
      overrides,
    });
    expect(r).toEqual({ ok: true });
    expect(kindsOf(rulesOn('2026-12-01', overrides).compulsoryFacilityKinds)).toEqual([
      'rehab_public',
      'rehab_private',
    ]);
  });

  it('picks the licence covering the date among renewals', () => {
    const renewed = { number: '02/GP-CAT', issuedOn: '2027-01-01', validUntil: '2031-12-31' };
    expect(licenceOn([LICENCE, renewed], '2027-01-01')?.number).toBe('02/GP-CAT');
    expect(licenceOn([LICENCE, renewed], '2026-06-01')?.number).toBe('01/GP-CAT');
    expect(licenceOn([LICENCE, renewed], '2025-06-01')).toBeNull();
  });

  it('names the licensing authority per regime', () => {
    expect(rulesOn('2024-01-01').privateFacilityLicenser.value).toBe('province_labour_director');
    expect(rulesOn('2026-12-01').privateFacilityLicenser.authority).toBe('province_police_director');
  });
});

describe('licence issuer', () => {
  it('wants the police director from the transfer to the police, the labour director before', () => {
    const police = 'Giám đốc Công an tỉnh Quảng Ninh';
    const labour = 'Giám đốc Sở LĐTBXH tỉnh Quảng Ninh';
    expect(checkLicenceIssuer(police, '2026-12-01', rulesOn('2026-12-01'))).toEqual({ ok: true });
    const wrong = checkLicenceIssuer(labour, '2026-12-01', rulesOn('2026-12-01'));
    expect(!wrong.ok && wrong.error.code).toBe('LICENCE_ISSUER');
    expect(!wrong.ok && wrong.error.vi).toContain('Luật 120/2025/QH15');
    expect(checkLicenceIssuer(labour, '2024-06-01', rulesOn('2024-06-01'))).toEqual({ ok: true });
    const early = checkLicenceIssuer(police, '2024-06-01', rulesOn('2024-06-01'));
    expect(!early.ok && early.error.vi).toContain('Nghị định 116/2021/NĐ-CP');
  });
});
