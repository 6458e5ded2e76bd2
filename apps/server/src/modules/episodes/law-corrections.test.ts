import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInputs } from '../../platform/documents/document-fixtures.ts';
import { buildDocument } from '../../platform/documents/templates/registry.ts';
import { UNITS } from '../../test/test-app.ts';
import { presentDrugTest } from '../screening/screening.presenter.ts';
import { recomputeCriminalCases } from './criminal-256a.ts';
import { decision, determinationBody, pathwayApp, testBody, type User } from './pathway-test-kit.ts';

// Issue 12, "Corrections": three rules that were wrong in ways that harm the people recorded.
// 1. Criminal Code Art. 256a: completing voluntary rehab puts nobody in the window; quitting does (case d).
// 2. A pending compulsory dossier: only time managed AT A FACILITY counts toward the term (Decree 116 Art. 44).
// 3. Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40): none after voluntary rehab.
// 4. The post-rehab decision mentions electronic monitoring only when a measure applies.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let facilityStaff: User;
let facilityId: string;

beforeAll(async () => {
  k = await pathwayApp();
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 5 Hà Nội');
  facilityStaff = await k.t.userAs('facility_staff', 'facility', facilityId);
});
afterAll(async () => k?.t.close());

const openTasks = async (personId: string, kind: string) =>
  (await k.tasksOf(personId)).filter((t) => t.kind === kind && t.status === 'open');

async function communeRehab(personId: string, start: string, months = 6) {
  const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
    type: 'voluntary_community',
    startDate: start,
    termMonths: months,
    registration: { registeredOn: start, provider: 'Tổ cai nghiện cộng đồng phường Ba Đình' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function close(ep: { id: string; version: number }, outcome: string, endDate: string, as = officer) {
  const res = await as.call('POST', `/api/episodes/${ep.id}/close`, {
    version: ep.version,
    outcome,
    endDate,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

describe('Criminal Code Art. 256a: which case applies, never after COMPLETED voluntary rehab', () => {
  it('does not flag a person who completed voluntary rehab on 10/03/2026 and tests positive on 01/12/2026', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const vc = await communeRehab(personId, '2025-09-11');
    await close(vc, 'completed', '2026-03-10');
    const res = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-12-01', 'positive'),
    );
    expect(res.statusCode, res.body).toBe(201);
    // Before the correction this test was flagged (a completed rehab opened a 2-year window).
    expect(res.json()).toMatchObject({ positive: true, criminalWindow: false, criminalCase: null });
    const tl = (await officer.call('GET', `/api/people/${personId}/timeline`)).json();
    const item = tl.items.find((i: { kind: string }) => i.kind === 'drug_test');
    expect(item.data).toMatchObject({ criminalWindow: false, criminalCase: null });
  });

  it('flags a person who quit substitution therapy on 01/02/2026, naming case (d) with its span and basis', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const therapy = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'substitution_therapy',
      startDate: '2024-05-01',
      clinic: { name: 'Cơ sở điều trị Methadone Ba Đình' },
    });
    expect(therapy.statusCode, therapy.body).toBe(201);
    await close(therapy.json(), 'quit', '2026-02-01', police);
    const res = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-12-01', 'positive'),
    );
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({
      criminalWindow: true,
      criminalCase: {
        case: 'after_quitting',
        point: 'd',
        episodeId: therapy.json().id,
        episodeType: 'substitution_therapy',
        from: '2026-02-02',
        to: '2028-02-01',
      },
    });
    expect(out.criminalCase.label.vi).toContain('tự ý chấm dứt');
    expect(out.criminalCase.label.en).toContain('quitting');
    expect(out.criminalCase.basis[0].vi).toBe('khoản 1 Điều 256a Bộ luật Hình sự');
    // The person page's timeline carries the case for readers of the 'legal' class.
    const tl = (await officer.call('GET', `/api/people/${personId}/timeline`)).json();
    const item = tl.items.find((i: { kind: string }) => i.kind === 'drug_test');
    expect(item.data.criminalCase).toMatchObject({ case: 'after_quitting', point: 'd' });
    // Roles without the 'legal' class get no flag and no case at all (absent, not null).
    const row = await k.t.deps.database.db
      .selectFrom('drug_tests')
      .selectAll()
      .where('id', '=', out.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.criminal_case!)).toMatchObject({ case: 'after_quitting', years: 2 });
    const plain = presentDrugTest(row, new Set(['drug_use']));
    expect('criminalCase' in plain || 'criminalWindow' in plain).toBe(false);
  });

  it('names case (a) during rehab, and nothing after an expulsion from therapy', async () => {
    k.setToday('2026-12-01');
    const inRehab = (await k.person(officer)).id;
    await communeRehab(inRehab, '2026-10-01', 24); // Law 120/2025: 24 months for a first rehab
    const a = await police.call(
      'POST',
      `/api/people/${inRehab}/drug-tests`,
      testBody('2026-11-20', 'positive'),
    );
    expect(a.json().criminalCase).toMatchObject({
      case: 'in_rehab_or_therapy',
      point: 'a',
      to: null, // open until the rehab is closed
    });

    const expelled = (await k.person(officer)).id;
    const therapy = await police.call('POST', `/api/people/${expelled}/episodes`, {
      type: 'substitution_therapy',
      startDate: '2024-05-01',
      clinic: { name: 'Cơ sở điều trị Methadone Ba Đình' },
    });
    await close(therapy.json(), 'expelled', '2026-02-01', police);
    const d = await police.call(
      'POST',
      `/api/people/${expelled}/drug-tests`,
      testBody('2026-12-01', 'positive'),
    );
    expect(d.json()).toMatchObject({ criminalWindow: false, criminalCase: null });
  });
});

