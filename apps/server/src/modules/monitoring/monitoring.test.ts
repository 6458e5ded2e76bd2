import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, type User } from '../episodes/pathway-test-kit.ts';
import { syncMonitoringEnds } from './monitoring-end.job.ts';

// Electronic monitoring (Law 120/2025/QH15 Art. 12) through the API, on SQLite and PostgreSQL: who may
// record it, when (from 01/07/2026), for whom (community rehab, substitution therapy, post-rehab management on
// the start date, within that episode), its events, its end task on the work list, and the audit of each call.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let police: User;
let officer: User;
let otherPolice: User;
let province: User;
let volunteer: User;

/** A person's episode written as the episodes module stores it (the rules under test only read episodes). */
async function episode(
  personId: string,
  type: string,
  start: string,
  plannedEnd: string | null,
  over: Record<string, unknown> = {},
) {
  const id = randomUUID();
  const at = new Date().toISOString();
  await k.t.deps.database.db
    .insertInto('episodes')
    .values({
      id,
      person_id: personId,
      type,
      regime_id: 'law120-2026',
      authority: 'commune_chairman',
      decision_number: null,
      decision_date: start,
      decision_signer: null,
      decision_body: null,
      document_number: null,
      start_date: start,
      term_start: start,
      term_months: null,
      planned_end: plannedEnd,
      actual_end: null,
      outcome: null,
      outcome_reason: null,
      facility_id: null,
      responsible_unit_kind: 'commune',
      responsible_unit_code: UNITS.baDinh,
      managers: '[]',
      details: '{}',
      certificate_number: null,
      certificate_date: null,
      notes: null,
      version: 1,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
      ...over,
    })
    .execute();
  return id;
}

const body = (decisionDate: string, startDate: string, plannedEnd: string, extra = {}) => ({
  decisionNumber: '05/QĐ-CAX',
  decisionDate,
  decisionSigner: 'Thiếu tá Phạm Văn Trưởng',
  startDate,
  plannedEnd,
  means: 'bracelet',
  ...extra,
});

const auditRows = (action: string, entityId: string) =>
  k.t.deps.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();

const endTasks = (personId: string) =>
  k.t.deps.database.db
    .selectFrom('tasks')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', 'monitoring_end')
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-12-01');
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  otherPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
}, 120_000);
afterAll(async () => {
  await k?.t.close();
});

