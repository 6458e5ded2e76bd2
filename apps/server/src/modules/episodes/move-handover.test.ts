import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, type User } from './pathway-test-kit.ts';

// Moving house on either side of 01/07/2026. Before Law 120/2025 there is no hour rule: any commune role
// records the move and the new commune's officer receives the record. From 01/07/2026 the person reports the
// move within 24 h and the OLD commune's police notify the new commune's police within 24 h: the old
// commune's police record the move (the officer is refused, citing the rule) and the handover task is the
// new commune's police's, due 24 hours after the notice.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let newOfficer: User;
let newPolice: User;

beforeAll(async () => {
  k = await pathwayApp();
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  newOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  newPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
});
afterAll(async () => k?.t.close());

async function move(u: User, movedOn: string) {
  k.setToday(movedOn);
  const p = await k.person(officer);
  const version = (await officer.call('GET', `/api/people/${p.id}`)).json().version;
  const res = await u.call('POST', `/api/people/${p.id}/transfer`, {
    version,
    toCommuneCode: UNITS.ngocHa,
    movedOn,
  });
  return { personId: p.id, res };
}

describe('moving house on 30/06/2026 (before Law 120)', () => {
  it('the commune officer records it; the new commune’s officer receives it, no hour deadline', async () => {
    const { personId, res } = await move(officer, '2026-06-30');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regimeId: 'two-tier-2025', handoverDueAt: null });
    const [task] = (await k.tasksOf(personId)).filter((x) => x.kind === 'transfer_handover');
    expect(task).toMatchObject({
      responsible_role: 'commune_officer',
      unit_code: UNITS.ngocHa,
      due_at: null,
      rule_key: null,
    });
    const received = await newOfficer.call('POST', `/api/transfers/${res.json().id}/receive`);
    expect(received.statusCode, received.body).toBe(200);
  });
});

describe('moving house on 01/07/2026 (Law 120)', () => {
  it('refuses the commune officer (403) citing the 24-hour rule of Law 120', async () => {
    const { personId, res } = await move(officer, '2026-07-01');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'authority_required',
      rule: 'moveHandoverHours',
      authority: 'commune_police_head',
    });
    expect(JSON.stringify(res.json().basis)).toContain('Luật 120/2025/QH15');
    // Nothing moved: still in the old commune, no transfer, no task.
    expect((await officer.call('GET', `/api/people/${personId}`)).statusCode).toBe(200);
    expect((await k.tasksOf(personId)).some((x) => x.kind === 'transfer_handover')).toBe(false);
  });

  it('the old commune’s police record it; the new commune’s police get the task, due in 24 hours', async () => {
    const { personId, res } = await move(police, '2026-07-01');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      regimeId: 'law120-2026',
      handoverDueAt: '2026-07-02T03:00:00.000Z',
    });
    const [task] = (await k.tasksOf(personId)).filter((x) => x.kind === 'transfer_handover');
    expect(task).toMatchObject({
      responsible_role: 'commune_police',
      unit_code: UNITS.ngocHa,
      due_at: '2026-07-02T03:00:00.000Z',
      rule_key: 'moveHandoverHours',
    });
    const mine = (await newPolice.call('GET', '/api/tasks/mine')).json();
    expect(
      [...mine.overdue, ...mine.dueToday, ...mine.upcoming].some(
        (x: { personId: string; kind: string }) => x.personId === personId && x.kind === 'transfer_handover',
      ),
    ).toBe(true);
    const officers = (await newOfficer.call('GET', '/api/tasks/mine')).json();
    expect(
      [...officers.overdue, ...officers.dueToday, ...officers.upcoming].some(
        (x: { personId: string; kind: string }) => x.personId === personId && x.kind === 'transfer_handover',
      ),
    ).toBe(false);
    const received = await newPolice.call('POST', `/api/transfers/${res.json().id}/receive`);
    expect(received.statusCode, received.body).toBe(200);
    expect((await k.tasksOf(personId)).find((x) => x.kind === 'transfer_handover')?.status).toBe('done');
  });
});
