import { addDays } from '@hoanhap/domain/iso-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp } from '../community/community-kit.ts';
import { determinationBody, pathwayApp, testBody, type User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from '../facility/facility-test-kit.ts';

// Issue 13, "figures that count the wrong thing" and "missing figures": each figure counts what its label
// says, the other reading is its own indicator, and the facility page, the dashboard, the indicator, the
// periodic report and its export give the same number. Scenarios built through the API.

type Call = (m: 'GET' | 'POST', url: string, body?: unknown) => Promise<{ statusCode: number; body: string }>;
const get = async (u: { call: Call }, url: string, code = 200) => {
  const res = await u.call('GET', url);
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};
const post = async (u: { call: Call }, url: string, body: unknown, code = 201) => {
  const res = await u.call('POST', url, body);
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

describe('facility figures: residents beside decisions, visits, enrolments (Quảng Bình 2023 seeds)', () => {
  let k: Kit;
  let province: User;
  const Y = 'from=2023-01-01&to=2023-12-31';

  beforeAll(async () => {
    k = await facilityKit('2023-12-31');
    province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    // Three compulsory residents since 2022: one is granted two term changes in 2023 (a reduction, then an
    // early release), one a reduction, the third a reduction in 2022 only.
    const c: { id: string; version: number }[] = [];
    for (const [start, months] of [
      ['2022-06-01', 18],
      ['2022-06-01', 18],
      ['2022-01-10', 12],
    ] as const) {
      const e = await k.compulsory(start, months);
      c.push(await k.admit(e.episodeId, start));
    }
    const change = async (i: number, body: Record<string, unknown>) => {
      const a = await get(k.staff, `/api/admissions/${c[i].id}`);
      await post(
        k.staff,
        `/api/admissions/${c[i].id}/term-changes`,
        { version: a.version, decidedBy: 'Giám đốc cơ sở', ...body },
        200,
      );
    };
    await change(0, { kind: 'reduction', decidedOn: '2023-03-10', decisionNumber: '1/QĐ-GTH', days: 30 });
    await change(0, {
      kind: 'early_release',
      decidedOn: '2023-09-01',
      decisionNumber: '9/QĐ-GTH',
      releaseOn: '2023-10-01',
    });
    await change(1, { kind: 'reduction', decidedOn: '2023-04-01', decisionNumber: '2/QĐ-GTH', days: 20 });
    await change(2, { kind: 'reduction', decidedOn: '2022-12-01', decisionNumber: '5/QĐ-GTH', days: 10 });
    // 44 residents received in 2023, each given a periodic health check; 5 of them twice (49 visits). One
    // more check in 2022 and an entry check are not periodic checks of 2023.
    const r: { id: string; version: number }[] = [];
    for (let i = 0; i < 44; i++) {
      const start = addDays('2023-01-02', i * 3);
      const v = await k.voluntary(start, 12);
      r.push(await k.admit(v.episodeId, start));
    }
    const check = (id: string, on: string, kind = 'periodic_check') =>
      post(k.medical, `/api/admissions/${id}/health`, { kind, occurredOn: on, performedBy: 'BS. Phạm Y' });
    for (const a of r) await check(a.id, '2023-12-01');
    for (const a of r.slice(0, 5)) await check(a.id, '2023-12-20');
    await check(c[2].id, '2022-11-01');
    await check(r[6].id, '2023-06-01', 'entry_check');
    // Vocational classes of 2023: resident 0 in both, residents 1 and 2 in one each (3 learners, 4
    // enrolments); a 2022 class's learner is not a learner of 2023.
    const cls = async (
      trade: string,
      startsOn: string,
      endsOn: string,
      ids: string[],
      enrolledOn: string,
    ) => {
      const x = await post(k.staff, `/api/facility-ops/${k.facilityId}/classes`, {
        trade,
        teacher: `Giáo viên ${trade}`,
        startsOn,
        endsOn,
      });
      await post(k.staff, `/api/facility-classes/${x.id}/learners`, { admissionIds: ids, enrolledOn }, 200);
    };
    await cls('Hàn điện', '2023-03-01', '2023-05-31', [r[0].id, r[1].id], '2023-03-01');
    await cls('Sửa xe gắn máy', '2023-06-01', '2023-08-31', [r[0].id, r[2].id], '2023-06-01');
    await cls('Đan lát', '2022-09-01', '2022-11-30', [c[0].id], '2022-09-01');
    // Overseas-labour counselling (Japan) for 6 residents, one of them twice; other support kinds apart.
    const support = (id: string, kind: string, on: string) =>
      post(k.staff, `/api/admissions/${id}/support`, {
        providedOn: on,
        kind,
        partner: kind === 'overseas_labour_counselling' ? 'Công ty XKLĐ Nhật Bản' : 'Hội Phụ nữ',
      });
    for (const a of r.slice(10, 16)) await support(a.id, 'overseas_labour_counselling', '2023-10-10');
    await support(r[10].id, 'overseas_labour_counselling', '2023-11-10');
    await support(r[20].id, 'job_counselling', '2023-10-11');
    await support(r[21].id, 'employer_link', '2023-10-12');
  }, 600_000);
  afterAll(async () => k?.t.close());

  const expected = {
    facility_term_reductions: 2,
    facility_term_reduction_decisions: 3,
    facility_health_checks: 49,
    facility_health_checked_people: 44,
    facility_learners: 3,
    facility_enrolments: 4,
    facility_overseas_labour_counselled: 6,
  };

  it('the facility page counts residents and decisions, people and visits, learners and enrolments', async () => {
    const y = await get(k.staff, `/api/facility-ops/${k.facilityId}/figures?year=2023`);
    expect(y).toMatchObject({
      termReductions: 2,
      termReductionDecisions: 3,
      earlyReleases: 1,
      healthCheckCount: 49,
      healthCheckPeople: 44,
      entryHealthCheckCount: 1,
      classes: 2,
      learners: 3,
      enrolments: 4,
      overseasLabourCounselled: 6,
      supportServices: 9,
    });
    const y22 = await get(k.staff, `/api/facility-ops/${k.facilityId}/figures?year=2022`);
    expect(y22).toMatchObject({ termReductions: 1, termReductionDecisions: 1, healthCheckPeople: 1 });
    expect(y22).toMatchObject({ classes: 1, learners: 1, enrolments: 1, overseasLabourCounselled: 0 });
    const d = await get(k.staff, `/api/facility-ops/${k.facilityId}/dashboard?${Y}`);
    expect(d).toMatchObject({
      learners: 3,
      enrolments: 4,
      termReductionPeople: 2,
      termReductionDecisions: 3,
      overseasLabourCounselled: 6,
      health: { periodicChecks: 49, periodicCheckPeople: 44 },
    });
  });

  it('the indicators, the dashboard, the report and its export give the same numbers', async () => {
    for (const [id, n] of Object.entries(expected)) {
      const v = await get(k.staff, `/api/indicators/${id}/value?unit=${k.facilityId}&${Y}`);
      expect(v.figure.value, id).toBe(n);
      // The province sees the facility's residents in its own figure.
      const p = await get(province, `/api/indicators/${id}/value?unit=${UNITS.hanoi}&${Y}`);
      expect(p.figure.value, `${id} province`).toBe(n);
    }
    const dash = await get(k.staff, `/api/dashboard?unit=${k.facilityId}&${Y}`);
    const byId = new Map(
      dash.figures.map((f: { indicatorId: string; value: number }) => [f.indicatorId, f.value]),
    );
    for (const [id, n] of Object.entries(expected)) expect(byId.get(id), `dashboard ${id}`).toBe(n);
    const report = await post(k.staff, '/api/reports', { periodKind: 'year', year: 2023, cutoffDay: 1 });
    const inReport = new Map(
      report.figures.map((f: { indicatorId: string; value: number }) => [f.indicatorId, f.value]),
    );
    for (const [id, n] of Object.entries(expected)) expect(inReport.get(id), `report ${id}`).toBe(n);
    const exported = await get(k.staff, `/api/reports/${report.id}/export?format=json`);
    const text = JSON.stringify(exported);
    for (const id of Object.keys(expected)) expect(text, `export ${id}`).toContain(id);
    const exportedFigures = new Map<string, unknown>();
    const walk = (x: unknown) => {
      if (Array.isArray(x)) for (const v of x) walk(v);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.indicatorId === 'string' && 'value' in o) exportedFigures.set(o.indicatorId, o.value);
        for (const v of Object.values(o)) walk(v);
      }
    };
    walk(exported);
    for (const [id, n] of Object.entries(expected)) expect(exportedFigures.get(id), `export ${id}`).toBe(n);
  });

  it('the catalogue says what each of these counts, in Vietnamese and English', async () => {
    const cat = await get(k.staff, '/api/indicators');
    const def = (id: string) => cat.items.find((i: { id: string }) => i.id === id)?.definition;
    expect(def('facility_term_reductions').vi).toContain('mỗi người tính một lần');
    expect(def('facility_term_reduction_decisions').en).toContain('decisions');
    expect(def('facility_health_checked_people').vi).toContain('ít nhất một lần');
    expect(def('facility_enrolments').en).toContain('counts twice');
    for (const id of [...Object.keys(expected), 'methadone_treated', 'addicts_fully_served_share'])
      expect(def(id), id).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
  });

  it('a people figure drills down to one row per resident; the decisions to one row per decision', async () => {
    const rows = async (id: string) =>
      (await get(k.medical, `/api/indicators/${id}/records?unit=${k.facilityId}&${Y}&limit=100`)).items;
    const people = await rows('facility_health_checked_people');
    expect(people).toHaveLength(44);
    expect(new Set(people.map((p: { personId: string }) => p.personId)).size).toBe(44);
    expect(await rows('facility_health_checks')).toHaveLength(49);
    expect(await rows('facility_term_reduction_decisions')).toHaveLength(3);
    const reduced = await rows('facility_term_reductions');
    expect(new Set(reduced.map((p: { personId: string }) => p.personId)).size).toBe(2);
    expect(await rows('facility_learners')).toHaveLength(3);
    expect(await rows('facility_enrolments')).toHaveLength(4);
  });
});

