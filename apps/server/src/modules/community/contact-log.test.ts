import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp, type User } from './community-kit.ts';

// The officer's contact log (filters by volunteer, account and kind) and the volunteer model by province.

let k: Awaited<ReturnType<typeof communityApp>>;
let volunteerId: string;
let account: User;
let personId: string;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  k = await communityApp();
  const teamId = (await k.team()).id;
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  volunteerId = (await k.volunteer(teamId, { userId: account.userId })).id;
  personId = await k.person();
  await k.assign(volunteerId, personId, daysAgo(30));
  const log = async (by: User, kind: string, contactDate: string) => {
    const res = await by.call('POST', '/api/community/contacts', {
      personId,
      contactDate,
      kind,
      outcome: 'met',
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await log(account, 'visit', daysAgo(3));
  await log(account, 'call', daysAgo(2));
  await log(k.officer, 'crisis_counselling', today());
});

afterAll(async () => {
  await k.t.close();
});

describe('contact log filters', () => {
  it('by volunteer, by account, by kind and by period', async () => {
    const all = await k.officer.call('GET', '/api/community/contacts');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items).toHaveLength(3);
    const byVolunteer = (
      await k.officer.call('GET', `/api/community/contacts?volunteerId=${volunteerId}`)
    ).json();
    expect(byVolunteer.items.map((c: { kind: string }) => c.kind).sort()).toEqual(['call', 'visit']);
    expect(byVolunteer.items[0].volunteerName).toBe('Nguyễn Thị Hoa');
    const byOfficer = (
      await k.officer.call('GET', `/api/community/contacts?byUserId=${k.officer.userId}`)
    ).json();
    expect(byOfficer.items.map((c: { kind: string }) => c.kind)).toEqual(['crisis_counselling']);
    const calls = (await k.officer.call('GET', '/api/community/contacts?kind=call')).json();
    expect(calls.items).toHaveLength(1);
    expect(calls.items[0]).toMatchObject({ personId, kind: 'call' });
    const period = (
      await k.officer.call(
        'GET',
        `/api/community/contacts?from=${daysAgo(2)}&to=${today()}&volunteerId=${volunteerId}`,
      )
    ).json();
    expect(period.items.map((c: { kind: string }) => c.kind)).toEqual(['call']);
    const bad = await k.officer.call('GET', '/api/community/contacts?kind=gossip');
    expect(bad.statusCode).toBe(400);
  });

  it('other communes see none of them; a volunteer account may not read the log', async () => {
    const other = (
      await k.officerNgocHa.call('GET', `/api/community/contacts?volunteerId=${volunteerId}`)
    ).json();
    expect(other.items).toEqual([]);
    expect((await account.call('GET', '/api/community/contacts')).statusCode).toBe(403);
  });
});

describe('volunteer model by province', () => {
  it('national officers see every province, with the communes meeting the rule', async () => {
    const res = await k.national.call('GET', '/api/community/volunteer-model/provinces');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const hanoi = body.provinces.find((p: { provinceCode: string }) => p.provinceCode === UNITS.hanoi);
    expect(hanoi).toMatchObject({ teams: 1, withModel: 1 });
    expect(hanoi.communes).toBeGreaterThanOrEqual(2);
    const qn = body.provinces.find((p: { provinceCode: string }) => p.provinceCode === '22');
    expect(qn).toMatchObject({ teams: 0, withModel: 0 });
    expect(body.withModel).toBe(1);
    expect(body.rule).toEqual({ minVolunteersWithPeople: 1, minPeoplePerVolunteer: 1 });
  });

  it('follows the administrator-configured rule', async () => {
    const admin = await k.t.userAs('system_admin', 'nation', null);
    const cur = (await admin.call('GET', '/api/community/volunteer-model/rule')).json();
    const set = await admin.call('PUT', '/api/community/volunteer-model/rule', {
      minVolunteersWithPeople: 2,
      minPeoplePerVolunteer: 1,
      reason: 'Tiêu chí mới của tỉnh',
      version: cur.version,
    });
    expect(set.statusCode, set.body).toBe(200);
    const body = (await k.national.call('GET', '/api/community/volunteer-model/provinces')).json();
    expect(body.withModel).toBe(0);
  });

  it('a province officer sees only their province; a commune officer is refused', async () => {
    const res = (await k.province.call('GET', '/api/community/volunteer-model/provinces')).json();
    expect(res.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual([UNITS.hanoi]);
    expect((await k.officer.call('GET', '/api/community/volunteer-model/provinces')).statusCode).toBe(403);
  });
});
