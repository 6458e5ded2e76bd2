import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, testBody } from '../episodes/pathway-test-kit.ts';
import { communityApp, type User } from './community-kit.ts';

let k: Awaited<ReturnType<typeof communityApp>>;
let teamId: string;
let volunteerId: string;
let account: User;
let personId: string;
let otherPerson: string;
let episodeId: string;
const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  k = await communityApp();
  teamId = (await k.team()).id;
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  volunteerId = (await k.volunteer(teamId, { userId: account.userId })).id;
  personId = await k.person(k.officer, UNITS.baDinh, {
    fullName: 'Lương Văn Riêng Tư',
    birthDate: '1990-04-04',
    birthYear: 1990,
    otherNames: ['Tư đen'],
    familyContacts: [{ name: 'Lương Thị Mẹ', relation: 'Mẹ', phone: '0911222333' }],
  });
  otherPerson = await k.person();
  // Sensitive records the volunteer must never see: a positive test, a legal episode, a scheduled test.
  const start = daysFromNow(-10);
  const test = await k.police.call('POST', `/api/people/${personId}/drug-tests`, testBody(start, 'positive'));
  expect(test.statusCode, test.body).toBe(201);
  // Law 120/2025: the head of commune police decides on a drug user.
  const ep = await k.police.call('POST', `/api/people/${personId}/episodes`, {
    type: 'user_management',
    startDate: start,
    decision: decision(start, '77/QĐ-CAX'),
  });
  expect(ep.statusCode, ep.body).toBe(201);
  episodeId = ep.json().id;
  const sched = await k.officer.call('POST', `/api/episodes/${episodeId}/schedule`, {
    kind: 'drug_test',
    dueDate: daysFromNow(5),
  });
  expect(sched.statusCode, sched.body).toBe(201);
  await k.assign(volunteerId, personId, daysFromNow(-5));
});
afterAll(async () => k?.t.close());