describe('electronic monitoring', () => {
  it('is refused on 30/06/2026 and recorded on 01/07/2026 (substitution therapy), with its end task', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'substitution_therapy', '2026-06-01', null);

    const before = await police.call('POST', `/api/people/${p.id}/monitoring`, {
      ...body('2026-06-30', '2026-07-01', '2026-12-31'),
    });
    expect(before.statusCode, before.body).toBe(422);
    expect(before.json()).toMatchObject({ code: 'monitoring_not_in_force', field: 'decisionDate' });
    expect(JSON.stringify(before.json().basis)).toContain('Điều 12 Luật 120/2025/QH15');

    const ok = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-07-01', '2026-07-01', '2026-12-31'),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const m = ok.json();
    expect(m).toMatchObject({
      regimeId: 'law120-2026',
      authority: { id: 'commune_police_head', label: { vi: 'Trưởng Công an cấp xã' } },
      episode: { type: 'substitution_therapy' },
      status: 'active',
      version: 1,
      meansLabel: { vi: 'Vòng đeo tay điện tử' },
    });
    expect(m.basis[0].vi).toContain('Điều 12 Luật 120/2025/QH15');
    const [task] = await endTasks(p.id);
    expect(task).toMatchObject({
      due_date: '2026-12-31',
      responsible_role: 'commune_police',
      unit_code: UNITS.baDinh,
      status: 'open',
      source_type: 'monitoring',
      source_id: m.id,
    });
    expect(await auditRows('monitoring.create', m.id)).toHaveLength(1);
  });

  it('needs the situation on the start date and keeps the end inside the episode (boundaries)', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'voluntary_community', '2026-08-01', '2027-07-31');
    const early = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-07-31', '2026-07-31', '2026-10-31'),
    );
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json()).toMatchObject({ code: 'monitoring_not_eligible', field: 'startDate' });
    expect(early.json().messages.vi).toContain('31/07/2026');

    const late = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-08-01', '2026-08-01', '2027-08-01'),
    );
    expect(late.statusCode, late.body).toBe(422);
    expect(late.json()).toMatchObject({ code: 'monitoring_end_after_episode', field: 'plannedEnd' });

    const ok = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-08-01', '2026-08-01', '2027-07-31'),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().episode.type).toBe('voluntary_community');

    const overlap = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-09-01', '2026-09-01', '2026-10-01'),
    );
    expect(overlap.statusCode, overlap.body).toBe(409);
    expect(overlap.json().code).toBe('monitoring_overlap');
  });

  it('refuses people at a facility, in compulsory rehab or only under user management', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'voluntary_facility', '2026-07-01', '2027-06-30');
    await episode(p.id, 'user_management', '2026-07-01', '2027-06-30');
    const res = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-08-01', '2026-08-01', '2026-10-01'),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('monitoring_not_eligible');

    const post = await k.person(officer);
    await episode(post.id, 'post_rehab', '2026-09-01', '2027-08-31', {
      actual_end: '2026-10-15',
      outcome: 'relapsed',
    });
    const after = await police.call(
      'POST',
      `/api/people/${post.id}/monitoring`,
      body('2026-10-16', '2026-10-16', '2026-10-20'),
    );
    expect(after.statusCode).toBe(422);
    const last = await police.call(
      'POST',
      `/api/people/${post.id}/monitoring`,
      body('2026-10-15', '2026-10-15', '2026-10-15'),
    );
    expect(last.statusCode, last.body).toBe(201);
  });

  it('lets only the commune police of the person’s commune record; others read or get nothing', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'substitution_therapy', '2026-07-01', null);
    const b = body('2026-08-01', '2026-08-01', '2026-11-30');
    expect((await officer.call('POST', `/api/people/${p.id}/monitoring`, b)).statusCode).toBe(403);
    expect((await province.call('POST', `/api/people/${p.id}/monitoring`, b)).statusCode).toBe(403);
    expect((await volunteer.call('POST', `/api/people/${p.id}/monitoring`, b)).statusCode).toBe(403);
    expect((await otherPolice.call('POST', `/api/people/${p.id}/monitoring`, b)).statusCode).toBe(404);
    const created = await police.call('POST', `/api/people/${p.id}/monitoring`, b);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    expect((await volunteer.call('GET', `/api/people/${p.id}/monitoring`)).statusCode).toBe(403);
    expect((await otherPolice.call('GET', `/api/monitoring/${id}`)).statusCode).toBe(404);
    const list = await officer.call('GET', `/api/people/${p.id}/monitoring`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect(await auditRows('monitoring.list', p.id)).toHaveLength(1);
    const one = await province.call('GET', `/api/monitoring/${id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(await auditRows('monitoring.read', id)).toHaveLength(1);
    expect((await officer.call('PUT', `/api/monitoring/${id}`, { version: 1, notes: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('moves the end task with the planned end, answers 409 to a stale version, ends on removal', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'post_rehab', '2026-07-10', '2027-07-09');
    const created = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-07-10', '2026-07-10', '2026-12-31'),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const moved = await police.call('PUT', `/api/monitoring/${id}`, { version: 1, plannedEnd: '2027-01-31' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ plannedEnd: '2027-01-31', version: 2 });
    const tasks = await endTasks(p.id);
    expect(tasks.map((t) => [t.due_date, t.status])).toEqual([
      ['2026-12-31', 'cancelled'],
      ['2027-01-31', 'open'],
    ]);
    const tooLate = await police.call('PUT', `/api/monitoring/${id}`, {
      version: 2,
      plannedEnd: '2027-07-10',
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.json().code).toBe('monitoring_end_after_episode');

    const stale = await police.call('PUT', `/api/monitoring/${id}`, { version: 1, notes: 'muộn' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'stale_version',
      current: { version: 2, plannedEnd: '2027-01-31' },
    });

    const other = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 2,
      kind: 'other',
      occurredOn: '2026-11-01',
    });
    expect(other.statusCode).toBe(400);
    const meansOther = await police.call('PUT', `/api/monitoring/${id}`, { version: 2, means: 'other' });
    expect(meansOther.statusCode).toBe(400);
    expect(meansOther.json().errors[0].field).toBe('meansOther');

    const breach = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 2,
      kind: 'tampering_reported',
      occurredOn: '2026-11-20',
      description: 'Thiết bị báo bị tháo lúc 22 giờ',
    });
    expect(breach.statusCode, breach.body).toBe(201);
    expect(breach.json()).toMatchObject({ status: 'active', version: 3 });
    expect(breach.json().events[0]).toMatchObject({ kind: 'tampering_reported', occurredOn: '2026-11-20' });

    const staleEvent = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 2,
      kind: 'removal',
      occurredOn: '2026-11-30',
    });
    expect(staleEvent.statusCode).toBe(409);

    const future = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 3,
      kind: 'removal',
      occurredOn: '2026-12-02',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('occurredOn');

    const removal = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 3,
      kind: 'removal',
      occurredOn: '2026-11-30',
    });
    expect(removal.statusCode, removal.body).toBe(201);
    expect(removal.json()).toMatchObject({ status: 'ended', actualEnd: '2026-11-30', version: 4 });
    expect((await endTasks(p.id)).map((t) => t.status)).toEqual(['cancelled', 'done']);
    expect(await auditRows('monitoring.event', id)).toHaveLength(2);
    expect(await auditRows('monitoring.update', id)).toHaveLength(1);

    const afterEnd = await police.call('POST', `/api/monitoring/${id}/events`, {
      version: 4,
      kind: 'breach',
      occurredOn: '2026-12-01',
    });
    expect(afterEnd.statusCode).toBe(409);
    expect(afterEnd.json().code).toBe('monitoring_ended');

    // The person's timeline shows the decision and its events to legal readers.
    const timeline = await officer.call('GET', `/api/people/${p.id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const shown = (timeline.json().items as { kind: string; date: string; title: { vi: string } }[])
      .filter((i) => i.kind.startsWith('monitoring'))
      .map((i) => [i.kind, i.date, i.title.vi]);
    expect(shown).toEqual([
      ['monitoring', '2026-07-10', 'Quyết định áp dụng giám sát điện tử số 05/QĐ-CAX'],
      ['monitoring_event', '2026-11-20', 'Giám sát điện tử: Tự ý tháo gỡ, can thiệp thiết bị'],
      ['monitoring_event', '2026-11-30', 'Giám sát điện tử: Gỡ bỏ thiết bị, chấm dứt giám sát'],
    ]);
  });

  it('marks a measure due to end when the situation it rests on ends first', async () => {
    const p = await k.person(officer);
    const ep = await episode(p.id, 'post_rehab', '2026-08-01', '2027-07-31');
    const created = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-08-01', '2026-08-01', '2027-01-31'),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'active', basisEndsOn: '2027-07-31' });
    // The person relapsed on 20/11/2026: post-rehab management ended, and with it the ground for monitoring.
    await k.t.deps.database.db
      .updateTable('episodes')
      .set({ actual_end: '2026-11-20', outcome: 'relapsed' })
      .where('id', '=', ep)
      .execute();
    const now = await police.call('GET', `/api/monitoring/${created.json().id}`);
    expect(now.json()).toMatchObject({
      status: 'end_due',
      basisEndsOn: '2026-11-20',
      plannedEnd: '2027-01-31',
    });
    // The nightly sync moves the end task to the day the ground ended, once.
    const [before] = await endTasks(p.id);
    expect(before).toMatchObject({ due_date: '2027-01-31', status: 'open' });
    expect(await syncMonitoringEnds(k.t.deps.database.db)).toBeGreaterThanOrEqual(1);
    const [after] = await endTasks(p.id);
    expect(after).toMatchObject({ id: before!.id, due_date: '2026-11-20', status: 'open' });
    expect(await auditRows('monitoring.end_task_moved', created.json().id)).toHaveLength(1);
    await syncMonitoringEnds(k.t.deps.database.db);
    expect(await auditRows('monitoring.end_task_moved', created.json().id)).toHaveLength(1);
  });

  it('shows the end task on the police work list once the planned end is reached', async () => {
    const p = await k.person(officer);
    await episode(p.id, 'substitution_therapy', '2026-07-01', null);
    const created = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-09-01', '2026-09-01', '2026-12-01'),
    );
    expect(created.statusCode, created.body).toBe(201);
    const list = await police.call('GET', '/api/tasks/mine');
    expect(list.statusCode, list.body).toBe(200);
    const due = list.json().dueToday.filter((t: { personId: string }) => t.personId === p.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      kind: 'monitoring_end',
      label: { vi: expect.stringContaining('giám sát điện tử') },
    });
    expect(created.json().status).toBe('active');
    k.setToday('2026-12-02');
    const later = await police.call('GET', `/api/monitoring/${created.json().id}`);
    expect(later.json().status).toBe('end_due');
    k.setToday('2026-12-01');
  });
});

