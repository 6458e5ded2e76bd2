import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import type { User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// Facility operations on a clock set to the end of 2024: admission on each legal basis, the stages in order,
// health records for medical staff only, the register, classes, the board and the counts. Term changes,
// release and handover: facility-terms.test.ts; a whole facility year: facility-year.test.ts.

let k: Kit;
let otherStaff: User;
let otherId: string;
let province: User;
let otherProvince: User;
const TODAY = '2024-12-31';
const st: Record<string, { id: string; version: number; personId: string; episodeId: string }> = {};

beforeAll(async () => {
  k = await facilityKit(TODAY);
  otherId = await k.facility('Cơ sở cai nghiện số 2');
  otherStaff = await k.t.userAs('facility_staff', 'facility', otherId);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  otherProvince = await k.t.userAs('province_officer', 'province', UNITS.quangNinh);
});
afterAll(async () => k?.t.close());

const keep = (name: string, body: { id: string; version: number; personId: string }, episodeId?: string) => {
  st[name] = {
    id: body.id,
    version: body.version,
    personId: body.personId,
    episodeId: episodeId ?? st[name]?.episodeId,
  };
};

describe('admission', () => {
  const url = () => `/api/facility-ops/${k.facilityId}/admissions`;

  it('401 without a session, 400 naming the field, 403 for roles and other facilities, 404 for an unknown episode', async () => {
    const v = await k.voluntary('2024-03-01');
    st.vol = { id: '', version: 0, personId: v.personId, episodeId: v.episodeId };
    const body = k.admissionBody(v.episodeId, '2024-03-01');
    expect((await k.t.app.inject({ method: 'POST', url: url(), payload: body })).statusCode).toBe(401);
    const bad = await k.staff.call('POST', url(), { ...body, classification: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('classification');
    expect((await k.officer.call('POST', url(), body)).statusCode).toBe(403);
    expect((await otherStaff.call('POST', url(), body)).statusCode).toBe(403);
    expect((await k.staff.call('POST', url(), { ...body, episodeId: randomUUID() })).statusCode).toBe(404);
    expect(
      (await k.staff.call('POST', `/api/facility-ops/${randomUUID()}/admissions`, body)).statusCode,
    ).toBe(404);
    const early = await k.staff.call('POST', url(), { ...body, admittedOn: '2024-02-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('admittedOn');
  });

  it('admits on a voluntary contract: intake, stage 1 with its approver, bed, current facility; 409 twice', async () => {
    const a = await k.admit(st.vol.episodeId, '2024-03-01');
    keep('vol', a);
    expect(a).toMatchObject({
      basis: 'voluntary',
      stage: 1,
      stages: [{ stage: 1, beganOn: '2024-03-01', endedOn: null, approvedBy: 'Giám đốc Nguyễn Văn Giám' }],
      bed: 'A-12',
      belongings: [{ item: 'Điện thoại', quantity: 1 }],
      rapidTest: { result: 'positive' },
      term: { termStart: '2024-03-01', plannedRelease: '2024-08-31' },
    });
    const p = await k.t.deps.database.db
      .selectFrom('people')
      .select('current_facility_id')
      .where('id', '=', a.personId)
      .executeTakeFirstOrThrow();
    expect(p.current_facility_id).toBe(k.facilityId);
    const again = await k.staff.call('POST', url(), k.admissionBody(st.vol.episodeId, '2024-03-02'));
    expect(again.statusCode).toBe(409);
  });

  it('admits on a compulsory order and while a dossier is pending; pending days count toward the term', async () => {
    const c = await k.compulsory('2024-01-02', 12);
    keep('comp', await k.admit(c.episodeId, '2024-01-02'), c.episodeId);
    const p = await k.pending('2024-01-10');
    const pa = await k.admit(p.episodeId, '2024-01-10');
    keep('pend', pa, p.episodeId);
    expect(pa).toMatchObject({
      basis: 'compulsory_pending',
      term: { plannedRelease: null, daysRemaining: null },
    });
    expect(pa.term).toMatchObject({ daysServed: 357 });
    // The court orders 12 months; the time since the pending management began counts.
    const order = await k.police.call(
      'POST',
      `/api/people/${p.personId}/episodes`,
      k.courtOrder('2024-03-01', 12),
    );
    expect(order.statusCode, order.body).toBe(201);
    const now = (await k.staff.call('GET', `/api/admissions/${pa.id}`)).json();
    expect(now).toMatchObject({
      basis: 'compulsory',
      currentEpisodeId: order.json().id,
      term: { termStart: '2024-01-10', plannedRelease: '2025-01-09', daysServed: 357, daysRemaining: 9 },
    });
  });
});

describe('stages', () => {
  const url = () => `/api/admissions/${st.vol.id}/stages`;
  const move = (stage: number, beganOn: string, version = st.vol.version) => ({
    version,
    stage,
    beganOn,
    approvedBy: 'Phó Giám đốc Lê Duyệt',
  });

  it('400, 401, 403, 404, 409 stale, 422 out of order citing the decree', async () => {
    expect((await k.staff.call('POST', url(), { version: 1 })).statusCode).toBe(400);
    expect(
      (await k.t.app.inject({ method: 'POST', url: url(), payload: move(2, '2024-03-10') })).statusCode,
    ).toBe(401);
    expect((await k.officer.call('POST', url(), move(2, '2024-03-10'))).statusCode).toBe(403);
    expect((await otherStaff.call('POST', url(), move(2, '2024-03-10'))).statusCode).toBe(404);
    expect((await k.staff.call('POST', url(), move(2, '2024-03-10', 99))).statusCode).toBe(409);
    const skip = await k.staff.call('POST', url(), move(3, '2024-03-10'));
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({ code: 'stage_order' });
    expect(skip.json().basis[0].vi).toContain('116/2021');
  });

  it('moves in order and closes the previous stage the day before', async () => {
    const res = await k.staff.call('POST', url(), move(2, '2024-03-10'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stages).toMatchObject([
      { stage: 1, endedOn: '2024-03-09' },
      { stage: 2, beganOn: '2024-03-10', endedOn: null, approvedBy: 'Phó Giám đốc Lê Duyệt' },
    ]);
    keep('vol', res.json());
  });

  it('sets the area and bed (version-checked)', async () => {
    const res = await k.staff.call('PUT', `/api/admissions/${st.vol.id}/bed`, {
      version: st.vol.version,
      area: 'Khu B',
      bed: 'B-3',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ area: 'Khu B', bed: 'B-3' });
    keep('vol', res.json());
    expect(
      (await k.staff.call('PUT', `/api/admissions/${st.vol.id}/bed`, { version: 1, bed: 'X' })).statusCode,
    ).toBe(409);
  });
});

describe('health: medical staff only', () => {
  const url = () => `/api/admissions/${st.vol.id}/health`;
  const check = {
    kind: 'periodic_check',
    occurredOn: '2024-04-01',
    diagnosis: 'Viêm gan B',
    performedBy: 'BS. Phạm Y',
  };
  const hiv = {
    kind: 'infectious_test',
    occurredOn: '2024-04-02',
    disease: 'hiv',
    testResult: 'negative',
    performedBy: 'BS. Phạm Y',
  };

  it('records checks, tests, treatment and referrals; 400 for a referral without hospital', async () => {
    for (const body of [
      check,
      hiv,
      { kind: 'referral', occurredOn: '2024-04-05', hospital: 'Bệnh viện tỉnh', performedBy: 'BS. Phạm Y' },
    ]) {
      const res = await k.medical.call('POST', url(), body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const bad = await k.medical.call('POST', url(), {
      kind: 'referral',
      occurredOn: '2024-04-05',
      performedBy: 'BS. Phạm Y',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('hospital');
    expect((await k.medical.call('POST', url(), { ...check, occurredOn: '2024-01-01' })).statusCode).toBe(
      400,
    );
    expect((await k.t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
  });

  it('403 for facility staff and everyone else; the stay shows staff only the count', async () => {
    expect((await k.staff.call('POST', url(), check)).statusCode).toBe(403);
    expect((await k.staff.call('GET', url())).statusCode).toBe(403);
    expect((await k.officer.call('GET', url())).statusCode).toBe(403);
    const otherMedical = await k.t.userAs('facility_medical', 'facility', otherId);
    expect((await otherMedical.call('GET', url())).statusCode).toBe(404);
    const staffView = await k.staff.call('GET', `/api/admissions/${st.vol.id}`);
    expect(staffView.json()).not.toHaveProperty('healthRecords');
    expect(staffView.json().healthRecordCount).toBe(3);
    expect(staffView.body).not.toContain('Viêm gan B');
    expect(staffView.body).not.toContain('hiv');
    const medView = await k.medical.call('GET', `/api/admissions/${st.vol.id}`);
    expect(medView.json().healthRecords).toHaveLength(3);
    const list = await k.medical.call('GET', url());
    expect(list.statusCode).toBe(200);
    expect(list.json().healthRecords[1]).toMatchObject({
      kind: 'infectious_test',
      disease: 'hiv',
      testResult: 'negative',
    });
  });
});

describe('visits, incidents, rewards, support services', () => {
  const cases = [
    [
      'visits',
      {
        visitedOn: '2024-04-10',
        mode: 'online_call',
        visitor: 'Nguyễn Thị Mẹ',
        relation: 'Mẹ',
        platform: 'Zalo',
      },
      'mode',
    ],
    ['incidents', { occurredOn: '2024-04-11', kind: 'fight', description: 'Xô xát tại nhà ăn' }, 'kind'],
    [
      'rewards',
      { awardedOn: '2024-04-12', kind: 'commendation', reason: 'Chấp hành tốt', decidedBy: 'Giám đốc' },
      'kind',
    ],
    [
      'support',
      { providedOn: '2024-04-13', kind: 'overseas_labour_counselling', partner: 'Công ty XKLĐ Nhật Bản' },
      'kind',
    ],
  ] as const;
  it.each(cases)('%s: 201, 400, 401, 403, 404', async (path, body, field) => {
    const url = `/api/admissions/${st.vol.id}/${path}`;
    const ok = await k.staff.call('POST', url, body);
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await k.staff.call('POST', url, { ...body, [field]: 'zzz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe(field);
    expect((await k.t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect((await k.officer.call('POST', url, body)).statusCode).toBe(403);
    expect((await otherStaff.call('POST', url, body)).statusCode).toBe(404);
    expect((await k.staff.call('POST', `/api/admissions/${randomUUID()}/${path}`, body)).statusCode).toBe(
      404,
    );
  });
});

describe('classes, labour, sessions, groups', () => {
  let classId: string;
  it('opens a class (400 for dates, 403 for others) and enrols learners (409 twice)', async () => {
    const url = `/api/facility-ops/${k.facilityId}/classes`;
    const body = {
      trade: 'Hàn điện',
      teacher: 'Thầy Võ Văn Hàn',
      startsOn: '2024-04-01',
      endsOn: '2024-06-30',
    };
    expect((await k.staff.call('POST', url, { ...body, endsOn: '2024-03-01' })).statusCode).toBe(400);
    expect((await k.officer.call('POST', url, body)).statusCode).toBe(403);
    expect((await otherStaff.call('POST', url, body)).statusCode).toBe(403);
    expect((await k.t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    const res = await k.staff.call('POST', url, body);
    expect(res.statusCode).toBe(201);
    classId = res.json().id;
    const enrol = await k.staff.call('POST', `/api/facility-classes/${classId}/learners`, {
      admissionIds: [st.vol.id, st.pend.id],
      enrolledOn: '2024-04-01',
    });
    expect(enrol.statusCode, enrol.body).toBe(200);
    expect(enrol.json().learners).toHaveLength(2);
    expect(
      (
        await k.staff.call('POST', `/api/facility-classes/${classId}/learners`, {
          admissionIds: [st.vol.id],
          enrolledOn: '2024-04-02',
        })
      ).statusCode,
    ).toBe(409);
    const stranger = await k.staff.call('POST', `/api/facility-classes/${classId}/learners`, {
      admissionIds: [randomUUID()],
      enrolledOn: '2024-04-02',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe('admissionIds.0');
    expect(
      (
        await otherStaff.call('POST', `/api/facility-classes/${classId}/learners`, {
          admissionIds: [st.vol.id],
          enrolledOn: '2024-04-02',
        })
      ).statusCode,
    ).toBe(404);
    const list = await province.call('GET', `/api/facility-ops/${k.facilityId}/classes`);
    expect(list.statusCode).toBe(403);
    expect(
      (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/classes`)).json().items,
    ).toHaveLength(1);
  });

  it('takes attendance and issues completion certificates once the class has ended (422 before)', async () => {
    const att = await k.staff.call('POST', `/api/facility-classes/${classId}/attendance`, {
      date: '2024-04-02',
      presentAdmissionIds: [st.vol.id],
    });
    expect(att.statusCode).toBe(201);
    expect(att.json().data).toMatchObject({ present: [st.vol.id], enrolled: 2 });
    expect(
      (
        await k.staff.call('POST', `/api/facility-classes/${classId}/attendance`, {
          date: '2024-07-02',
          presentAdmissionIds: [],
        })
      ).statusCode,
    ).toBe(400);
    const early = await k.staff.call('POST', `/api/facility-classes/${classId}/certificates`, {
      admissionId: st.vol.id,
      number: 'CC-1',
      issuedOn: '2024-06-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('class_not_finished');
    expect(early.json().messages.vi).toMatch(/^Lớp học kết thúc ngày \d{2}\/\d{2}\/\d{4}:/);
    const ok = await k.staff.call('POST', `/api/facility-classes/${classId}/certificates`, {
      admissionId: st.vol.id,
      number: 'CC-1',
      issuedOn: '2024-06-30',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok.json().learners.find((l: { admissionId: string }) => l.admissionId === st.vol.id),
    ).toMatchObject({ certificateNumber: 'CC-1' });
    expect(
      (
        await k.staff.call('POST', `/api/facility-classes/${classId}/certificates`, {
          admissionId: st.vol.id,
          number: 'CC-2',
          issuedOn: '2024-06-30',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await k.staff.call('POST', `/api/facility-classes/${randomUUID()}/certificates`, {
          admissionId: st.vol.id,
          number: 'CC-2',
          issuedOn: '2024-06-30',
        })
      ).statusCode,
    ).toBe(404);
  });

  it.each([
    [
      'labour',
      {
        workedOn: '2024-05-02',
        activity: 'bamboo_mat',
        participantAdmissionIds: [] as string[],
        hours: 4,
        output: '12 chiếu',
        incomeVnd: 600000,
      },
      'participantAdmissionIds',
    ],
    [
      'sessions',
      {
        heldOn: '2024-05-03',
        kind: 'thematic',
        topic: 'Phòng chống tái nghiện',
        leader: 'Cán bộ Hoàng Tư',
        attendeeAdmissionIds: [] as string[],
      },
      'attendeeAdmissionIds',
    ],
    [
      'groups',
      { name: 'Tổ tự quản số 1', formedOn: '2024-05-04', memberAdmissionIds: [] as string[] },
      'memberAdmissionIds',
    ],
  ] as const)('%s: 201 with residents, 400 with a stranger, 403 outside', async (path, body, field) => {
    const url = `/api/facility-ops/${k.facilityId}/${path}`;
    const ok = await k.staff.call('POST', url, { ...body, [field]: [st.vol.id, st.pend.id] });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await k.staff.call('POST', url, { ...body, [field]: [st.vol.id, randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe(`${field}.1`);
    expect((await otherStaff.call('POST', url, { ...body, [field]: [st.vol.id] })).statusCode).toBe(403);
    expect(
      (await k.t.app.inject({ method: 'POST', url, payload: { ...body, [field]: [st.vol.id] } })).statusCode,
    ).toBe(401);
  });
});

describe('board, dashboard and figures', () => {
  it('the board shows stage, days served and remaining, upcoming releases', async () => {
    const res = await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/residents?upcomingDays=30`);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.residents.map((r: { admissionId: string }) => r.admissionId).sort()).toEqual(
      [st.vol.id, st.pend.id, st.comp.id].sort(),
    );
    expect(b.byStage).toMatchObject({ '1': 2, '2': 1 });
    expect(b.upcomingReleases.map((r: { plannedRelease: string }) => r.plannedRelease)).toEqual([
      '2024-08-31',
      '2025-01-01',
      '2025-01-09',
    ]);
    expect(b.absences).toEqual([]);
    expect(b.residents.find((r: { admissionId: string }) => r.admissionId === st.pend.id).term).toMatchObject(
      { daysServed: 357, daysRemaining: 9 },
    );
    expect((await k.officer.call('GET', `/api/facility-ops/${k.facilityId}/residents`)).statusCode).toBe(403);
    expect((await otherStaff.call('GET', `/api/facility-ops/${k.facilityId}/residents`)).statusCode).toBe(
      403,
    );
    expect(
      (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/residents?upcomingDays=0`)).statusCode,
    ).toBe(400);
  });

  it('the dashboard counts by stage, legal basis, period; health counts without identities for staff and province', async () => {
    const url = `/api/facility-ops/${k.facilityId}/dashboard?from=2024-01-01&to=2024-12-31`;
    for (const u of [k.staff, province]) {
      const res = await u.call('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        residents: 3,
        residentsByBasis: { voluntary: 1, compulsory: 2, compulsory_pending: 0 },
        residentsByStage: { '1': 2, '2': 1, '3': 0 },
        admissions: 3,
        releases: 0,
        classes: 1,
        learners: 2,
        health: { periodicChecks: 1, infectiousTests: 1, referrals: 1 },
        incidents: { fight: 1 },
        visits: { online_call: 1 },
        labourHours: 8,
      });
      expect(res.body).not.toContain(st.vol.personId);
    }
    expect((await otherProvince.call('GET', url)).statusCode).toBe(403);
    expect((await k.officer.call('GET', url)).statusCode).toBe(403);
    expect(
      (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/dashboard?from=2024-12-01&to=2024-01-01`))
        .statusCode,
    ).toBe(400);
    expect((await k.staff.call('GET', `/api/facility-ops/${randomUUID()}/dashboard`)).statusCode).toBe(404);
  });

  it('the yearly figures come from the recorded events', async () => {
    const res = await province.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=2024`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      received: 3,
      reintegrated: 0,
      termReductions: 0,
      healthCheckCount: 1,
      hivTestCount: 1,
      classes: 1,
      learners: 2,
      certificates: 1,
      handovers: 0,
      flaggedForProvince: 0,
      familyVisits: 1,
      supportServices: 1,
    });
    expect(
      (await province.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=1990`)).statusCode,
    ).toBe(400);
    expect(
      (await k.t.app.inject({ method: 'GET', url: `/api/facility-ops/${k.facilityId}/figures?year=2024` }))
        .statusCode,
    ).toBe(401);
  });
});
