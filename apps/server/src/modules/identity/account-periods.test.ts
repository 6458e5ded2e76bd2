import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// When a staff account was active, and in which unit (account_periods): kept by the account's creation,
// deactivation, reactivation and move to another unit, each dated the day it happens (Vietnam time), so that
// figures of a past period count the staff of then.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let admin: User;
let officer: User;

const periods = async (userId: string) =>
  k.t.deps.database.db
    .selectFrom('account_periods')
    .select(['role', 'scope_kind', 'scope_code', 'active_from', 'active_to'])
    .where('user_id', '=', userId)
    .orderBy('active_from')
    .execute();

const patch = (body: Record<string, unknown>) => admin.call('PATCH', `/api/users/${officer.userId}`, body);

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2025-03-01');
  admin = await k.t.userAs('system_admin', 'nation', null);
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
});
afterAll(async () => k?.t.close());

describe('periods of activity of an account', () => {
  it('starts with the account, in its role and unit', async () => {
    expect(await periods(officer.userId)).toEqual([
      {
        role: 'commune_officer',
        scope_kind: 'commune',
        scope_code: UNITS.baDinh,
        active_from: '2025-03-01',
        active_to: null,
      },
    ]);
  });

  it('ends on deactivation and starts again on reactivation', async () => {
    k.setToday('2025-04-10');
    expect((await patch({ active: false, version: 1 })).statusCode).toBe(200);
    k.setToday('2025-05-02');
    expect((await patch({ active: true, version: 2 })).statusCode).toBe(200);
    expect((await periods(officer.userId)).map((p) => [p.active_from, p.active_to])).toEqual([
      ['2025-03-01', '2025-04-10'],
      ['2025-05-02', null],
    ]);
  });

  it('refuses a unit the role does not take, or that does not exist, naming the field; 409 when stale', async () => {
    const wrongKind = await patch({ scopeKind: 'province', scopeCode: UNITS.hanoi, version: 3 });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0]).toMatchObject({ field: 'scopeKind', rule: 'role_scope' });
    const unknown = await patch({ scopeKind: 'commune', scopeCode: '99999', version: 3 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'scopeCode', rule: 'scope' });
    expect((await patch({ scopeKind: 'commune', scopeCode: UNITS.ngocHa, version: 1 })).statusCode).toBe(409);
    expect((await periods(officer.userId)).length).toBe(2);
  });

  it('a move to another commune closes the period in the old unit and opens one in the new, audited', async () => {
    k.setToday('2025-06-15');
    const res = await patch({ scopeKind: 'commune', scopeCode: UNITS.ngocHa, version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ scopeKind: 'commune', scopeCode: UNITS.ngocHa });
    expect((await periods(officer.userId)).map((p) => [p.scope_code, p.active_from, p.active_to])).toEqual([
      [UNITS.baDinh, '2025-03-01', '2025-04-10'],
      [UNITS.baDinh, '2025-05-02', '2025-06-15'],
      [UNITS.ngocHa, '2025-06-15', null],
    ]);
    const entry = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.update')
      .where('entity_id', '=', officer.userId)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details!)).toMatchObject({
      scope: `commune:${UNITS.ngocHa}`,
      from: `commune:${UNITS.baDinh}`,
    });
    // The same unit again is no move: nothing changes.
    expect((await patch({ scopeKind: 'commune', scopeCode: UNITS.ngocHa, version: 4 })).statusCode).toBe(200);
    expect((await periods(officer.userId)).length).toBe(3);
  });

  it('a change of role (with the unit it needs) closes the period and opens one in the new role; name edits keep it', async () => {
    k.setToday('2025-07-01');
    // The role alone does not fit a commune: refused on the unit field, nothing changed.
    const misfit = await patch({ role: 'province_officer', version: 5 });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().errors[0]).toMatchObject({ field: 'scopeKind', rule: 'role_scope' });
    const res = await patch({
      role: 'province_officer',
      scopeKind: 'province',
      scopeCode: UNITS.hanoi,
      fullName: 'Nguyễn Văn Tỉnh',
      version: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'province_officer',
      scopeKind: 'province',
      scopeCode: UNITS.hanoi,
      fullName: 'Nguyễn Văn Tỉnh',
      version: 6,
    });
    const all = await periods(officer.userId);
    expect(all.slice(-2).map((p) => [p.role, p.scope_code, p.active_from, p.active_to])).toEqual([
      ['commune_officer', UNITS.ngocHa, '2025-06-15', '2025-07-01'],
      ['province_officer', UNITS.hanoi, '2025-07-01', null],
    ]);
    const entry = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.update')
      .where('entity_id', '=', officer.userId)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details!)).toMatchObject({
      role: 'province_officer',
      fromRole: 'commune_officer',
    });
    // A new name alone is no new period; a stale version is refused with the current record.
    expect((await patch({ fullName: 'Nguyễn Văn Tỉnh B', version: 6 })).statusCode).toBe(200);
    expect((await periods(officer.userId)).length).toBe(all.length);
    const stale = await patch({ fullName: 'Tên cũ', version: 6 });
    expect(stale.statusCode).toBe(409);
  });
});