describe('electronic monitoring in the post-rehab decision', () => {
  it('names a measure decided by the decision date, and says nothing otherwise', async () => {
    const text = async (episodeId: string) => {
      const res = await officer.call('GET', `/api/episodes/${episodeId}/documents/post-rehab-decision.pdf`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return extractPdfText(res.rawPayload).replace(/\s+/g, ' ');
    };
    const decided = {
      decision_number: '10/QĐ-UBND',
      decision_signer: 'Nguyễn Văn Chủ',
      managers: JSON.stringify([police.userId]),
    };
    const p = await k.person(officer);
    const ep = await episode(p.id, 'post_rehab', '2026-08-01', '2027-07-31', decided);
    expect(await text(ep)).not.toContain('giám sát điện tử');
    const m = await police.call('POST', `/api/people/${p.id}/monitoring`, {
      ...body('2026-08-01', '2026-08-01', '2026-12-31'),
      decisionNumber: '05/QĐ-CAX',
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(await text(ep)).toContain('giám sát điện tử theo Quyết định số 05/QĐ-CAX ngày 01/08/2026');

    // A measure decided after the post-rehab decision does not rewrite that earlier decision.
    const later = await k.person(officer);
    const ep2 = await episode(later.id, 'post_rehab', '2026-08-01', '2027-07-31', decided);
    const m2 = await police.call(
      'POST',
      `/api/people/${later.id}/monitoring`,
      body('2026-08-05', '2026-08-05', '2026-12-31'),
    );
    expect(m2.statusCode, m2.body).toBe(201);
    expect(await text(ep2)).not.toContain('giám sát điện tử');
  });
});

describe('electronic monitoring in the figures', () => {
  it('counts measures running in and started in the period, in the indicator and the commune report', async () => {
    const ngocHaOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
    const there = { currentAddress: { communeCode: UNITS.ngocHa, detail: 'Tổ 2' } };
    const PERIOD = { from: '2026-10-15', to: '2026-11-14' };
    const figure = async (id: string) => {
      const res = await ngocHaOfficer.call(
        'GET',
        `/api/indicators/${id}/value?unit=${UNITS.ngocHa}&from=${PERIOD.from}&to=${PERIOD.to}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json().figure.value as number;
    };
    const measure = async (start: string, plannedEnd: string, removedOn?: string) => {
      const p = await k.person(ngocHaOfficer, there);
      await episode(p.id, 'substitution_therapy', '2026-06-01', null);
      const res = await otherPolice.call(
        'POST',
        `/api/people/${p.id}/monitoring`,
        body(start, start, plannedEnd),
      );
      expect(res.statusCode, res.body).toBe(201);
      if (!removedOn) return;
      const ended = await otherPolice.call('POST', `/api/monitoring/${res.json().id}/events`, {
        version: 1,
        kind: 'removal',
        occurredOn: removedOn,
      });
      expect(ended.statusCode, ended.body).toBe(201);
    };
    await measure('2026-09-01', '2026-10-14'); // planned end the day before the period
    await measure('2026-08-01', '2026-12-31', '2026-10-14'); // removed the day before the period
    await measure('2026-08-01', '2026-12-31', '2026-10-15'); // removed on the period's first day: counts
    expect(await figure('monitoring_active')).toBe(1);
    expect(await figure('monitoring_started')).toBe(0);
    // A new measure changes the figures at once (the figure store knows the block reads the measures).
    await measure('2026-11-14', '2026-12-31');
    await measure('2026-11-15', '2026-12-31'); // starts the day after the period
    expect(await figure('monitoring_active')).toBe(2);
    expect(await figure('monitoring_started')).toBe(1);

    const report = await ngocHaOfficer.call('POST', '/api/reports', {
      periodKind: 'month',
      year: 2026,
      index: 11,
    });
    expect(report.statusCode, report.body).toBe(201);
    const r = report.json() as {
      from: string;
      to: string;
      figures: { indicatorId: string; value: number }[];
    };
    expect(r).toMatchObject(PERIOD);
    const fig = (id: string) => r.figures.find((f) => f.indicatorId === id)?.value;
    expect(fig('monitoring_active')).toBe(2);
    expect(fig('monitoring_started')).toBe(1);
  });
});

describe('electronic monitoring when an administrator names another authority', () => {
  it('refuses the commune police from the override date, citing the rule; earlier decisions stay theirs', async () => {
    const national = await k.t.userAs('national_officer', 'nation', null);
    const override = await national.call('POST', '/api/legal/overrides', {
      ruleKey: 'electronicMonitoring',
      authority: 'commune_chairman',
      effectiveFrom: '2026-11-01',
      reason: 'Nghị định hướng dẫn giao Chủ tịch UBND cấp xã quyết định',
      basis: { instrument: { vi: 'Nghị định 999/2026/NĐ-CP', en: 'Decree 999/2026/ND-CP' }, article: '5' },
    });
    expect(override.statusCode, override.body).toBe(201);
    const p = await k.person(officer);
    await episode(p.id, 'substitution_therapy', '2026-07-01', null);
    const refused = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-11-10', '2026-11-10', '2026-12-31'),
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'authority_required',
      rule: 'electronicMonitoring',
      authority: 'commune_chairman',
    });
    expect(refused.json().messages.vi).toContain('Chủ tịch Ủy ban nhân dân cấp xã');

    const earlier = await police.call(
      'POST',
      `/api/people/${p.id}/monitoring`,
      body('2026-10-31', '2026-10-31', '2026-11-09'),
    );
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json().authority.id).toBe('commune_police_head');
    const event = await police.call('POST', `/api/monitoring/${earlier.json().id}/events`, {
      version: 1,
      kind: 'device_fault',
      occurredOn: '2026-11-05',
    });
    expect(event.statusCode, event.body).toBe(201);
  });
});
