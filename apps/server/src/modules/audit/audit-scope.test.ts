import { makeCccd } from '@hoanhap/domain/cccd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// A province auditor reads its province's audit log only: entries of its users and about its people and
// users, never the citizen IDs another province searched.
const HA_TU = '06652';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit log scope', () => {
  it('gives a province auditor only the entries of its province', async () => {
    const hanoiOfficer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const qnOfficer = await t.userAs('commune_officer', 'commune', HA_TU);
    const created = await hanoiOfficer.call('POST', '/api/people', {
      fullName: 'Trần Văn Bình',
      sex: 'male',
      birthDate: '1990-01-02',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id;
    // Quảng Ninh searches a citizen ID; the nation reads the Hà Nội person.
    const searchedId = makeCccd('22', 1985, 'female', 4242);
    expect((await qnOfficer.call('GET', `/api/people?q=${searchedId}`)).statusCode).toBe(200);
    const national = await t.userAs('national_officer', 'nation', null);
    expect((await national.call('GET', `/api/people/${personId}`)).statusCode).toBe(200);

    const hanoiAuditor = await t.userAs('auditor', 'province', UNITS.hanoi);
    const qnAuditor = await t.userAs('auditor', 'province', UNITS.quangNinh);
    const nationAuditor = await t.userAs('auditor', 'nation', null);
    const read = async (u: typeof hanoiAuditor, query = '') => {
      const res = await u.call('GET', `/api/audit?limit=200${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; items: { username: string; action: string; entityId: string }[] };
    };

    const hn = await read(hanoiAuditor);
    const hnUsers = new Set(hn.items.map((e) => e.username));
    expect(hnUsers.has(hanoiOfficer.username)).toBe(true);
    expect(hnUsers.has(qnOfficer.username)).toBe(false);
    expect(JSON.stringify(hn)).not.toContain(searchedId);
    // The national officer's read of a Hà Nội person is about the province: shown.
    expect(hn.items.some((e) => e.username === national.username && e.entityId === personId)).toBe(true);
    // Filters cannot widen the scope.
    expect((await read(hanoiAuditor, `&username=${qnOfficer.username}`)).total).toBe(0);

    const qn = await read(qnAuditor);
    expect(qn.items.some((e) => e.username === qnOfficer.username && e.action === 'person.search')).toBe(
      true,
    );
    expect(qn.items.some((e) => e.username === hanoiOfficer.username)).toBe(false);
    expect(qn.items.some((e) => e.entityId === personId)).toBe(false);

    // The national auditor sees both.
    const all = await read(nationAuditor);
    expect(JSON.stringify(all)).toContain(searchedId);
    expect(all.items.some((e) => e.username === hanoiOfficer.username)).toBe(true);
  });
});
