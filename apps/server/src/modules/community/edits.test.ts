import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityApp } from './community-kit.ts';

// Corrections the officers' edit dialogs rely on: a stale version answers 409 with the record as saved now
// (`current`, shown to the officer and loaded into the form), and every saved correction is audited.

let k: Awaited<ReturnType<typeof communityApp>>;

beforeAll(async () => {
  k = await communityApp();
});
afterAll(async () => k?.t.close());

async function audits(entityId: string, action: string) {
  return k.t.deps.database.db
    .selectFrom('audit_log')
    .select(['action', 'user_id'])
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .execute();
}

describe('stale corrections show the current values', () => {
  it('volunteer: name, organisation, contact and active; 409 carries the saved record', async () => {
    const team = await k.team();
    const v = await k.volunteer(team.id, { fullName: 'Hà Văn Cũ' });
    const url = `/api/community/volunteers/${v.id}`;
    const first = await k.officer.call('PATCH', url, {
      version: v.version,
      fullName: 'Hà Văn Mới',
      phone: '0911000222',
      organisation: 'veterans',
      organisationDetail: 'Chi hội Cựu chiến binh tổ 3',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      fullName: 'Hà Văn Mới',
      organisation: 'veterans',
      version: v.version + 1,
    });
    const stale = await k.officer.call('PATCH', url, { version: v.version, phone: '0911000333' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      id: v.id,
      fullName: 'Hà Văn Mới',
      phone: '0911000222',
      organisationDetail: 'Chi hội Cựu chiến binh tổ 3',
      version: v.version + 1,
    });
    const off = await k.officer.call('PATCH', url, {
      version: v.version + 1,
      active: false,
      leftOn: '2025-01-02',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, leftOn: '2025-01-02' });
    expect(await audits(v.id, 'community.volunteer.update')).toHaveLength(2);
    expect(
      (await k.officerNgocHa.call('PATCH', url, { version: v.version + 2, fullName: 'X' })).statusCode,
    ).toBe(404);
  });

  it('partner and club: 409 carries the saved record; corrections audited', async () => {
    const p = await k.officer.call('POST', '/api/community/partners', {
      kind: 'employer',
      name: 'Xưởng Mộc An',
    });
    expect(p.statusCode, p.body).toBe(201);
    const pid = p.json().id;
    const purl = `/api/community/partners/${pid}`;
    expect((await k.officer.call('PATCH', purl, { version: 1, services: 'Học nghề mộc' })).statusCode).toBe(
      200,
    );
    const pStale = await k.officer.call('PATCH', purl, { version: 1, active: false });
    expect(pStale.statusCode).toBe(409);
    expect(pStale.json().current).toMatchObject({
      id: pid,
      services: 'Học nghề mộc',
      active: true,
      version: 2,
    });
    expect(await audits(pid, 'community.partner.update')).toHaveLength(1);

    const c = await k.officer.call('POST', '/api/community/clubs', {
      name: 'CLB Đồng Hành',
      foundedOn: '2024-05-01',
    });
    expect(c.statusCode, c.body).toBe(201);
    const cid = c.json().id;
    const curl = `/api/community/clubs/${cid}`;
    expect(
      (await k.officer.call('PATCH', curl, { version: 1, name: 'CLB Đồng Hành Ba Đình' })).statusCode,
    ).toBe(200);
    const cStale = await k.officer.call('PATCH', curl, { version: 1, active: false });
    expect(cStale.statusCode).toBe(409);
    expect(cStale.json().current).toMatchObject({
      id: cid,
      name: 'CLB Đồng Hành Ba Đình',
      active: true,
      version: 2,
    });
    const closed = await k.officer.call('PATCH', curl, { version: 2, active: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await audits(cid, 'community.club.update')).toHaveLength(2);
  });
});
