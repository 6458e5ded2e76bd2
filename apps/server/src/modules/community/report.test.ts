import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp, type User } from './community-kit.ts';

// The Ba Vì (Hà Nội) volunteer teams' figures for the first nine months of 2024, from DOMAIN.md §1:
// 93 briefings, 5,236 people reached, 58 post-rehab people co-managed, 21 persuaded into rehab, 15 patrols,
// 3,249 signed commitments. Recorded here through the API by the teams of two Hà Nội communes, with noise
// outside the period and in another province, and asserted exactly from the report endpoint.

let k: Awaited<ReturnType<typeof communityApp>>;
const FROM = '2024-01-01';
const TO = '2024-09-30';

type Plan = {
  officer: User;
  commune: string;
  briefings: number;
  patrols: number;
  outreach: { reached: number; persuaded: number }[];
  contests: number[];
  commitments: number[];
  coManaged: number;
};

async function record(p: Plan) {
  const team = await k.team(p.officer, `Đội CTXH tình nguyện ${p.commune}`);
  const volunteers: string[] = [];
  for (let i = 0; i < 8; i++)
    volunteers.push(
      (await k.volunteer(team.id, { fullName: `Tình Nguyện Viên ${p.commune} ${i}` }, p.officer)).id,
    );
  const post = async (body: Record<string, unknown>) => {
    const res = await p.officer.call('POST', '/api/community/activities', {
      place: 'Hội trường UBND',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const day = (i: number) => `2024-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, '0')}`;
  for (let i = 0; i < p.briefings; i++)
    await post({
      kind: 'briefing',
      heldOn: day(i),
      title: 'Giao ban đội',
      participantVolunteerIds: volunteers.slice(0, 5),
    });
  for (let i = 0; i < p.patrols; i++) await post({ kind: 'patrol', heldOn: day(i + 3), participants: 6 });
  const people: string[] = [];
  for (let i = 0; i < p.coManaged; i++) people.push(await k.person(p.officer, p.commune));
  for (const [i, o] of p.outreach.entries())
    await post({
      kind: 'outreach',
      heldOn: day(i + 5),
      peopleReached: o.reached,
      persuadedIntoRehab: o.persuaded,
      // Where known, the people persuaded are named (the count may be larger).
      persuadedPersonIds: i === 0 ? people.slice(0, Math.min(2, o.persuaded)) : [],
    });
  for (const [i, reached] of p.contests.entries())
    await post({
      kind: 'contest',
      heldOn: day(i + 7),
      title: 'Hội thi tìm hiểu pháp luật về ma tuý',
      peopleReached: reached,
    });
  for (const [i, n] of p.commitments.entries())
    await post({
      kind: 'commitment_signing',
      heldOn: day(i + 2),
      title: 'Ký cam kết gia đình không ma tuý',
      commitmentsSigned: n,
    });
  // Each co-managed person has a volunteer during the period; one has two (counted once).
  for (const [i, person] of people.entries())
    await k.assign(volunteers[i % volunteers.length], person, '2024-02-15', p.officer);
  await k.assign(volunteers[7], people[0], '2024-03-01', p.officer);
  // Noise: an assignment that ended before the period, one that starts after it, activities after it.
  const before = await k.person(p.officer, p.commune);
  const a = await k.assign(volunteers[1], before, '2023-06-01', p.officer);
  const end = await p.officer.call('POST', `/api/community/assignments/${a.id}/end`, {
    version: 1,
    endedOn: '2023-12-20',
  });
  expect(end.statusCode, end.body).toBe(200);
  await k.assign(volunteers[2], await k.person(p.officer, p.commune), '2024-10-10', p.officer);
  await post({ kind: 'briefing', heldOn: '2024-10-05' });
  await post({ kind: 'outreach', heldOn: '2023-12-31', peopleReached: 999, persuadedIntoRehab: 3 });
}

beforeAll(async () => {
  k = await communityApp();
  await record({
    officer: k.officer,
    commune: UNITS.baDinh,
    briefings: 47,
    patrols: 8,
    outreach: [
      { reached: 500, persuaded: 4 },
      { reached: 480, persuaded: 3 },
      { reached: 420, persuaded: 2 },
      { reached: 390, persuaded: 0 },
      { reached: 610, persuaded: 2 },
    ],
    contests: [300],
    commitments: [820, 900],
    coManaged: 30,
  });
  await record({
    officer: k.officerNgocHa,
    commune: UNITS.ngocHa,
    briefings: 46,
    patrols: 7,
    outreach: [
      { reached: 600, persuaded: 5 },
      { reached: 512, persuaded: 1 },
      { reached: 424, persuaded: 2 },
      { reached: 500, persuaded: 2 },
      { reached: 500, persuaded: 0 },
    ],
    contests: [],
    commitments: [1000, 529],
    coManaged: 28,
  });
  // Another province's team in the same period: not in Hà Nội's report.
  await record({
    officer: k.officerQN,
    commune: '06652',
    briefings: 2,
    patrols: 1,
    outreach: [{ reached: 77, persuaded: 1 }],
    contests: [],
    commitments: [40],
    coManaged: 2,
  });
}, 600_000);
afterAll(async () => k?.t.close());

describe('the Ba Vì teams’ nine-month report', () => {
  it('comes out exactly from the recorded activities and assignments', async () => {
    const res = await k.province.call('GET', `/api/community/report?from=${FROM}&to=${TO}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      provinceCode: UNITS.hanoi,
      briefings: 93,
      peopleReached: 5236,
      peopleCoManaged: 58,
      persuadedIntoRehab: 21,
      patrols: 15,
      commitments: 3249,
    });
  });

  it('adds up from the communes, each seeing only its own', async () => {
    const a = (await k.officer.call('GET', `/api/community/report?from=${FROM}&to=${TO}`)).json();
    const b = (
      await k.province.call('GET', `/api/community/report?communeCode=${UNITS.ngocHa}&from=${FROM}&to=${TO}`)
    ).json();
    expect(a).toMatchObject({
      communeCode: UNITS.baDinh,
      briefings: 47,
      peopleReached: 2700,
      peopleCoManaged: 30,
      persuadedIntoRehab: 11,
      patrols: 8,
      commitments: 1720,
    });
    for (const key of [
      'briefings',
      'peopleReached',
      'peopleCoManaged',
      'persuadedIntoRehab',
      'patrols',
      'commitments',
    ])
      expect(a[key] + b[key], key).toBe(
        {
          briefings: 93,
          peopleReached: 5236,
          peopleCoManaged: 58,
          persuadedIntoRehab: 21,
          patrols: 15,
          commitments: 3249,
        }[key],
      );
    expect(
      (await k.officer.call('GET', `/api/community/report?communeCode=${UNITS.ngocHa}&from=${FROM}&to=${TO}`))
        .statusCode,
    ).toBe(403);
    const national = (
      await k.national.call('GET', `/api/community/report?provinceCode=22&from=${FROM}&to=${TO}`)
    ).json();
    expect(national).toMatchObject({
      briefings: 2,
      peopleReached: 77,
      peopleCoManaged: 2,
      persuadedIntoRehab: 1,
      patrols: 1,
      commitments: 40,
    });
  });

  it('400 for a missing or reversed period, 401 without a session, 403 for a volunteer', async () => {
    expect((await k.province.call('GET', `/api/community/report?from=${FROM}`)).statusCode).toBe(400);
    const rev = await k.province.call('GET', `/api/community/report?from=${TO}&to=${FROM}`);
    expect(rev.statusCode).toBe(400);
    expect(rev.json().errors[0].field).toBe('to');
    expect((await k.national.call('GET', `/api/community/report?from=${FROM}&to=${TO}`)).statusCode).toBe(
      400,
    );
    expect(
      (await k.t.app.inject({ method: 'GET', url: `/api/community/report?from=${FROM}&to=${TO}` }))
        .statusCode,
    ).toBe(401);
    const vol = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
    expect((await vol.call('GET', `/api/community/report?from=${FROM}&to=${TO}`)).statusCode).toBe(403);
  });

  it('the province has the volunteer model in both communes', async () => {
    const m = (await k.province.call('GET', '/api/community/volunteer-model')).json();
    const mine = m.communes.filter((c: { communeCode: string }) =>
      [UNITS.baDinh, UNITS.ngocHa].includes(c.communeCode),
    );
    expect(mine.map((c: { hasVolunteerModel: boolean }) => c.hasVolunteerModel)).toEqual([true, true]);
  });
});
