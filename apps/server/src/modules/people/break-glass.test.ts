import { makeCccd } from '@hoanhap/domain/cccd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// Need-to-know for identity at province and nation ("break the glass", issue 16). The clock is moved forward
// to see a reason run out, so sessions here idle for longer than the reason lasts.
let t: TestApp;
let personId: string;
let otherId: string;
const realNow = () => new Date();

beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '600', BREAK_GLASS_MINUTES: '30' });
  const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  const make = async (fullName: string, n: number) => {
    const r = await officer.call('POST', '/api/people', {
      fullName,
      sex: 'female',
      birthDate: '1994-07-08',
      citizenId: makeCccd('01', 1994, 'female', n),
      phone: '0912000111',
      familyContacts: [{ name: 'Lê Văn Bình', relation: 'Chồng', phone: '0913000222' }],
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Ngõ 12 phố Kim Mã' },
      permanentAddress: { communeCode: UNITS.ngocHa, detail: 'Số 3 ngõ Núi Trúc' },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  personId = await make('Trần Thị Hoa', 4242);
  otherId = await make('Trần Thị Hồng', 4343);
});
afterAll(async () => {
  t.deps.now = realNow;
  await t?.close();
});

const IDENTITY_KEYS = ['citizenId', 'birthDate', 'familyContacts', 'permanentAddress', 'phone'];

describe('break the glass', () => {
  it('shows a national officer counts and names, but no identity, in search and direct reads', async () => {
    const nat = await t.userAs('national_officer', 'nation', null);
    const list = (await nat.call('GET', '/api/people?q=tran%20thi')).json();
    expect(list.items).toHaveLength(2);
    for (const p of list.items) {
      expect(p.identityHidden).toBe(true);
      for (const k of IDENTITY_KEYS) expect(p[k], k).toBeUndefined();
      expect(p.currentAddress.detail).toBeUndefined();
      expect(p.birthYear).toBe(1994);
    }
    // The web app is told the same: no identity or contact class without a reason.
    expect(nat.body.abilities.readableClasses).not.toContain('identity');
    expect(nat.body.abilities.readableClasses).not.toContain('contact');
  });

  it('opens one person only, for the set time, to the officer who gave the reason', async () => {
    const prov = await t.userAs('province_officer', 'province', UNITS.hanoi);
    const reason = 'Đối chiếu danh sách tiếp nhận của cơ sở cai nghiện số 2';
    const r = await prov.call('POST', `/api/people/${personId}/break-glass`, { reason });
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json().person;
    expect(p.citizenId).toBe(makeCccd('01', 1994, 'female', 4242));
    expect(p.birthDate).toBe('1994-07-08');
    expect(p.familyContacts).toHaveLength(1);
    expect(p.permanentAddress.detail).toBe('Số 3 ngõ Núi Trúc');
    expect(p.currentAddress.detail).toBe('Ngõ 12 phố Kim Mã');
    expect(p.identityOpenUntil).toBe(r.json().expiresAt);

    const list = (await prov.call('GET', '/api/people?q=tran%20thi')).json();
    const byId = new Map(list.items.map((x: any) => [x.id, x]));
    expect((byId.get(personId) as any).citizenId).toBeDefined();
    expect((byId.get(otherId) as any).citizenId).toBeUndefined();
    expect((byId.get(otherId) as any).identityHidden).toBe(true);

    // Another province officer has given no reason.
    const colleague = await t.userAs('province_officer', 'province', UNITS.hanoi);
    expect((await colleague.call('GET', `/api/people/${personId}`)).json().citizenId).toBeUndefined();
    expect((await colleague.call('GET', `/api/people/${personId}/identity`)).statusCode).toBe(403);

    // The printed summary follows the same rule (the PDF is compressed, so only its success is checked here).
    expect((await prov.call('GET', `/api/people/${personId}/summary`)).statusCode).toBe(200);

    // 31 minutes later the reason has run out.
    t.deps.now = () => new Date(Date.now() + 31 * 60_000);
    try {
      const later = await prov.call('GET', `/api/people/${personId}`);
      expect(later.statusCode).toBe(200);
      expect(later.json().citizenId).toBeUndefined();
      expect(later.json().identityHidden).toBe(true);
      const refused = await prov.call('GET', `/api/people/${personId}/identity`);
      expect(refused.json().code).toBe('break_glass_required');
    } finally {
      t.deps.now = realNow;
    }
  });

  it('keeps a province officer to their province, and gives commune officers their identity as before', async () => {
    const qn = await t.userAs('province_officer', 'province', UNITS.quangNinh);
    const r = await qn.call('POST', `/api/people/${personId}/break-glass`, {
      reason: 'Tôi muốn xem hồ sơ của tỉnh khác',
    });
    expect(r.statusCode).toBe(404);
    const commune = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const own = (await commune.call('GET', `/api/people/${personId}`)).json();
    expect(own.citizenId).toBeDefined();
    expect(own.identityHidden).toBeUndefined();
    expect((await commune.call('GET', `/api/people/${personId}/identity`)).statusCode).toBe(200);
  });

  it('lists each opening for the auditor, with who, whom, why and until when, scoped by province', async () => {
    const auditor = await t.userAs('auditor', 'province', UNITS.hanoi);
    const res = await auditor.call('GET', '/api/audit/break-glass');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      personId,
      personName: 'Trần Thị Hoa',
      role: 'province_officer',
      provinceCode: UNITS.hanoi,
      reason: 'Đối chiếu danh sách tiếp nhận của cơ sở cai nghiện số 2',
    });
    expect(Date.parse(items[0].expiresAt) - Date.parse(items[0].grantedAt)).toBe(30 * 60_000);
    const qnAuditor = await t.userAs('auditor', 'province', UNITS.quangNinh);
    expect((await qnAuditor.call('GET', '/api/audit/break-glass')).json().total).toBe(0);
    // The auditor's reading of the list is audited too.
    const seen = await t.deps.database.db
      .selectFrom('audit_log')
      .select('entity_type')
      .where('username', '=', auditor.username)
      .where('action', '=', 'audit.read')
      .execute();
    expect(seen.map((s) => s.entity_type)).toContain('break_glass');
  });
});