describe('the volunteer sees only their people, only what they need', () => {
  it('my-people: exactly name, contact, address, pathway and dates, test due/done', async () => {
    const res = await account.call('GET', '/api/community/my-people');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((x: { id: string }) => x.id)).toEqual([personId]);
    const p = items[0];
    expect(Object.keys(p).sort()).toEqual(
      ['address', 'drugTest', 'fullName', 'id', 'nextContactDate', 'pathway', 'phone', 'version'].sort(),
    );
    expect(Object.keys(p.address).sort()).toEqual(['communeName', 'detail', 'provinceName']);
    expect(Object.keys(p.pathway).sort()).toEqual(['label', 'plannedEndDate', 'startDate', 'type']);
    expect(Object.keys(p.drugTest).sort()).toEqual(['doneOn', 'dueDate', 'status']);
    expect(p.pathway.type).toBe('user_management');
    expect(p.drugTest).toEqual({ status: 'due', dueDate: daysFromNow(5), doneOn: daysFromNow(-10) });
    expect(res.body).not.toContain('positive');
    expect(res.body).not.toContain('77/QĐ-CAX');
  });

  it('my-people/:id adds only their own notes; 404 for a person not assigned; 403 for officers; 401', async () => {
    const officerNote = await k.officer.call('POST', '/api/community/contacts', {
      personId,
      contactDate: today(),
      kind: 'visit',
      outcome: 'met',
      note: 'Ghi chú của cán bộ',
    });
    expect(officerNote.statusCode, officerNote.body).toBe(201);
    const mine = await account.call('POST', '/api/community/contacts', {
      personId,
      contactDate: today(),
      kind: 'call',
      outcome: 'met',
      note: 'Gọi hỏi thăm, ổn định',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const res = await account.call('GET', `/api/community/my-people/${personId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().notes.map((n: { note: string }) => n.note)).toEqual(['Gọi hỏi thăm, ổn định']);
    expect(Object.keys(res.json().notes[0]).sort()).toEqual(
      ['contactDate', 'id', 'kind', 'nextContactDate', 'note', 'outcome'].sort(),
    );
    expect((await account.call('GET', `/api/community/my-people/${otherPerson}`)).statusCode).toBe(404);
    expect((await k.officer.call('GET', '/api/community/my-people')).statusCode).toBe(403);
    expect((await k.t.app.inject({ method: 'GET', url: '/api/community/my-people' })).statusCode).toBe(401);
  });
});

describe('contacts and the next-contact task', () => {
  it('400 for a future date or a next date before it; 403 for province; 404 for a person not assigned', async () => {
    const body = { personId, contactDate: today(), kind: 'visit', outcome: 'met' };
    const future = await account.call('POST', '/api/community/contacts', {
      ...body,
      contactDate: daysFromNow(3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('contactDate');
    const before = await account.call('POST', '/api/community/contacts', {
      ...body,
      nextContactDate: daysFromNow(-1),
    });
    expect(before.json().errors[0].field).toBe('nextContactDate');
    expect(
      (await account.call('POST', '/api/community/contacts', { ...body, kind: 'gossip' })).statusCode,
    ).toBe(400);
    expect((await k.province.call('POST', '/api/community/contacts', body)).statusCode).toBe(403);
    expect(
      (await account.call('POST', '/api/community/contacts', { ...body, personId: otherPerson })).statusCode,
    ).toBe(404);
    expect((await k.officerNgocHa.call('POST', '/api/community/contacts', body)).statusCode).toBe(404);
  });

  it("the next contact date becomes the volunteer's task, and the next contact closes it", async () => {
    const first = await account.call('POST', '/api/community/contacts', {
      personId,
      contactDate: today(),
      kind: 'relapse_prevention_counselling',
      outcome: 'met',
      nextContactDate: daysFromNow(7),
    });
    expect(first.statusCode, first.body).toBe(201);
    const taskId = first.json().taskId;
    let tasks = await account.call('GET', '/api/community/my-tasks');
    expect(tasks.statusCode).toBe(200);
    expect(tasks.json().items).toEqual([
      expect.objectContaining({ id: taskId, personId, dueDate: daysFromNow(7), timing: 'upcoming' }),
    ]);
    // Not on the commune officers' list: it is the volunteer's follow-up.
    const officerList = (await k.officer.call('GET', '/api/tasks/mine')).json();
    expect(JSON.stringify(officerList)).not.toContain(taskId);
    const mp = (await account.call('GET', '/api/community/my-people')).json().items[0];
    expect(mp.nextContactDate).toBe(daysFromNow(7));
    const next = await account.call('POST', '/api/community/contacts', {
      personId,
      contactDate: today(),
      kind: 'accompany_to_service',
      service: 'Trạm y tế phường',
      outcome: 'referred',
    });
    expect(next.json().closedTasks).toBe(1);
    tasks = await account.call('GET', '/api/community/my-tasks');
    expect(tasks.json().items).toEqual([]);
    const row = await k.t.deps.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'done',
      closed_by_type: 'community_contact',
      closed_by_id: next.json().id,
    });
  });

  it("an officer's follow-up goes on the officers' work list", async () => {
    const res = await k.officer.call('POST', '/api/community/contacts', {
      personId: otherPerson,
      contactDate: today(),
      kind: 'crisis_counselling',
      outcome: 'escalated',
      nextContactDate: daysFromNow(2),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(JSON.stringify((await k.officer.call('GET', '/api/tasks/mine')).json())).toContain(
      res.json().taskId,
    );
  });

  it('the contact log: officers in scope, 403 volunteers, 404 a person elsewhere', async () => {
    const log = await k.officer.call('GET', `/api/community/contacts?personId=${personId}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().items.length).toBeGreaterThanOrEqual(3);
    expect((await k.province.call('GET', '/api/community/contacts')).statusCode).toBe(200);
    expect((await account.call('GET', '/api/community/contacts')).statusCode).toBe(403);
    expect(
      (await k.officerNgocHa.call('GET', `/api/community/contacts?personId=${personId}`)).statusCode,
    ).toBe(404);
    expect((await k.officer.call('GET', '/api/community/contacts?limit=0')).statusCode).toBe(400);
  });
});

describe('team activities', () => {
  it('400 naming the field, 403 elsewhere or for police, 409 without a team, 404 unknown, 409 stale', async () => {
    const body = { kind: 'outreach', heldOn: today(), place: 'Nhà văn hoá tổ 5', peopleReached: 120 };
    expect(
      (await k.officer.call('POST', '/api/community/activities', { ...body, kind: 'party' })).statusCode,
    ).toBe(400);
    const fewer = await k.officer.call('POST', '/api/community/activities', {
      ...body,
      persuadedIntoRehab: 0,
      persuadedPersonIds: [personId],
    });
    expect(fewer.json().errors[0].field).toBe('persuadedIntoRehab');
    const notMember = await k.officer.call('POST', '/api/community/activities', {
      ...body,
      participantVolunteerIds: ['x'],
    });
    expect(notMember.json().errors[0].field).toBe('participantVolunteerIds.0');
    expect((await k.police.call('POST', '/api/community/activities', body)).statusCode).toBe(403);
    expect((await k.officerQN.call('POST', '/api/community/activities', body)).statusCode).toBe(409);
    const ok = await k.officer.call('POST', '/api/community/activities', {
      ...body,
      participantVolunteerIds: [volunteerId],
      participants: 6,
      persuadedIntoRehab: 1,
      persuadedPersonIds: [otherPerson],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id;
    expect((await k.officerNgocHa.call('GET', `/api/community/activities/${id}`)).statusCode).toBe(404);
    expect((await k.officer.call('GET', '/api/community/activities/nope')).statusCode).toBe(404);
    const upd = await k.officer.call('PATCH', `/api/community/activities/${id}`, {
      version: 1,
      peopleReached: 150,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().peopleReached).toBe(150);
    expect(
      (await k.officer.call('PATCH', `/api/community/activities/${id}`, { version: 1, peopleReached: 1 }))
        .statusCode,
    ).toBe(409);
    const list = await k.province.call('GET', `/api/community/activities?kind=outreach&from=${today()}`);
    expect(list.json().total).toBe(1);
    expect((await account.call('GET', '/api/community/activities')).statusCode).toBe(403);
  });
});
