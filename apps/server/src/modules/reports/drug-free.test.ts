import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// Communes recognised as drug-free (Decision 28/2025/QĐ-TTg) recorded by the province, and the
// "drug-free communes ≥ 50% by 2030" share they make: counted while in force at the period's end.

let t: TestApp;
type User = Awaited<ReturnType<TestApp['userAs']>>;
let province: User;
let otherProvince: User;
let officer: User;
let nation: User;

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => new Date('2025-10-01T03:00:00.000Z');
  province = await t.userAs('province_officer', 'province', UNITS.hanoi);
  otherProvince = await t.userAs('province_officer', 'province', '22');
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  nation = await t.userAs('national_officer', 'nation', null);
});
afterAll(async () => t?.close());

const recognition = (over: Record<string, unknown> = {}) => ({
  communeCode: UNITS.baDinh,
  recognisedOn: '2025-03-01',
  decisionNumber: '120/QĐ-UBND',
  decidedBy: 'Chủ tịch UBND thành phố Hà Nội',
  ...over,
});
const share = async (u: User, unit: string, from: string, to: string) =>
  ok(await u.call('GET', `/api/indicators/drug_free_communes_share/value?unit=${unit}&from=${from}&to=${to}`))
    .figure;

describe('drug-free communes', () => {
  let id = '';
  let version = 1;

  it('lets the province record a recognition; 400 naming the field; 403 outside; 409 twice', async () => {
    expect((await officer.call('POST', '/api/drug-free-communes', recognition())).statusCode).toBe(403);
    expect((await otherProvince.call('POST', '/api/drug-free-communes', recognition())).statusCode).toBe(403);
    const future = await province.call(
      'POST',
      '/api/drug-free-communes',
      recognition({ recognisedOn: '2025-12-01' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('recognisedOn');
    const unknown = await province.call(
      'POST',
      '/api/drug-free-communes',
      recognition({ communeCode: '99999' }),
    );
    expect(unknown.json().errors[0].field).toBe('communeCode');
    const body = ok(await province.call('POST', '/api/drug-free-communes', recognition()), 201);
    expect(body).toMatchObject({ communeName: 'Phường Ba Đình', status: 'in_force', version: 1 });
    id = body.id;
    version = body.version;
    expect((await province.call('POST', '/api/drug-free-communes', recognition())).statusCode).toBe(409);
    const listed = ok(await officer.call('GET', '/api/drug-free-communes')).items;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(ok(await otherProvince.call('GET', '/api/drug-free-communes')).items).toEqual([]);
    expect(
      ok(await nation.call('GET', `/api/drug-free-communes?province=${UNITS.hanoi}`)).items,
    ).toHaveLength(1);
  });

  it('counts the commune in the share while in force; its drill-down lists it', async () => {
    expect(await share(officer, UNITS.baDinh, '2025-06-15', '2025-09-14')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
      meetsTarget: true,
    });
    // Before the recognition, 0.
    expect(await share(officer, UNITS.baDinh, '2024-12-15', '2025-01-14')).toMatchObject({ value: 0 });
    const prov = await share(province, UNITS.hanoi, '2025-06-15', '2025-09-14');
    expect(prov.numerator).toBe(1);
    expect(prov.denominator).toBeGreaterThan(1);
    const records = ok(
      await province.call(
        'GET',
        `/api/indicators/drug_free_communes_share/records?unit=${UNITS.hanoi}&from=2025-06-15&to=2025-09-14`,
      ),
    );
    expect(records.items.map((r: { communeCode: string }) => r.communeCode)).toEqual([UNITS.baDinh]);
  });

  it('stops counting a revoked recognition from the revocation date; 409 on a stale version', async () => {
    const bad = await province.call('POST', `/api/drug-free-communes/${id}/revoke`, {
      version,
      revokedOn: '2025-01-01',
      reason: 'Phát hiện điểm sử dụng trái phép',
    });
    expect(bad.json().errors[0].field).toBe('revokedOn');
    const revoked = ok(
      await province.call('POST', `/api/drug-free-communes/${id}/revoke`, {
        version,
        revokedOn: '2025-08-01',
        reason: 'Phát hiện điểm sử dụng trái phép',
      }),
    );
    expect(revoked).toMatchObject({ status: 'revoked', version: 2 });
    expect(
      (
        await province.call('POST', `/api/drug-free-communes/${id}/revoke`, {
          version: 1,
          revokedOn: '2025-08-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
    expect(await share(officer, UNITS.baDinh, '2025-06-15', '2025-09-14')).toMatchObject({ value: 0 });
    expect(await share(officer, UNITS.baDinh, '2025-05-15', '2025-06-14')).toMatchObject({ value: 100 });
    // A new recognition after the revocation is allowed.
    ok(
      await province.call('POST', '/api/drug-free-communes', recognition({ recognisedOn: '2025-09-20' })),
      201,
    );
  });
});
