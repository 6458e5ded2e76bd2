import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// Corrections of mistaken entries: the intake record of an admission and the register's events, each with
// its version (409 with the current values), and the void of an event entered by mistake (kept in the
// history with its reason, audited, left out of every figure; never deleted).

let k: Kit;
let otherStaff: User;
let admissionId: string;
let version: number;
const TODAY = '2024-06-30';

beforeAll(async () => {
  k = await facilityKit(TODAY);
  otherStaff = await k.t.userAs('facility_staff', 'facility', await k.facility('Cơ sở số 2'));
  const v = await k.voluntary('2024-03-01', 6);
  const a = await k.admit(v.episodeId, '2024-03-01');
  admissionId = a.id;
  version = a.version;
});
afterAll(async () => k?.t.close());

const auditOf = (id: string, action: string) =>
  k.t.deps.database.db
    .selectFrom('audit_log')
    .select(['action', 'reason', 'details'])
    .where('entity_id', '=', id)
    .where('action', '=', action)
    .execute();

describe('intake correction', () => {
  const url = () => `/api/admissions/${admissionId}/intake`;
  const body = (over: Record<string, unknown> = {}) => ({
    version,
    recordNumber: 'BB-02',
    classification: 'repeat',
    belongings: [{ item: 'Điện thoại', quantity: 2 }],
    rapidTest: { testedOn: '2024-03-01', result: 'negative', substances: [] },
    reason: 'Nhập nhầm số biên bản và phân loại',
    ...over,
  });

  it('400 naming the field, 401, 404 elsewhere, 409 stale with current values; corrected and audited', async () => {
    expect((await k.t.app.inject({ method: 'PUT', url: url(), payload: body() })).statusCode).toBe(401);
    const bad = await k.staff.call('PUT', url(), body({ classification: 'nope' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('classification');
    expect((await k.staff.call('PUT', url(), body({ reason: '' }))).statusCode).toBe(400);
    expect((await otherStaff.call('PUT', url(), body())).statusCode).toBe(404);
    expect((await k.officer.call('PUT', url(), body())).statusCode).toBe(403);

    const ok = await k.staff.call('PUT', url(), body());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      recordNumber: 'BB-02',
      classification: 'repeat',
      version: version + 1,
    });
    expect(ok.json().rapidTest.result).toBe('negative');

    const stale = await k.staff.call('PUT', url(), body({ recordNumber: 'BB-03' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(JSON.stringify(stale.json())).toContain('BB-02');
    version = ok.json().version;

    const log = await auditOf(admissionId, 'facility.intake.correct');
    expect(log).toHaveLength(1);
    expect(log[0].reason).toBe('Nhập nhầm số biên bản và phân loại');
    expect(JSON.parse(log[0].details!).before.recordNumber).toBe('BB-01');
  });
});

describe('event correction and void', () => {
  const post = async (path: string, payload: Record<string, unknown>, by = k.staff) => {
    const res = await by.call('POST', `/api/admissions/${admissionId}/${path}`, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const figures = async () =>
    (
      await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/dashboard?from=2024-01-01&to=2024-06-30`)
    ).json();

  it('corrects a visit (checked as when entered), 409 stale showing the current values', async () => {
    const visit = await post('visits', {
      visitedOn: '2024-04-02',
      mode: 'in_person',
      visitor: 'Nguyễn Thị Mẹ',
      relation: 'Mẹ',
    });
    expect(visit.version).toBe(1);
    const url = `/api/facility-events/${visit.id}`;
    const input = { visitedOn: '2024-04-03', mode: 'online_call', visitor: 'Nguyễn Thị Mẹ', relation: 'Mẹ' };
    expect((await k.t.app.inject({ method: 'PUT', url, payload: { version: 1, input } })).statusCode).toBe(
      401,
    );
    expect((await otherStaff.call('PUT', url, { version: 1, input })).statusCode).toBe(404);
    expect(
      (await k.staff.call('PUT', `/api/facility-events/${randomUUID()}`, { version: 1, input })).statusCode,
    ).toBe(404);
    const future = await k.staff.call('PUT', url, {
      version: 1,
      input: { ...input, visitedOn: '2024-07-05' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('input.visitedOn');
    const wrong = await k.staff.call('PUT', url, { version: 1, input: { ...input, mode: 'letter' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('input.mode');

    const ok = await k.staff.call('PUT', url, { version: 1, input });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ occurredOn: '2024-04-03', subkind: 'online_call', version: 2 });
    expect(ok.json().updatedAt).toBeTruthy();
    const stale = await k.staff.call('PUT', url, { version: 1, input: { ...input, visitor: 'Khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, subkind: 'online_call' });
    expect(await auditOf(visit.id, 'facility.event.correct')).toHaveLength(1);
  });

  it('voids an incident and a reward: reason required, kept in history, out of the figures, no second void', async () => {
    const before = await figures();
    const incident = await post('incidents', {
      occurredOn: '2024-05-01',
      kind: 'fight',
      description: 'Xô xát trong giờ lao động',
    });
    const reward = await post('rewards', {
      awardedOn: '2024-05-02',
      kind: 'commendation',
      reason: 'Chấp hành tốt nội quy',
      decidedBy: 'Giám đốc Nguyễn Văn Giám',
    });
    const mid = await figures();
    expect(mid.incidents.fight ?? 0).toBe((before.incidents.fight ?? 0) + 1);
    expect(mid.rewards).toBe(before.rewards + 1);

    const url = `/api/facility-events/${incident.id}/void`;
    const noReason = await k.staff.call('POST', url, { version: 1, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    expect((await k.staff.call('POST', url, { version: 2, reason: 'Nhập nhầm học viên' })).statusCode).toBe(
      409,
    );
    const ok = await k.staff.call('POST', url, { version: 1, reason: 'Nhập nhầm học viên' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().voided.reason).toBe('Nhập nhầm học viên');
    const again = await k.staff.call('POST', url, { version: 2, reason: 'Nhập nhầm học viên' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('voided');
    const edit = await k.staff.call('PUT', `/api/facility-events/${incident.id}`, {
      version: 2,
      input: { occurredOn: '2024-05-01', kind: 'fight', description: 'Sửa' },
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (
        await k.staff.call('POST', `/api/facility-events/${reward.id}/void`, {
          version: 1,
          reason: 'Trùng quyết định',
        })
      ).statusCode,
    ).toBe(200);

    const after = await figures();
    expect(after.incidents.fight ?? 0).toBe(before.incidents.fight ?? 0);
    expect(after.rewards).toBe(before.rewards);
    const stay = (await k.staff.call('GET', `/api/admissions/${admissionId}`)).json();
    const kept = stay.events.find((e: { id: string }) => e.id === incident.id);
    expect(kept.voided.reason).toBe('Nhập nhầm học viên');
    const log = await auditOf(incident.id, 'facility.event.void');
    expect(log).toHaveLength(1);
    expect(log[0].reason).toBe('Nhập nhầm học viên');
  });

  it('health records: corrected and voided by medical staff only; 404 for other staff', async () => {
    const before = await figures();
    const h = await post(
      'health',
      { kind: 'periodic_check', occurredOn: '2024-05-10', performedBy: 'BS. Lê Văn Y', diagnosis: 'Ổn định' },
      k.medical,
    );
    const url = `/api/facility-events/${h.id}`;
    const input = {
      kind: 'periodic_check',
      occurredOn: '2024-05-11',
      performedBy: 'BS. Lê Văn Y',
      diagnosis: 'Ổn',
    };
    expect((await k.staff.call('PUT', url, { version: 1, input })).statusCode).toBe(404);
    expect((await k.staff.call('POST', `${url}/void`, { version: 1, reason: 'Nhập nhầm' })).statusCode).toBe(
      404,
    );
    const ok = await k.medical.call('PUT', url, { version: 1, input });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ occurredOn: '2024-05-11', diagnosis: 'Ổn', version: 2 });
    const log = await auditOf(h.id, 'facility.health.correct');
    expect(log[0].details).not.toContain('Ổn');
    expect((await figures()).health.periodicChecks).toBe(before.health.periodicChecks + 1);
    const v = await k.medical.call('POST', `${url}/void`, { version: 2, reason: 'Nhập nhầm học viên' });
    expect(v.statusCode, v.body).toBe(200);
    expect((await figures()).health.periodicChecks).toBe(before.health.periodicChecks);
  });

  it('facility events (a self-management group) and class attendance are corrected; term changes are not', async () => {
    const g = await k.staff.call('POST', `/api/facility-ops/${k.facilityId}/groups`, {
      name: 'Tổ tự quản số 1',
      formedOn: '2024-04-01',
      memberAdmissionIds: [admissionId],
    });
    expect(g.statusCode, g.body).toBe(201);
    const url = `/api/facility-events/${g.json().id}`;
    const badMember = await k.staff.call('PUT', url, {
      version: 1,
      input: { name: 'Tổ tự quản số 2', formedOn: '2024-04-01', memberAdmissionIds: [randomUUID()] },
    });
    expect(badMember.statusCode).toBe(400);
    expect(badMember.body).toContain('input.memberAdmissionIds.0');
    const ok = await k.staff.call('PUT', url, {
      version: 1,
      input: { name: 'Tổ tự quản số 2', formedOn: '2024-04-01', memberAdmissionIds: [admissionId] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.name).toBe('Tổ tự quản số 2');

    const c = await k.staff.call('POST', `/api/facility-ops/${k.facilityId}/classes`, {
      trade: 'May công nghiệp',
      teacher: 'Trần Thị Dạy',
      startsOn: '2024-04-01',
      endsOn: '2024-09-30',
    });
    expect(c.statusCode, c.body).toBe(201);
    const classId = c.json().id;
    const enrol = await k.staff.call('POST', `/api/facility-classes/${classId}/learners`, {
      admissionIds: [admissionId],
      enrolledOn: '2024-04-01',
    });
    expect(enrol.statusCode, enrol.body).toBeLessThan(300);
    const att = await k.staff.call('POST', `/api/facility-classes/${classId}/attendance`, {
      date: '2024-04-02',
      presentAdmissionIds: [],
    });
    expect(att.statusCode, att.body).toBe(201);
    const fixed = await k.staff.call('PUT', `/api/facility-events/${att.json().id}`, {
      version: 1,
      input: { presentAdmissionIds: [admissionId] },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().data.present).toEqual([admissionId]);

    const v = (await k.staff.call('GET', `/api/admissions/${admissionId}`)).json().version;
    const escaped = await k.staff.call('POST', `/api/admissions/${admissionId}/term-changes`, {
      version: v,
      kind: 'escape',
      decidedOn: '2024-06-01',
      decidedBy: 'Giám đốc Nguyễn Văn Giám',
    });
    expect(escaped.statusCode, escaped.body).toBeLessThan(300);
    const term = (
      await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/events?kind=term_change`)
    ).json();
    const r = await k.staff.call('POST', `/api/facility-events/${term.items[0].id}/void`, {
      version: 1,
      reason: 'Không được hủy',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('not_correctable');
  });
});
