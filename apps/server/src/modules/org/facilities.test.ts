import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['userAs']>>;
let officer: Awaited<ReturnType<TestApp['userAs']>>;

const facility = (over: Record<string, unknown> = {}) => ({
  name: 'Cơ sở cai nghiện ma túy số 1 Hà Nội',
  kind: 'rehab_public',
  provinceCode: UNITS.hanoi,
  address: 'Xã Yên Bài',
  phone: '024 3838 0000',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userAs('system_admin', 'nation', null);
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
});
afterAll(async () => t?.close());

describe('facilities', () => {
  let id: string;

  it('creates a facility (201) with unit names, and audits it', async () => {
    const res = await admin.call('POST', '/api/facilities', facility());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Cơ sở cai nghiện ma túy số 1 Hà Nội',
      kind: 'rehab_public',
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
      communeCode: null,
      active: true,
      version: 1,
    });
    id = res.json().id;
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['facility.create']);

    const station = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Trạm y tế phường Ba Đình', kind: 'health_station', communeCode: UNITS.baDinh }),
    );
    expect(station.statusCode, station.body).toBe(201);
    expect(station.json()).toMatchObject({ communeCode: '00004', communeName: 'Phường Ba Đình' });
  });

  it('validates province and commune codes (400 naming the field)', async () => {
    const noProvince = await admin.call('POST', '/api/facilities', facility({ provinceCode: '99' }));
    expect(noProvince.statusCode).toBe(400);
    expect(noProvince.json().errors[0]).toMatchObject({ field: 'provinceCode', rule: 'unit_exists' });

    const noCommune = await admin.call('POST', '/api/facilities', facility({ communeCode: '99999' }));
    expect(noCommune.statusCode).toBe(400);
    expect(noCommune.json().errors[0]).toMatchObject({ field: 'communeCode', rule: 'unit_exists' });

    const elsewhere = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Cơ sở khác', provinceCode: UNITS.quangNinh, communeCode: UNITS.baDinh }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0]).toMatchObject({ field: 'communeCode', rule: 'commune_in_province' });

    const station = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Trạm y tế', kind: 'health_station' }),
    );
    expect(station.statusCode).toBe(400);
    expect(station.json().errors[0].field).toBe('communeCode');

    const malformed = await admin.call(
      'POST',
      '/api/facilities',
      facility({ kind: 'prison', provinceCode: '1' }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['kind', 'provinceCode']);
  });

  it('refuses a second facility of the same name in the province (409)', async () => {
    const res = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'CƠ SỞ CAI NGHIỆN MA TUÝ SỐ 1 HÀ NỘI' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_facility', existing: { id } });
  });

  it('lets only administrators create or change facilities (403), and nobody anonymous (401)', async () => {
    expect((await officer.call('POST', '/api/facilities', facility({ name: 'X' }))).statusCode).toBe(403);
    expect((await officer.call('PATCH', `/api/facilities/${id}`, { version: 1, name: 'Y' })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/facilities' })).statusCode).toBe(401);
  });

  it('lists facilities for any logged-in user, with filters', async () => {
    const all = await officer.call('GET', '/api/facilities');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    const stations = await officer.call('GET', '/api/facilities?kind=health_station');
    expect(stations.json().items.map((f: any) => f.name)).toEqual(['Trạm y tế phường Ba Đình']);
    const byName = await officer.call('GET', '/api/facilities?q=cai%20nghien%20so%201');
    expect(byName.json().items.map((f: any) => f.id)).toEqual([id]);
    const inCommune = await officer.call('GET', `/api/facilities?communeCode=${UNITS.baDinh}`);
    expect(inCommune.json().total).toBe(1);
    expect((await officer.call('GET', `/api/facilities/${id}`)).json().id).toBe(id);
  });

  it('updates with the current version (200) and refuses a stale one (409) with the current record', async () => {
    const res = await admin.call('PATCH', `/api/facilities/${id}`, {
      version: 1,
      name: 'Cơ sở cai nghiện ma túy số 1',
      communeCode: UNITS.ngocHa,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, communeName: 'Phường Ngọc Hà', address: 'Xã Yên Bài' });

    const stale = await admin.call('PATCH', `/api/facilities/${id}`, { version: 1, active: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', current: { version: 2, active: true } });

    const moved = await admin.call('PATCH', `/api/facilities/${id}`, {
      version: 2,
      provinceCode: UNITS.quangNinh,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].field).toBe('communeCode');

    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['facility.create', 'facility.update']);
    expect(JSON.parse(audit[1].details!).fields.sort()).toEqual(['commune_code', 'name']);
  });

  it('answers 404 for an unknown facility and 400 for an empty change', async () => {
    expect((await officer.call('GET', '/api/facilities/nope')).statusCode).toBe(404);
    expect((await admin.call('PATCH', '/api/facilities/nope', { version: 1, name: 'Z' })).statusCode).toBe(
      404,
    );
    expect((await admin.call('PATCH', `/api/facilities/${id}`, { version: 2 })).statusCode).toBe(400);
  });
});

describe('facility kinds and private licences (Law 120/2025/QH15)', () => {
  const licence = (over: Record<string, unknown> = {}) => ({
    number: '07/GP-CAT-PC04',
    issuedOn: '2026-03-02',
    issuer: 'Giám đốc Công an thành phố Hà Nội',
    scope: 'Cai nghiện ma túy tự nguyện: tiếp nhận, cắt cơn, giáo dục, tư vấn',
    validUntil: '2031-03-01',
    ...over,
  });
  let privateId: string;
  let licenceId: string;
  let publicId: string;

  it('creates a reform school (trường giáo dưỡng)', async () => {
    const res = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Trường Giáo dưỡng số 2', kind: 'reform_school' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'reform_school', licences: [] });
    const pub = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Cơ sở cai nghiện ma túy số 5' }),
    );
    expect(pub.statusCode, pub.body).toBe(201);
    publicId = pub.json().id;
  });

  it('requires the licence of a private facility and refuses one elsewhere (400 naming the field)', async () => {
    const none = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Tư nhân A', kind: 'rehab_private' }),
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'licence', rule: 'required' });
    expect(none.json().errors[0].messages.vi).toContain('giấy phép');

    const onPublic = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Công lập B', licence: licence() }),
    );
    expect(onPublic.statusCode).toBe(400);
    expect(onPublic.json().errors[0]).toMatchObject({ field: 'licence', rule: 'private_only' });

    const backwards = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Tư nhân C', kind: 'rehab_private', licence: licence({ validUntil: '2026-03-01' }) }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('licence.validUntil');

    const future = await admin.call(
      'POST',
      '/api/facilities',
      facility({
        name: 'Tư nhân D',
        kind: 'rehab_private',
        licence: licence({ issuedOn: '2099-01-01', validUntil: '2099-12-31' }),
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'licence.issuedOn', rule: 'not_future' });

    // Since the transfer to the police the provincial police director licenses private facilities.
    const wrongIssuer = await admin.call(
      'POST',
      '/api/facilities',
      facility({
        name: 'Tư nhân F',
        kind: 'rehab_private',
        licence: licence({ issuer: 'Giám đốc Sở Y tế thành phố Hà Nội' }),
      }),
    );
    expect(wrongIssuer.statusCode).toBe(400);
    expect(wrongIssuer.json().errors[0]).toMatchObject({ field: 'licence.issuer', rule: 'licenser' });
    expect(wrongIssuer.json().errors[0].messages.vi).toContain('Giám đốc Công an cấp tỉnh');

    const blank = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Tư nhân E', kind: 'rehab_private', licence: licence({ number: ' ', scope: '' }) }),
    );
    expect(blank.statusCode).toBe(400);
    expect(
      blank
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['licence.number', 'licence.scope']);
  });

  it('records the licence with the issuing authority of its date, and audits it', async () => {
    const res = await admin.call(
      'POST',
      '/api/facilities',
      facility({ name: 'Cơ sở cai nghiện tư nhân An Bình', kind: 'rehab_private', licence: licence() }),
    );
    expect(res.statusCode, res.body).toBe(201);
    privateId = res.json().id;
    expect(res.json().licences).toMatchObject([
      {
        number: '07/GP-CAT-PC04',
        issuedOn: '2026-03-02',
        issuer: 'Giám đốc Công an thành phố Hà Nội',
        issuerRole: 'province_police_director',
        validUntil: '2031-03-01',
        version: 1,
      },
    ]);
    licenceId = res.json().licences[0].id;
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', privateId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['facility.create']);
    expect(JSON.parse(audit[0].details!)).toMatchObject({ licenceId });

    // Under Law 73 (before the transfer to the police) the provincial labour director issued licences.
    const old = await admin.call(
      'POST',
      `/api/facilities/${privateId}/licences`,
      licence({
        number: '02/GP-LĐTBXH',
        issuedOn: '2023-04-01',
        validUntil: '2026-03-01',
        issuer: 'Giám đốc Sở Lao động - Thương binh và Xã hội thành phố Hà Nội',
      }),
    );
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json().licences.map((l: { issuerRole: string }) => l.issuerRole)).toEqual([
      'province_police_director',
      'province_labour_director',
    ]);
  });

  it('corrects a licence with its version (200), refuses a stale one (409 with the current licence)', async () => {
    const ok = await admin.call('PATCH', `/api/facilities/${privateId}/licences/${licenceId}`, {
      version: 1,
      validUntil: '2031-02-28',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().licences[0]).toMatchObject({ id: licenceId, validUntil: '2031-02-28', version: 2 });
    const stale = await admin.call('PATCH', `/api/facilities/${privateId}/licences/${licenceId}`, {
      version: 1,
      scope: 'Khác',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'stale_version',
      current: { version: 2, validUntil: '2031-02-28' },
    });
    const backwards = await admin.call('PATCH', `/api/facilities/${privateId}/licences/${licenceId}`, {
      version: 2,
      validUntil: '2020-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('validUntil');
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', privateId)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'facility.create',
      'facility.licence.create',
      'facility.licence.update',
    ]);
    expect(JSON.parse(audit[2].details!)).toEqual({ licenceId, fields: ['valid_until'] });
  });

  it('404 for an unknown licence, 403 for an officer, 400 for a licence on a public facility', async () => {
    expect(
      (await admin.call('PATCH', `/api/facilities/${privateId}/licences/nope`, { version: 1, scope: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await officer.call('POST', `/api/facilities/${privateId}/licences`, licence())).statusCode).toBe(
      403,
    );
    const pub = await admin.call('POST', `/api/facilities/${publicId}/licences`, licence());
    expect(pub.statusCode).toBe(400);
    expect(pub.json().errors[0]).toMatchObject({ field: 'kind', rule: 'private_only' });
  });

  it('turning a facility private needs a licence', async () => {
    const cur = (await admin.call('GET', `/api/facilities/${publicId}`)).json();
    const bare = await admin.call('PATCH', `/api/facilities/${publicId}`, {
      version: cur.version,
      kind: 'rehab_private',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ field: 'licence', rule: 'required' });
    const ok = await admin.call('PATCH', `/api/facilities/${publicId}`, {
      version: cur.version,
      kind: 'rehab_private',
      licence: licence({ number: '09/GP-CAT-PC04' }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'rehab_private', version: cur.version + 1 });
    expect(ok.json().licences.map((l: { number: string }) => l.number)).toEqual(['09/GP-CAT-PC04']);
  });
});
