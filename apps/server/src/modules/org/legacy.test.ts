import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { readShippedUnits } from './units-loader.ts';

// Independent old→new mapping (test-only; the product never reads this folder).
type Splits = {
  data: { level1_id: string; level3s: { level3_id: string; name: string; splits: { new_id: string }[] }[] }[];
};
const splits = JSON.parse(
  fs.readFileSync('/work/shared/data/vn-admin-units/mapping-2025-splits.json', 'utf8'),
) as Splits;

let t: TestApp;
let user: Awaited<ReturnType<TestApp['userAs']>>;

beforeAll(async () => {
  t = await createTestApp();
  user = await t.userAs('volunteer', 'commune', '00004');
});
afterAll(async () => t?.close());

const resolve = async (params: Record<string, string>) => {
  const res = await user.call('GET', `/api/units/resolve-legacy?${new URLSearchParams(params)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().candidates as {
    communeCode: string;
    communeName: string;
    provinceCode: string;
    provinceName: string;
    kind: string;
    oldCommuneCode: string | null;
    oldDistrictName: string | null;
  }[];
};
const summary = (cs: Awaited<ReturnType<typeof resolve>>) =>
  cs.map((c) => `${c.communeCode} ${c.communeName} (${c.provinceName}) ${c.kind}`).sort();

describe('legacy addresses (before 01/07/2025)', () => {
  it('maps every one of the 10,047 old communes to the new communes the independent mapping gives', async () => {
    const rows = await t.deps.database.db
      .selectFrom('legacy_unit_mappings')
      .select(['old_commune_code', 'new_commune_code'])
      .where('old_commune_code', '<>', '')
      .execute();
    const mine = new Map<string, Set<string>>();
    for (const r of rows)
      mine.set(r.old_commune_code, (mine.get(r.old_commune_code) ?? new Set()).add(r.new_commune_code));
    const packaged = new Map(
      readShippedUnits()
        .mappings.filter((m) => m.old_ward_code)
        .map((m) => [m.old_ward_code!, m.new_ward_code]),
    );
    let oldCount = 0;
    let split = 0;
    const disagreeing: string[] = [];
    for (const p of splits.data)
      for (const c of p.level3s) {
        oldCount++;
        const expected = new Set(c.splits.map((s) => s.new_id));
        if (expected.size > 1) split++;
        const pkg = packaged.get(c.level3_id);
        // Where the package names another commune than the independent source, both are offered.
        if (pkg && !expected.has(pkg)) {
          disagreeing.push(c.level3_id);
          expected.add(pkg);
        }
        expect([...(mine.get(c.level3_id) ?? [])].sort(), c.level3_id).toEqual([...expected].sort());
      }
    expect(oldCount).toBe(10047);
    expect(split).toBe(460);
    expect(disagreeing).toHaveLength(8);
    expect(mine.size).toBe(10047);
  });

  it('offers both new communes for a split commune: Xã Minh Quang, huyện Ba Vì, Hà Nội', async () => {
    const expected = [
      '09676 Xã Bất Bạt (Thành phố Hà Nội) partial',
      '09700 Xã Ba Vì (Thành phố Hà Nội) partial',
    ];
    const queries: Record<string, string>[] = [
      { province: 'Thành phố Hà Nội', district: 'Huyện Ba Vì', commune: 'Xã Minh Quang' },
      { province: 'Hà Nội', district: 'Ba Vì', commune: 'Minh Quang' },
      { province: 'TP. HÀ NỘI', district: 'h. Ba Vi', commune: 'xa minh quang' },
      { commune: '09700' },
    ];
    for (const q of queries) expect(summary(await resolve(q)), JSON.stringify(q)).toEqual(expected);
  });

  it('gives the one new commune where the old one went whole, named as now', async () => {
    const cs = await resolve({ province: 'Hà Nội', district: 'Quận Ba Đình', commune: 'Phường Trúc Bạch' });
    expect(summary(cs)).toEqual(['00004 Phường Ba Đình (Thành phố Hà Nội) full']);
    expect(cs[0]).toMatchObject({
      provinceCode: '01',
      oldCommuneCode: '00004',
      oldDistrictName: 'Quận Ba Đình',
    });
  });

  it('lists the old communes of the same name when the district is not given', async () => {
    const thaiBinh = await resolve({ province: 'Thái Bình', commune: 'Minh Quang' });
    expect(thaiBinh.map((c) => c.oldDistrictName).sort()).toEqual(['Huyện Kiến Xương', 'Huyện Vũ Thư']);
    expect(thaiBinh.every((c) => c.provinceName === 'Tỉnh Hưng Yên')).toBe(true);
    // The old commune written with its new province.
    const hungYen = await resolve({ province: 'Hưng Yên', commune: 'Minh Quang' });
    expect(hungYen.map((c) => c.oldDistrictName).sort()).toEqual(['Huyện Kiến Xương', 'Huyện Vũ Thư']);
    const anywhere = await resolve({ commune: 'Xã Minh Quang' });
    expect(new Set(anywhere.map((c) => c.oldCommuneCode)).size).toBe(5);
  });

  it('resolves names from before the 2025 mergers kept by the package (Phường 13, Quận Gò Vấp)', async () => {
    const cs = await resolve({ province: 'TP.HCM', district: 'Gò Vấp', commune: 'P.13' });
    expect(summary(cs)).toEqual([
      '26878 Phường An Hội Đông (Thành phố Hồ Chí Minh) partial',
      '26882 Phường An Hội Tây (Thành phố Hồ Chí Minh) partial',
    ]);
  });

  it('returns no candidate for an unknown address, 400 without a commune, 401 when anonymous', async () => {
    expect(await resolve({ province: 'Hà Nội', commune: 'Xã Không Có' })).toEqual([]);
    expect((await user.call('GET', '/api/units/resolve-legacy?province=Ha%20Noi')).statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'GET', url: '/api/units/resolve-legacy?commune=09700' });
    expect(anon.statusCode).toBe(401);
  });
});