describe('a positive test at intake shows use before the rehab began', () => {
  it('is not case (a) of the rehab being entered; it is judged by the day before', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    await communeRehab(personId, '2026-11-20', 24);
    const intake = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-11-20', 'positive', 'intake'),
    );
    expect(intake.statusCode, intake.body).toBe(201);
    expect(intake.json()).toMatchObject({ criminalWindow: false, criminalCase: null });
    const later = await police.call(
      'POST',
      `/api/people/${personId}/drug-tests`,
      testBody('2026-11-21', 'positive'),
    );
    expect(later.json().criminalCase).toMatchObject({ case: 'in_rehab_or_therapy' });
  });
});

describe('migration 0023: flags stored by the old rule are recomputed', () => {
  it('clears the flag of a person who completed voluntary rehab and names the case of one who quit', async () => {
    k.setToday('2026-12-01');
    const completed = (await k.person(officer)).id;
    await close(await communeRehab(completed, '2025-09-11'), 'completed', '2026-03-10');
    const quitter = (await k.person(officer)).id;
    await close(await communeRehab(quitter, '2025-09-11'), 'quit', '2026-01-15');
    const ids: string[] = [];
    for (const personId of [completed, quitter]) {
      const res = await police.call(
        'POST',
        `/api/people/${personId}/drug-tests`,
        testBody('2026-11-30', 'positive'),
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const db = k.t.deps.database.db;
    // As the pre-12/2026 rule stored them: both flagged, no case.
    await db
      .updateTable('drug_tests')
      .set({ criminal_window: 1, criminal_case: null })
      .where('id', 'in', ids)
      .execute();
    expect(await recomputeCriminalCases(db)).toBeGreaterThanOrEqual(2);
    const rows = await db.selectFrom('drug_tests').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0])).toMatchObject({ criminal_window: 0, criminal_case: null });
    expect(byId.get(ids[1])).toMatchObject({ criminal_window: 1 });
    expect(JSON.parse(byId.get(ids[1])!.criminal_case!)).toMatchObject({
      case: 'after_quitting',
      from: '2026-01-16',
    });
    expect(await recomputeCriminalCases(db)).toBe(0); // nothing left to change
  });
});

