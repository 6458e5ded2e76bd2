import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, type User } from './pathway-test-kit.ts';

// Each episode endpoint's refusals (400/401/403/404/409/422) and successes. The full path is pathway.test.ts.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let otherOfficer: User;
let province: User;
let volunteer: User;
let facilityStaff: User;
let adultId: string;
let juvenileId: string;
let facilityId: string;

const um = (date = '2026-11-01') => ({ type: 'user_management', startDate: date, decision: decision(date) });

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-11-20');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  otherOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 4 Hà Nội');
  facilityStaff = await k.t.userAs('facility_staff', 'facility', facilityId);
  adultId = (await k.person(officer)).id;
  juvenileId = (await k.person(officer, { birthDate: '2010-03-01' })).id;
});
afterAll(async () => k?.t.close());

describe('opening an episode', () => {
  const url = () => `/api/people/${adultId}/episodes`;

  it('401 without a session', async () => {
    expect((await k.t.app.inject({ method: 'POST', url: url(), payload: um() })).statusCode).toBe(401);
  });

  it('400 for an unknown type, a client-sent planned end, a missing decision', async () => {
    expect((await officer.call('POST', url(), { ...um(), type: 'house_arrest' })).statusCode).toBe(400);
    const planned = await officer.call('POST', url(), { ...um(), plannedEnd: '2030-01-01' });
    expect(planned.statusCode).toBe(400);
    expect(planned.json().errors[0].field).toBe('plannedEnd');
    const noDecision = await officer.call('POST', url(), {
      type: 'user_management',
      startDate: '2026-11-01',
    });
    expect(noDecision.json().errors[0].field).toBe('decision');
    const future = await officer.call('POST', url(), { ...um('2026-11-25') });
    expect(future.json().errors[0].field).toBe('decision.date');
  });

  it('403 for the commune officer (Law 120: the head of commune police decides), province, volunteers, facilities', async () => {
    for (const u of [officer, province, volunteer, facilityStaff])
      expect((await u.call('POST', url(), um())).statusCode, u.username).toBe(403);
    const byOfficer = await officer.call('POST', url(), um());
    expect(byOfficer.json()).toMatchObject({ code: 'authority_required', authority: 'commune_police_head' });
    // The post-rehab decision stays the commune chairman's: the police may not record it.
    const post = await police.call('POST', url(), {
      type: 'post_rehab',
      startDate: '2026-11-01',
      decision: decision('2026-11-01'),
    });
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ code: 'authority_required', authority: 'commune_chairman' });
  });

  it('404 for another commune', async () => {
    expect((await otherOfficer.call('POST', url(), um())).statusCode).toBe(404);
  });

  it('422 citing the rule: post-rehab without a completed rehab, compulsory without a determination', async () => {
    const post = await officer.call('POST', url(), {
      type: 'post_rehab',
      startDate: '2026-11-01',
      decision: decision('2026-11-01'),
    });
    expect(post.statusCode).toBe(422);
    expect(post.json()).toMatchObject({
      code: 'post_rehab_requires_completed_rehab',
      rule: 'POST_REHAB_REQUIRES_COMPLETED_REHAB',
    });
    expect(post.json().basis[0].vi).toContain('Luật 120/2025/QH15'); // an act of 2026-11-01 cites no Law 73
    const compulsory = await police.call('POST', url(), {
      type: 'compulsory',
      startDate: '2026-11-01',
      termMonths: 24,
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '1/QĐ-TA',
        decisionDate: '2026-11-01',
      },
    });
    expect(compulsory.statusCode).toBe(422);
    expect(compulsory.json().code).toBe('addiction_not_determined');
    // Before 2022 the measure did not exist (pre-2022 regime); before 01/06/2001 no regime exists at all.
    const old = await officer.call('POST', url(), um('2021-06-01'));
    expect(old.statusCode).toBe(422);
    expect(old.json().code).toBe('no_such_measure');
    const older = await officer.call('POST', url(), um('2001-05-31'));
    expect(older.statusCode).toBe(422);
    expect(older.json().code).toBe('no_legal_regime');
  });

  it('refuses a juvenile term outside 6–12 months on the decision date', async () => {
    k.setToday('2026-06-20');
    await police.call(
      'POST',
      `/api/people/${juvenileId}/addiction-determinations`,
      determinationBody('2026-06-10', '2026-04-01'),
    );
    const order = (termMonths: number) => ({
      type: 'compulsory',
      startDate: '2026-06-15',
      termMonths,
      facilityId,
      grounds: ['not_registered_voluntary'],
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: '7/QĐ-TA',
        decisionDate: '2026-06-15',
      },
    });
    const bad = await police.call('POST', `/api/people/${juvenileId}/episodes`, order(13));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().messages.vi).toContain('6–12 tháng');
    const ok = await police.call('POST', `/api/people/${juvenileId}/episodes`, order(12));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      plannedEnd: '2027-06-14',
      responsibleUnit: { kind: 'facility', code: facilityId },
    });
    expect(await k.statusOf(juvenileId)).toBe('compulsory_rehab');
    k.setToday('2026-11-20');
  });

  it('201, and 422 for a second user management while one is in effect', async () => {
    const res = await police.call('POST', url(), { ...um(), managerIds: [officer.userId] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      plannedEnd: '2027-10-31',
      regimeId: 'law120-2026',
      managerIds: [officer.userId],
    });
    const again = await police.call('POST', url(), um('2026-11-10'));
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('already_active');
  });
});

