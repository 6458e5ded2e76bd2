import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// Addiction determination as Decree 109/2021 has it: a qualified health facility and doctor determine it and
// the doctor's Form 04 conclusion is the result. The facility and the doctor's practising certificate are
// required on new records; the product's criteria computation checks the conclusion and warns (does not
// refuse) when they disagree; only the roles acting for the rule's authority record it.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let police: User;
let officer: User;
let staff: User;
let medical: User;
let personId: string;
let residentId: string;

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-12-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  const facilityId = await k.facility('Cơ sở cai nghiện ma túy số 5 Hà Nội');
  staff = await k.t.userAs('facility_staff', 'facility', facilityId);
  medical = await k.t.userAs('facility_medical', 'facility', facilityId);
  personId = (await k.person(officer)).id;
  residentId = (await k.person(officer, { birthDate: '1992-02-02' })).id;
  await k.t.deps.database.db
    .updateTable('people')
    .set({ current_facility_id: facilityId })
    .where('id', '=', residentId)
    .execute();
});
afterAll(async () => k?.t.close());

const url = (id: string) => `/api/people/${id}/addiction-determinations`;

describe('required facts of a new determination', () => {
  it("400 naming the field without the doctor's practising certificate", async () => {
    const body = determinationBody('2026-12-01', '2026-09-01');
    const res = await police.call('POST', url(personId), { ...body, doctor: { name: body.doctor.name } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('doctor.certificate');
  });

  it("400 naming the field without the doctor's Form 04 conclusion or the facility", async () => {
    const { conclusion: _c, ...noConclusion } = determinationBody('2026-12-01', '2026-09-01');
    const res = await police.call('POST', url(personId), noConclusion);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('conclusion');
    const { facilityName: _f, ...noFacility } = determinationBody('2026-12-01', '2026-09-01');
    const res2 = await police.call('POST', url(personId), noFacility);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().errors[0].field).toBe('facilityName');
  });
});

describe('who may record it', () => {
  it('403 for a rehab facility’s staff acting as the doctor, citing the rule', async () => {
    const res = await staff.call('POST', url(residentId), determinationBody('2026-12-01', '2026-09-01'));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'authority_required',
      rule: 'addictionCriteria',
      authority: 'qualified_doctor',
    });
    expect(JSON.stringify(res.json().basis)).toContain('Nghị định 109/2021/NĐ-CP');
    const rows = await k.t.deps.database.db
      .selectFrom('addiction_determinations')
      .select('id')
      .where('person_id', '=', residentId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("201 for the facility's licensed medical unit", async () => {
    const res = await medical.call('POST', url(residentId), {
      ...determinationBody('2026-12-01', '2026-09-01'),
      facilityLicence: '123/BYT-GPHĐ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ facilityLicence: '123/BYT-GPHĐ', conclusion: 'addicted' });
  });
});

describe("the doctor's conclusion is the result; the criteria check warns", () => {
  it('agreeing: no warning', async () => {
    const res = await police.call('POST', url(personId), determinationBody('2026-11-20', '2026-09-01'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      addicted: true,
      conclusion: 'addicted',
      criteriaCheck: { addicted: true, agrees: true },
      doctor: { certificate: 'CCHN-001234' },
    });
    expect(res.json().warning).toBeUndefined();
  });

  it('doctor says addicted, criteria too short: recorded as addicted, with a warning shown', async () => {
    const p = (await k.person(officer, { birthDate: '1987-07-07' })).id;
    const res = await police.call('POST', url(p), determinationBody('2026-12-01', '2026-11-20'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      addicted: true,
      conclusion: 'addicted',
      criteriaCheck: { addicted: false, agrees: false },
      reason: { code: 'too_short_not_recurrent' },
      warning: { code: 'criteria_disagree' },
    });
    expect(res.json().warning.vi).toContain('Kết luận của bác sĩ (Mẫu 04) là có nghiện');
    expect(await k.statusOf(p)).toBe('addicted');
    // The warning is kept with the record and shown again in the list.
    const list = (await police.call('GET', url(p))).json();
    expect(list.items[0].warning.code).toBe('criteria_disagree');
    const audit = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'determination.create')
      .where('entity_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.details))).toMatchObject({ addicted: true, criteriaAgree: false });
  });

  it('doctor says not addicted, criteria sustained: recorded as not addicted, with a warning', async () => {
    const p = (await k.person(officer, { birthDate: '1986-06-06' })).id;
    const res = await police.call('POST', url(p), {
      ...determinationBody('2026-12-01', '2026-09-01'),
      conclusion: 'not_addicted',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      addicted: false,
      criteriaCheck: { addicted: true, agrees: false },
      warning: { code: 'criteria_disagree' },
    });
    expect(await k.statusOf(p)).not.toBe('addicted');
  });
});

describe('either side of 01/07/2026 (Decree 109/2021 applies under both regimes)', () => {
  it('records on 30/06/2026 and on 01/07/2026 with the same requirements and the regime of the day', async () => {
    for (const [date, regime] of [
      ['2026-06-30', 'two-tier-2025'],
      ['2026-07-01', 'law120-2026'],
    ] as const) {
      const p = (await k.person(officer, { birthDate: '1990-01-01' })).id;
      const body = determinationBody(date, '2026-04-01');
      const missing = await police.call('POST', url(p), { ...body, doctor: { name: body.doctor.name } });
      expect(missing.statusCode, date).toBe(400);
      const res = await police.call('POST', url(p), body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ regimeId: regime, conclusion: 'addicted', addicted: true });
      expect((await staff.call('POST', url(residentId), body)).statusCode, date).toBe(403);
    }
  });
});

describe('determinations recorded before these facts were asked', () => {
  it('stay readable: no conclusion, no check, no certificate', async () => {
    const p = (await k.person(officer, { birthDate: '1980-08-08' })).id;
    await k.t.deps.database.db
      .insertInto('addiction_determinations')
      .values({
        id: randomUUID(),
        person_id: p,
        assessed_on: '2024-05-01',
        observations: '[]',
        addicted: 1,
        reason_code: 'sustained',
        reason_vi: 'Đủ tiêu chuẩn',
        reason_en: 'Criteria met',
        criteria_met: '[]',
        regime_id: 'law73-2022',
        doctor_name: 'BS. Cũ',
        doctor_certificate: null,
        facility_name: 'Trung tâm Y tế cũ',
        form04_number: null,
        substances: '[]',
        hiv_status: null,
        unit_kind: 'commune',
        unit_code: UNITS.baDinh,
        notes: null,
        created_at: '2024-05-01T03:00:00.000Z',
        created_by: null,
      })
      .execute();
    const res = await police.call('GET', url(p));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      addicted: true,
      conclusion: null,
      criteriaCheck: null,
      facilityLicence: null,
      doctor: { certificate: null },
    });
    expect(res.json().items[0].warning).toBeUndefined();
  });
});
