import { makeCccd } from '@hoanhap/domain/cccd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

let t: TestApp;
let officer: Awaited<ReturnType<TestApp['userAs']>>;
let otherOfficer: Awaited<ReturnType<TestApp['userAs']>>;

const person = (over: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn Hoà',
  sex: 'male',
  birthDate: '1990-05-12',
  citizenId: makeCccd('01', 1990, 'male', 123456),
  phone: '0912345678',
  currentAddress: { communeCode: UNITS.baDinh, detail: 'Số 5 phố Đội Cấn' },
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  otherOfficer = await t.userAs('commune_officer', 'commune', UNITS.ngocHa);
});
afterAll(async () => t?.close());

describe('people registry', () => {
  let id: string;
  let version: number;

  it('creates a person (201) and audits it', async () => {
    const res = await officer.call('POST', '/api/people', person());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ fullName: 'Nguyễn Văn Hoà', status: 'registered', version: 1 });
    expect(body.currentAddress.communeName).toBe('Phường Ba Đình');
    id = body.id;
    version = body.version;
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('person.create');
  });

  it('finds the person without diacritics and with other tone-mark placement', async () => {
    for (const q of ['nguyen van hoa', 'NGUYỄN VĂN HÒA', 'van hoa']) {
      const res = await officer.call('GET', `/api/people?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: any) => p.id)).toContain(id);
    }
    const byId = await officer.call('GET', `/api/people?q=${person().citizenId}`);
    expect(byId.json().items.map((p: any) => p.id)).toEqual([id]);
  });

  it('hides the person from an officer of another commune (search and direct read)', async () => {
    const res = await otherOfficer.call('GET', '/api/people?q=nguyen%20van%20hoa');
    expect(res.json().items).toEqual([]);
    expect((await otherOfficer.call('GET', `/api/people/${id}`)).statusCode).toBe(404);
  });

  it('refuses the same citizen ID (409) naming the existing record', async () => {
    const res = await officer.call('POST', '/api/people', person({ fullName: 'Trần Văn B' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('duplicate_citizen_id');
    expect(res.json().existing.id).toBe(id);
  });

  it('warns on same name and birth date in the province until confirmed', async () => {
    const dup = person({ citizenId: undefined });
    const res = await officer.call('POST', '/api/people', dup);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('possible_duplicate');
    expect(res.json().candidates[0].id).toBe(id);
    const ok = await officer.call('POST', '/api/people', { ...dup, confirmPossibleDuplicate: true });
    expect(ok.statusCode).toBe(201);
  });

  it('updates with the current version and refuses a stale one (409) without losing data', async () => {
    const upd = { ...person(), occupation: 'Lái xe', version };
    const res = await officer.call('PUT', `/api/people/${id}`, upd);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(version + 1);
    const stale = await officer.call('PUT', `/api/people/${id}`, { ...upd, occupation: 'Thợ hàn' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(stale.json().current.occupation).toBe('Lái xe');
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const before = await t.deps.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [unknown, string][] = [
      [person({ fullName: 5 }), 'fullName'],
      [person({ nickname: 'x' }), 'nickname'],
      [person({ fullName: 'x'.repeat(500) }), 'fullName'],
      [person({ citizenId: '12345' }), 'citizenId'],
      [person({ citizenId: '099090123456' }), 'citizenId'],
      [person({ citizenId: makeCccd('01', 1990, 'female', 1) }), 'citizenId'],
      [person({ birthDate: '2021-02-30' }), 'birthDate'],
      [person({ currentAddress: { communeCode: '99999' } }), 'currentAddress.communeCode'],
    ];
    for (const [payload, field] of cases) {
      const res = await officer.call('POST', '/api/people', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: any) => e.field)).toContain(field);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { ...officer.headers, 'content-type': 'application/json' },
      payload: '{"fullName": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const after = await t.deps.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('gives messages in English on request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { ...officer.headers, 'accept-language': 'en' },
      payload: person({ citizenId: '12345' }),
    });
    expect(res.json().errors[0].message).toMatch(/12 digits/);
    const vi = await officer.call('POST', '/api/people', person({ citizenId: '12345' }));
    expect(vi.json().errors[0].message).toMatch(/12 chữ số/);
  });

  it('requires a session (401) and the CSRF header on writes (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: officer.headers.cookie },
      payload: person(),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
  });
});
