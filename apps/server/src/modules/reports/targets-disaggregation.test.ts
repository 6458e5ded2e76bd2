import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { determinationBody, pathwayApp, testBody, type User } from '../episodes/pathway-test-kit.ts';

// The National Target Program blocks that were pending (access to services, medical and psychological
// support, share of staff trained) and the disaggregations by substance and legal basis, on a small Ba Đình
// scenario in the quarter 15/03/2025–14/06/2025 (Ngọc Hà has one person who must never show up).

const FROM = '2025-03-15';
const TO = '2025-06-14';
const q = (unit = UNITS.baDinh) => `unit=${unit}&from=${FROM}&to=${TO}`;

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let province: User;
const p: Record<string, string> = {};

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

beforeAll(async () => {
  k = await pathwayApp();
  // The accounts exist from before the quarter: staff are counted as of the period (account_periods).
  k.setToday('2025-03-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  const other = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  k.setToday('2025-06-20');

  // P1: determined addicted (methamphetamine), counselled in a session.
  p.one = (await k.person(officer)).id;
  ok(
    await police.call(
      'POST',
      `/api/people/${p.one}/addiction-determinations`,
      determinationBody('2025-04-01', '2025-02-01'),
    ),
    201,
  );
  ok(
    await officer.call('POST', '/api/counselling-sessions', {
      kind: 'individual',
      heldOn: '2025-04-10',
      topic: 'Tư vấn điều trị nghiện',
      counsellor: 'Cán bộ Phạm Thị Hoa',
      personIds: [p.one],
    }),
    201,
  );
  // P2: positive for methamphetamine (heroin negative on the same test), crisis counselling.
  p.two = (await k.person(officer, { sex: 'female', birthDate: '1985-03-02' })).id;
  ok(await police.call('POST', `/api/people/${p.two}/drug-tests`, testBody('2025-04-05', 'positive')), 201);
  ok(
    await officer.call('POST', '/api/community/contacts', {
      personId: p.two,
      contactDate: '2025-05-01',
      kind: 'crisis_counselling',
      outcome: 'met',
    }),
    201,
  );
  // P3: positive for cannabis, on methadone from April, referred to a job.
  p.three = (await k.person(officer)).id;
  ok(
    await police.call(
      'POST',
      `/api/people/${p.three}/drug-tests`,
      testBody('2025-03-20', 'positive', 'suspicion', 'cannabis'),
    ),
    201,
  );
  ok(
    await officer.call('POST', `/api/people/${p.three}/episodes`, {
      type: 'substitution_therapy',
      startDate: '2025-04-01',
      clinic: { name: 'Cơ sở điều trị methadone Ba Đình' },
    }),
    201,
  );
  ok(
    await officer.call('POST', '/api/community/referrals', {
      personId: p.three,
      service: 'job',
      referredOn: '2025-05-10',
    }),
    201,
  );
  // P4: visited only (access, not psychological support); no substance known.
  p.four = (await k.person(officer)).id;
  ok(
    await officer.call('POST', '/api/community/contacts', {
      personId: p.four,
      contactDate: '2025-05-20',
      kind: 'visit',
      outcome: 'met',
    }),
    201,
  );
  // Ngọc Hà: counselled too, never in Ba Đình's figures.
  p.outside = (await k.person(other, { currentAddress: { communeCode: UNITS.ngocHa } })).id;
  ok(
    await other.call('POST', '/api/counselling-sessions', {
      kind: 'individual',
      heldOn: '2025-04-11',
      topic: 'Tư vấn',
      counsellor: 'Cán bộ Ngọc Hà',
      personIds: [p.outside],
    }),
    201,
  );
  // Training: the commune officer in the quarter; the police officer not (and a training outside the quarter).
  ok(
    await officer.call('POST', '/api/community/trainings', {
      course: 'Kỹ năng tư vấn dự phòng tái nghiện',
      heldOn: '2025-05-05',
      attendeeUserIds: [officer.userId],
    }),
    201,
  );
  ok(
    await officer.call('POST', '/api/community/trainings', {
      course: 'Tập huấn năm trước',
      heldOn: '2024-05-05',
      attendeeUserIds: [police.userId],
    }),
    201,
  );
}, 120_000);
afterAll(async () => k?.t.close());

const value = async (id: string, unit = UNITS.baDinh, u = officer) =>
  ok(await u.call('GET', `/api/indicators/${id}/value?${q(unit)}`)).figure;
const people = async (id: string, part = 'numerator') =>
  (
    ok(await officer.call('GET', `/api/indicators/${id}/records?${q()}&part=${part}`)).items as {
      personId: string;
    }[]
  )
    .map((r) => r.personId)
    .filter((x, i, all) => all.indexOf(x) === i)
    .sort();
const groups = async (id: string, by: string, u = officer, unit = UNITS.baDinh) =>
  Object.fromEntries(
    (
      ok(await u.call('GET', `/api/indicators/${id}/value?${q(unit)}&by=${by}`)).groups as {
        key: string;
        value: number;
      }[]
    ).map((g) => [g.key, g.value]),
  );

describe('targets of the National Target Program', () => {
  it('counts access to information and services, with its records', async () => {
    expect(await value('service_access_share')).toMatchObject({
      numerator: 4,
      denominator: 4,
      value: 100,
      pending: false,
      meetsTarget: true,
    });
    expect(await people('service_access_share')).toEqual([p.one, p.two, p.three, p.four].sort());
  });

  it('counts medical and psychological support: counselling, counselling contacts, methadone', async () => {
    expect(await value('medical_psych_support_share')).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 75,
      meetsTarget: false,
    });
    expect(await people('medical_psych_support_share')).toEqual([p.one, p.two, p.three].sort());
  });

  it('gives the share of staff trained in the period, by the unit of their account', async () => {
    expect(await value('staff_trained_share')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    const trained = ok(await officer.call('GET', `/api/indicators/staff_trained_share/records?${q()}`));
    expect(trained.items.map((r: { recordId: string }) => r.recordId)).toEqual([officer.userId]);
    expect(trained.items[0]).toMatchObject({ personId: null, fullName: expect.any(String) });
    // The province: its own officer and both commune accounts; Ngọc Hà's officer is untrained.
    expect(await value('staff_trained_share', UNITS.hanoi, province)).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 25,
    });
    expect(await groups('staff_trained_share', 'unit', province, UNITS.hanoi)).toMatchObject({
      [UNITS.baDinh]: 50,
      [UNITS.ngocHa]: 0,
    });
  });
});

