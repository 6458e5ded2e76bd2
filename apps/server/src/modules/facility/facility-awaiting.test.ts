import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// What the web pages of the facility need beyond the core walk: the list of people placed at the facility
// and not yet admitted (contract, court order, pending management), and the correction of the
// no-known-residence flag before the notice to the commune.

let k: Kit;
let otherStaff: User;
const TODAY = '2024-06-30';

beforeAll(async () => {
  k = await facilityKit(TODAY);
  otherStaff = await k.t.userAs('facility_staff', 'facility', await k.facility('Cơ sở số 2'));
});
afterAll(async () => k?.t.close());

describe('awaiting admission', () => {
  const url = () => `/api/facility-ops/${k.facilityId}/awaiting`;

  it('401, 403 for other roles and other facilities, 404 for an unknown facility', async () => {
    expect((await k.t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await k.officer.call('GET', url())).statusCode).toBe(403);
    expect((await otherStaff.call('GET', url())).statusCode).toBe(403);
    expect((await k.staff.call('GET', `/api/facility-ops/${randomUUID()}/awaiting`)).statusCode).toBe(404);
  });

  it('lists each basis until the person is admitted; a court order after pending management is not listed again', async () => {
    const vol = await k.voluntary('2024-06-01');
    const comp = await k.compulsory('2024-06-02', 12);
    const pend = await k.pending('2024-06-03');
    const res = await k.medical.call('GET', url());
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { episodeId: string; episodeType: string; fullName: string }[];
    expect(items.map((i) => [i.episodeId, i.episodeType])).toEqual([
      [vol.episodeId, 'voluntary_facility'],
      [comp.episodeId, 'compulsory'],
      [pend.episodeId, 'compulsory_pending'],
    ]);
    expect(items[0].fullName).toBeTruthy();
    expect(res.json().items[0]).toMatchObject({ startDate: '2024-06-01', plannedEnd: '2024-11-30' });

    await k.admit(vol.episodeId, '2024-06-01');
    await k.admit(pend.episodeId, '2024-06-03');
    const order = await k.police.call(
      'POST',
      `/api/people/${pend.personId}/episodes`,
      k.courtOrder('2024-06-20', 12),
    );
    expect(order.statusCode, order.body).toBe(201);
    const after = (await k.staff.call('GET', url())).json().items as { episodeId: string }[];
    expect(after.map((i) => i.episodeId)).toEqual([comp.episodeId]);
  });
});

describe('no known residence', () => {
  it('400, 401, 403, 404, 409 stale; set and cleared; refused once the notice is sent; audited', async () => {
    const v = await k.voluntary('2024-01-02', 6);
    const a = await k.admit(v.episodeId, '2024-01-02');
    const url = `/api/admissions/${a.id}/residence`;
    expect((await k.staff.call('PUT', url, { version: a.version })).statusCode).toBe(400);
    expect(
      (await k.t.app.inject({ method: 'PUT', url, payload: { version: a.version, noKnownResidence: true } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await k.officer.call('PUT', url, { version: a.version, noKnownResidence: true })).statusCode,
    ).toBe(403);
    expect(
      (await otherStaff.call('PUT', url, { version: a.version, noKnownResidence: true })).statusCode,
    ).toBe(404);
    expect((await k.staff.call('PUT', url, { version: 99, noKnownResidence: true })).statusCode).toBe(409);
    const set = await k.staff.call('PUT', url, { version: a.version, noKnownResidence: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ noKnownResidence: true, version: a.version + 1 });
    const board = (await k.staff.call('GET', `/api/facility-ops/${k.facilityId}/residents`)).json();
    expect(board.residents.find((r: { admissionId: string }) => r.admissionId === a.id)).toMatchObject({
      noKnownResidence: true,
    });
    const cleared = await k.staff.call('PUT', url, { version: a.version + 1, noKnownResidence: false });
    expect(cleared.json()).toMatchObject({ noKnownResidence: false });

    let version = await k.throughStages(a.id, cleared.json().version, '2024-01-10');
    const notice = await k.staff.call(
      'POST',
      `/api/admissions/${a.id}/release-notice`,
      k.noticeBody(version, '2024-06-20'),
    );
    expect(notice.statusCode, notice.body).toBe(200);
    version = notice.json().version;
    const late = await k.staff.call('PUT', url, { version, noKnownResidence: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('notice_sent');

    const audit = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', a.id)
      .where('action', '=', 'facility.residence')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
