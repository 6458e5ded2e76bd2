import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp } from './community-kit.ts';

let k: Awaited<ReturnType<typeof communityApp>>;
let teamId: string;

beforeAll(async () => {
  k = await communityApp();
  teamId = (await k.team()).id;
});
afterAll(async () => k?.t.close());

describe('teams', () => {
  it('401 without a session, 403 for roles that do not run teams, 400 naming the field', async () => {
    const res = await k.t.app.inject({ method: 'GET', url: '/api/community/teams' });
    expect(res.statusCode).toBe(401);
    expect(
      (await k.police.call('POST', '/api/community/teams', { name: 'X', establishedOn: '2024-01-01' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await k.province.call('POST', '/api/community/teams', { name: 'X', establishedOn: '2024-01-01' }))
        .statusCode,
    ).toBe(403);
    const bad = await k.officer.call('POST', '/api/community/teams', {
      name: 'X',
      establishedOn: '2024-13-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('establishedOn');
    const vol = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    expect((await vol.call('GET', '/api/community/teams')).statusCode).toBe(403);
  });

  it('one team per commune (409), only in the own commune (403)', async () => {
    const again = await k.officer.call('POST', '/api/community/teams', {
      name: 'Đội 2',
      establishedOn: '2024-02-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('team_exists');
    const other = await k.officer.call('POST', '/api/community/teams', {
      communeCode: UNITS.ngocHa,
      name: 'Đội',
      establishedOn: '2024-02-01',
    });
    expect(other.statusCode).toBe(403);
  });

  it('GET 200 in scope (commune, province, nation), 404 elsewhere or unknown', async () => {
    expect((await k.officer.call('GET', `/api/community/teams/${teamId}`)).statusCode).toBe(200);
    expect((await k.province.call('GET', `/api/community/teams/${teamId}`)).statusCode).toBe(200);
    expect((await k.national.call('GET', `/api/community/teams/${teamId}`)).statusCode).toBe(200);
    expect((await k.officerNgocHa.call('GET', `/api/community/teams/${teamId}`)).statusCode).toBe(404);
    expect((await k.officer.call('GET', '/api/community/teams/nope')).statusCode).toBe(404);
    const list = await k.province.call('GET', '/api/community/teams');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(teamId);
    expect(
      (await k.officerNgocHa.call('GET', `/api/community/teams?communeCode=${UNITS.baDinh}`)).statusCode,
    ).toBe(403);
  });

  it('sets a leader from the team (400 otherwise), 409 on a stale version', async () => {
    const v = await k.volunteer(teamId, { fullName: 'Trần Văn Đội Trưởng', organisation: 'veterans' });
    const bad = await k.officer.call('PATCH', `/api/community/teams/${teamId}`, {
      version: 1,
      leaderVolunteerId: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await k.officer.call('PATCH', `/api/community/teams/${teamId}`, {
      version: 1,
      leaderVolunteerId: v.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().leaderVolunteerId).toBe(v.id);
    expect(ok.json().members.find((m: { id: string }) => m.id === v.id).isLeader).toBe(true);
    const stale = await k.officer.call('PATCH', `/api/community/teams/${teamId}`, {
      version: 1,
      name: 'Đổi tên',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    // A leader who leaves is no longer the leader.
    const left = await k.officer.call('PATCH', `/api/community/volunteers/${v.id}`, {
      version: 1,
      active: false,
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ active: false, isLeader: false });
    expect(
      (await k.officer.call('GET', `/api/community/teams/${teamId}`)).json().leaderVolunteerId,
    ).toBeNull();
  });
});

describe('volunteers and their accounts', () => {
  it('400 for an unknown organisation or a non-volunteer account; 409 for an account linked twice', async () => {
    const bad = await k.officer.call('POST', '/api/community/volunteers', {
      teamId,
      fullName: 'A',
      organisation: 'police',
      joinedOn: '2024-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('organisation');
    const notVolunteer = await k.officer.call('POST', '/api/community/volunteers', {
      teamId,
      fullName: 'Lê Văn B',
      organisation: 'youth_union',
      joinedOn: '2024-01-01',
      userId: k.police.userId,
    });
    expect(notVolunteer.statusCode).toBe(400);
    expect(notVolunteer.json().errors[0].field).toBe('userId');
    const acc = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    await k.volunteer(teamId, { userId: acc.userId });
    const twice = await k.officer.call('POST', '/api/community/volunteers', {
      teamId,
      fullName: 'Lê Văn C',
      organisation: 'residents_group',
      joinedOn: '2024-01-01',
      userId: acc.userId,
    });
    expect(twice.statusCode).toBe(409);
    const otherCommune = await k.officerNgocHa.call('POST', '/api/community/volunteers', {
      teamId,
      fullName: 'Lê Văn D',
      organisation: 'former_addict',
      joinedOn: '2024-01-01',
    });
    expect(otherCommune.statusCode).toBe(403);
  });

  it('an account sees exactly its current people: assigning gives access, ending takes it away', async () => {
    const acc = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    const v = await k.volunteer(teamId, { fullName: 'Phạm Thị Tình', userId: acc.userId });
    const p = await k.person();
    expect((await acc.call('GET', `/api/community/my-people/${p}`)).statusCode).toBe(404);
    const a = await k.assign(v.id, p);
    expect((await acc.call('GET', `/api/community/my-people/${p}`)).statusCode).toBe(200);
    const dup = await k.officer.call('POST', '/api/community/assignments', {
      volunteerId: v.id,
      personId: p,
      startedOn: '2024-02-02',
    });
    expect(dup.statusCode).toBe(409);
    const badEnd = await k.officer.call('POST', `/api/community/assignments/${a.id}/end`, {
      version: 1,
      endedOn: '2024-01-01',
    });
    expect(badEnd.statusCode).toBe(400);
    const end = await k.officer.call('POST', `/api/community/assignments/${a.id}/end`, {
      version: 1,
      endedOn: '2024-06-01',
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json().active).toBe(false);
    expect(
      (
        await k.officer.call('POST', `/api/community/assignments/${a.id}/end`, {
          version: 2,
          endedOn: '2024-06-01',
        })
      ).statusCode,
    ).toBe(409);
    expect((await acc.call('GET', `/api/community/my-people/${p}`)).statusCode).toBe(404);
    expect(
      (
        await k.officerNgocHa.call('POST', `/api/community/assignments/${a.id}/end`, {
          version: 2,
          endedOn: '2024-06-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a person of another commune (404 out of scope, 400 if visible but elsewhere) and an inactive volunteer', async () => {
    const v = await k.volunteer(teamId, { fullName: 'Đỗ Văn Giúp' });
    const elsewhere = await k.person(k.officerNgocHa, UNITS.ngocHa);
    expect(
      (
        await k.officer.call('POST', '/api/community/assignments', {
          volunteerId: v.id,
          personId: elsewhere,
          startedOn: '2024-02-01',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await k.officer.call('POST', '/api/community/assignments', {
          volunteerId: 'nope',
          personId: elsewhere,
          startedOn: '2024-02-01',
        })
      ).statusCode,
    ).toBe(400);
    const p = await k.person();
    await k.assign(v.id, p);
    // Leaving ends the volunteer's assignments.
    const left = await k.officer.call('PATCH', `/api/community/volunteers/${v.id}`, {
      version: 1,
      active: false,
      leftOn: '2024-07-01',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().assignedPeople).toBe(0);
    const again = await k.officer.call('POST', '/api/community/assignments', {
      volunteerId: v.id,
      personId: p,
      startedOn: '2024-08-01',
    });
    expect(again.statusCode).toBe(400);
    expect(
      (await k.officer.call('PATCH', `/api/community/volunteers/${v.id}`, { version: 1, notes: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('moves access when the account changes', async () => {
    const first = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    const second = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    const v = await k.volunteer(teamId, { fullName: 'Vũ Thị Chuyển', userId: first.userId });
    const p = await k.person();
    await k.assign(v.id, p);
    expect((await first.call('GET', '/api/community/my-people')).json().items).toHaveLength(1);
    const moved = await k.officer.call('PATCH', `/api/community/volunteers/${v.id}`, {
      version: 1,
      userId: second.userId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await first.call('GET', '/api/community/my-people')).json().items).toHaveLength(0);
    expect(
      (await second.call('GET', '/api/community/my-people')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([p]);
  });

  it('lists, reads and shows training received', async () => {
    const list = await k.officer.call('GET', `/api/community/volunteers?teamId=${teamId}&active=true`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(2);
    const one = list.json().items[0];
    const got = await k.officer.call('GET', `/api/community/volunteers/${one.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().trainings).toEqual([]);
    expect((await k.officerNgocHa.call('GET', `/api/community/volunteers/${one.id}`)).statusCode).toBe(404);
  });
});

describe('gap list and volunteer model', () => {
  it('lists active volunteers without a person, and counts the commune as having the model', async () => {
    const t2 = await k.team(k.officerNgocHa, 'Đội Ngọc Hà');
    const v = await k.volunteer(t2.id, { fullName: 'Hoàng Văn Trống' }, k.officerNgocHa);
    let gaps = await k.officerNgocHa.call('GET', '/api/community/assignment-gaps');
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json().items.map((g: { volunteerId: string }) => g.volunteerId)).toEqual([v.id]);
    let model = await k.province.call('GET', `/api/community/volunteer-model?communeCode=${UNITS.ngocHa}`);
    expect(model.json().communes[0]).toMatchObject({
      communeCode: UNITS.ngocHa,
      activeVolunteers: 1,
      hasVolunteerModel: false,
    });
    const p = await k.person(k.officerNgocHa, UNITS.ngocHa);
    await k.assign(v.id, p, '2024-03-01', k.officerNgocHa);
    gaps = await k.officerNgocHa.call('GET', '/api/community/assignment-gaps');
    expect(gaps.json().items).toEqual([]);
    model = await k.province.call('GET', '/api/community/volunteer-model');
    const byCode = new Map(model.json().communes.map((c: { communeCode: string }) => [c.communeCode, c]));
    expect((byCode.get(UNITS.ngocHa) as { hasVolunteerModel: boolean }).hasVolunteerModel).toBe(true);
    expect((byCode.get(UNITS.baDinh) as { hasVolunteerModel: boolean }).hasVolunteerModel).toBe(true);
    expect(model.json().withModel).toBe(2);
    expect(model.json().total).toBeGreaterThan(2);
    expect((await k.national.call('GET', '/api/community/volunteer-model')).statusCode).toBe(400);
  });

  it('an administrator changes the rule (403 others, 409 stale, 400 invalid); the model follows it', async () => {
    const admin = await k.t.userAs('system_admin', 'nation', null);
    const body = {
      minVolunteersWithPeople: 2,
      minPeoplePerVolunteer: 1,
      reason: 'Hướng dẫn mới',
      version: 0,
    };
    expect((await k.province.call('PUT', '/api/community/volunteer-model/rule', body)).statusCode).toBe(403);
    expect(
      (await admin.call('PUT', '/api/community/volunteer-model/rule', { ...body, minPeoplePerVolunteer: 0 }))
        .statusCode,
    ).toBe(400);
    const ok = await admin.call('PUT', '/api/community/volunteer-model/rule', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ isDefault: false, version: 1 });
    expect((await admin.call('PUT', '/api/community/volunteer-model/rule', body)).statusCode).toBe(409);
    const model = await k.officerNgocHa.call('GET', '/api/community/volunteer-model');
    expect(model.json().communes[0].hasVolunteerModel).toBe(false);
    const back = await k.national.call('PUT', '/api/community/volunteer-model/rule', {
      ...body,
      minVolunteersWithPeople: 1,
      version: 1,
    });
    expect(back.statusCode).toBe(200);
    expect(
      (await k.officerNgocHa.call('GET', '/api/community/volunteer-model')).json().communes[0]
        .hasVolunteerModel,
    ).toBe(true);
  });
});
