import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathwayApp, testBody, type User } from '../modules/episodes/pathway-test-kit.ts';
import { UNITS } from '../test/test-app.ts';

// Offline work on the server (issue 15). An offline entry (a commune police officer's drug test kept on the phone) says which version of the person it
// was based on; the server refuses it when the person changed meanwhile (409, the conflict inbox), when the person
// left the user's scope (404), and applies it once however often it is sent. "Apply anyway" is audited as such.
// Both databases (DATABASE_URL).

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let auditor: User;

const TODAY = '2026-11-20';
const address = (communeCode: string) => ({ communeCode, detail: 'Tổ 5, phố Kim Mã' });

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday(TODAY);
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  auditor = await k.t.userAs('auditor', 'nation', null);
});
afterAll(async () => k?.t.close());

const send = (personId: string, body: unknown, headers: Record<string, string>) =>
  k.t.app.inject({
    method: 'POST',
    url: `/api/people/${personId}/drug-tests`,
    payload: body as object,
    headers: { ...police.headers, ...headers },
  });
const testsOf = async (personId: string) =>
  (
    await k.t.deps.database.db
      .selectFrom('drug_tests')
      .select('id')
      .where('person_id', '=', personId)
      .execute()
  ).length;

async function newPerson(fullName: string) {
  const p = await k.person(officer, { fullName, currentAddress: address(UNITS.baDinh) });
  return { id: p.id, version: p.version };
}

