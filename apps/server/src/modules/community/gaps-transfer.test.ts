import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp, type User } from './community-kit.ts';

let k: Awaited<ReturnType<typeof communityApp>>;
let account: User;
let volunteerId: string;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  k = await communityApp();
  const team = await k.team();
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  volunteerId = (await k.volunteer(team.id, { userId: account.userId })).id;
});
afterAll(async () => k?.t.close());

type Gaps = {
  items: { volunteerId: string }[];
  peopleWithoutVolunteer: { personId: string; fullName: string; status: string }[];
};

describe('the gap list', () => {
  it('lists volunteers without a person and people without a volunteer, and both shrink on assignment', async () => {
    const personId = await k.person();
    let gaps = (await k.officer.call('GET', '/api/community/assignment-gaps')).json() as Gaps;
    expect(gaps.items.map((g) => g.volunteerId)).toContain(volunteerId);
    expect(gaps.peopleWithoutVolunteer.map((p) => p.personId)).toContain(personId);
    await k.assign(volunteerId, personId, today());
    gaps = (await k.officer.call('GET', '/api/community/assignment-gaps')).json() as Gaps;
    expect(gaps.items.map((g) => g.volunteerId)).not.toContain(volunteerId);
    expect(gaps.peopleWithoutVolunteer.map((p) => p.personId)).not.toContain(personId);
    // Other communes see none of it; volunteers may not read the gap list.
    const elsewhere = (await k.officerNgocHa.call('GET', '/api/community/assignment-gaps')).json() as Gaps;
    expect(elsewhere.peopleWithoutVolunteer).toEqual([]);
    expect((await account.call('GET', '/api/community/assignment-gaps')).statusCode).toBe(403);
  });
});

describe('volunteer accounts', () => {
  it("lists the commune's volunteer accounts and which volunteer each is linked to; 403 for others", async () => {
    const res = await k.officer.call('GET', '/api/community/volunteer-accounts');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual(expect.objectContaining({ id: account.userId, volunteerId }));
    const other = (await k.officerNgocHa.call('GET', '/api/community/volunteer-accounts')).json();
    expect(other.items.map((a: { id: string }) => a.id)).not.toContain(account.userId);
    expect((await k.police.call('GET', '/api/community/volunteer-accounts')).statusCode).toBe(403);
    expect((await account.call('GET', '/api/community/volunteer-accounts')).statusCode).toBe(403);
  });
});

describe('training attendees', () => {
  it("lists the unit's staff accounts for a training's attendance; 403 without the training grant", async () => {
    const res = await k.officer.call('GET', '/api/community/training-staff');
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(k.officer.userId);
    expect(ids).toContain(k.police.userId);
    expect(ids).not.toContain(k.officerNgocHa.userId);
    expect(ids).not.toContain(account.userId);
    const province = (await k.province.call('GET', '/api/community/training-staff')).json();
    expect(province.items.map((u: { id: string }) => u.id)).toContain(k.officerNgocHa.userId);
    expect((await k.police.call('GET', '/api/community/training-staff')).statusCode).toBe(403);
    expect((await account.call('GET', '/api/community/training-staff')).statusCode).toBe(403);
  });
});

describe('moving to another commune', () => {
  it('ends the volunteer assignments in the same transaction, audited, and the volunteer loses the person', async () => {
    const personId = await k.person();
    const a = await k.assign(volunteerId, personId, today());
    expect(
      (await account.call('GET', '/api/community/my-people')).json().items.map((p: { id: string }) => p.id),
    ).toContain(personId);
    const person = (await k.officer.call('GET', `/api/people/${personId}`)).json();
    // Law 120/2025: the old commune's police record the move.
    const moved = await k.police.call('POST', `/api/people/${personId}/transfer`, {
      version: person.version,
      toCommuneCode: UNITS.ngocHa,
      movedOn: today(),
      reason: 'Chuyển nhà',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const { db } = k.t.deps.database;
    const row = await db
      .selectFrom('community_assignments')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.ended_on).toBe(today());
    expect(row.end_reason).toContain('Chuyển nơi cư trú');
    const access = await db
      .selectFrom('volunteer_assignments')
      .selectAll()
      .where('person_id', '=', personId)
      .execute();
    expect(access.every((x) => x.ended_at !== null)).toBe(true);
    const entries = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', personId)
      .where('action', 'in', ['community.assignment.end', 'person.transfer'])
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual(['community.assignment.end', 'person.transfer']);
    expect(
      (await account.call('GET', '/api/community/my-people')).json().items.map((p: { id: string }) => p.id),
    ).not.toContain(personId);
    expect((await account.call('GET', `/api/community/my-people/${personId}`)).statusCode).toBe(404);
    // The old commune's team no longer counts the person; the new commune sees them without a volunteer.
    const history = await k.officer.call('GET', `/api/community/assignments?personId=${personId}`);
    expect(history.json().items).toEqual([expect.objectContaining({ id: a.id, active: false })]);
    const gaps = (await k.officerNgocHa.call('GET', '/api/community/assignment-gaps')).json() as Gaps;
    expect(gaps.peopleWithoutVolunteer.map((p) => p.personId)).toContain(personId);
  });

  it('a failed transfer (stale version) leaves the assignments as they were', async () => {
    const personId = await k.person();
    const a = await k.assign(volunteerId, personId, today());
    const stale = await k.officer.call('POST', `/api/people/${personId}/transfer`, {
      version: 99,
      toCommuneCode: UNITS.ngocHa,
      movedOn: today(),
    });
    expect(stale.statusCode).toBe(409);
    const row = await k.t.deps.database.db
      .selectFrom('community_assignments')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.ended_on).toBeNull();
  });
});
