import { facilityRulesOn } from '@hoanhap/domain/facility-rules';
import { addDays } from '@hoanhap/domain/iso-date';
import { rulesOn } from '@hoanhap/domain/legal-regimes';
import { addWorkingDays } from '@hoanhap/domain/working-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, type User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// What moves the planned release and how a stay ends, on a clock set to the end of 2024: reductions,
// early release, postponement, hospital suspension, escape and return judged by the facility rules in
// force (422 citing them); the notice to the commune; release and handover with the post-rehab task at the
// receiving commune (the province when no residence is known); departure without completion.

let k: Kit;
let otherStaff: User;
let province: User;
const TODAY = '2024-12-31';
const rules = facilityRulesOn(TODAY)!;
const st: Record<string, { id: string; version: number; personId: string; episodeId: string }> = {};

beforeAll(async () => {
  k = await facilityKit(TODAY);
  otherStaff = await k.t.userAs('facility_staff', 'facility', await k.facility('Cơ sở cai nghiện số 2'));
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  const v = await k.voluntary('2024-03-01');
  const a = await k.admit(v.episodeId, '2024-03-01');
  st.vol = { id: a.id, version: a.version, personId: a.personId, episodeId: v.episodeId };
  const c = await k.compulsory('2024-01-02', 12);
  const b = await k.admit(c.episodeId, '2024-01-02');
  st.comp = { id: b.id, version: b.version, personId: b.personId, episodeId: c.episodeId };
  const h = await k.medical.call('POST', `/api/admissions/${a.id}/health`, {
    kind: 'periodic_check',
    occurredOn: '2024-04-01',
    diagnosis: 'Viêm gan B',
    performedBy: 'BS. Phạm Y',
  });
  expect(h.statusCode, h.body).toBe(201);
});
afterAll(async () => k?.t.close());

const keep = (name: string, body: { id: string; version: number; personId: string }) => {
  st[name] = { ...st[name], id: body.id, version: body.version, personId: body.personId };
};

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
    const c = await k.compulsory('2023-12-20', 12);
    const a = await k.admit(c.episodeId, '2023-12-20', { noKnownResidence: true });
    const ver = await k.throughStages(a.id, a.version, '2023-12-25');
    const out = await k.discharge(a.id, ver, a.term.plannedRelease!);
    expect(out.release).toMatchObject({
      handedTo: { kind: 'province', code: UNITS.hanoi },
      flaggedForProvince: true,
    });
    expect(out.notice.communeCode).toBeNull();
    const task = (await k.tasksOf(c.personId)).find((x) => x.kind === 'post_rehab_decision')!;
    expect(task).toMatchObject({ unit_kind: 'province', unit_code: UNITS.hanoi });
    expect(JSON.parse(task.details!)).toMatchObject({ noKnownResidence: true });
    const mine = (await province.call('GET', '/api/tasks/mine')).json();
    const all = [...mine.overdue, ...mine.today, ...mine.upcoming] as { kind: string; personId: string }[];
    expect(all.some((x) => x.kind === 'post_rehab_decision' && x.personId === c.personId)).toBe(true);
  });

  it('opens no post-rehab decision after a voluntary stay (Law 73/2021 Art. 40: compulsory only)', async () => {
    const v = await k.voluntary('2024-01-05');
    const a = await k.admit(v.episodeId, '2024-01-05', { noKnownResidence: true });
    const ver = await k.throughStages(a.id, a.version, '2024-01-10');
    const out = await k.discharge(a.id, ver, '2024-07-04');
    // Corrected 12/2026: a voluntary release used to open the post-rehab decision task.
    expect(out.release).toMatchObject({
      handedTo: { kind: 'province', code: UNITS.hanoi },
      flaggedForProvince: true,
      taskId: null,
      decisionDueDate: null,
    });
    expect((await k.tasksOf(v.personId)).filter((x) => x.kind === 'post_rehab_decision')).toEqual([]);
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
    // Four releases in 2024: the first compulsory resident, the compulsory and the voluntary one with no known
    // residence (handovers to the province), and the early release.
    expect(f).toMatchObject({ departures: 1, reintegrated: 4, handovers: 2 });
    const p = await k.t.deps.database.db
      .selectFrom('people')
      .select('current_facility_id')
      .where('id', '=', v.personId)
      .executeTakeFirstOrThrow();
    expect(p.current_facility_id).toBeNull();
  });
});

describe('health fields', () => {
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