describe('pending compulsory dossier: only time managed at a facility counts toward the term', () => {
  async function pendingThenOrder(place: 'family' | 'facility') {
    k.setToday('2026-08-01');
    const personId = (await k.person(officer)).id;
    const det = await police.call(
      'POST',
      `/api/people/${personId}/addiction-determinations`,
      determinationBody('2026-07-25', '2026-06-01'),
    );
    expect(det.statusCode, det.body).toBe(201);
    const pending = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'compulsory_pending',
      startDate: '2026-08-01',
      place,
      grounds: ['not_registered_voluntary'],
      ...(place === 'family'
        ? { familyCommitment: { committedBy: 'Nguyễn Thị Mẹ', relation: 'Mẹ', signedOn: '2026-08-01' } }
        : { facilityId }),
    });
    expect(pending.statusCode, pending.body).toBe(201);
    k.setToday('2026-10-01');
    const order = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'compulsory',
      startDate: '2026-10-01',
      termMonths: 24,
      facilityId,
      grounds: ['not_registered_voluntary'],
      court: {
        name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
        decisionNumber: `${place === 'family' ? 41 : 42}/2026/QĐ-TA`,
        decisionDate: '2026-09-28',
      },
    });
    expect(order.statusCode, order.body).toBe(201);
    return { personId, order: order.json() };
  }

  it('managed at the family (Form 35): the release date runs from the order start', async () => {
    const { order } = await pendingThenOrder('family');
    // Before the correction: termStart 2026-08-01, planned release 2028-07-31 for both.
    expect(order).toMatchObject({ termStart: '2026-10-01', plannedEnd: '2028-09-30' });
  });

  it('managed at a facility: the release date runs from the pending start', async () => {
    const { personId, order } = await pendingThenOrder('facility');
    expect(order).toMatchObject({ termStart: '2026-08-01', plannedEnd: '2028-07-31' });

    // Completing this compulsory rehab opens the post-rehab decision task, and the decision is accepted.
    k.setToday('2028-07-31');
    await close(order, 'completed', '2028-07-31', facilityStaff);
    expect(await openTasks(personId, 'post_rehab_decision')).toHaveLength(1);
    k.setToday('2028-08-03');
    const post = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'post_rehab',
      startDate: '2028-08-03',
      decision: decision('2028-08-03', '77/QĐ-UBND'),
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json()).toMatchObject({ termStart: '2028-08-01' });
    expect(await openTasks(personId, 'post_rehab_decision')).toEqual([]);
  });
});

describe('post-rehab management follows compulsory rehab only', () => {
  it('opens no post-rehab task after voluntary rehab and refuses the decision with the reason and basis', async () => {
    k.setToday('2026-12-01');
    const personId = (await k.person(officer)).id;
    const vc = await communeRehab(personId, '2025-09-11');
    await close(vc, 'completed', '2026-03-10');
    expect(await openTasks(personId, 'post_rehab_decision')).toEqual([]);
    const res = await officer.call('POST', `/api/people/${personId}/episodes`, {
      type: 'post_rehab',
      startDate: '2026-03-12',
      decision: decision('2026-03-12', '12/QĐ-UBND'),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'post_rehab_requires_compulsory',
      rule: 'POST_REHAB_REQUIRES_COMPULSORY',
    });
    expect(body.messages.vi).toContain('cai nghiện bắt buộc');
    expect(body.messages.en).toContain('voluntary rehab');
    expect(body.basis.length).toBeGreaterThan(0);
    expect(await k.statusOf(personId)).toBe('completed');
  });
});

describe('post-rehab decision: electronic monitoring only when a measure applies', () => {
  const texts = (doc: ReturnType<typeof buildDocument>) =>
    doc.body
      .map((b) =>
        b.type === 'paragraph' || b.type === 'article'
          ? typeof b.content === 'string'
            ? b.content
            : b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('')
          : '',
      )
      .join('\n');

  it('says nothing about monitoring by default, and names the measure when one is given', () => {
    const input = sampleInputs('2026-12-01')['post-rehab-decision'];
    const plain = texts(buildDocument('post-rehab-decision', input));
    expect(plain).not.toContain('giám sát điện tử');
    expect(plain).toContain('Điều 256a');
    const monitored = texts(
      buildDocument('post-rehab-decision', {
        ...input,
        electronicMonitoring: { decisionNumber: '03/QĐ-CAX', date: '2026-11-25' },
      }),
    );
    expect(monitored).toContain('giám sát điện tử theo Quyết định số 03/QĐ-CAX ngày 25/11/2026');
    expect(() =>
      buildDocument('post-rehab-decision', {
        ...input,
        electronicMonitoring: { decisionNumber: ' ', date: '2026-11-25' },
      }),
    ).toThrow(/electronicMonitoring/);
  });
});