describe('methadone patients treated during the period, at its end and starting in it (Ba Vì seeds)', () => {
  let k: Awaited<ReturnType<typeof pathwayApp>>;
  let officer: User;
  let police: User;
  const H1_2024 = 'from=2024-01-01&to=2024-06-30';
  const Y2023 = 'from=2023-01-01&to=2023-12-31';

  beforeAll(async () => {
    k = await pathwayApp();
    k.setToday('2024-12-31');
    officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    const therapy = async (personId: string, startDate: string) =>
      (await post(police, `/api/people/${personId}/episodes`, {
        type: 'substitution_therapy',
        startDate,
        clinic: { name: 'Cơ sở điều trị Methadone Ba Vì' },
      })) as { id: string; version: number };
    const quit = (ep: { id: string; version: number }, endDate: string) =>
      post(police, `/api/episodes/${ep.id}/close`, { version: ep.version, outcome: 'quit', endDate }, 200);
    const patients = async (n: number, start: string, quitOn?: string) => {
      for (let i = 0; i < n; i++) {
        const ep = await therapy((await k.person(officer)).id, start);
        if (quitOn) await quit(ep, quitOn);
      }
    };
    await patients(189, '2022-05-01'); // on therapy throughout
    await patients(10, '2022-05-01', '2023-06-30'); // treated in 2023 only
    await patients(15, '2023-03-01'); // started in 2023
    await patients(13, '2024-02-01'); // started in the first half of 2024…
    // …of whom 3 quit in May 2024: treated in the half-year, not on therapy at its end. (Done below.)
    // One patient quit in March 2023 and came back in September: one person, two episodes.
    const back = (await k.person(officer)).id;
    await quit(await therapy(back, '2022-05-01'), '2023-03-01');
    await therapy(back, '2023-09-01');
  }, 600_000);
  afterAll(async () => k?.t.close());

  const value = async (id: string, q: string) =>
    (await get(officer, `/api/indicators/${id}/value?unit=${UNITS.baDinh}&${q}`)).figure.value;

  it('2023: 215 treated during the year, 205 at its end, 16 starting in it', async () => {
    expect(await value('methadone_treated', Y2023)).toBe(215);
    expect(await value('methadone_patients', Y2023)).toBe(205);
    expect(await value('methadone_new', Y2023)).toBe(16);
  });

  it('first half of 2024: 218 treated; 3 who quit in May are not at its end', async () => {
    const db = k.t.deps.database.db;
    const started2024 = await db
      .selectFrom('episodes')
      .select(['id', 'version'])
      .where('type', '=', 'substitution_therapy')
      .where('start_date', '=', '2024-02-01')
      .orderBy('id')
      .limit(3)
      .execute();
    for (const ep of started2024)
      await post(
        police,
        `/api/episodes/${ep.id}/close`,
        { version: ep.version, outcome: 'quit', endDate: '2024-05-15' },
        200,
      );
    expect(await value('methadone_treated', H1_2024)).toBe(218);
    expect(await value('methadone_patients', H1_2024)).toBe(215);
    expect(await value('methadone_new', H1_2024)).toBe(13);
    // The 2023 figures did not move.
    expect(await value('methadone_treated', Y2023)).toBe(215);
    const recs = await get(
      officer,
      `/api/indicators/methadone_treated/records?unit=${UNITS.baDinh}&${H1_2024}&limit=500`,
    );
    expect(recs.total).toBe(218);
  });
});

