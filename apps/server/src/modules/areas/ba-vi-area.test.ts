import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { baViScenario, type Scenario } from '../reports/ba-vi-scenario.ts';

// The source articles' Ba Vì figures (DOMAIN.md §1, scaled as in reports/ba-vi-scenario.ts) built in a commune of
// the old district of Ba Vì, read for the area "Huyện Ba Vì cũ" made in one click from the legacy mapping: the
// area's figures, drill-downs and 9-month report reproduce them and equal its communes' sums.

let s: Scenario;
let unit: string;
let communes: string[];
const XA_BA_VI = 'Xã Ba Vì';

beforeAll(async () => {
  // The new Xã Ba Vì (formed in 2025 from communes of the old Ba Vì district), found by name.
  const probe = await baViScenarioCommune();
  s = await baViScenario(probe);
  const districts = s.ok(await s.province.call('GET', '/api/areas/legacy-districts')).items as {
    name: string;
    oldProvinceName: string;
    communes: { code: string }[];
  }[];
  const d = districts.find((x) => x.name === 'Huyện Ba Vì' && /Hà Nội/.test(x.oldProvinceName))!;
  communes = d.communes.map((c) => c.code);
  expect(communes).toContain(probe);
  const area = s.ok(
    await s.province.call('POST', '/api/areas', {
      name: 'Huyện Ba Vì cũ',
      legacyDistrict: d.name,
      communeCodes: communes,
    }),
    201,
  );
  unit = area.unit;
}, 240_000);
afterAll(async () => s?.k.t.close());

async function baViScenarioCommune() {
  const { createTestDeps } = await import('../../test/test-app.ts');
  const { deps, cleanup } = await createTestDeps();
  try {
    const row = await deps.database.db
      .selectFrom('units')
      .select('code')
      .where('level', '=', 'commune')
      .where('province_code', '=', '01')
      .where('name', '=', XA_BA_VI)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    return row.code;
  } finally {
    await cleanup();
  }
}

describe('the old district of Ba Vì as an area', () => {
  it('reproduces the source figures, each equal to the sum over its communes, with the same drill-downs', async () => {
    const value = async (id: string, u: string) =>
      s.ok(await s.province.call('GET', `/api/indicators/${id}/value?${s.q(encodeURIComponent(u))}`)).figure;
    const expected: Record<string, number> = {
      dossiers_sent_to_court: 3,
      people_sent_to_court: 4,
      voluntary_facility_admissions: 2,
      post_rehab_decisions: 2,
      post_rehab_people: 3,
      methadone_patients: 2,
    };
    for (const [id, n] of Object.entries(expected)) {
      expect((await value(id, unit)).value, id).toBe(n);
      let sum = 0;
      for (const c of communes) sum += (await value(id, c)).value ?? 0;
      expect(sum, id).toBe(n);
    }
    expect(await value('post_rehab_with_manager_share', unit)).toMatchObject({
      value: 100,
      numerator: 3,
      denominator: 3,
    });
    const drill = s.ok(
      await s.province.call(
        'GET',
        `/api/indicators/people_sent_to_court/records?${s.q(encodeURIComponent(unit))}&part=numerator`,
      ),
    );
    expect(drill.items.map((r: { personId: string }) => r.personId).sort()).toEqual(
      [...s.ids.dossierPeople].sort(),
    );
  });

  it("the area's 9-month report carries the same figures", async () => {
    const rep = s.ok(
      await s.province.call('POST', '/api/reports', {
        unit,
        periodKind: 'nine_months',
        year: 2025,
        index: 1,
      }),
      201,
    );
    const figs = new Map(
      (rep.figures as { indicatorId: string; value: number | null }[]).map((f) => [f.indicatorId, f.value]),
    );
    expect(figs.get('dossiers_sent_to_court')).toBe(3);
    expect(figs.get('people_sent_to_court')).toBe(4);
    expect(figs.get('post_rehab_people')).toBe(3);
    expect(figs.get('post_rehab_with_manager_share')).toBe(100);
    expect(rep.unit).toMatchObject({ kind: 'area', name: 'Huyện Ba Vì cũ' });
    // Its document is issued in the province's name, dated in Hà Nội, titled with the area.
    const pdf = await s.province.call('GET', `/api/reports/${rep.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('CÔNG AN THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('Hà Nội, ngày');
    expect(text).not.toContain('BỘ CÔNG AN');
  });
});
