import { periodRange } from '@hoanhap/domain/reporting-periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, testBody, type User } from '../episodes/pathway-test-kit.ts';

// Areas (issue 13): "huyện Ba Vì cũ" built in one click from the legacy mapping of the old district, then every
// dashboard figure, indicator, drill-down and periodic report of the area equals the sum over its communes.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let province: User;
let national: User;
let officerBaDinh: User;
let district: { name: string; oldProvinceName: string; communes: { code: string; name: string }[] };
let areaId: string;
const P = periodRange('year', 2025, 1, 15);
const q = (unit: string) => `unit=${encodeURIComponent(unit)}&from=${P.from}&to=${P.to}`;
const people: Record<string, string[]> = {};

type Fig = { indicatorId: string; numerator: number | null; denominator: number | null };

async function record(communeCode: string, n: number, positive: number) {
  const officer = await k.t.userAs('commune_officer', 'commune', communeCode);
  const police = await k.t.userAs('commune_police', 'commune', communeCode);
  for (let i = 0; i < n; i++) {
    const p = await k.person(officer, { currentAddress: { communeCode, detail: `Thôn ${i + 1}` } });
    if (i < positive) {
      // A person with a management record: found using (positive test); the others are only registered.
      people[communeCode] = [...(people[communeCode] ?? []), p.id];
      const res = await police.call(
        'POST',
        `/api/people/${p.id}/drug-tests`,
        testBody('2025-06-02', 'positive'),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
  }
}

beforeAll(async () => {
  k = await pathwayApp();
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  national = await k.t.userAs('national_officer', 'nation', null);
  officerBaDinh = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
});
afterAll(async () => k?.t.close());

describe('areas', () => {
  it('offers the old district of Ba Vì with its current communes (legacy mapping)', async () => {
    const res = await province.call('GET', '/api/areas/legacy-districts');
    expect(res.statusCode, res.body).toBe(200);
    const found = res
      .json()
      .items.find(
        (d: { name: string; oldProvinceName: string }) =>
          /Ba Vì/.test(d.name) && /Hà Nội/.test(d.oldProvinceName),
      );
    expect(found, JSON.stringify(res.json().items.map((d: { name: string }) => d.name))).toBeTruthy();
    district = found;
    expect(district.communes.length).toBeGreaterThanOrEqual(3);
    expect(district.communes.map((c) => c.name)).toContain('Xã Ba Vì');
    expect(district.communes.map((c) => c.code)).not.toContain(UNITS.baDinh);
  });

  it('a province officer creates it in one click (201, audited); 400 naming the field; 403 for a commune officer', async () => {
    const body = {
      name: 'Huyện Ba Vì cũ',
      legacyDistrict: district.name,
      communeCodes: district.communes.map((c) => c.code),
    };
    const denied = await officerBaDinh.call('POST', '/api/areas', body);
    expect(denied.statusCode).toBe(403);
    const bad = await province.call('POST', '/api/areas', { ...body, communeCodes: ['06652'] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('communeCodes');
    const res = await province.call('POST', '/api/areas', body);
    expect(res.statusCode, res.body).toBe(201);
    areaId = res.json().id;
    expect(res.json().unit).toBe(`area:${areaId}`);
    expect(res.json().communes).toHaveLength(district.communes.length);
    const again = await province.call('POST', '/api/areas', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('area_exists');
    const audits = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'area')
      .execute();
    expect(audits).toContainEqual({ action: 'areas.create', entity_id: areaId });
    // Readers: the province and the nation; not a commune, nor another province.
    expect(
      (await national.call('GET', '/api/areas?province=01')).json().items.map((a: { id: string }) => a.id),
    ).toContain(areaId);
    expect((await officerBaDinh.call('GET', '/api/areas')).statusCode).toBe(403);
    expect((await officerBaDinh.call('GET', `/api/dashboard?${q(`area:${areaId}`)}`)).statusCode).toBe(403);
    const qn = await k.t.userAs('province_officer', 'province', '22');
    expect((await qn.call('GET', `/api/areas/${areaId}`)).statusCode).toBe(404);
    expect((await qn.call('GET', `/api/dashboard?${q(`area:${areaId}`)}`)).statusCode).toBe(403);
  });

  it('dashboard, indicator, drill-down and report of the area equal the sum over its communes', async () => {
    const [c1, c2] = district.communes.map((c) => c.code);
    await record(c1!, 3, 2);
    await record(c2!, 2, 1);
    await record(UNITS.baDinh, 2, 2); // outside the area
    const unit = `area:${areaId}`;
    const dash = await province.call('GET', `/api/dashboard?${q(unit)}`);
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().unit).toMatchObject({ kind: 'area', name: 'Huyện Ba Vì cũ' });
    const area = new Map((dash.json().figures as Fig[]).map((f) => [f.indicatorId, f]));
    const sums = new Map<string, { n: number; d: number }>();
    for (const c of district.communes) {
      const r = await province.call('GET', `/api/dashboard?${q(c.code)}`);
      expect(r.statusCode, r.body).toBe(200);
      for (const f of r.json().figures as Fig[]) {
        const s = sums.get(f.indicatorId) ?? { n: 0, d: 0 };
        s.n += f.numerator ?? 0;
        s.d += f.denominator ?? 0;
        sums.set(f.indicatorId, s);
      }
    }
    expect(sums.size).toBeGreaterThan(10);
    for (const [id, s] of sums) {
      const f = area.get(id)!;
      expect(f, id).toBeTruthy();
      expect(f.numerator ?? 0, id).toBe(s.n);
      expect(f.denominator ?? 0, id).toBe(s.d);
    }
    expect(area.get('people_total')!.numerator).toBe(3);
    expect(area.get('positive_tests')!.numerator).toBe(3);

    // The indicator, by commune: the area's communes, summing to the figure.
    const ind = await province.call('GET', `/api/indicators/people_total/value?${q(unit)}&by=unit`);
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().figure.value).toBe(3);
    const groups = ind.json().groups as { key: string; value: number }[];
    expect(Object.fromEntries(groups.map((g) => [g.key, g.value]))).toEqual({ [c1!]: 2, [c2!]: 1 });

    // The drill-down lists exactly the area's people.
    const drill = await province.call(
      'GET',
      `/api/indicators/people_total/records?${q(unit)}&part=numerator`,
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().total).toBe(3);
    expect(
      drill
        .json()
        .items.map((r: { personId: string }) => r.personId)
        .sort(),
    ).toEqual([...people[c1!]!, ...people[c2!]!].sort());

    // Its export (CSV) lists the same people, audited.
    const csv = await province.call(
      'GET',
      `/api/indicators/people_total/records/export?${q(unit)}&part=numerator&format=csv`,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(1 + 3);

    // The periodic report of the area: the same figures, one row per commune of the area.
    const rep = await province.call('POST', '/api/reports', {
      unit,
      periodKind: 'year',
      year: 2025,
      index: 1,
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const figs = new Map((rep.json().figures as Fig[]).map((f) => [f.indicatorId, f]));
    for (const [id, s] of sums) expect(figs.get(id)?.numerator ?? 0, id).toBe(s.n);
    const children = rep.json().children as {
      code: string;
      values: { indicatorId: string; value: number }[];
    }[];
    const communeRows = children.filter((c) => /^\d{5}$/.test(c.code));
    expect(communeRows.map((c) => c.code).sort()).toEqual(district.communes.map((c) => c.code).sort());
    expect(
      communeRows.find((c) => c.code === c1)!.values.find((v) => v.indicatorId === 'people_total')!.value,
    ).toBe(2);
    // A commune officer cannot make one.
    expect(
      (await officerBaDinh.call('POST', '/api/reports', { unit, periodKind: 'year', year: 2025 })).statusCode,
    ).toBe(403);
  });

  it('edits with the current version (409 when stale), figures follow; delete refused while reports name it', async () => {
    const [c1] = district.communes.map((c) => c.code);
    const edit = await province.call('PUT', `/api/areas/${areaId}`, {
      version: 1,
      name: 'Huyện Ba Vì cũ (một xã)',
      communeCodes: [c1],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().version).toBe(2);
    const stale = await province.call('PUT', `/api/areas/${areaId}`, {
      version: 1,
      name: 'Khác',
      communeCodes: [c1],
    });
    expect(stale.statusCode).toBe(409);
    const dash = await province.call('GET', `/api/dashboard?${q(`area:${areaId}`)}`);
    const f = (dash.json().figures as Fig[]).find((x) => x.indicatorId === 'people_total')!;
    expect(f.numerator).toBe(2);
    expect(
      (
        await officerBaDinh.call('PUT', `/api/areas/${areaId}`, {
          version: 2,
          name: 'X y',
          communeCodes: [c1],
        })
      ).statusCode,
    ).toBe(404);
    const refused = await province.call('DELETE', `/api/areas/${areaId}`, { version: 2 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('area_has_reports');

    const other = await province.call('POST', '/api/areas', {
      name: 'Cụm thử',
      communeCodes: [UNITS.baDinh, UNITS.ngocHa],
    });
    expect(other.statusCode, other.body).toBe(201);
    const id = other.json().id;
    expect((await province.call('DELETE', `/api/areas/${id}`, { version: 2 })).statusCode).toBe(409);
    expect((await province.call('DELETE', `/api/areas/${id}`, { version: 1 })).statusCode).toBe(204);
    expect((await province.call('GET', `/api/areas/${id}`)).statusCode).toBe(404);
    const actions = (
      await k.t.deps.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity_type', '=', 'area')
        .execute()
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'areas.update')).toHaveLength(1);
    expect(actions).toContain('areas.delete');
  });
});
