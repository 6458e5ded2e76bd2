import { dossierRulesOn } from '@hoanhap/domain/dossier-rules';
import { periodRange } from '@hoanhap/domain/reporting-periods';
import { expect } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// Test support (not a test file): the Ba Vì commune figures of DOMAIN.md §1, scaled down and built through the
// API in Phường Ba Đình for the 9-month report of 2025 (15/12/2024–14/09/2025): 3 dossiers for 4 people sent to
// court (Ba Vì 31 for 32), 2 people into voluntary facility rehab (21), 2 post-rehab decisions for 3 people (58
// for 62), all 3 with an assigned manager (100%), 1 of them met in the period, 2 methadone patients at the end.

/** The scenario in a commune (default Phường Ba Đình; an area test runs it in a commune of the old Ba Vì). */
export async function baViScenario(communeCode: string = UNITS.baDinh) {
  const k = await pathwayApp();

  const PERIOD = periodRange('nine_months', 2025, 1);
  const q = (unit: string) => `unit=${unit}&from=${PERIOD.from}&to=${PERIOD.to}`;

  const ids = {
    dossiers: [] as string[],
    dossierPeople: [] as string[],
    voluntary: [] as string[],
    postRehab: [] as string[],
    methadone: [] as string[],
    counselled: [] as string[],
    determined: [] as string[],
  };

  const ok = (res: { statusCode: number; body: string }, code = 200) => {
    expect(res.statusCode, res.body).toBe(code);
    return JSON.parse(res.body);
  };

  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
  async function upload(dossierId: string, personId: string, kind: string) {
    const boundary = 'hnboundary1234';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await k.t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${dossierId}/documents?personId=${personId}&kind=${kind}`,
      headers: { ...police.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // The documents the checklist in force on the preparation day (below) requires of each person.
  const REQUIRED = dossierRulesOn('2025-08-01')
    .checklist.items.filter((i) => i.required)
    .map((i) => i.kind);

  async function addict(assessedOn: string, over: Record<string, unknown> = {}) {
    const p = await k.person(officer, { currentAddress: { communeCode, detail: 'Tổ 1' }, ...over });
    ok(
      await police.call(
        'POST',
        `/api/people/${p.id}/addiction-determinations`,
        determinationBody(assessedOn, assessedOn < '2024-01-01' ? '2023-06-01' : '2024-01-01'),
      ),
      201,
    );
    ids.determined.push(p.id);
    return p.id;
  }

  async function sendToCourt(personIds: string[], submittedOn: string) {
    const post = async (id: string, step: string, body: Record<string, unknown>) =>
      ok(await police.call('POST', `/api/dossiers/${id}/${step}`, body));
    let d = ok(
      await police.call('POST', '/api/dossiers', {
        preparedOn: '2025-08-01',
        persons: personIds.map((personId) => ({ personId, ground: 'not_registered_voluntary' })),
      }),
      201,
    );
    for (const p of personIds) for (const kind of REQUIRED) await upload(d.id, p, kind);
    d = await post(d.id, 'notify', { version: d.version, notifiedOn: '2025-08-04' });
    d = await post(d.id, 'close-reading', { version: d.version, closedOn: '2025-08-12' });
    d = await post(d.id, 'submit', {
      version: d.version,
      submittedOn,
      courtName: 'Tòa án nhân dân khu vực 1 - Hà Nội',
    });
    return d.id as string;
  }

  k.setToday('2025-09-20');
  const officer = await k.t.userAs('commune_officer', 'commune', communeCode);
  const police = await k.t.userAs('commune_police', 'commune', communeCode);
  const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  const nation = await k.t.userAs('national_officer', 'nation', null);
  const otherOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  const facilityId = await k.facility('Cơ sở cai nghiện ma túy số 1 Hà Nội');

  // Dossiers sent to court: one naming two people, two naming one each; a fourth stays a draft (not counted).
  const a = [await addict('2025-07-20'), await addict('2025-07-20', { sex: 'female' })];
  const b = await addict('2025-07-20');
  const c = await addict('2025-07-20');
  ids.dossiers.push(
    await sendToCourt(a, '2025-08-12'),
    await sendToCourt([b], '2025-08-13'),
    await sendToCourt([c], '2025-08-14'),
  );
  ids.dossierPeople.push(...a, b, c);
  const draft = await addict('2025-07-20');
  ok(
    await police.call('POST', '/api/dossiers', {
      preparedOn: '2025-08-01',
      persons: [{ personId: draft, ground: 'not_registered_voluntary' }],
    }),
    201,
  );

  // Voluntary facility rehab: two people persuaded in the period.
  for (const start of ['2025-03-02', '2025-06-10']) {
    const id = await addict('2025-03-01');
    ok(
      await officer.call('POST', `/api/people/${id}/episodes`, {
        type: 'voluntary_facility',
        startDate: start,
        termMonths: 6,
        facilityId,
        contract: { number: `HĐ-${start}`, signedOn: start },
      }),
      201,
    );
    ids.voluntary.push(id);
  }

  // Post-rehab management: compulsory rehab (the only one post-rehab management follows, Art. 40 Law 73/2021)
  // completed in 2024, decisions in the period — 05/QĐ-UBND names two people.
  for (const [n, number] of [
    [1, '05/QĐ-UBND'],
    [2, '05/QĐ-UBND'],
    [3, '06/QĐ-UBND'],
  ] as const) {
    const id = await addict('2023-10-20');
    const rehab = ok(
      await police.call('POST', `/api/people/${id}/episodes`, {
        type: 'compulsory',
        startDate: '2023-12-01',
        termMonths: 12,
        facilityId,
        grounds: ['not_registered_voluntary'],
        court: {
          name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
          decisionNumber: `${n}/2023/QĐ-TA`,
          decisionDate: '2023-11-28',
        },
      }),
      201,
    );
    ok(
      await officer.call('POST', `/api/episodes/${rehab.id}/close`, {
        version: rehab.version,
        outcome: 'completed',
        endDate: rehab.plannedEnd,
      }),
    );
    const post = ok(
      await officer.call('POST', `/api/people/${id}/episodes`, {
        type: 'post_rehab',
        startDate: `2025-01-1${n}`,
        decision: decision('2025-01-10', number),
        managerIds: [officer.userId],
      }),
      201,
    );
    // The first is met by their manager in the period (supported in relapse prevention).
    if (n === 1)
      ok(
        await officer.call('POST', `/api/episodes/${post.id}/contacts`, {
          contactDate: '2025-03-01',
          method: 'visit',
          summary: 'Thăm hỏi, tư vấn phòng ngừa tái nghiện',
        }),
        201,
      );
    ids.postRehab.push(id);
  }

  // Methadone: one since 2024, one started in the period, one who stopped before the end (not counted).
  for (const [start, stop] of [
    ['2024-10-01', null],
    ['2025-04-01', null],
    ['2025-01-05', '2025-05-01'],
  ] as const) {
    const id = await addict('2024-09-01');
    const ep = ok(
      await officer.call('POST', `/api/people/${id}/episodes`, {
        type: 'substitution_therapy',
        startDate: start,
        clinic: { name: 'Cơ sở điều trị methadone Ba Đình' },
      }),
      201,
    );
    if (stop)
      ok(
        await officer.call('POST', `/api/episodes/${ep.id}/close`, {
          version: ep.version,
          outcome: 'quit',
          endDate: stop,
        }),
      );
    else ids.methadone.push(id);
  }

  // Counselling: two of the addicts in the period.
  ids.counselled.push(ids.dossierPeople[0], ids.voluntary[0]);
  ok(
    await officer.call('POST', '/api/counselling-sessions', {
      kind: 'group',
      heldOn: '2025-05-05',
      topic: 'Tư vấn điều trị nghiện',
      counsellor: 'Cán bộ Phạm Thị Hoa',
      personIds: ids.counselled,
    }),
    201,
  );
  return {
    k,
    officer,
    police,
    province,
    nation,
    otherOfficer,
    facilityId,
    PERIOD,
    q,
    ids,
    ok,
    addict,
    sendToCourt,
  };
}

export type Scenario = Awaited<ReturnType<typeof baViScenario>>;
export type { User };