describe('the dashboard of a commune', () => {
  it('has the commune figures and targets, not the facility figures', async () => {
    const dash = ok(await officer.call('GET', `/api/dashboard?${q()}`));
    const sections = new Set(dash.figures.map((f: { section: string }) => f.section));
    expect(sections.has('facility')).toBe(false);
    expect(sections.has('targets')).toBe(true);
    expect(
      dash.figures.find((f: { indicatorId: string }) => f.indicatorId === 'service_access_share'),
    ).toMatchObject({ value: 100 });
  });
});

describe('disaggregation by substance and legal basis', () => {
  it('groups people by the substances they were found to use (negative results not counted)', async () => {
    expect(await groups('people_total', 'substance')).toEqual({
      methamphetamine: 2,
      cannabis: 1,
      unknown: 1,
    });
    expect(await groups('service_access_share', 'substance')).toEqual({
      methamphetamine: 100,
      cannabis: 100,
      unknown: 100,
    });
  });

  it("groups people by the legal regime of their latest episode's decision", async () => {
    expect(await groups('people_total', 'legal_basis')).toEqual({
      none: 3,
      'police-transfer-2025': 1,
    });
  });

  it('refuses a disaggregation an indicator does not support (400 naming the field)', async () => {
    const res = await officer.call('GET', `/api/indicators/staff_trained_share/value?${q()}&by=substance`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('by');
    expect(
      (await officer.call('GET', `/api/indicators/people_total/value?${q()}&by=religion`)).statusCode,
    ).toBe(400);
  });
});
