import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp, type User } from './community-kit.ts';

// A volunteer's contact kept offline (issue 15), on both databases: it carries the idempotency key and the
// version of the person the volunteer's page showed (my-people gives it); sent five times it writes one contact;
// after the officer edits the person it is refused as stale (409) until the volunteer applies it anyway (audited);
// once the person is no longer theirs it is refused (404) and nothing is written.

let k: Awaited<ReturnType<typeof communityApp>>;
let account: User;
let volunteerId: string;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  k = await communityApp();
  const teamId = (await k.team()).id;
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  volunteerId = (await k.volunteer(teamId, { userId: account.userId })).id;
});
afterAll(async () => k?.t.close());

const contact = (personId: string, note: string) => ({
  personId,
  contactDate: today(),
  kind: 'visit',
  outcome: 'met',
  note,
});
const send = (body: unknown, headers: Record<string, string>) =>
  k.t.app.inject({
    method: 'POST',
    url: '/api/community/contacts',
    payload: body as object,
    headers: { ...account.headers, ...headers },
  });
const notesOf = async (personId: string) =>
  (
    await k.t.deps.database.db
      .selectFrom('community_contacts')
      .select('note')
      .where('person_id', '=', personId)
      .execute()
  ).map((r) => r.note);

async function assigned() {
  const personId = await k.person();
  const assignment = await k.assign(volunteerId, personId, '2026-01-05');
  const mine = await account.call('GET', `/api/community/my-people/${personId}`);
  expect(mine.statusCode, mine.body).toBe(200);
  return { personId, version: mine.json().version as number, assignment };
}

describe("a volunteer's contact kept offline", () => {
  it('is written once however often it is sent, based on the version my-people showed', async () => {
    const p = await assigned();
    expect(typeof p.version).toBe('number');
    const headers = {
      'idempotency-key': 'volunteer-entry-0001',
      'based-on': `person:${p.personId}:${p.version}`,
    };
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await send(contact(p.personId, 'Thăm nhà'), headers)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201]);
    expect(await notesOf(p.personId)).toEqual(['Thăm nhà']);
  });

  it('is refused as stale after the officer edits the person, then applied anyway and audited as such', async () => {
    const p = await assigned();
    const current = (await k.officer.call('GET', `/api/people/${p.personId}`)).json();
    const edited = await k.officer.call('PUT', `/api/people/${p.personId}`, {
      fullName: current.fullName,
      sex: 'male',
      birthYear: current.birthYear,
      phone: '0912345678',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 9 mới' },
      version: current.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const key = 'volunteer-entry-0002';
    const stale = await send(contact(p.personId, 'Gặp ở chợ'), {
      'idempotency-key': key,
      'based-on': `person:${p.personId}:${p.version}`,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'stale_version',
      current: { version: edited.json().version },
    });
    expect(await notesOf(p.personId)).toEqual([]);
    const anyway = await send(contact(p.personId, 'Gặp ở chợ'), {
      'idempotency-key': key,
      'based-on': `person:${p.personId}:${edited.json().version}`,
      'applied-over': String(p.version),
    });
    expect(anyway.statusCode, anyway.body).toBe(201);
    expect(await notesOf(p.personId)).toEqual(['Gặp ở chợ']);
    const rows = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('user_id', '=', account.userId)
      .where('details', 'like', '%appliedAnyway%')
      .execute();
    expect(rows.map((r) => JSON.parse(r.details!).offline)).toEqual([
      {
        basedOn: { kind: 'person', id: p.personId, version: edited.json().version },
        appliedAnyway: true,
        conflictedVersion: p.version,
      },
    ]);
  });

  it('is refused (404) once the person is no longer theirs, and nothing is written', async () => {
    const p = await assigned();
    const ended = await k.officer.call('POST', `/api/community/assignments/${p.assignment.id}/end`, {
      version: p.assignment.version,
      endedOn: today(),
      reason: 'Chuyển người giúp đỡ khác',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const res = await send(contact(p.personId, 'Sau khi hết phân công'), {
      'idempotency-key': 'volunteer-entry-0003',
      'based-on': `person:${p.personId}:${p.version}`,
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await notesOf(p.personId)).toEqual([]);
  });
});
