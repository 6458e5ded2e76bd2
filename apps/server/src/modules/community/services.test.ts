import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp, type User } from './community-kit.ts';

let k: Awaited<ReturnType<typeof communityApp>>;
let teamId: string;
let volunteerId: string;
let personId: string;
let account: User;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  k = await communityApp();
  teamId = (await k.team()).id;
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  volunteerId = (await k.volunteer(teamId, { userId: account.userId })).id;
  personId = await k.person();
  await k.assign(volunteerId, personId, '2024-02-01');
});
afterAll(async () => k?.t.close());

describe('clubs', () => {
  let clubId: string;

  it('creates (201), 400 naming the field, 403 for police/province/volunteer, 401', async () => {
    const body = { name: 'CLB hỗ trợ người sau cai nghiện phường Ba Đình', foundedOn: '2023-05-01' };
    expect(
      (await k.officer.call('POST', '/api/community/clubs', { ...body, foundedOn: 'x' })).json().errors[0]
        .field,
    ).toBe('foundedOn');
    for (const u of [k.police, k.province, account])
      expect((await u.call('POST', '/api/community/clubs', body)).statusCode).toBe(403);
    expect(
      (await k.t.app.inject({ method: 'POST', url: '/api/community/clubs', payload: body })).statusCode,
    ).toBe(401);
    const res = await k.officer.call('POST', '/api/community/clubs', body);
    expect(res.statusCode, res.body).toBe(201);
    clubId = res.json().id;
  });

  it('members: people after rehab (in scope), families and collaborators; 409 twice; 404 elsewhere', async () => {
    const url = `/api/community/clubs/${clubId}/members`;
    const noPerson = await k.officer.call('POST', url, { kind: 'person', joinedOn: '2023-06-01' });
    expect(noPerson.json().errors[0].field).toBe('personId');
    const noName = await k.officer.call('POST', url, { kind: 'family', joinedOn: '2023-06-01' });
    expect(noName.json().errors[0].field).toBe('name');
    expect(
      (await k.officer.call('POST', url, { kind: 'person', personId, joinedOn: '2023-06-01' })).statusCode,
    ).toBe(201);
    expect(
      (await k.officer.call('POST', url, { kind: 'person', personId, joinedOn: '2023-06-02' })).statusCode,
    ).toBe(409);
    const fam = await k.officer.call('POST', url, {
      kind: 'family',
      name: 'Nguyễn Thị Mẹ',
      relation: 'Mẹ',
      joinedOn: '2023-06-01',
    });
    expect(fam.statusCode).toBe(201);
    await k.officer.call('POST', url, {
      kind: 'collaborator',
      name: 'Bác sĩ Trạm y tế',
      joinedOn: '2023-06-01',
    });
    expect(fam.json().memberCounts).toEqual({ person: 1, family: 1, collaborator: 0 });
    expect(
      (await k.officerNgocHa.call('POST', url, { kind: 'family', name: 'X', joinedOn: '2023-06-01' }))
        .statusCode,
    ).toBe(404);
    const elsewhere = await k.person(k.officerNgocHa, UNITS.ngocHa);
    expect(
      (await k.officer.call('POST', url, { kind: 'person', personId: elsewhere, joinedOn: '2023-06-01' }))
        .statusCode,
    ).toBe(404);
  });

  it('meetings with topic and attendance; relapse-prevention sessions; a member leaves', async () => {
    const club = (await k.officer.call('GET', `/api/community/clubs/${clubId}`)).json();
    const ids = club.members.map((m: { id: string }) => m.id);
    const url = `/api/community/clubs/${clubId}/meetings`;
    const bad = await k.officer.call('POST', url, {
      heldOn: '2023-07-01',
      kind: 'regular',
      topic: 'X',
      attendeeMemberIds: ['nope'],
    });
    expect(bad.json().errors[0].field).toBe('attendeeMemberIds.0');
    const m1 = await k.officer.call('POST', url, {
      heldOn: '2023-07-10',
      kind: 'relapse_prevention',
      topic: 'Kỹ năng phòng, chống tái nghiện',
      attendeeMemberIds: ids,
      guests: 2,
    });
    expect(m1.statusCode, m1.body).toBe(201);
    expect(m1.json().meetings[0]).toMatchObject({ kind: 'relapse_prevention', attendance: 5 });
    const member = club.members.find((m: { kind: string }) => m.kind === 'family');
    const leave = `/api/community/clubs/${clubId}/members/${member.id}/leave`;
    expect((await k.officer.call('POST', leave, { leftOn: '2023-01-01' })).statusCode).toBe(400);
    expect((await k.officer.call('POST', leave, { leftOn: '2023-08-01' })).statusCode).toBe(200);
    expect((await k.officer.call('POST', leave, { leftOn: '2023-08-01' })).statusCode).toBe(409);
    expect(
      (
        await k.officer.call('POST', `/api/community/clubs/${clubId}/members/nope/leave`, {
          leftOn: '2023-08-01',
        })
      ).statusCode,
    ).toBe(404);
    const late = await k.officer.call('POST', url, {
      heldOn: '2023-09-01',
      kind: 'regular',
      topic: 'Sinh hoạt tháng 9',
      attendeeMemberIds: [member.id],
    });
    expect(late.statusCode).toBe(400);
  });

  it('reads in scope, 404 elsewhere; updates with version (409 stale)', async () => {
    expect((await k.province.call('GET', '/api/community/clubs')).json().items).toHaveLength(1);
    expect((await k.officerNgocHa.call('GET', `/api/community/clubs/${clubId}`)).statusCode).toBe(404);
    expect((await account.call('GET', `/api/community/clubs/${clubId}`)).statusCode).toBe(403);
    const upd = await k.officer.call('PATCH', `/api/community/clubs/${clubId}`, {
      version: 1,
      notes: 'Sinh hoạt ngày 10 hằng tháng',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(
      (await k.officer.call('PATCH', `/api/community/clubs/${clubId}`, { version: 1, active: false }))
        .statusCode,
    ).toBe(409);
  });
});

describe('partners and referrals', () => {
  let employer: string;
  let bank: string;

  it('partners per province: 201, 409 same name, 400, 403 for police, province officers too', async () => {
    const res = await k.officer.call('POST', '/api/community/partners', {
      kind: 'cooperative',
      name: 'Hợp tác xã Mây tre đan Phú Vinh',
      services: 'Việc làm đan lát',
    });
    expect(res.statusCode, res.body).toBe(201);
    employer = res.json().id;
    expect(
      (
        await k.officer.call('POST', '/api/community/partners', {
          kind: 'employer',
          name: 'hợp tác xã mây tre đan phú vinh',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await k.officer.call('POST', '/api/community/partners', { kind: 'pawnshop', name: 'X' })).statusCode,
    ).toBe(400);
    expect(
      (await k.police.call('POST', '/api/community/partners', { kind: 'employer', name: 'Y' })).statusCode,
    ).toBe(403);
    const b = await k.province.call('POST', '/api/community/partners', {
      kind: 'social_policy_bank',
      name: 'Ngân hàng Chính sách xã hội TP Hà Nội',
    });
    expect(b.statusCode, b.body).toBe(201);
    bank = b.json().id;
    expect(
      (await k.officerNgocHa.call('GET', '/api/community/partners?kind=social_policy_bank')).json().items,
    ).toHaveLength(1);
    expect((await k.officerQN.call('GET', `/api/community/partners/${bank}`)).statusCode).toBe(404);
    expect((await k.officerQN.call('GET', '/api/community/partners?provinceCode=01')).statusCode).toBe(403);
    const upd = await k.province.call('PATCH', `/api/community/partners/${bank}`, {
      version: 1,
      phone: '02438000000',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(
      (
        await k.province.call('PATCH', `/api/community/partners/${bank}`, {
          version: 1,
          phone: '02438000001',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a job referral moves referred → accepted → started with employer and start date; refusal ends it', async () => {
    const ref = await k.officer.call('POST', '/api/community/referrals', {
      personId,
      partnerId: employer,
      service: 'job',
      referredOn: '2024-03-01',
    });
    expect(ref.statusCode, ref.body).toBe(201);
    const id = ref.json().id;
    const url = `/api/community/referrals/${id}/status`;
    expect(
      (await k.officer.call('POST', url, { version: 1, status: 'completed', statusOn: '2024-03-05' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await k.officer.call('POST', url, { version: 1, status: 'accepted', statusOn: '2024-03-05' }))
        .statusCode,
    ).toBe(200);
    const missing = await k.officer.call('POST', url, {
      version: 2,
      status: 'started',
      statusOn: '2024-03-10',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'employerName',
      'jobStartDate',
    ]);
    const started = await k.officer.call('POST', url, {
      version: 2,
      status: 'started',
      statusOn: '2024-03-10',
      employerName: 'Hợp tác xã Mây tre đan Phú Vinh',
      jobStartDate: '2024-03-11',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().result).toMatchObject({
      employerName: 'Hợp tác xã Mây tre đan Phú Vinh',
      jobStartDate: '2024-03-11',
    });
    expect(
      (await k.officer.call('POST', url, { version: 2, status: 'refused', statusOn: '2024-03-12' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await k.officerNgocHa.call('POST', url, { version: 3, status: 'refused', statusOn: '2024-03-12' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await k.officer.call('POST', '/api/community/referrals/nope/status', {
          version: 1,
          status: 'refused',
          statusOn: '2024-03-12',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a loan needs amount and purpose; a course needs its completion', async () => {
    const loan = (
      await k.officer.call('POST', '/api/community/referrals', {
        personId,
        partnerId: bank,
        service: 'loan',
        referredOn: '2024-04-01',
      })
    ).json();
    await k.officer.call('POST', `/api/community/referrals/${loan.id}/status`, {
      version: 1,
      status: 'accepted',
      statusOn: '2024-04-02',
    });
    const ok = await k.officer.call('POST', `/api/community/referrals/${loan.id}/status`, {
      version: 2,
      status: 'started',
      statusOn: '2024-04-20',
      loanAmount: 50_000_000,
      loanPurpose: 'Chăn nuôi bò sinh sản',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const course = (
      await k.officer.call('POST', '/api/community/referrals', {
        personId,
        service: 'vocational_training',
        referredOn: '2024-05-01',
      })
    ).json();
    for (const [v, status] of [
      [1, 'accepted'],
      [2, 'started'],
    ] as const)
      await k.officer.call('POST', `/api/community/referrals/${course.id}/status`, {
        version: v,
        status,
        statusOn: '2024-05-02',
      });
    const done = await k.officer.call('POST', `/api/community/referrals/${course.id}/status`, {
      version: 3,
      status: 'completed',
      statusOn: '2024-08-30',
      courseName: 'Sửa chữa xe máy',
      courseCompletedOn: '2024-08-30',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      (
        await k.officer.call('POST', '/api/community/referrals', {
          personId,
          service: 'job',
          referredOn: '2024-04-01',
          partnerId: 'nope',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await account.call('POST', '/api/community/referrals', {
          personId,
          service: 'job',
          referredOn: '2024-04-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await k.province.call('GET', `/api/community/referrals?personId=${personId}`)).json().items,
    ).toHaveLength(3);
  });

  it("a person's support received: volunteers, contacts, clubs, referrals and results", async () => {
    await account.call('POST', '/api/community/contacts', {
      personId,
      contactDate: today(),
      kind: 'visit',
      outcome: 'met',
    });
    const res = await k.officer.call('GET', `/api/people/${personId}/support`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.volunteers).toHaveLength(1);
    expect(s.contacts).toHaveLength(1);
    expect(s.clubs).toEqual([expect.objectContaining({ meetingsAttended: 1, relapsePreventionSessions: 1 })]);
    expect(s.summary).toEqual({ contacts: 1, jobs: 1, loans: 1, coursesCompleted: 1 });
    expect((await k.province.call('GET', `/api/people/${personId}/support`)).statusCode).toBe(200);
    expect((await k.officerNgocHa.call('GET', `/api/people/${personId}/support`)).statusCode).toBe(404);
    expect((await account.call('GET', `/api/people/${personId}/support`)).statusCode).toBe(403);
    expect((await k.officer.call('GET', '/api/people/nope/support')).statusCode).toBe(404);
  });
});

describe('training and the share trained', () => {
  it('records a training (400 for outsiders, 403 for police) and gives the shares', async () => {
    const second = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const outsider = k.officerNgocHa.userId;
    const body = {
      course: 'Kỹ năng tư vấn dự phòng tái nghiện',
      heldOn: '2024-06-15',
      attendeeUserIds: [k.officer.userId],
      attendeeVolunteerIds: [volunteerId],
    };
    expect(
      (
        await k.officer.call('POST', '/api/community/trainings', { ...body, attendeeUserIds: [outsider] })
      ).json().errors[0].field,
    ).toBe('attendeeUserIds.0');
    expect(
      (
        await k.officer.call('POST', '/api/community/trainings', {
          ...body,
          attendeeUserIds: [],
          attendeeVolunteerIds: [],
        })
      ).statusCode,
    ).toBe(400);
    expect((await k.police.call('POST', '/api/community/trainings', body)).statusCode).toBe(403);
    const res = await k.officer.call('POST', '/api/community/trainings', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().attendees).toHaveLength(2);
    const prov = await k.province.call('POST', '/api/community/trainings', {
      course: 'Tập huấn nghiệp vụ quản lý sau cai',
      heldOn: '2024-07-01',
      attendeeUserIds: [k.police.userId],
    });
    expect(prov.statusCode, prov.body).toBe(201);
    const share = await k.officer.call('GET', '/api/community/training-share');
    expect(share.statusCode, share.body).toBe(200);
    // Ba Đình staff: officer, second officer, police (and the helper's others) — two of them trained.
    const staffTotal = share.json().staff.total;
    expect(share.json().staff.trained).toBe(2);
    expect(staffTotal).toBeGreaterThanOrEqual(3);
    expect(share.json().volunteers).toEqual({ total: 1, trained: 1, percent: 100 });
    expect(
      (await k.officer.call('GET', '/api/community/training-share?from=2024-06-20')).json().staff.trained,
    ).toBe(1);
    expect((await k.officer.call('GET', '/api/community/trainings')).json().items).toHaveLength(2);
    expect((await k.officerQN.call('GET', '/api/community/trainings')).json().items).toHaveLength(0);
    expect((await k.national.call('GET', '/api/community/training-share')).statusCode).toBe(400);
    expect((await account.call('GET', '/api/community/training-share')).statusCode).toBe(403);
    const got = await k.officer.call('GET', `/api/community/volunteers/${volunteerId}`);
    expect(got.json().trainings).toEqual([expect.objectContaining({ course: body.course })]);
    void second;
  });
});
