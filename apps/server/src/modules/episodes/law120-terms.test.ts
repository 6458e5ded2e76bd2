import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, testBody, type User } from './pathway-test-kit.ts';

// Issue 12, durations: from 01/07/2026 every form of rehab lasts 24 months the first time and 36 months from the
// second (Law 120/2025/QH15, verify), "later rehab" counting earlier rehab of every form; nothing dated from then
// on cites Law 73. Before 2022 acts are history under the 2000 law: recorded with their old basis.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let facilityId: string;

beforeAll(async () => {
  k = await pathwayApp();
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 6 Hà Nội');
});
afterAll(async () => k?.t.close());

const facilityContract = (startDate: string, termMonths: number) => ({
  type: 'voluntary_facility',
  startDate,
  termMonths,
  facilityId,
  contract: { number: 'HĐ-120', signedOn: startDate },
});

const communeRehab = (startDate: string, termMonths: number) => ({
  type: 'voluntary_community',
  startDate,
  termMonths,
  registration: { registeredOn: startDate, provider: 'Tổ cai nghiện cộng đồng phường Ba Đình' },
});

const citations = (res: { json: () => any }) =>
  ((res.json().basis ?? []) as { vi: string }[]).map((b) => b.vi).join(' | ');

describe('rehab terms under Law 120 (from 01/07/2026)', () => {
  it('accepts a first voluntary facility contract of 24 months on 01/12/2026 and refuses 12, citing Law 120', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const short = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      facilityContract('2026-12-01', 12),
    );
    expect(short.statusCode, short.body).toBe(422);
    expect(short.json()).toMatchObject({ rule: 'TERM_OUT_OF_RANGE' });
    expect(citations(short)).toContain('Luật 120/2025/QH15');
    expect(citations(short)).not.toContain('73/2021');
    expect(short.json().messages.vi).toContain('24 tháng đối với lần đầu, 36 tháng từ lần thứ hai');

    const later = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      facilityContract('2026-12-01', 36),
    );
    expect(later.statusCode, later.body).toBe(422); // a first rehab: 24, not 36

    const ok = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      facilityContract('2026-12-01', 24),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ regimeId: 'law120-2026', plannedEnd: '2028-11-30' });
  });

  it('counts an earlier voluntary community rehab as a first rehab had: a later one lasts 36 months', async () => {
    k.setToday('2024-03-01');
    const personId = (await k.person(officer)).id;
    const first = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2024-03-01', 6),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().regimeId).toBe('law73-2022');
    k.setToday('2024-08-31');
    const closed = await officer.call('POST', `/api/episodes/${first.json().id}/close`, {
      version: first.json().version,
      outcome: 'completed',
      endDate: '2024-08-31',
    });
    expect(closed.statusCode, closed.body).toBe(200);

    k.setToday('2026-12-01');
    const asFirst = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2026-12-01', 24),
    );
    expect(asFirst.statusCode, asFirst.body).toBe(422);
    expect(asFirst.json().messages.vi).toContain('đã cai nghiện trước đây');
    const again = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2026-12-01', 36),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ regimeId: 'law120-2026', plannedEnd: '2029-11-30' });
  });

  it('still applies 6–12 months to a contract decided on 30/06/2026 (the day before Law 120)', async () => {
    k.setToday('2026-06-30');
    const personId = (await k.person(officer)).id;
    const old = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      facilityContract('2026-06-30', 24),
    );
    expect(old.statusCode, old.body).toBe(422);
    expect(citations(old)).toContain('Luật 73/2021/QH14');
    const ok = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      facilityContract('2026-06-30', 12),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().regimeId).toBe('two-tier-2025');
  });
});

describe('acts before 2022 (history under the Law on Drug Prevention 2000, amended 2008)', () => {
  it('records a 2015 community rehab with the term of its old decision under the pre-2022 regime', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, communeRehab('2015-03-02', 3));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regimeId: 'pre-2022', plannedEnd: '2015-06-01' });
    // Left unclosed, the old record ended on its planned end: the person is not "in community rehab" today.
    expect(await k.statusOf(personId)).not.toBe('community_rehab');
    const now = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2026-12-01', 24),
    );
    expect(now.statusCode, now.body).toBe(422); // the 2015 rehab makes this a later rehab: 36 months
    expect(now.json().messages.vi).toContain('đã cai nghiện trước đây');
  });

  it('records a 2019 post-rehab decision whose rehab is not on file; its document is not re-issued (422)', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'post_rehab',
      startDate: '2019-05-06',
      decision: { number: '12/QĐ-UBND', date: '2019-05-06', signer: 'Nguyễn Văn Chủ Tịch' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regimeId: 'pre-2022', plannedEnd: '2020-05-05' });
    const doc = await officer.call(
      'GET',
      `/api/episodes/${res.json().id}/documents/post-rehab-decision.docx`,
    );
    expect(doc.statusCode, doc.body).toBe(422);
    expect(doc.json().code).toBe('document_not_applicable');
    // History opens no task (no overdue "end of management" in 2020) and closes none.
    expect(await k.tasksOf(personId)).toEqual([]);
  });

  it('records a positive test of 2015 during a 2015 rehab as history: no relapse task, no open task closed', async () => {
    k.setToday('2026-12-01');
    const police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    const personId = (await k.person(officer)).id;
    const now = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-11-30', 'positive'),
    );
    expect(now.statusCode, now.body).toBe(201);
    const before = (await k.tasksOf(personId)).filter((t) => t.status === 'open').map((t) => t.kind);
    expect(before).toContain('user_management_decision');
    const rehab = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2015-03-02', 3),
    );
    expect(rehab.statusCode, rehab.body).toBe(201);
    const old = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2015-04-01', 'positive'),
    );
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json()).toMatchObject({ positive: true, relapse: true });
    const after = (await k.tasksOf(personId)).filter((t) => t.status === 'open').map((t) => t.kind);
    expect(after).toEqual(before);
  });

  it('refuses user management before 2022 (the measure did not exist) and any act before 01/06/2001', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const um = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'user_management',
      startDate: '2021-06-01',
      decision: { number: '01/QĐ-UBND', date: '2021-06-01', signer: 'Trần Văn Chủ Tịch' },
    });
    expect(um.statusCode, um.body).toBe(422);
    expect(um.json().code).toBe('no_such_measure');
    const tooOld = await officer.call(
      'POST',
      `/api/people/${personId}/episodes`,
      communeRehab('2001-05-31', 6),
    );
    expect(tooOld.statusCode, tooOld.body).toBe(422);
    expect(tooOld.json().code).toBe('no_legal_regime');
  });
});
