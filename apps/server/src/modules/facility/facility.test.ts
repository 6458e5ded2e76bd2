import { randomUUID } from 'node:crypto';
import { facilityRulesOn } from '@hoanhap/domain/facility-rules';
import { addDays } from '@hoanhap/domain/iso-date';
import { rulesOn } from '@hoanhap/domain/legal-regimes';
import { addWorkingDays } from '@hoanhap/domain/working-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, type User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// Facility operations end to end, on a clock set to the end of 2024: admission on each legal basis, the
// stages in order, the term changes judged by the rules, health records for medical staff only, the
// register, classes, the board, release and handover to the commune, and the counts.

let k: Kit;
let otherStaff: User;
let otherId: string;
let province: User;
let otherProvince: User;
const TODAY = '2024-12-31';
const rules = facilityRulesOn(TODAY)!;
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

describe('term changes under the rules in force', () => {
  const url = (n: string) => `/api/admissions/${st[n].id}/term-changes`;
  const body = (n: string, over: Record<string, unknown>) => ({
    version: st[n].version,
    decidedBy: 'Giám đốc Nguyễn Văn Giám',
    decisionNumber: '5/QĐ-CS',
    ...over,
  });

  it('422 for a reduction of a voluntary resident, and before the minimum share is served, citing the rule', async () => {
    const vol = await k.staff.call(
      'POST',
      url('vol'),
      body('vol', { kind: 'reduction', decidedOn: '2024-06-01', days: 10 }),
    );
    expect(vol.statusCode).toBe(422);
    expect(vol.json()).toMatchObject({ code: 'reduction_not_applicable' });
    expect(vol.json().basis[0].vi).toContain('Điều 132');
    const early = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'reduction', decidedOn: '2024-03-01', days: 30 }),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('reduction_too_early');
    expect(early.json().messages.vi).toContain(`${rules.termReductionMinServedPercent.value}%`);
    const missing = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'reduction', decidedOn: '2024-08-01' }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('days');
    expect(
      (await k.staff.call('POST', url('comp'), body('comp', { kind: 'return', decidedOn: '2024-08-01' })))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await k.staff.call('POST', url('comp'), {
          ...body('comp', { kind: 'reduction', decidedOn: '2024-08-01', days: 30 }),
          version: 99,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await k.officer.call('POST', url('comp'), body('comp', { kind: 'escape', decidedOn: '2024-08-01' })))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherStaff.call('POST', url('comp'), body('comp', { kind: 'escape', decidedOn: '2024-08-01' })))
        .statusCode,
    ).toBe(404);
  });

  it('a reduction brings the release forward; an escape pushes it back by the days away; a hospital stay counts', async () => {
    const red = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'reduction', decidedOn: '2024-08-01', days: 30 }),
    );
    expect(red.statusCode, red.body).toBe(200);
    expect(red.json().term).toMatchObject({
      decidedEnd: '2025-01-01',
      plannedRelease: '2024-12-02',
      reductionDays: 30,
    });
    keep('comp', red.json());
    const esc = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'escape', decidedOn: '2024-09-01' }),
    );
    expect(esc.statusCode).toBe(200);
    keep('comp', esc.json());
    const board = (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/residents`)).json();
    expect(board.absences).toEqual([
      expect.objectContaining({ admissionId: st.comp.id, kind: 'escape', from: '2024-09-01' }),
    ]);
    expect(
      (await k.staff.call('POST', url('comp'), body('comp', { kind: 'suspension', decidedOn: '2024-09-02' })))
        .statusCode,
    ).toBe(409);
    const back = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'return', decidedOn: '2024-09-11' }),
    );
    expect(back.statusCode).toBe(200);
    const shift = rules.escapeTimeCounts.value ? 0 : 10;
    expect(back.json().term.plannedRelease).toBe(addDays('2024-12-02', shift));
    keep('comp', back.json());
    const hosp = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'suspension', decidedOn: '2024-10-01' }),
    );
    keep('comp', hosp.json());
    const home = await k.staff.call(
      'POST',
      url('comp'),
      body('comp', { kind: 'return', decidedOn: '2024-10-06' }),
    );
    expect(home.statusCode).toBe(200);
    expect(home.json().term.plannedRelease).toBe(
      addDays('2024-12-02', shift + (rules.hospitalSuspensionTimeCounts.value ? 0 : 5)),
    );
    keep('comp', home.json());
    const events = (
      await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/events?kind=term_change`)
    ).json().items;
    expect(events.map((e: { subkind: string }) => e.subkind)).toEqual([
      'reduction',
      'escape',
      'return',
      'suspension',
      'return',
    ]);
  });
});