describe('the province target: counselled, screened, assessed and given a fitting treatment', () => {
  let k: Awaited<ReturnType<typeof pathwayApp>>;
  let officer: User;
  let police: User;
  const Y = `unit=${UNITS.baDinh}&from=2024-01-01&to=2024-12-31`;

  beforeAll(async () => {
    k = await pathwayApp();
    k.setToday('2024-12-31');
    officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  }, 120_000);
  afterAll(async () => k?.t.close());

  async function addict(steps: { counselled?: string; tested?: string; treated?: string }) {
    const id = (await k.person(officer)).id;
    await post(
      police,
      `/api/people/${id}/addiction-determinations`,
      determinationBody('2023-11-20', '2023-10-01'),
    );
    if (steps.tested)
      await post(police, `/api/people/${id}/drug-tests`, testBody(steps.tested, 'positive', 'routine'));
    if (steps.counselled)
      await post(officer, '/api/counselling-sessions', {
        kind: 'individual',
        heldOn: steps.counselled,
        topic: 'Tư vấn điều trị nghiện',
        counsellor: 'Cán bộ Lê Thị Tư Vấn',
        personIds: [id],
      });
    if (steps.treated)
      await post(officer, `/api/people/${id}/episodes`, {
        type: 'voluntary_community',
        startDate: steps.treated,
        termMonths: 6,
        registration: { registeredOn: steps.treated, provider: 'Tổ cai nghiện cộng đồng phường Ba Đình' },
      });
    return id;
  }

  it('counts a person only when all four are recorded; counselling in the period stays its own figure', async () => {
    // All four in 2024; counselled and tested only; all but counselling; all four, counselled back in 2023.
    await addict({ tested: '2024-01-10', counselled: '2024-02-01', treated: '2024-03-01' });
    await addict({ tested: '2024-01-10', counselled: '2024-02-01' });
    await addict({ tested: '2024-01-10', treated: '2024-03-01' });
    await addict({ tested: '2023-11-25', counselled: '2023-12-01', treated: '2023-12-10' });
    const v = async (id: string) => (await get(officer, `/api/indicators/${id}/value?${Y}`)).figure;
    expect((await v('addicts_fully_served')).value).toBe(2);
    expect(await v('addicts_fully_served_share')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect((await v('addicts_counselled')).value).toBe(2);
    expect(await v('addicts_counselled_share')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    // In 2023 only the last person had all four (their treatment began in December).
    const y23 = (
      await get(
        officer,
        `/api/indicators/addicts_fully_served/value?unit=${UNITS.baDinh}&from=2023-01-01&to=2023-12-31`,
      )
    ).figure;
    expect(y23.value).toBe(1);
  });
});

describe('communes with the volunteer model on a date: one rule for the page and the indicator', () => {
  let c: Awaited<ReturnType<typeof communityApp>>;
  let today: string;
  let p3Since: string;
  let teamId: string;

  beforeAll(async () => {
    c = await communityApp();
    today = new Date(c.t.deps.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    // Ba Đình: team since 05/01/2024; V1 joins then and helps P1 from 01/02/2024 to 01/06/2024; V2 joins
    // 01/03/2024, helps P2 from 01/04/2024 and leaves on 10/01/2025 (P2's assignment ends with it).
    const team = await c.team();
    teamId = team.id;
    const v1 = await c.volunteer(team.id);
    const a1 = await c.assign(v1.id, await c.person(), '2024-02-01');
    await post(
      c.officer,
      `/api/community/assignments/${a1.id}/end`,
      { version: a1.version, endedOn: '2024-06-01' },
      200,
    );
    const v2 = await c.volunteer(team.id, { fullName: 'Trần Văn Bình', joinedOn: '2024-03-01' });
    await c.assign(v2.id, await c.person(), '2024-04-01');
    const v2now = await get(c.officer, `/api/community/volunteers/${v2.id}`);
    const left = await c.officer.call('PATCH', `/api/community/volunteers/${v2.id}`, {
      version: v2now.version,
      active: false,
      leftOn: '2025-01-10',
    } as never);
    expect(left.statusCode, left.body).toBe(200);
    // V1 helps P3 again from 01/01/2026.
    p3Since = '2026-01-01';
    await c.assign(v1.id, await c.person(), p3Since);
    // Ngọc Hà: a team and a volunteer helping nobody — never the model (the old indicator counted it).
    const teamNH = await c.team(c.officerNgocHa);
    await c.volunteer(teamNH.id, { joinedOn: '2024-05-01' }, c.officerNgocHa);
  }, 120_000);
  afterAll(async () => c?.t.close());

  const page = async (asOf: string) => {
    const m = await get(
      c.province,
      `/api/community/volunteer-model?provinceCode=${UNITS.hanoi}&asOf=${asOf}`,
    );
    expect(m.asOf).toBe(asOf);
    return m;
  };
  const indicator = async (to: string) =>
    (
      await get(
        c.province,
        `/api/indicators/communes_with_volunteer_model/value?unit=${UNITS.hanoi}&from=${to.slice(0, 4)}-01-01&to=${to}`,
      )
    ).figure.value;

  it('gives the same count on the page and in the indicator, date by date', async () => {
    const expected: [string, number][] = [
      ['2024-01-31', 0], // a team and a member, nobody helped yet
      ['2024-02-01', 1],
      ['2024-05-31', 1],
      ['2024-06-01', 1], // V1's person ended that day, V2 helps one
      ['2025-01-09', 1],
      ['2025-01-10', 0], // V2 left that day
      ['2025-12-31', 0],
      ['2026-01-01', 1],
    ];
    for (const [d, n] of expected) {
      const m = await page(d);
      expect(m.withModel, `page ${d}`).toBe(n);
      expect(await indicator(d), `indicator ${d}`).toBe(n);
      const baDinh = m.communes.find((x: { communeCode: string }) => x.communeCode === UNITS.baDinh);
      expect(baDinh.hasVolunteerModel, d).toBe(n === 1);
    }
    const ngocHa = (await page('2026-01-01')).communes.find(
      (x: { communeCode: string }) => x.communeCode === UNITS.ngocHa,
    );
    expect(ngocHa).toMatchObject({ activeVolunteers: 1, volunteersWithPeople: 0, hasVolunteerModel: false });
    // Today by default.
    expect((await get(c.province, `/api/community/volunteer-model?provinceCode=${UNITS.hanoi}`)).asOf).toBe(
      today,
    );
    expect(
      (
        await c.province.call(
          'GET',
          `/api/community/volunteer-model?provinceCode=${UNITS.hanoi}&asOf=2024-13-01`,
        )
      ).statusCode,
    ).toBe(400);
  });

  it('a new rule applies from the day it is set: past dates keep the rule of their date', async () => {
    expect((await page(today)).withModel).toBe(1);
    const teamPage = async () => (await get(c.officer, `/api/community/teams/${teamId}`)).hasVolunteerModel;
    expect(await teamPage()).toBe(true);
    const admin = await c.t.userAs('system_admin', 'nation', null);
    const set = await admin.call('PUT', '/api/community/volunteer-model/rule', {
      minVolunteersWithPeople: 2,
      minPeoplePerVolunteer: 1,
      reason: 'Mỗi đội cần ít nhất hai tình nguyện viên đang giúp đỡ người nghiện',
      version: 0,
    });
    expect(set.statusCode, set.body).toBe(200);
    const now = await page(today);
    expect(now.rule).toEqual({ minVolunteersWithPeople: 2, minPeoplePerVolunteer: 1 });
    expect(now.withModel).toBe(0);
    expect(await indicator(today)).toBe(0);
    expect(await teamPage()).toBe(false); // the team page reads the same dated rule
    // Earlier dates are read under the rule of their date.
    for (const d of ['2024-06-01', p3Since]) {
      const m = await page(d);
      expect(m.rule).toEqual({ minVolunteersWithPeople: 1, minPeoplePerVolunteer: 1 });
      expect(m.withModel, d).toBe(1);
      expect(await indicator(d), d).toBe(1);
    }
  });
});