describe('reading, editing and closing an episode', () => {
  let id: string;
  let version: number;

  beforeAll(async () => {
    const list = await officer.call('GET', `/api/people/${adultId}/episodes`);
    expect(list.statusCode).toBe(200);
    ({ id, version } = list.json().items[0]);
  });

  it('GET: 200 in scope (also for the province), 403 volunteer, 404 elsewhere or unknown', async () => {
    expect((await officer.call('GET', `/api/episodes/${id}`)).json()).toMatchObject({ id, contacts: [] });
    expect((await province.call('GET', `/api/episodes/${id}`)).statusCode).toBe(200);
    expect((await volunteer.call('GET', `/api/episodes/${id}`)).statusCode).toBe(403);
    expect((await otherOfficer.call('GET', `/api/episodes/${id}`)).statusCode).toBe(404);
    expect((await officer.call('GET', '/api/episodes/nope')).statusCode).toBe(404);
  });

  it('PUT: 400 for stages on user management or an unknown manager; 409 stale; 200', async () => {
    const stages = await officer.call('PUT', `/api/episodes/${id}`, {
      version,
      stages: [{ stage: 1, completed: true }],
    });
    expect(stages.statusCode).toBe(400);
    expect(stages.json().errors[0].field).toBe('stages');
    const unknown = await officer.call('PUT', `/api/episodes/${id}`, {
      version,
      managerIds: ['no-such-user'],
    });
    expect(unknown.json().errors[0].field).toBe('managerIds.0');
    const ok = await officer.call('PUT', `/api/episodes/${id}`, { version, notes: 'Gia đình hợp tác tốt' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ notes: 'Gia đình hợp tác tốt', version: version + 1 });
    const stale = await officer.call('PUT', `/api/episodes/${id}`, { version, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.notes).toBe('Gia đình hợp tác tốt');
    version = ok.json().version;
  });

  it('contacts and scheduling: 400 for a past due date, 201 otherwise', async () => {
    const past = await officer.call('POST', `/api/episodes/${id}/schedule`, {
      kind: 'contact',
      dueDate: '2026-11-01',
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await officer.call('POST', `/api/episodes/${id}/schedule`, { kind: 'contact', dueDate: '2026-11-27' }))
        .statusCode,
    ).toBe(201);
    const c = await police.call('POST', `/api/episodes/${id}/contacts`, {
      contactDate: '2026-11-20',
      method: 'phone',
      summary: 'Gọi điện hỏi thăm',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(
      (
        await volunteer.call('POST', `/api/episodes/${id}/contacts`, {
          contactDate: '2026-11-20',
          method: 'phone',
          summary: 'x y',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('certificate: 403 for police, 422 for a type that has none', async () => {
    const body = { version, issuedOn: '2026-11-20', signer: 'Trần Văn Chủ Tịch' };
    expect((await police.call('POST', `/api/episodes/${id}/certificate`, body)).statusCode).toBe(403);
    const res = await officer.call('POST', `/api/episodes/${id}/certificate`, body);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('certificate_not_applicable');
  });

  it('close: 400 before the start, 409 stale, 200 cancelled, then 409 already closed', async () => {
    const early = await officer.call('POST', `/api/episodes/${id}/close`, {
      version,
      outcome: 'cancelled',
      endDate: '2026-10-01',
    });
    expect(early.json().errors[0].field).toBe('endDate');
    expect(
      (
        await officer.call('POST', `/api/episodes/${id}/close`, {
          version: 1,
          outcome: 'cancelled',
          endDate: '2026-11-20',
        })
      ).statusCode,
    ).toBe(409);
    const ok = await officer.call('POST', `/api/episodes/${id}/close`, {
      version,
      outcome: 'cancelled',
      endDate: '2026-11-20',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const tasks = await k.tasksOf(adultId);
    expect(tasks.filter((t) => t.status === 'open')).toEqual([]);
    expect(tasks.map((t) => t.status)).toContain('cancelled');
    const again = await officer.call('POST', `/api/episodes/${id}/close`, {
      version: ok.json().version,
      outcome: 'completed',
      endDate: '2026-11-20',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('episode_closed');
    expect(
      (
        await officer.call('POST', `/api/episodes/${id}/contacts`, {
          contactDate: '2026-11-20',
          method: 'visit',
          summary: 'Gặp',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('moving house', () => {
  let personId: string;
  let version: number;
  let newOfficer: User;
  let newPolice: User;

  beforeAll(async () => {
    newOfficer = otherOfficer;
    newPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
    const p = await k.person(officer, { birthDate: '1988-08-08' });
    personId = p.id;
    const res = await police.call('POST', `/api/people/${personId}/episodes`, um('2026-11-15'));
    expect(res.statusCode).toBe(201);
    version = (await officer.call('GET', `/api/people/${personId}`)).json().version;
  });

  const body = (over: Record<string, unknown> = {}) => ({
    version,
    toCommuneCode: UNITS.ngocHa,
    detail: 'Số 12 phố Ngọc Hà',
    movedOn: '2026-11-20',
    ...over,
  });

  it('400 for the same commune or an unknown one; 403 volunteer/province; 404 elsewhere; 409 stale', async () => {
    const same = await officer.call(
      'POST',
      `/api/people/${personId}/transfer`,
      body({ toCommuneCode: UNITS.baDinh }),
    );
    expect(same.json().errors[0].field).toBe('toCommuneCode');
    expect(
      (await officer.call('POST', `/api/people/${personId}/transfer`, body({ toCommuneCode: '99999' })))
        .statusCode,
    ).toBe(400);
    // Law 120/2025: the old commune's police record the move (their notice to the new commune's police).
    const byOfficer = await officer.call('POST', `/api/people/${personId}/transfer`, body());
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json()).toMatchObject({ code: 'authority_required', rule: 'moveHandoverHours' });
    expect((await volunteer.call('POST', `/api/people/${personId}/transfer`, body())).statusCode).toBe(403);
    expect((await province.call('POST', `/api/people/${personId}/transfer`, body())).statusCode).toBe(403);
    expect((await otherOfficer.call('POST', `/api/people/${personId}/transfer`, body())).statusCode).toBe(
      404,
    );
    expect(
      (await officer.call('POST', `/api/people/${personId}/transfer`, body({ version: version + 5 })))
        .statusCode,
    ).toBe(409);
  });

  it('moves the record with the 24-hour handover of Law 120/2025; the old commune loses access', async () => {
    const res = await police.call('POST', `/api/people/${personId}/transfer`, body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      from: { communeCode: UNITS.baDinh },
      to: { communeCode: UNITS.ngocHa, provinceCode: UNITS.hanoi },
      regimeId: 'law120-2026',
      handoverDueAt: '2026-11-21T03:00:00.000Z',
    });
    expect((await officer.call('GET', `/api/people/${personId}`)).statusCode).toBe(404);
    expect((await officer.call('GET', `/api/people/${personId}/timeline`)).statusCode).toBe(404);
    // The handover falls to the new commune's police (the rule's authority), not its officer.
    const kindsOf = async (u: User) => {
      const mine = (await u.call('GET', '/api/tasks/mine')).json();
      return [...mine.dueToday, ...mine.upcoming]
        .filter((x: { personId: string }) => x.personId === personId)
        .map((x: { kind: string }) => x.kind)
        .sort();
    };
    expect(await kindsOf(newOfficer)).toEqual(['management_period_end']);
    expect(await kindsOf(newPolice)).toContain('transfer_handover');
    expect(
      (await officer.call('GET', '/api/tasks/mine'))
        .json()
        .upcoming.some((x: { personId: string }) => x.personId === personId),
    ).toBe(false);
    const timeline = (await newOfficer.call('GET', `/api/people/${personId}/timeline`)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind)).toContain('transfer');
  });

  it('the receiving commune acknowledges: 404 for others, 200, then 409', async () => {
    const [t] = await k.t.deps.database.db
      .selectFrom('transfers')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect((await officer.call('POST', `/api/transfers/${t.id}/receive`)).statusCode).toBe(404);
    const ok = await newPolice.call('POST', `/api/transfers/${t.id}/receive`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().receivedAt).toBeTruthy();
    expect((await k.tasksOf(personId)).find((x) => x.kind === 'transfer_handover')?.status).toBe('done');
    expect((await newPolice.call('POST', `/api/transfers/${t.id}/receive`)).statusCode).toBe(409);
  });
});

describe('the work list', () => {
  it('401 without a session, 403 for volunteers, 200 otherwise', async () => {
    expect((await k.t.app.inject({ method: 'GET', url: '/api/tasks/mine' })).statusCode).toBe(401);
    expect((await volunteer.call('GET', '/api/tasks/mine')).statusCode).toBe(403);
    const res = await province.call('GET', '/api/tasks/mine');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ today: '2026-11-20', overdue: [], dueToday: [], upcoming: [] });
  });
});
