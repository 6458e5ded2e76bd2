import { rulesOn } from '@hoanhap/domain/legal-regimes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// Issue 12, through the API on 01/12/2026: a placement is refused when the facility's kind (or a private
// facility's licence) does not allow it on the date, naming facilityId and citing the rule.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let admin: User;
let police: User;
const f: Record<string, string> = {};
const DATE = '2026-12-01';
const rules = rulesOn(DATE);
// The shortest term the rules in force accept (the placement, not the term, is under test).
const adultTerm = rules.compulsoryFixedTermMonths.value?.first ?? rules.compulsoryAdultMonths.value.min;
const juvenileTerm = rules.compulsoryJuvenileMonths.value.min;
const voluntaryTerm = rules.voluntaryFacilityMonths.value.min;

const licence = (over: Record<string, unknown> = {}) => ({
  number: '15/GP-CAT-PC04',
  issuedOn: '2026-02-01',
  issuer: 'Giám đốc Công an thành phố Hà Nội',
  scope: 'Tổ chức cai nghiện ma túy tự nguyện: tiếp nhận, cắt cơn, giải độc, giáo dục, tư vấn',
  validUntil: '2031-01-31',
  ...over,
});

async function facility(name: string, kind: string, over: Record<string, unknown> = {}) {
  const res = await admin.call('POST', '/api/facilities', { name, kind, provinceCode: UNITS.hanoi, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A person addicted since the autumn, ready for a court order or a contract on 01/12/2026. */
async function addicted(birthDate = '1990-05-12') {
  const { id } = await k.person(police, { birthDate });
  const det = await police.call(
    'POST',
    `/api/people/${id}/addiction-determinations`,
    determinationBody('2026-11-20', '2026-09-01'),
  );
  expect(det.statusCode, det.body).toBe(201);
  return id;
}

const courtOrder = (facilityId: string, termMonths: number) => ({
  type: 'compulsory',
  startDate: DATE,
  termMonths,
  facilityId,
  grounds: ['not_registered_voluntary'],
  court: { name: 'Tòa án nhân dân khu vực 1 - Hà Nội', decisionNumber: '21/QĐ-TA', decisionDate: DATE },
});
const contract = (facilityId: string) => ({
  type: 'voluntary_facility',
  startDate: DATE,
  termMonths: voluntaryTerm,
  facilityId,
  contract: { number: 'HĐ-12', signedOn: DATE },
});

function expectRefusal(res: { statusCode: number; json: () => any; body: string }, rule: string) {
  expect(res.statusCode, res.body).toBe(422);
  const body = res.json();
  expect(body).toMatchObject({ rule, errors: [{ field: 'facilityId', rule }] });
  expect(body.messages.vi.length).toBeGreaterThan(10);
  expect(body.messages.en.length).toBeGreaterThan(10);
  expect(body.basis.length).toBeGreaterThan(0);
  // Acts dated after 01/07/2026 cite Law 120, never Law 73.
  expect(body.basis.map((b: { vi: string }) => b.vi).join(' ')).not.toContain('73/2021');
  return body;
}

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday(DATE);
  admin = await k.t.userAs('system_admin', 'nation', null);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  f.public = await facility('Cơ sở cai nghiện ma túy số 1 Hà Nội', 'rehab_public');
  f.reform = await facility('Trường Giáo dưỡng số 2', 'reform_school');
  f.clinic = await facility('Cơ sở điều trị methadone Ba Đình', 'methadone_clinic');
  f.private = await facility('Cơ sở cai nghiện tư nhân An Bình', 'rehab_private', { licence: licence() });
  f.expired = await facility('Cơ sở cai nghiện tư nhân Hòa Bình', 'rehab_private', {
    licence: licence({
      number: '03/GP-LĐTBXH',
      issuedOn: '2022-11-30',
      validUntil: '2026-11-30',
      issuer: 'Giám đốc Sở Lao động - Thương binh và Xã hội thành phố Hà Nội',
    }),
  });
});
afterAll(async () => k?.t.close());

describe('placements on 01/12/2026 (Law 120/2025/QH15)', () => {
  it('refuses a compulsory episode in a methadone clinic or a private facility, naming facilityId', async () => {
    const personId = await addicted();
    const clinic = await police.call(
      'POST',
      `/api/people/${personId}/episodes`,
      courtOrder(f.clinic, adultTerm),
    );
    const body = expectRefusal(clinic, 'FACILITY_KIND_NOT_ALLOWED');
    expect(body.messages.vi).toContain('cai nghiện bắt buộc');
    expect(body.messages.vi).toContain('Luật 120/2025/QH15');
    expect(body.facilityKind).toBe('methadone_clinic');
    const priv = await police.call(
      'POST',
      `/api/people/${personId}/episodes`,
      courtOrder(f.private, adultTerm),
    );
    expect(expectRefusal(priv, 'FACILITY_KIND_NOT_ALLOWED').messages.en).toContain('public rehab facility');
    // Nothing was opened: the person is still addicted, not in compulsory rehab.
    expect(await k.statusOf(personId)).not.toBe('compulsory_rehab');
    const ok = await police.call('POST', `/api/people/${personId}/episodes`, courtOrder(f.public, adultTerm));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ regimeId: 'law120-2026', facilityId: f.public });
  });

  it('accepts a voluntary contract in a licensed private facility and refuses one whose licence expired', async () => {
    const personId = await addicted();
    const expired = await police.call('POST', `/api/people/${personId}/episodes`, contract(f.expired));
    const body = expectRefusal(expired, 'FACILITY_LICENCE_NOT_VALID');
    expect(body.messages.vi).toContain('30/11/2026');
    const ok = await police.call('POST', `/api/people/${personId}/episodes`, contract(f.private));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ type: 'voluntary_facility', facilityId: f.private });
    expect(await k.statusOf(personId)).toBe('facility_rehab');
  });

  it('accepts a juvenile compulsory order to a reform school and refuses an adult one', async () => {
    const juvenile = await addicted('2010-03-15');
    const ok = await police.call(
      'POST',
      `/api/people/${juvenile}/episodes`,
      courtOrder(f.reform, juvenileTerm),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ facilityId: f.reform, responsibleUnit: { kind: 'facility' } });

    const adult = await addicted('2000-01-01');
    const refused = await police.call(
      'POST',
      `/api/people/${adult}/episodes`,
      courtOrder(f.reform, adultTerm),
    );
    expect(expectRefusal(refused, 'REFORM_SCHOOL_JUVENILES_ONLY').messages.vi).toContain('trường giáo dưỡng');
  });

  it('gives substitution therapy only in a methadone clinic', async () => {
    const personId = await addicted();
    const therapy = (facilityId: string) => ({
      type: 'substitution_therapy',
      startDate: DATE,
      facilityId,
      clinic: { name: 'Cơ sở điều trị methadone Ba Đình' },
    });
    const wrong = await police.call('POST', `/api/people/${personId}/episodes`, therapy(f.public));
    expect(expectRefusal(wrong, 'FACILITY_KIND_NOT_ALLOWED').messages.vi).toContain('Nghị định 90/2016');
    const ok = await police.call('POST', `/api/people/${personId}/episodes`, therapy(f.clinic));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('judges a renewal: after a new licence is recorded the expired facility takes a contract again', async () => {
    const cur = (await admin.call('GET', `/api/facilities/${f.expired}`)).json();
    const renewed = await admin.call(
      'POST',
      `/api/facilities/${f.expired}/licences`,
      licence({ number: '31/GP-CAT-PC04', issuedOn: '2026-12-01', validUntil: '2031-11-30' }),
    );
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().licences.map((l: { number: string }) => l.number)).toEqual([
      '31/GP-CAT-PC04',
      '03/GP-LĐTBXH',
    ]);
    expect(renewed.json().version).toBe(cur.version);
    const personId = await addicted();
    const ok = await police.call('POST', `/api/people/${personId}/episodes`, contract(f.expired));
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