describe('release and handover to the commune', () => {
  it('422 without all five stages, before the term ends, and without the notice to the commune', async () => {
    const rel = (version: number, releasedOn: string) => ({
      version,
      releasedOn,
      certificate: { number: 'GCN-1', issuedOn: releasedOn, signer: 'Giám đốc' },
    });
    const planned = (await k.staff.call('GET', `/api/admissions/${st.comp.id}`)).json().term
      .plannedRelease as string;
    const stages = await k.staff.call(
      'POST',
      `/api/admissions/${st.comp.id}/release`,
      rel(st.comp.version, planned),
    );
    expect(stages.statusCode).toBe(422);
    expect(stages.json().code).toBe('stages_incomplete');
    st.comp.version = await k.throughStages(st.comp.id, st.comp.version, '2024-02-01');
    const soon = await k.staff.call(
      'POST',
      `/api/admissions/${st.comp.id}/release`,
      rel(st.comp.version, addDays(planned, -1)),
    );
    expect(soon.statusCode).toBe(422);
    expect(soon.json().code).toBe('term_not_over');
    const noNotice = await k.staff.call(
      'POST',
      `/api/admissions/${st.comp.id}/release`,
      rel(st.comp.version, planned),
    );
    expect(noNotice.statusCode).toBe(422);
    expect(noNotice.json()).toMatchObject({
      code: 'release_notice_required',
      rule: 'RELEASE_NOTICE_REQUIRED',
    });
    expect(noNotice.json().basis[0].vi).toContain('Nghị định 116/2021');
    const notice = await k.staff.call(
      'POST',
      `/api/admissions/${st.comp.id}/release-notice`,
      k.noticeBody(st.comp.version, addDays(planned, -3)),
    );
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json().notice).toMatchObject({
      communeCode: UNITS.baDinh,
      late: rules.releaseNoticeDaysBefore.value > 3,
    });
    expect(
      (
        await k.staff.call(
          'POST',
          `/api/admissions/${st.comp.id}/release-notice`,
          k.noticeBody(notice.json().version, planned),
        )
      ).statusCode,
    ).toBe(409);
    keep('comp', notice.json());
    expect(
      (await k.officer.call('POST', `/api/admissions/${st.comp.id}/release`, rel(st.comp.version, planned)))
        .statusCode,
    ).toBe(403);
    expect(
      (await k.staff.call('POST', `/api/admissions/${st.comp.id}/release`, { version: st.comp.version }))
        .statusCode,
    ).toBe(400);
  });

  it('releases: episode completed, person back to the commune, post-rehab task due in working days from the rules', async () => {
    const planned = (await k.staff.call('GET', `/api/admissions/${st.comp.id}`)).json().term
      .plannedRelease as string;
    const res = await k.staff.call('POST', `/api/admissions/${st.comp.id}/release`, {
      version: st.comp.version,
      releasedOn: planned,
      certificate: { number: 'GCN-7/2024', issuedOn: planned, signer: 'Giám đốc Nguyễn Văn Giám' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const due = addWorkingDays(planned, rulesOn(planned).postRehabDecisionWorkingDays.value);
    expect(res.json()).toMatchObject({
      releasedOn: planned,
      release: {
        handedTo: { kind: 'commune', code: UNITS.baDinh },
        flaggedForProvince: false,
        decisionDueDate: due,
      },
      term: { daysRemaining: 0 },
    });
    const tasks = await k.tasksOf(st.comp.personId);
    expect(tasks.find((x) => x.kind === 'post_rehab_decision' && x.status === 'open')).toMatchObject({
      unit_kind: 'commune',
      unit_code: UNITS.baDinh,
      due_date: due,
      rule_key: 'postRehabDecisionWorkingDays',
    });
    expect(await k.statusOf(st.comp.personId)).toBe('completed');
    const ep = (await k.officer.call('GET', `/api/episodes/${st.comp.episodeId}`)).json();
    expect(ep).toMatchObject({ outcome: 'completed', actualEnd: planned });
    expect(
      (
        await k.staff.call('POST', `/api/admissions/${st.comp.id}/release`, {
          version: res.json().version,
          releasedOn: planned,
          certificate: { number: 'X', issuedOn: planned, signer: 'Giám đốc' },
        })
      ).statusCode,
    ).toBe(409);
    // The receiving commune issues the post-rehab decision, which closes the task.
    const post = await k.officer.call('POST', `/api/people/${st.comp.personId}/episodes`, {
      type: 'post_rehab',
      startDate: addDays(planned, 2),
      decision: decision(addDays(planned, 2), '31/QĐ-UBND'),
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(
      (await k.tasksOf(st.comp.personId)).filter(
        (x) => x.kind === 'post_rehab_decision' && x.status === 'open',
      ),
    ).toEqual([]);
  });

  it('flags for the province a person with no known residence', async () => {
    const v = await k.voluntary('2024-01-05');
    const a = await k.admit(v.episodeId, '2024-01-05', { noKnownResidence: true });
    const ver = await k.throughStages(a.id, a.version, '2024-01-10');
    const out = await k.discharge(a.id, ver, '2024-07-04');
    expect(out.release).toMatchObject({
      handedTo: { kind: 'province', code: UNITS.hanoi },
      flaggedForProvince: true,
    });
    expect(out.notice.communeCode).toBeNull();
    const task = (await k.tasksOf(v.personId)).find((x) => x.kind === 'post_rehab_decision')!;
    expect(task).toMatchObject({ unit_kind: 'province', unit_code: UNITS.hanoi });
    expect(JSON.parse(task.details!)).toMatchObject({ noKnownResidence: true });
    const mine = (await province.call('GET', '/api/tasks/mine')).json();
    const all = [...mine.overdue, ...mine.today, ...mine.upcoming] as { kind: string; personId: string }[];
    expect(all.some((x) => x.kind === 'post_rehab_decision' && x.personId === v.personId)).toBe(true);
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
      [st.vol.id, st.pend.id].sort(),
    );
    expect(b.byStage).toMatchObject({ '1': 1, '2': 1 });
    expect(b.upcomingReleases.map((r: { admissionId: string }) => r.admissionId).sort()).toEqual(
      [st.vol.id, st.pend.id].sort(),
    );
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
        residents: 2,
        residentsByBasis: { voluntary: 1, compulsory: 1, compulsory_pending: 0 },
        admissions: 4,
        releases: 2,
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
      received: 4,
      reintegrated: 2,
      termReductions: 1,
      healthCheckCount: 1,
      hivTestCount: 1,
      classes: 1,
      learners: 2,
      certificates: 1,
      handovers: 1,
      flaggedForProvince: 1,
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

describe('after the year: early release, postponement, departure without completion', () => {
  const tc = (id: string, version: number, over: Record<string, unknown>) =>
    k.staff.call('POST', `/api/admissions/${id}/term-changes`, { version, decidedBy: 'Giám đốc', ...over });

  it('an early release (exemption from the remainder) after half the term; a postponement is not counted', async () => {
    const c = await k.compulsory('2024-01-15', 12);
    const a = await k.admit(c.episodeId, '2024-01-15');
    const early = await tc(a.id, a.version, {
      kind: 'early_release',
      decidedOn: '2024-04-01',
      releaseOn: '2024-04-15',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('reduction_too_early');
    const post = await tc(a.id, a.version, { kind: 'postponement', decidedOn: '2024-05-01' });
    expect(post.statusCode).toBe(200);
    const back = await tc(a.id, post.json().version, { kind: 'return', decidedOn: '2024-05-21' });
    const shift = rules.postponementTimeCounts.value ? 0 : 20;
    expect(back.json().term).toMatchObject({
      plannedRelease: addDays('2025-01-14', shift),
      uncountedDays: shift,
    });
    const beyond = await tc(a.id, back.json().version, {
      kind: 'early_release',
      decidedOn: '2024-09-01',
      releaseOn: '2025-06-01',
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().code).toBe('reduction_beyond_remainder');
    const ok = await tc(a.id, back.json().version, {
      kind: 'early_release',
      decidedOn: '2024-09-01',
      releaseOn: '2024-09-15',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().term).toMatchObject({ plannedRelease: '2024-09-15', earlyReleaseOn: '2024-09-15' });
    const v = await k.throughStages(a.id, ok.json().version, '2024-02-01');
    const out = await k.discharge(a.id, v, '2024-09-15');
    expect(out).toMatchObject({ releasedOn: '2024-09-15', release: { flaggedForProvince: false } });
  });

  it('records a departure only after the episode is closed (409 before); not counted as reintegrated', async () => {
    const v = await k.voluntary('2024-06-01');
    const a = await k.admit(v.episodeId, '2024-06-01');
    const body = { version: a.version, leftOn: '2024-07-01', reason: 'quit' };
    expect((await k.staff.call('POST', `/api/admissions/${a.id}/departure`, body)).statusCode).toBe(409);
    expect(
      (await k.staff.call('POST', `/api/admissions/${a.id}/departure`, { ...body, reason: 'x' })).statusCode,
    ).toBe(400);
    expect((await k.officer.call('POST', `/api/admissions/${a.id}/departure`, body)).statusCode).toBe(403);
    expect((await otherStaff.call('POST', `/api/admissions/${a.id}/departure`, body)).statusCode).toBe(404);
    const ep = (await k.officer.call('GET', `/api/episodes/${v.episodeId}`)).json();
    const closed = await k.staff.call('POST', `/api/episodes/${v.episodeId}/close`, {
      version: ep.version,
      outcome: 'quit',
      endDate: '2024-07-01',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await k.staff.call('POST', `/api/admissions/${a.id}/departure`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ releasedOn: '2024-07-01', release: null });
    const f = (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=2024`)).json();
    expect(f).toMatchObject({ departures: 1, reintegrated: 3, handovers: 2 });
    const p = await k.t.deps.database.db
      .selectFrom('people')
      .select('current_facility_id')
      .where('id', '=', v.personId)
      .executeTakeFirstOrThrow();
    expect(p.current_facility_id).toBeNull();
  });

  it('no health field reaches anyone but medical staff on any facility read', async () => {
    const HEALTH = [
      'healthRecords',
      'treatmentPlan',
      'hospital',
      'disease',
      'testResult',
      'diagnosis',
      'medicalNotes',
    ];
    const keys = (v: unknown, out = new Set<string>()): Set<string> => {
      if (Array.isArray(v)) for (const x of v) keys(x, out);
      else if (v && typeof v === 'object')
        for (const [key, x] of Object.entries(v)) {
          out.add(key);
          keys(x, out);
        }
      return out;
    };
    const urls = [
      `/api/admissions/${st.vol.id}`,
      `/api/facility-ops/${k.facilityId}/residents`,
      `/api/facility-ops/${k.facilityId}/events`,
      `/api/facility-ops/${k.facilityId}/classes`,
      `/api/facility-ops/${k.facilityId}/dashboard`,
      `/api/facility-ops/${k.facilityId}/figures?year=2024`,
      `/api/admissions/${st.vol.id}/health`,
    ];
    const national = await k.t.userAs('national_officer', 'nation', null);
    for (const u of [k.staff, k.officer, province, national]) {
      for (const url of urls) {
        const res = await u.call('GET', url);
        if (res.statusCode !== 200) continue;
        const found = HEALTH.filter((h) => keys(res.json()).has(h));
        expect(found, url).toEqual([]);
        expect(res.body).not.toContain('Viêm gan B');
      }
    }
    const med = await k.medical.call('GET', `/api/admissions/${st.vol.id}`);
    expect(keys(med.json()).has('healthRecords')).toBe(true);
  });
});
