import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { determinationBody, pathwayApp, testBody, type User } from '../episodes/pathway-test-kit.ts';

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let otherPolice: User;
let province: User;
let volunteer: User;
let medical: User;
let personId: string;
let residentId: string;
let facilityId: string;

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-11-20');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  otherPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 3 Hà Nội');
  medical = await k.t.userAs('facility_medical', 'facility', facilityId);
  personId = (await k.person(officer)).id;
  residentId = (await k.person(officer, { birthDate: '1993-01-01' })).id;
  await k.t.deps.database.db
    .updateTable('people')
    .set({ current_facility_id: facilityId })
    .where('id', '=', residentId)
    .execute();
});
afterAll(async () => k?.t.close());

describe('drug tests', () => {
  const url = () => `/api/people/${personId}/drug-tests`;

  it('400 naming the field for a bad method, a future date or an unnamed other substance', async () => {
    const bad = await police.call('POST', url(), { ...testBody('2026-11-20', 'negative'), method: 'saliva' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('method');
    const future = await police.call('POST', url(), testBody('2026-11-21', 'negative'));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('testedOn');
    const other = await police.call('POST', url(), {
      ...testBody('2026-11-20', 'negative'),
      results: [{ substance: 'other', result: 'negative' }],
    });
    expect(other.json().errors[0].field).toBe('results.0.otherName');
  });

  it('422 for a test dated before any legal regime (the Law on Drug Prevention 2000 took effect on 01/06/2001)', async () => {
    // Tests of 2001–2021 are history under the pre-2022 regime and are recorded; before that no law applied.
    const res = await police.call('POST', url(), testBody('2001-05-31', 'negative'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'no_legal_regime', field: 'testedOn' });
  });

  it('401 without a session', async () => {
    const res = await k.t.app.inject({
      method: 'POST',
      url: url(),
      payload: testBody('2026-11-20', 'negative'),
    });
    expect(res.statusCode).toBe(401);
  });

  it('403 for roles that do not test (commune officer, province, volunteer)', async () => {
    for (const u of [officer, province, volunteer])
      expect((await u.call('POST', url(), testBody('2026-11-20', 'negative'))).statusCode).toBe(403);
    expect((await volunteer.call('GET', url())).statusCode).toBe(403);
  });

  it('404 for the police of another commune', async () => {
    expect((await otherPolice.call('POST', url(), testBody('2026-11-20', 'negative'))).statusCode).toBe(404);
    expect((await otherPolice.call('GET', url())).statusCode).toBe(404);
  });

  it('a first positive test under Law 120/2025 opens the 24-hour user-management decision', async () => {
    const res = await police.call('POST', url(), testBody('2026-11-20', 'positive'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ positive: true, relapse: false, regimeId: 'law120-2026' });
    const [task] = (await k.tasksOf(personId)).filter((t) => t.kind === 'user_management_decision');
    expect(task).toMatchObject({
      status: 'open',
      // Law 120/2025: the commune police decide (the rule's authority), so the task is theirs.
      responsible_role: 'commune_police',
      rule_key: 'userManagementDecisionHours',
      due_at: '2026-11-21T03:00:00.000Z',
    });
    const list = await province.call('GET', url());
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
  });
});

describe('addiction determinations', () => {
  const url = () => `/api/people/${personId}/addiction-determinations`;

  it('never takes the result from the client (400 on an unknown key)', async () => {
    const res = await police.call('POST', url(), {
      ...determinationBody('2026-11-20', '2026-09-01'),
      addicted: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('addicted');
  });

  it('400 for an observation after the assessment', async () => {
    const res = await police.call('POST', url(), determinationBody('2026-11-20', '2026-11-25'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('observations.0.from');
  });

  it('records "not addicted" when the doctor concludes so and the criteria did not last a month', async () => {
    const res = await police.call('POST', url(), {
      ...determinationBody('2026-11-20', '2026-11-05'),
      conclusion: 'not_addicted',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ addicted: false, reason: { code: 'too_short_not_recurrent' } });
    expect(await k.statusOf(personId)).toBe('registered');
  });

  it('computes "addicted" and derives the status', async () => {
    // An hour after the earlier "not addicted" result of the same day, so the latest one is unambiguous
    // (with the clock frozen both rows had the same created_at, and PostgreSQL may return either first).
    const frozen = k.t.deps.now;
    k.t.deps.now = () => new Date('2026-11-20T04:00:00.000Z');
    try {
      const res = await police.call('POST', url(), determinationBody('2026-11-20', '2026-09-01'));
      expect(res.json()).toMatchObject({
        addicted: true,
        criteriaMet: ['craving', 'loss_of_control', 'withdrawal'],
      });
      expect(await k.statusOf(personId)).toBe('addicted');
    } finally {
      k.t.deps.now = frozen;
    }
  });

  it('lets only medical staff write or read the HIV status (health class)', async () => {
    const withHiv = { ...determinationBody('2026-11-20', '2026-09-01'), hivStatus: 'negative' };
    expect((await police.call('POST', url(), withHiv)).statusCode).toBe(403);
    const res = await medical.call('POST', `/api/people/${residentId}/addiction-determinations`, withHiv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().hivStatus).toBe('negative');
    const asOfficer = await officer.call('GET', `/api/people/${residentId}/addiction-determinations`);
    expect(asOfficer.statusCode).toBe(200);
    expect(asOfficer.json().items[0]).not.toHaveProperty('hivStatus');
  });

  it('403 for volunteers, 404 out of scope', async () => {
    expect((await volunteer.call('GET', url())).statusCode).toBe(403);
    expect((await otherPolice.call('GET', url())).statusCode).toBe(404);
  });
});

describe('counselling sessions', () => {
  const body = (personIds: string[], kind = 'group') => ({
    kind,
    heldOn: '2026-11-19',
    topic: 'Kỹ năng phòng ngừa tái nghiện',
    counsellor: 'Cán bộ Phạm Thị Hoa',
    personIds,
  });

  it('400 when an individual session names two people', async () => {
    const res = await officer.call(
      'POST',
      '/api/counselling-sessions',
      body([personId, residentId], 'individual'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('personIds');
  });

  it('404 when a participant is out of scope; 403 for a volunteer', async () => {
    expect((await otherPolice.call('POST', '/api/counselling-sessions', body([personId]))).statusCode).toBe(
      404,
    );
    expect((await volunteer.call('POST', '/api/counselling-sessions', body([personId]))).statusCode).toBe(
      403,
    );
  });

  it('records a group session for several people and lists it for each', async () => {
    const res = await officer.call('POST', '/api/counselling-sessions', body([personId, residentId]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'group', participantCount: 2 });
    for (const id of [personId, residentId]) {
      const list = await officer.call('GET', `/api/people/${id}/counselling-sessions`);
      expect(list.json().items.map((s: { id: string }) => s.id)).toContain(res.json().id);
    }
  });
});
