import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { communityApp } from './community-kit.ts';

// Issue 13: a commune may keep more than one volunteer team when the officer says so (old communes merged in
// 2025 each kept their team). Without a reason a second team is still refused; the volunteer-model figure
// counts the commune once, with the members of all its teams.

let k: Awaited<ReturnType<typeof communityApp>>;

beforeAll(async () => {
  k = await communityApp();
});
afterAll(async () => k?.t.close());

describe('several volunteer teams in one commune', () => {
  it('a second team needs the reason (409 without, 400 too short), then both are listed and audited', async () => {
    const first = await k.team(k.officer, 'Đội CTXH phường Ba Đình');
    const refused = await k.officer.call('POST', '/api/community/teams', {
      name: 'Đội CTXH phường Quán Thánh cũ',
      establishedOn: '2024-01-05',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('team_exists');
    expect(JSON.stringify(refused.json())).toContain('lý do');
    const short = await k.officer.call('POST', '/api/community/teams', {
      name: 'Đội CTXH phường Quán Thánh cũ',
      establishedOn: '2024-01-05',
      severalReason: 'cũ',
    });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toContain('severalReason');
    const reason = 'Phường Quán Thánh cũ sáp nhập năm 2025, giữ đội của mình';
    const second = await k.officer.call('POST', '/api/community/teams', {
      name: 'Đội CTXH phường Quán Thánh cũ',
      establishedOn: '2024-01-05',
      severalReason: reason,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().severalReason).toBe(reason);
    const sameName = await k.officer.call('POST', '/api/community/teams', {
      name: 'Đội CTXH phường Ba Đình',
      establishedOn: '2024-01-05',
      severalReason: reason,
    });
    expect(sameName.statusCode).toBe(400);
    expect(JSON.stringify(sameName.json())).toContain('name');
    const list = (await k.province.call('GET', `/api/community/teams?communeCode=${UNITS.baDinh}`)).json();
    expect(list.items.map((t: { id: string }) => t.id).sort()).toEqual([first.id, second.json().id].sort());
    expect(list.items.find((t: { id: string }) => t.id === first.id).severalReason).toBeNull();
    const audits = (await k.t.deps.database.db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'community.team.create')
      .execute()) as { entity_id: string }[];
    expect(audits.map((a) => a.entity_id)).toContain(second.json().id);
  });

  it('the volunteer-model figure counts the commune once, with members of both teams', async () => {
    const teams = (await k.officer.call('GET', `/api/community/teams?communeCode=${UNITS.baDinh}`)).json()
      .items as { id: string }[];
    expect(teams).toHaveLength(2);
    // The default rule needs members each helping people; one member in each team, each helping people.
    for (const team of teams) {
      const v = await k.volunteer(team.id);
      for (let i = 0; i < 3; i++) await k.assign(v.id, await k.person());
    }
    const value = async () =>
      (
        await k.province.call(
          'GET',
          `/api/indicators/communes_with_volunteer_model/value?unit=${UNITS.baDinh}&from=2024-01-01&to=2024-12-31`,
        )
      ).json();
    const res = await value();
    expect(res.figure.value, JSON.stringify(res)).toBe(1);
  });

  it("an activity is recorded for the team named (400 for another commune's team), the first by default", async () => {
    const teams = (await k.officer.call('GET', `/api/community/teams?communeCode=${UNITS.baDinh}`)).json()
      .items as { id: string; severalReason: string | null }[];
    const first = teams.find((t) => !t.severalReason)!;
    const second = teams.find((t) => t.severalReason)!;
    const body = { kind: 'briefing', heldOn: '2024-03-01', place: 'Nhà văn hoá tổ 5', title: 'Giao ban' };
    const named = await k.officer.call('POST', '/api/community/activities', { ...body, teamId: second.id });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json().teamId).toBe(second.id);
    const byDefault = await k.officer.call('POST', '/api/community/activities', body);
    expect(byDefault.statusCode, byDefault.body).toBe(201);
    expect(byDefault.json().teamId).toBe(first.id);
    const otherTeam = await k.team(k.officerNgocHa, 'Đội CTXH phường Ngọc Hà');
    const wrong = await k.officer.call('POST', '/api/community/activities', {
      ...body,
      teamId: otherTeam.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('teamId');
  });
});
