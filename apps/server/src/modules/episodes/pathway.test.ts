import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, testBody, type User } from './pathway-test-kit.ts';

// A whole path through the law, through the API, with the clock moved along it:
// positive test → user management → addiction determination → voluntary community rehab, quit →
// pending compulsory (family, Form 35) → court order (term from the order: family time does not count) →
// completion →
// post-rehab decision → contacts and tests → completion certificate (Form 54).
// Then a relapse during post-rehab management.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let facilityStaff: User;
let volunteer: User;
let facilityId: string;

beforeAll(async () => {
  k = await pathwayApp();
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 2 Hà Nội');
  facilityStaff = await k.t.userAs('facility_staff', 'facility', facilityId);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
});
afterAll(async () => k?.t.close());

const openTasks = async (personId: string, kind: string) =>
  (await k.tasksOf(personId)).filter((t) => t.kind === kind && t.status === 'open');

describe('the full path, from a positive test to the completion certificate', () => {
  let personId: string;
  const ep: Record<string, { id: string; version: number }> = {};
  const keep = (name: string, body: { id: string; version: number }) => {
    ep[name] = { id: body.id, version: body.version };
  };

  it('records a positive test (2021 law: no decision deadline in hours, so no task yet)', async () => {
    k.setToday('2025-01-10');
    personId = (await k.person(officer)).id;
    const res = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2025-01-10', 'positive'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      positive: true,
      relapse: false,
      criminalWindow: false,
      regimeId: 'law73-2022',
    });
    expect(await k.tasksOf(personId)).toEqual([]);
    expect(await k.statusOf(personId)).toBe('registered');
  });

  it('decides user management for one year, computed by the rules', async () => {
    k.setToday('2025-01-15');
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'user_management',
      startDate: '2025-01-15',
      decision: decision('2025-01-15', '05/QĐ-UBND'),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'user_management',
      regimeId: 'law73-2022',
      authority: 'commune_chairman',
      plannedEnd: '2026-01-14',
      termMonths: 12,
      active: true,
    });
    keep('um', res.json());
    expect(await k.statusOf(personId)).toBe('drug_user_managed');
    const [task] = await openTasks(personId, 'management_period_end');
    expect(task).toMatchObject({
      due_date: '2026-01-14',
      episode_id: ep.um.id,
      responsible_role: 'commune_officer',
    });
  });

  it('records an addiction determination computed by the server', async () => {
    k.setToday('2025-02-01');
    const res = await police.call(
      'POST',
      `/api/people/${personId}/addiction-determinations`,
      determinationBody('2025-02-01', '2024-12-20'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ addicted: true, reason: { code: 'sustained' } });
    expect(await k.statusOf(personId)).toBe('addicted');
  });

  it('registers voluntary community rehab; the subsidy is due after the first three stages', async () => {
    k.setToday('2025-02-15');
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'voluntary_community',
      startDate: '2025-02-15',
      termMonths: 6,
      registration: { registeredOn: '2025-02-15', provider: 'Tổ cai nghiện cộng đồng phường Ba Đình' },
      stages: [{ stage: 1, from: '2025-02-15', to: '2025-02-20', completed: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ plannedEnd: '2025-08-14', subsidyEligible: false });
    keep('vc', res.json());
    expect(await k.statusOf(personId)).toBe('community_rehab');

    k.setToday('2025-04-01');
    const upd = await officer.call('PUT', `/api/episodes/${ep.vc.id}`, {
      version: ep.vc.version,
      stages: [1, 2, 3].map((stage) => ({ stage, completed: true })),
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().subsidyEligible).toBe(true);
    keep('vc', upd.json());
  });

  it('records that the person quit', async () => {
    k.setToday('2025-05-01');
    const res = await officer.call('POST', `/api/episodes/${ep.vc.id}/close`, {
      version: ep.vc.version,
      outcome: 'quit',
      endDate: '2025-05-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The last day still counts as in rehab; the nightly refresh moves the status the day after.
    expect(res.json()).toMatchObject({ outcome: 'quit', actualEnd: '2025-05-01', active: true });
    expect(await k.statusOf(personId)).toBe('community_rehab');
    k.setToday('2025-05-02');
    expect(await k.refresh()).toBeGreaterThan(0);
    expect(await k.statusOf(personId)).toBe('addicted');
  });

  it('manages the person at the family while the compulsory dossier is pending (Form 35)', async () => {
    k.setToday('2025-05-10');
    const base = { type: 'compulsory_pending', startDate: '2025-05-10', place: 'family' };
    const missing = await police.call('POST', `/api/people/${personId}/episodes`, base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('familyCommitment');
    const res = await police.call('POST', `/api/people/${personId}/episodes`, {
      ...base,
      familyCommitment: { committedBy: 'Nguyễn Thị Mẹ', relation: 'Mẹ', signedOn: '2025-05-10' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'police-transfer-2025',
      authority: 'commune_police_head',
      plannedEnd: null,
    });
    keep('pending', res.json());
    expect(await k.statusOf(personId)).toBe('compulsory_pending');
  });

  it('refuses a 30-month order for an adult, citing the law; time at the family does not count toward 18 months', async () => {
    k.setToday('2025-08-01');
    const order = (termMonths: number) => ({
      type: 'compulsory',
      startDate: '2025-08-01',
      termMonths,
      facilityId,
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '112/2025/QĐ-TA',
        decisionDate: '2025-07-28',
      },
    });
    const bad = await police.call('POST', `/api/people/${personId}/episodes`, order(30));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'term_out_of_range', rule: 'TERM_OUT_OF_RANGE' });
    expect(bad.json().messages.vi).toContain('12–24 tháng');
    expect(bad.json().basis.map((b: { vi: string }) => b.vi)).toContain('Điều 32 Luật 73/2021/QH14');

    const res = await police.call('POST', `/api/people/${personId}/episodes`, order(18));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'two-tier-2025',
      authority: 'regional_court',
      // Managed at the family (Form 35) while pending: the term runs from the order (Decree 116 Art. 44);
      // before 12/2026 it wrongly ran from 2025-05-10, releasing on 2026-11-09.
      termStart: '2025-08-01',
      plannedEnd: '2027-01-31',
      decision: { number: '112/2025/QĐ-TA', date: '2025-07-28', body: 'Tòa án nhân dân khu vực 1 - Hà Nội' },
    });
    keep('compulsory', res.json());
    const pending = (await officer.call('GET', `/api/episodes/${ep.pending.id}`)).json();
    expect(pending).toMatchObject({
      outcome: 'completed',
      actualEnd: '2025-07-31',
      outcomeReason: 'compulsory_order',
    });
    expect(await k.statusOf(personId)).toBe('compulsory_rehab');
    // The facility now sees its resident.
    expect((await facilityStaff.call('GET', `/api/episodes/${ep.compulsory.id}`)).statusCode).toBe(200);
  });

  it('ends user management at the end of its year and closes its task', async () => {
    k.setToday('2026-01-15');
    const early = await officer.call('POST', `/api/episodes/${ep.um.id}/close`, {
      version: ep.um.version,
      outcome: 'completed',
      endDate: '2026-01-10',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('term_not_over');
    const res = await officer.call('POST', `/api/episodes/${ep.um.id}/close`, {
      version: ep.um.version,
      outcome: 'completed',
      endDate: '2026-01-14',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [task] = (await k.tasksOf(personId)).filter((t) => t.kind === 'management_period_end');
    expect(task).toMatchObject({ status: 'done', closed_by_type: 'episode_close' });
    expect(await k.statusOf(personId)).toBe('compulsory_rehab');
  });

  // Completed before its planned end (31/01/2027), as after a term reduction: the facility records completion.
  it('completes compulsory rehab at the facility: the post-rehab decision falls due in 5 working days', async () => {
    k.setToday('2026-11-09');
    const res = await facilityStaff.call('POST', `/api/episodes/${ep.compulsory.id}/close`, {
      version: ep.compulsory.version,
      outcome: 'completed',
      endDate: '2026-11-09',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [task] = await openTasks(personId, 'post_rehab_decision');
    // Monday 09/11/2026 + 5 working days = Monday 16/11/2026.
    expect(task).toMatchObject({
      due_date: '2026-11-16',
      rule_key: 'postRehabDecisionWorkingDays',
      unit_code: UNITS.baDinh,
      responsible_role: 'commune_officer',
    });
    expect(await k.statusOf(personId)).toBe('compulsory_rehab');
    k.setToday('2026-11-10');
    await k.refresh();
    expect(await k.statusOf(personId)).toBe('completed');
    // Discharged: the facility no longer sees the person.
    expect((await facilityStaff.call('GET', `/api/episodes/${ep.compulsory.id}`)).statusCode).toBe(404);
  });

  it('shows the deadline on the officer work list: upcoming, then overdue', async () => {
    k.setToday('2026-11-12');
    const list = (await officer.call('GET', '/api/tasks/mine')).json();
    expect(list.upcoming.map((x: { kind: string }) => x.kind)).toContain('post_rehab_decision');
    k.setToday('2026-11-17');
    const late = (await officer.call('GET', '/api/tasks/mine')).json();
    expect(late.overdue.find((x: { personId: string }) => x.personId === personId)).toMatchObject({
      kind: 'post_rehab_decision',
      timing: 'overdue',
    });
    expect((await police.call('GET', '/api/tasks/mine')).json().overdue).toEqual([]);
  });

  it('decides post-rehab management for one year from the completion of rehab', async () => {
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'post_rehab',
      startDate: '2026-11-17',
      decision: decision('2026-11-17', '31/QĐ-UBND'),
      managerIds: [officer.userId],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'law120-2026',
      termStart: '2026-11-10',
      plannedEnd: '2027-11-09',
      managerIds: [officer.userId],
    });
    keep('post', res.json());
    expect(await openTasks(personId, 'post_rehab_decision')).toEqual([]);
    expect((await openTasks(personId, 'management_period_end'))[0].due_date).toBe('2027-11-09');
    expect(await k.statusOf(personId)).toBe('post_rehab');
  });

  it('schedules contacts and tests; recording them closes the tasks', async () => {
    const contact = await officer.call('POST', `/api/episodes/${ep.post.id}/schedule`, {
      kind: 'contact',
      dueDate: '2026-12-01',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const test = await police.call('POST', `/api/episodes/${ep.post.id}/schedule`, {
      kind: 'drug_test',
      dueDate: '2026-12-10',
    });
    expect(test.statusCode).toBe(201);
    expect(test.json()).toMatchObject({ kind: 'drug_test_due', responsibleRole: 'commune_police' });

    k.setToday('2026-12-01');
    expect(
      (await officer.call('GET', '/api/tasks/mine')).json().dueToday.map((x: { kind: string }) => x.kind),
    ).toEqual(['contact_due']);
    const met = await officer.call('POST', `/api/episodes/${ep.post.id}/contacts`, {
      contactDate: '2026-12-01',
      method: 'visit',
      summary: 'Gặp tại nhà, đã có việc làm ổn định',
    });
    expect(met.statusCode, met.body).toBe(201);
    expect(await openTasks(personId, 'contact_due')).toEqual([]);

    k.setToday('2026-12-10');
    const neg = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-12-10', 'negative', 'scheduled_during_management'),
    );
    expect(neg.statusCode).toBe(201);
    expect(neg.json().relapse).toBe(false);
    expect(await openTasks(personId, 'drug_test_due')).toEqual([]);
    expect(await k.statusOf(personId)).toBe('post_rehab');
  });

  it('issues the completion certificate (Form 54) only once the year is over', async () => {
    k.setToday('2027-11-10');
    const early = await officer.call('POST', `/api/episodes/${ep.post.id}/certificate`, {
      version: ep.post.version,
      issuedOn: '2027-11-08',
      signer: 'Trần Văn Chủ Tịch',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('management_not_over');
    const res = await officer.call('POST', `/api/episodes/${ep.post.id}/certificate`, {
      version: ep.post.version,
      issuedOn: '2027-11-10',
      number: '02/GCN-UBND',
      signer: 'Trần Văn Chủ Tịch',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'completed',
      actualEnd: '2027-11-09',
      certificate: { number: '02/GCN-UBND', date: '2027-11-10' },
    });
    expect(await openTasks(personId, 'management_period_end')).toEqual([]);
    expect(await k.statusOf(personId)).toBe('completed');
  });

  it('gives the whole path as a timeline in date order, per readable class', async () => {
    const res = await officer.call('GET', `/api/people/${personId}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const { status, items } = res.json();
    expect(status).toBe('completed');
    const dates = items.map((i: { date: string }) => i.date);
    expect(dates).toEqual([...dates].sort());
    const kinds = items.map((i: { kind: string }) => i.kind);
    for (const kind of [
      'drug_test',
      'decision',
      'episode_start',
      'determination',
      'contact',
      'episode_end',
      'certificate',
    ])
      expect(kinds).toContain(kind);
    expect(items[0]).toMatchObject({ date: '2025-01-10', kind: 'drug_test' });
    expect(items.at(-1)).toMatchObject({ date: '2027-11-10', kind: 'certificate' });
    expect((await volunteer.call('GET', `/api/people/${personId}/timeline`)).statusCode).toBe(403);
  });
});

describe('a relapse during post-rehab management', () => {
  let personId: string;

  it('after voluntary facility rehab: cost support, and no post-rehab management (Law 73/2021 Art. 40)', async () => {
    k.setToday('2025-09-10');
    const other = (await k.person(officer, { birthDate: '1996-04-05' })).id;
    const rehab = await officer.call('POST', `/api/people/${other}/episodes`, {
      type: 'voluntary_facility',
      startDate: '2025-09-10',
      termMonths: 6,
      facilityId,
      contract: { number: 'HĐ-77', signedOn: '2025-09-10' },
      priorityGroup: 'Hộ nghèo',
    });
    expect(rehab.statusCode, rehab.body).toBe(201);
    expect(rehab.json()).toMatchObject({ plannedEnd: '2026-03-09', details: { costSupportPercent: 95 } });
    expect(await k.statusOf(other)).toBe('facility_rehab');
    k.setToday('2026-03-09');
    const done = await facilityStaff.call('POST', `/api/episodes/${rehab.json().id}/close`, {
      version: rehab.json().version,
      outcome: 'completed',
      endDate: '2026-03-09',
    });
    expect(done.statusCode, done.body).toBe(200);
    // Corrected 12/2026: a voluntary rehab opened a post-rehab task and accepted the decision.
    expect(await openTasks(other, 'post_rehab_decision')).toEqual([]);
    k.setToday('2026-03-12');
    const post = await officer.call('POST', `/api/people/${other}/episodes`, {
      type: 'post_rehab',
      startDate: '2026-03-12',
      decision: decision('2026-03-12', '09/QĐ-UBND'),
    });
    expect(post.statusCode).toBe(422);
    expect(post.json().rule).toBe('POST_REHAB_REQUIRES_COMPULSORY');
  });

  it('sets up: compulsory rehab completed at the facility, then post-rehab management', async () => {
    k.setToday('2025-09-01');
    personId = (await k.person(officer, { birthDate: '1995-02-03' })).id;
    await police.call(
      'POST',
      `/api/people/${personId}/addiction-determinations`,
      determinationBody('2025-09-01', '2025-07-20'),
    );
    k.setToday('2025-09-10');
    const rehab = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'compulsory',
      startDate: '2025-09-10',
      termMonths: 12,
      facilityId,
      grounds: ['not_registered_voluntary'],
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '130/2025/QĐ-TA',
        decisionDate: '2025-09-08',
      },
    });
    expect(rehab.statusCode, rehab.body).toBe(201);
    expect(rehab.json()).toMatchObject({ plannedEnd: '2026-09-09' });
    expect(await k.statusOf(personId)).toBe('compulsory_rehab');
    k.setToday('2026-09-09');
    const done = await facilityStaff.call('POST', `/api/episodes/${rehab.json().id}/close`, {
      version: rehab.json().version,
      outcome: 'completed',
      endDate: '2026-09-09',
    });
    expect(done.statusCode, done.body).toBe(200);
    k.setToday('2026-09-14');
    const post = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'post_rehab',
      startDate: '2026-09-14',
      decision: decision('2026-09-14', '09/QĐ-UBND'),
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(await k.statusOf(personId)).toBe('post_rehab');
  });

  it('flags a positive test as a relapse inside the Art. 256a window and makes the determination due', async () => {
    k.setToday('2026-12-01');
    const res = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-12-01', 'positive', 'routine'),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      relapse: true,
      criminalWindow: true,
      criminalCase: { case: 'under_post_rehab', point: 'b' },
      duringEpisodeType: 'post_rehab',
    });
    expect(await k.statusOf(personId)).toBe('relapsed');
    const [task] = await openTasks(personId, 'addiction_determination_due');
    expect(task).toMatchObject({
      responsible_role: 'commune_police',
      due_date: '2026-12-08',
      rule_key: 'relapseDeterminationWorkingDays',
    });
    const mine = (await police.call('GET', '/api/tasks/mine')).json();
    expect(mine.upcoming.map((x: { kind: string }) => x.kind)).toContain('addiction_determination_due');
    const timeline = (await officer.call('GET', `/api/people/${personId}/timeline`)).json();
    expect(timeline.items.find((i: { kind: string }) => i.kind === 'relapse').data).toMatchObject({
      criminalWindow: true,
      duringEpisodeType: 'post_rehab',
    });
  });

  it('closes the task with the determination, and the relapse is a ground for a compulsory dossier', async () => {
    k.setToday('2026-12-05');
    const det = await police.call(
      'POST',
      `/api/people/${personId}/addiction-determinations`,
      determinationBody('2026-12-05', '2026-10-20'),
    );
    expect(det.statusCode).toBe(201);
    expect(await openTasks(personId, 'addiction_determination_due')).toEqual([]);
    expect(await k.statusOf(personId)).toBe('relapsed');
    const pending = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'compulsory_pending',
      startDate: '2026-12-05',
      place: 'facility',
      facilityId,
    });
    expect(pending.statusCode, pending.body).toBe(201);
    expect(await k.statusOf(personId)).toBe('compulsory_pending');
  });
});