/** The officer edits the person (as a colleague would while the police officer is offline). */
async function editPerson(id: string, version: number, over: Record<string, unknown> = {}) {
  const res = await officer.call('PUT', `/api/people/${id}`, {
    fullName: (await officer.call('GET', `/api/people/${id}`)).json().fullName,
    sex: 'male',
    birthDate: '1990-05-12',
    currentAddress: address(UNITS.baDinh),
    occupation: 'Thợ hàn',
    version,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().version as number;
}

describe('offline entries based on a version of the person', () => {
  it('applies an entry based on the current version once, however often it is sent, and audits its base', async () => {
    const p = await newPerson('Đinh Văn Gửi Lại');
    const headers = { 'idempotency-key': 'drug-test-entry-0001', 'based-on': `person:${p.id}:${p.version}` };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send(p.id, testBody(TODAY, 'negative'), headers));
    expect(answers[0]!.statusCode, answers[0]!.body).toBe(201);
    for (const r of answers.slice(1)) {
      expect(r.statusCode).toBe(201);
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.json().id).toBe(answers[0]!.json().id);
    }
    expect(await testsOf(p.id)).toBe(1);
    const rows = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', answers[0]!.json().id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.details!).offline).toEqual({
      basedOn: { kind: 'person', id: p.id, version: p.version },
    });
  });

  it('writes one row for five concurrent copies of an entry', async () => {
    const p = await newPerson('Đinh Văn Cùng Lúc');
    const headers = { 'idempotency-key': 'drug-test-entry-0002', 'based-on': `person:${p.id}:${p.version}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(p.id, testBody(TODAY, 'negative'), headers)),
    );
    for (const r of answers) expect([201, 409]).toContain(r.statusCode);
    expect(await testsOf(p.id)).toBe(1);
  });

  it('refuses an entry based on an older version (409 with only the current version) and writes nothing', async () => {
    const p = await newPerson('Đinh Văn Đã Sửa');
    const v2 = await editPerson(p.id, p.version);
    const key = 'drug-test-entry-0003';
    const stale = await send(p.id, testBody(TODAY, 'negative'), {
      'idempotency-key': key,
      'based-on': `person:${p.id}:${p.version}`,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(stale.json().current).toEqual({ id: p.id, version: v2 });
    expect(await testsOf(p.id)).toBe(0);
    const keys = await k.t.deps.database.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', key)
      .execute();
    expect(keys).toHaveLength(0);

    // The user applies it anyway from the conflict inbox: based on the current version, over the old one.
    const applied = await send(p.id, testBody(TODAY, 'negative'), {
      'idempotency-key': key,
      'based-on': `person:${p.id}:${v2}`,
      'applied-over': String(p.version),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(await testsOf(p.id)).toBe(1);
    // The audit log says the entry was applied over a conflict (read through the audit API).
    const log = await auditor.call('GET', `/api/audit?entityId=${applied.json().id}`);
    expect(log.statusCode, log.body).toBe(200);
    const entry = log.json().items.find((i: { action: string }) => i.action !== 'audit.read');
    expect(entry.details.offline).toEqual({
      basedOn: { kind: 'person', id: p.id, version: v2 },
      appliedAnyway: true,
      conflictedVersion: p.version,
    });
  });

  it('refuses an entry about a person who left the commune (404) and writes nothing', async () => {
    const p = await newPerson('Đinh Văn Chuyển Đi');
    // Written in the database: the person's commune is now Ngọc Hà (as after a move and its handover).
    await k.t.deps.database.db
      .updateTable('people')
      .set({ cur_commune_code: UNITS.ngocHa })
      .where('id', '=', p.id)
      .execute();
    const res = await send(p.id, testBody(TODAY, 'negative'), {
      'idempotency-key': 'drug-test-entry-0004',
      'based-on': `person:${p.id}:${p.version}`,
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await testsOf(p.id)).toBe(0);
  });

  it('refuses a base naming a person outside the scope, even when the write itself is about another person', async () => {
    const mine = await newPerson('Đinh Văn Của Xã');
    const foreign = await k.person(await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa), {
      fullName: 'Đinh Văn Xã Khác',
      currentAddress: address(UNITS.ngocHa),
    });
    const res = await send(mine.id, testBody(TODAY, 'negative'), {
      'based-on': `person:${foreign.id}:${foreign.version}`,
    });
    // The same answer as for a person who does not exist: nothing about the other commune's person leaks.
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().current).toBeUndefined();
    expect(await testsOf(mine.id)).toBe(0);
  });

  it('refuses a malformed base naming the header (400)', async () => {
    const p = await newPerson('Đinh Văn Sai Dạng');
    const res = await send(p.id, testBody(TODAY, 'negative'), { 'based-on': 'person-version-3' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('Based-On');
    const over = await send(p.id, testBody(TODAY, 'negative'), {
      'based-on': `person:${p.id}:${p.version}`,
      'applied-over': 'old',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('Applied-Over');
    expect(await testsOf(p.id)).toBe(0);
  });

  it('a rule that refuses the entry (422) writes nothing and keeps no key', async () => {
    const p = await newPerson('Đinh Văn Luật Cũ');
    const res = await send(p.id, testBody('2001-05-31', 'negative'), {
      'idempotency-key': 'drug-test-entry-0005',
      'based-on': `person:${p.id}:${p.version}`,
    });
    expect(res.statusCode).toBe(422);
    expect(await testsOf(p.id)).toBe(0);
  });
});

describe('answers the phone may keep for offline reading', () => {
  const kept = async (u: User, url: string) => {
    const res = await u.call('GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.headers['offline-keep'] === '1';
  };

  it('marks the work list and a person’s pages for the commune police, not lists or searches', async () => {
    const p = await newPerson('Đinh Văn Đọc Ngoại Tuyến');
    expect(await kept(police, '/api/tasks/mine')).toBe(true);
    expect(await kept(police, `/api/people/${p.id}`)).toBe(true);
    expect(await kept(police, `/api/people/${p.id}/timeline`)).toBe(true);
    expect(await kept(police, `/api/people/${p.id}/episodes`)).toBe(true);
    expect(await kept(police, '/api/auth/me')).toBe(true);
    expect(await kept(police, '/api/people')).toBe(false);
  });

  it('never for a role that reads health data, nor for a province officer', async () => {
    const facilityId = await k.facility('Cơ sở cai nghiện ma túy số 5 Hà Nội');
    const medical = await k.t.userAs('facility_medical', 'facility', facilityId);
    const resident = await newPerson('Đinh Văn Ở Cơ Sở');
    await k.t.deps.database.db
      .updateTable('people')
      .set({ current_facility_id: facilityId })
      .where('id', '=', resident.id)
      .execute();
    expect(await kept(medical, `/api/people/${resident.id}`)).toBe(false);
    expect(await kept(medical, '/api/tasks/mine')).toBe(false);
    const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    expect(await kept(province, '/api/tasks/mine')).toBe(false);
  });
});
