import { addDays } from '@hoanhap/domain/iso-date';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import type { User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// Reproduces facility years like the source articles' (DOMAIN.md §1), recording every event through the API
// and checking that the yearly figures come out exactly:
// - Quảng Bình 2023: 87 received, 19 reintegrated, 12 term reductions, 44 health checks;
// - Vĩnh Long (2021 in the article; replayed in 2024, the first regime starts in 2022): 5 classes (welding,
//   motorbike repair, men's haircutting, poultry farming, wood carving), 69 learners, 52 handovers.

let k: Kit;
beforeAll(async () => {
  k = await facilityKit('2023-12-31', 'Cơ sở cai nghiện ma túy tỉnh Quảng Bình');
});
afterAll(async () => k?.t.close());

describe('a facility year, from the recorded events', () => {
  it('Quảng Bình 2023: 87 received, 19 reintegrated, 12 term reductions, 44 health checks', async () => {
    // 12 compulsory residents admitted in June 2022, each granted a reduction in 2023 after serving half.
    const compulsory: { id: string; version: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await k.compulsory('2022-06-01', 12);
      compulsory.push(await k.admit(c.episodeId, '2022-06-01'));
    }
    for (const [i, a] of compulsory.entries()) {
      const res = await k.staff.call('POST', `/api/admissions/${a.id}/term-changes`, {
        version: a.version,
        kind: 'reduction',
        decidedOn: addDays('2023-01-10', i),
        decidedBy: 'Giám đốc cơ sở',
        decisionNumber: `${i + 1}/QĐ-GTH`,
        days: 15,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // 87 received in 2023 on voluntary contracts; 19 of them complete six months and go home in 2023.
    const received: { id: string; version: number }[] = [];
    for (let i = 0; i < 87; i++) {
      const start = addDays('2023-01-02', i * 2);
      const v = await k.voluntary(start, 6);
      received.push(await k.admit(v.episodeId, start));
    }
    for (const a of received.slice(0, 19)) {
      const stay = (await k.staff.call('GET', `/api/admissions/${a.id}`)).json();
      const version = await k.throughStages(a.id, stay.version, addDays(stay.admittedOn, 7));
      const out = await k.discharge(a.id, version, stay.term.plannedRelease);
      expect(out.release.handedTo).toEqual({ kind: 'commune', code: UNITS.baDinh });
    }
    // 44 periodic health checks and 30 HIV tests by the medical staff.
    for (let i = 0; i < 44; i++) {
      const a = received[19 + (i % 68)];
      const res = await k.medical.call('POST', `/api/admissions/${a.id}/health`, {
        kind: 'periodic_check',
        occurredOn: '2023-12-01',
        performedBy: 'BS. Phạm Y',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (let i = 0; i < 30; i++) {
      const res = await k.medical.call('POST', `/api/admissions/${received[19 + i].id}/health`, {
        kind: 'infectious_test',
        occurredOn: '2023-12-02',
        disease: 'hiv',
        testResult: 'negative',
        performedBy: 'BS. Phạm Y',
      });
      expect(res.statusCode).toBe(201);
    }
    // An entry check is not a periodic check, and a 2022 event is not a 2023 figure.
    const entry = await k.medical.call('POST', `/api/admissions/${received[20].id}/health`, {
      kind: 'entry_check',
      occurredOn: addDays('2023-01-02', 40),
      performedBy: 'BS. Phạm Y',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    const before = await k.medical.call('POST', `/api/admissions/${compulsory[0].id}/health`, {
      kind: 'periodic_check',
      occurredOn: '2022-12-01',
      performedBy: 'BS. Phạm Y',
    });
    expect(before.statusCode, before.body).toBe(201);

    const figures = await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=2023`);
    expect(figures.statusCode).toBe(200);
    expect(figures.json()).toMatchObject({
      year: 2023,
      received: 87,
      reintegrated: 19,
      termReductions: 12,
      healthCheckCount: 44,
      hivTestCount: 30,
      handovers: 19,
      flaggedForProvince: 0,
      entryHealthCheckCount: 1,
    });
    // The same year through the indicators and the dashboard (the figures a province reads).
    await throughIndicators(k.staff, k.facilityId, '2023', {
      facility_received: 87,
      facility_reintegrated: 19,
      facility_term_reduction_decisions: 12,
      facility_health_checks: 44,
      facility_handovers: 19,
    });
    const last = await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=2022`);
    expect(last.json()).toMatchObject({
      received: 12,
      reintegrated: 0,
      termReductions: 0,
      healthCheckCount: 1,
    });
    // The 19 releases were of voluntary residents: no post-rehab decision follows voluntary rehab (Law 73/2021
    // Art. 40), so none opened at the receiving commune (before 12/2026 each opened one).
    const tasks = await k.t.deps.database.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'post_rehab_decision')
      .where('unit_code', '=', UNITS.baDinh)
      .executeTakeFirstOrThrow();
    expect(Number(tasks.n)).toBe(0);
  }, 600_000);

  it('Vĩnh Long: 5 classes with 69 learners, 52 handovers to the communes', async () => {
    k.setToday('2024-12-31');
    const fid = await k.facility('Cơ sở cai nghiện ma túy tỉnh Vĩnh Long');
    const staff: User = await k.t.userAs('facility_staff', 'facility', fid);
    const residents: { id: string; version: number; plannedRelease: string }[] = [];
    for (let i = 0; i < 69; i++) {
      const start = addDays('2024-01-02', i);
      const v = await k.voluntary(start, 6, fid);
      const res = await staff.call(
        'POST',
        `/api/facility-ops/${fid}/admissions`,
        k.admissionBody(v.episodeId, start),
      );
      expect(res.statusCode, res.body).toBe(201);
      residents.push({
        id: res.json().id,
        version: res.json().version,
        plannedRelease: res.json().term.plannedRelease,
      });
    }
    const trades = ['Hàn điện', 'Sửa xe gắn máy', 'Hớt tóc nam', 'Chăn nuôi gia cầm', 'Chạm khắc gỗ'];
    for (const [i, trade] of trades.entries()) {
      const cls = await staff.call('POST', `/api/facility-ops/${fid}/classes`, {
        trade,
        teacher: `Giáo viên ${trade}`,
        startsOn: '2024-03-15',
        endsOn: '2024-05-31',
      });
      expect(cls.statusCode).toBe(201);
      const group = residents.slice(i * 14, i === 4 ? 69 : (i + 1) * 14).map((r) => r.id);
      const enrol = await staff.call('POST', `/api/facility-classes/${cls.json().id}/learners`, {
        admissionIds: group,
        enrolledOn: '2024-03-15',
      });
      expect(enrol.statusCode, enrol.body).toBe(200);
    }
    for (const r of residents.slice(0, 52)) {
      const version = await moveThrough(staff, r.id, r.version, '2024-04-01');
      const notice = await staff.call('POST', `/api/admissions/${r.id}/release-notice`, {
        ...k.noticeBody(version, addDays(r.plannedRelease, -20)),
      });
      expect(notice.statusCode, notice.body).toBe(200);
      const out = await staff.call('POST', `/api/admissions/${r.id}/release`, {
        version: notice.json().version,
        releasedOn: r.plannedRelease,
        certificate: { number: `GCN-${r.id.slice(0, 6)}`, issuedOn: r.plannedRelease, signer: 'Giám đốc' },
      });
      expect(out.statusCode, out.body).toBe(200);
    }
    const figures = await staff.call('GET', `/api/facility-ops/${fid}/figures?year=2024`);
    expect(figures.json()).toMatchObject({
      classes: 5,
      learners: 69,
      handovers: 52,
      reintegrated: 52,
      received: 69,
    });
    // The other facility's year is its own.
    const other = await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/figures?year=2024`);
    expect(other.json()).toMatchObject({ classes: 0, learners: 0, handovers: 0 });
    const dash = await staff.call('GET', `/api/facility-ops/${fid}/dashboard?from=2024-01-01&to=2024-12-31`);
    expect(dash.json()).toMatchObject({
      residents: 17,
      admissions: 69,
      releases: 52,
      classes: 5,
      learners: 69,
    });
    await throughIndicators(staff, fid, '2024', {
      facility_received: 69,
      facility_classes: 5,
      facility_learners: 69,
      facility_handovers: 52,
    });
  }, 600_000);
});

/** A facility's year through /api/indicators and /api/dashboard: the same figures as its own page. */
async function throughIndicators(u: User, fid: string, year: string, expected: Record<string, number>) {
  const q = `unit=${fid}&from=${year}-01-01&to=${year}-12-31`;
  for (const [id, n] of Object.entries(expected)) {
    const res = await u.call('GET', `/api/indicators/${id}/value?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().figure.value, id).toBe(n);
  }
  const dash = await u.call('GET', `/api/dashboard?${q}`);
  expect(dash.statusCode, dash.body).toBe(200);
  const byId = new Map(
    dash.json().figures.map((f: { indicatorId: string; value: number }) => [f.indicatorId, f.value]),
  );
  for (const [id, n] of Object.entries(expected)) expect(byId.get(id), `dashboard ${id}`).toBe(n);
}

async function moveThrough(staff: User, id: string, version: number, from: string) {
  let v = version;
  for (let s = 2; s <= 5; s++) {
    const res = await staff.call('POST', `/api/admissions/${id}/stages`, {
      version: v,
      stage: s,
      beganOn: addDays(from, (s - 2) * 14),
      approvedBy: 'Phó Giám đốc',
    });
    expect(res.statusCode, res.body).toBe(200);
    v = res.json().version;
  }
  return v;
}
