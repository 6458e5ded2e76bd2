import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { ANSWER_GRACE_MS } from './idempotency.ts';

// A write sent with an Idempotency-Key is applied once however often it is sent (a phone's outbox after a dropped
// connection), on both databases.
let t: TestApp;
let officer: Awaited<ReturnType<TestApp['userAs']>>;
let otherOfficer: Awaited<ReturnType<TestApp['userAs']>>;

const person = (fullName: string) => ({
  fullName,
  sex: 'male',
  birthYear: 1988,
  currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 3, phố Đội Cấn' },
  confirmPossibleDuplicate: true,
});

const send = (
  who: typeof officer,
  method: 'POST' | 'PUT',
  url: string,
  payload: unknown,
  key: string | undefined,
) =>
  t.app.inject({
    method,
    url,
    payload: payload as object,
    headers: { ...who.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });

const peopleNamed = async (fullName: string) =>
  (await t.deps.database.db.selectFrom('people').select('id').where('full_name', '=', fullName).execute())
    .length;
const keysOf = async (key: string) =>
  t.deps.database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).execute();

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  otherOfficer = await t.userAs('commune_officer', 'commune', UNITS.ngocHa);
});
afterAll(async () => t?.close());

describe('idempotency keys', () => {
  it('writes one row for the same request sent five times, and answers each retry as the first', async () => {
    const key = 'outbox-entry-0001';
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await send(officer, 'POST', '/api/people', person('Phạm Văn Một Lần'), key));
    expect(answers[0]!.statusCode, answers[0]!.body).toBe(201);
    expect(answers[0]!.headers['idempotent-replayed']).toBeUndefined();
    for (const r of answers.slice(1)) {
      expect(r.statusCode).toBe(201);
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.json().id).toBe(answers[0]!.json().id);
    }
    expect(await peopleNamed('Phạm Văn Một Lần')).toBe(1);
    // The creation was audited once.
    const audits = await t.deps.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', answers[0]!.json().id)
      .where('action', '=', 'person.create')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('writes one row for five concurrent copies; the others replay or are told to ask again', async () => {
    const key = 'outbox-entry-0002';
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(officer, 'POST', '/api/people', person('Phạm Văn Cùng Lúc'), key)),
    );
    expect(await peopleNamed('Phạm Văn Cùng Lúc')).toBe(1);
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) {
      expect([201, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().code).toBe('idempotency_in_progress');
    }
    // Asking again once the first has answered replays its answer.
    const again = await send(officer, 'POST', '/api/people', person('Phạm Văn Cùng Lúc'), key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await peopleNamed('Phạm Văn Cùng Lúc')).toBe(1);
  });

  it('refuses the same key for a different request (422) and writes nothing', async () => {
    const key = 'outbox-entry-0003';
    expect((await send(officer, 'POST', '/api/people', person('Phạm Văn Ba'), key)).statusCode).toBe(201);
    const other = await send(officer, 'POST', '/api/people', person('Phạm Văn Khác'), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await peopleNamed('Phạm Văn Khác')).toBe(0);
  });

  it('refuses a malformed key naming the header', async () => {
    const res = await send(officer, 'POST', '/api/people', person('Phạm Văn Khóa'), 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('Idempotency-Key');
    expect(await peopleNamed('Phạm Văn Khóa')).toBe(0);
  });

  it('keeps keys per user: another user with the same key is a new request', async () => {
    const key = 'outbox-entry-0004';
    const mine = await send(officer, 'POST', '/api/people', person('Phạm Văn Của Tôi'), key);
    expect(mine.statusCode).toBe(201);
    const theirs = await send(
      otherOfficer,
      'POST',
      '/api/people',
      { ...person('Phạm Văn Của Họ'), currentAddress: { communeCode: UNITS.ngocHa, detail: 'Tổ 1' } },
      key,
    );
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await peopleNamed('Phạm Văn Của Họ')).toBe(1);
  });

  const edit = (over: Record<string, unknown>) => {
    const { confirmPossibleDuplicate: _, ...body } = person('Phạm Văn Sửa');
    return { ...body, ...over };
  };

  it('records no key when the write is refused: a stale version or a person out of scope can be sent again fixed', async () => {
    const created = await send(officer, 'POST', '/api/people', person('Phạm Văn Sửa'), undefined);
    const p = created.json();
    const key = 'outbox-entry-0005';
    // Someone else saved meanwhile: the entry's version is stale.
    const first = await send(
      officer,
      'PUT',
      `/api/people/${p.id}`,
      edit({ occupation: 'Thợ xây', version: p.version }),
      undefined,
    );
    expect(first.statusCode).toBe(200);
    const stale = await send(
      officer,
      'PUT',
      `/api/people/${p.id}`,
      edit({ occupation: 'Lái xe', version: p.version }),
      key,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(await keysOf(key)).toHaveLength(0);
    // Out of scope: an officer of another commune cannot write it, and no key is kept for them either.
    const foreign = await send(
      otherOfficer,
      'PUT',
      `/api/people/${p.id}`,
      edit({ version: first.json().version }),
      'outbox-entry-0006',
    );
    expect([403, 404]).toContain(foreign.statusCode);
    expect(await keysOf('outbox-entry-0006')).toHaveLength(0);
    // The user resolves the conflict (current version) and sends again with the same key: applied once.
    const fixed = edit({ occupation: 'Lái xe', version: first.json().version });
    const ok = await send(officer, 'PUT', `/api/people/${p.id}`, fixed, key);
    expect(ok.statusCode, ok.body).toBe(200);
    const replay = await send(officer, 'PUT', `/api/people/${p.id}`, fixed, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().version).toBe(ok.json().version);
  });

  it('after a crash between the write and its answer, a retry is told the write is there, not applied again', async () => {
    const key = 'outbox-entry-0007';
    expect((await send(officer, 'POST', '/api/people', person('Phạm Văn Mất Điện'), key)).statusCode).toBe(
      201,
    );
    // The answer was lost: the key committed with the write, the saved answer did not.
    await t.deps.database.db
      .updateTable('idempotency_keys')
      .set({ status_code: null, response_body: null })
      .where('key', '=', key)
      .execute();
    const retry = await send(officer, 'POST', '/api/people', person('Phạm Văn Mất Điện'), key);
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('idempotency_in_progress');
    expect(await peopleNamed('Phạm Văn Mất Điện')).toBe(1);
    // Once the first attempt has had its time (its key is older than the grace), the retry converges: the key
    // committed with the write, so the write is there; the answer says so, and is kept for later retries.
    await t.deps.database.db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date(Date.now() - ANSWER_GRACE_MS - 1000).toISOString() })
      .where('key', '=', key)
      .execute();
    for (let i = 0; i < 2; i++) {
      const late = await send(officer, 'POST', '/api/people', person('Phạm Văn Mất Điện'), key);
      expect(late.statusCode, late.body).toBe(200);
      expect(late.headers['idempotent-replayed']).toBe('true');
      expect(late.json()).toMatchObject({ code: 'idempotent_applied', applied: true });
    }
    expect(await peopleNamed('Phạm Văn Mất Điện')).toBe(1);
  });

  it('ignores the header on reads and for anonymous callers', async () => {
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/people',
      headers: { ...officer.headers, 'idempotency-key': 'read-key-0001' },
    });
    expect(read.statusCode).toBe(200);
    expect(await keysOf('read-key-0001')).toHaveLength(0);
  });
});
