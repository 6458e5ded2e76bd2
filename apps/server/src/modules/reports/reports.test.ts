import { periodRange } from '@hoanhap/domain/reporting-periods';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { UNITS } from '../../test/test-app.ts';
import { decision, determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// The Ba Vì commune figures of DOMAIN.md §1, scaled down and built through the API in Phường Ba Đình for the
// 9-month report of 2025 (15/12/2024–14/09/2025): 3 dossiers for 4 people sent to court (Ba Vì 31 for 32),
// 2 people into voluntary facility rehab (21), 2 post-rehab decisions for 3 people (58 for 62), all 3 with an
// assigned manager (100%), 2 methadone patients at the end of the period (218).

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let province: User;
let nation: User;
let otherOfficer: User;
let facilityId: string;
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
const REQUIRED = [
  'violation_record',
  'personal_history',
  'addiction_result',
  'ground_proof',
  'statement',
  'notification_proof',
];

async function addict(assessedOn: string, over: Record<string, unknown> = {}) {
  const p = await k.person(officer, over);
  ok(
    await police.call(
      'POST',
      `/api/people/${p.id}/addiction-determinations`,
      determinationBody(assessedOn, '2024-01-01'),
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

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2025-09-20');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
  nation = await k.t.userAs('national_officer', 'nation', null);
  otherOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  facilityId = await k.facility('Cơ sở cai nghiện ma túy số 1 Hà Nội');

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

  // Post-rehab management: rehab completed in 2024, decisions in the period — 05/QĐ-UBND names two people.
  for (const [n, number] of [
    [1, '05/QĐ-UBND'],
    [2, '05/QĐ-UBND'],
    [3, '06/QĐ-UBND'],
  ] as const) {
    const id = await addict('2024-05-20');
    const rehab = ok(
      await officer.call('POST', `/api/people/${id}/episodes`, {
        type: 'voluntary_facility',
        startDate: '2024-06-01',
        termMonths: 6,
        facilityId,
        contract: { signedOn: '2024-06-01' },
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
    ok(
      await officer.call('POST', `/api/people/${id}/episodes`, {
        type: 'post_rehab',
        startDate: `2025-01-1${n}`,
        decision: decision('2025-01-10', number),
        managerIds: [officer.userId],
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
}, 240_000);
afterAll(async () => k?.t.close());

const sorted = (xs: (string | null)[]) => [...xs].sort();

describe('the catalogue', () => {
  it('lists the shipped indicators with their blocks, computable or pending', async () => {
    const body = ok(await officer.call('GET', '/api/indicators'));
    const byId = new Map(body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('dossiers_sent_to_court')).toMatchObject({ computable: true, kind: 'count' });
    expect(byId.get('drug_free_communes_share')).toMatchObject({ computable: false, target: { value: 50 } });
    expect(byId.get('addicts_counselled_share')).toMatchObject({
      kind: 'ratio',
      target: { op: 'gte', value: 80 },
    });
    expect(body.blocks.find((b: { id: string }) => b.id === 'drug_free_communes').pending).toBe(true);
  });

  it('lets a national administrator add an indicator from the blocks; 400 naming the field; 403 otherwise', async () => {
    const def = {
      id: 'user_management_people',
      vi: 'Số người có quyết định quản lý người sử dụng',
      en: 'People with a user-management decision',
      kind: 'count',
      numerator: { block: 'people_with_decision', params: { type: 'user_management' } },
      disaggregations: ['sex', 'unit'],
      source: { vi: 'Quản trị viên', en: 'Administrator' },
    };
    expect((await officer.call('POST', '/api/indicators', def)).statusCode).toBe(403);
    const bad = await nation.call('POST', '/api/indicators', {
      ...def,
      numerator: { block: 'no_such_block' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('numerator.block');
    const badParam = await nation.call('POST', '/api/indicators', {
      ...def,
      numerator: { block: 'people_with_decision', params: { type: 'holiday' } },
    });
    expect(badParam.statusCode).toBe(400);
    expect(badParam.json().errors[0].field).toBe('numerator.params.type');
    const noDen = await nation.call('POST', '/api/indicators', { ...def, kind: 'ratio' });
    expect(noDen.json().errors[0].field).toBe('denominator');
    ok(await nation.call('POST', '/api/indicators', def), 201);
    expect((await nation.call('POST', '/api/indicators', def)).statusCode).toBe(409);
    const v = ok(
      await officer.call('GET', `/api/indicators/user_management_people/value?${q(UNITS.baDinh)}`),
    );
    expect(v.figure.value).toBe(0);
  });
});

describe('figures and drill-down', () => {
  const value = async (id: string, unit = UNITS.baDinh, u = officer) =>
    ok(await u.call('GET', `/api/indicators/${id}/value?${q(unit)}`)).figure;
  const records = async (id: string, part = 'numerator', unit = UNITS.baDinh) =>
    ok(await officer.call('GET', `/api/indicators/${id}/records?${q(unit)}&part=${part}`)).items as {
      recordId: string;
      personId: string | null;
    }[];

  it('reproduces the commune figures, and each drill-down lists exactly their records', async () => {
    expect((await value('dossiers_sent_to_court')).value).toBe(3);
    expect(sorted((await records('dossiers_sent_to_court')).map((r) => r.recordId))).toEqual(
      sorted(ids.dossiers),
    );
    expect((await value('people_sent_to_court')).value).toBe(4);
    expect(sorted((await records('people_sent_to_court')).map((r) => r.personId))).toEqual(
      sorted(ids.dossierPeople),
    );

    expect((await value('voluntary_facility_admissions')).value).toBe(2);
    expect(sorted((await records('voluntary_facility_admissions')).map((r) => r.personId))).toEqual(
      sorted(ids.voluntary),
    );

    expect((await value('post_rehab_decisions')).value).toBe(2);
    const decisions = await records('post_rehab_decisions');
    expect(new Set(decisions.map((r) => r.recordId)).size).toBe(2);
    expect(sorted(decisions.map((r) => r.personId))).toEqual(sorted(ids.postRehab));
    expect((await value('post_rehab_people')).value).toBe(3);
    expect(await value('post_rehab_with_manager_share')).toMatchObject({
      value: 100,
      numerator: 3,
      denominator: 3,
      meetsTarget: true,
    });

    expect((await value('methadone_patients')).value).toBe(2);
    expect(sorted((await records('methadone_patients')).map((r) => r.personId))).toEqual(
      sorted(ids.methadone),
    );

    const share = await value('addicts_counselled_share');
    expect(share).toMatchObject({ numerator: 2, denominator: ids.determined.length, meetsTarget: false });
    expect(sorted((await records('addicts_counselled_share')).map((r) => r.personId))).toEqual(
      sorted(ids.counselled),
    );
    expect(sorted((await records('addicts_counselled_share', 'denominator')).map((r) => r.personId))).toEqual(
      sorted(ids.determined),
    );
  });

  it('audits a drill-down as a read of those people', async () => {
    await records('people_sent_to_court');
    const rows = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'people.read')
      .where('reason', '=', 'indicator people_sent_to_court')
      .execute();
    expect(new Set(rows.map((r) => r.entity_id))).toEqual(new Set(ids.dossierPeople));
  });

  it('gives null ("—") for a ratio with an empty denominator, and sums communes at the province', async () => {
    const empty = await value('post_rehab_with_manager_share', UNITS.ngocHa, province);
    expect(empty).toMatchObject({ value: null, numerator: 0, denominator: 0, meetsTarget: null });
    expect((await value('dossiers_sent_to_court', UNITS.hanoi, province)).value).toBe(3);
    const byCommune = ok(
      await province.call('GET', `/api/indicators/people_sent_to_court/value?${q(UNITS.hanoi)}&by=unit`),
    );
    expect(byCommune.groups).toEqual([{ key: UNITS.baDinh, value: 4, numerator: 4, denominator: null }]);
    const bySex = ok(
      await officer.call('GET', `/api/indicators/people_sent_to_court/value?${q(UNITS.baDinh)}&by=sex`),
    );
    expect(bySex.groups.map((g: { key: string; value: number }) => [g.key, g.value])).toEqual([
      ['female', 1],
      ['male', 3],
    ]);
    expect((await value('drug_free_communes_share', UNITS.hanoi, province)).pending).toBe(true);
  });

  it('keeps figures within the viewer’s scope', async () => {
    expect(
      (await otherOfficer.call('GET', `/api/indicators/dossiers_sent_to_court/value?${q(UNITS.baDinh)}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await otherOfficer.call('GET', `/api/indicators/people_sent_to_court/records?${q(UNITS.baDinh)}`))
        .statusCode,
    ).toBe(403);
    const other = await k.t.userAs('province_officer', 'province', UNITS.quangNinh);
    expect((await other.call('GET', `/api/dashboard?${q(UNITS.hanoi)}`)).statusCode).toBe(403);
  });
});

describe('periodic reports', () => {
  let report: { id: string; version: number };

  it('creates the commune report with the narrative; submission; return; approval; 409 on a stale version', async () => {
    report = ok(
      await officer.call('POST', '/api/reports', {
        periodKind: 'nine_months',
        year: 2025,
        narrative: {
          difficulties: 'Thiếu cán bộ chuyên trách.',
          directions: 'Tăng cường tư vấn tại cộng đồng.',
        },
      }),
      201,
    );
    expect(report).toMatchObject({ from: '2024-12-15', to: '2025-09-14', status: 'draft', frozen: false });
    const fig = (r: { figures: { indicatorId: string; value: number | null }[] }, id: string) =>
      r.figures.find((f) => f.indicatorId === id)?.value;
    expect(fig(report as never, 'dossiers_sent_to_court')).toBe(3);
    expect(fig(report as never, 'people_sent_to_court')).toBe(4);
    expect(fig(report as never, 'relapse_rate')).toBe(0);
    expect(fig(report as never, 'drug_free_communes_share')).toBeNull();
    expect(
      (await officer.call('POST', '/api/reports', { periodKind: 'nine_months', year: 2025 })).statusCode,
    ).toBe(409);

    report = ok(await officer.call('POST', `/api/reports/${report.id}/submit`, { version: report.version }));
    expect(
      ok(await officer.call('POST', `/api/reports/${report.id}/submit`, { version: 1 }).then((r) => r), 409),
    );
    expect((await otherOfficer.call('GET', `/api/reports/${report.id}`)).statusCode).toBe(404);
    report = ok(
      await province.call('POST', `/api/reports/${report.id}/return`, {
        version: report.version,
        comment: 'Bổ sung số liệu tư vấn.',
      }),
    );
    expect(report).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu tư vấn.' });
    report = ok(
      await officer.call('PUT', `/api/reports/${report.id}`, {
        version: report.version,
        narrative: {
          difficulties: 'Thiếu cán bộ chuyên trách.',
          directions: 'Tăng cường tư vấn tại cộng đồng.',
        },
      }),
    );
    report = ok(await officer.call('POST', `/api/reports/${report.id}/submit`, { version: report.version }));
    expect(
      (await officer.call('POST', `/api/reports/${report.id}/approve`, { version: report.version }))
        .statusCode,
    ).toBe(403);
    report = ok(
      await province.call('POST', `/api/reports/${report.id}/approve`, { version: report.version }),
    );
    expect(report).toMatchObject({ status: 'approved', frozen: true, differences: [] });
  });

  it('keeps approved figures frozen after records change, and shows the difference', async () => {
    const late = await addict('2025-07-20');
    const extra = await sendToCourt([late], '2025-08-20');
    const r = ok(await province.call('GET', `/api/reports/${report.id}`));
    expect(
      r.figures.find((f: { indicatorId: string }) => f.indicatorId === 'dossiers_sent_to_court').value,
    ).toBe(3);
    expect(
      r.currentFigures.find((f: { indicatorId: string }) => f.indicatorId === 'dossiers_sent_to_court').value,
    ).toBe(4);
    expect(r.differences).toEqual(
      expect.arrayContaining([
        { indicatorId: 'dossiers_sent_to_court', frozen: 3, current: 4 },
        { indicatorId: 'people_sent_to_court', frozen: 4, current: 5 },
      ]),
    );
    ids.dossiers.push(extra);
  });

  it('shows the nation and the province which units have reported', async () => {
    const nat = ok(await nation.call('GET', '/api/reports/submissions?periodKind=nine_months&year=2025'));
    expect(nat.items.find((i: { code: string }) => i.code === UNITS.hanoi)).toMatchObject({
      status: 'not_started',
      unitsSubmitted: 1,
      unitsApproved: 1,
    });
    const prov = ok(await province.call('GET', '/api/reports/submissions?periodKind=nine_months&year=2025'));
    expect(prov.items.find((i: { code: string }) => i.code === UNITS.baDinh)).toMatchObject({
      status: 'approved',
    });
    expect(prov.items.find((i: { code: string }) => i.code === UNITS.ngocHa)).toMatchObject({
      status: 'not_started',
    });
  });

  it('builds a province report that sums its communes, with a table per commune', async () => {
    const p = ok(await province.call('POST', '/api/reports', { periodKind: 'nine_months', year: 2025 }), 201);
    expect(
      p.figures.find((f: { indicatorId: string }) => f.indicatorId === 'dossiers_sent_to_court').value,
    ).toBe(4);
    const baDinh = p.children.find((c: { code: string }) => c.code === UNITS.baDinh);
    expect(
      baDinh.values.find((v: { indicatorId: string }) => v.indicatorId === 'dossiers_sent_to_court').value,
    ).toBe(4);
  });

  it('exports Excel with numbers as numbers and Vietnamese headers', async () => {
    const res = await officer.call('GET', `/api/reports/${report.id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Mã chỉ tiêu',
      'Chỉ tiêu',
      'Loại',
      'Tử số',
      'Mẫu số',
      'Giá trị',
      'Mục tiêu',
      'Đạt mục tiêu',
    ]);
    const rowOf = (id: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === id) found = row;
      });
      return found!;
    };
    expect(rowOf('dossiers_sent_to_court').getCell(7).value).toBe(3);
    expect(rowOf('people_sent_to_court').getCell(7).value).toBe(4);
    expect(rowOf('post_rehab_with_manager_share').getCell(7).value).toBe(100);
    expect(rowOf('drug_free_communes_share').getCell(7).value).toBe('—');
    expect(wb.getWorksheet('Thuyết minh')!.getRow(3).getCell(2).value).toBe('Thiếu cán bộ chuyên trách.');
    const diff: unknown[][] = [];
    wb.getWorksheet('Chênh lệch')!.eachRow((row) => {
      diff.push((row.values as unknown[]).slice(1));
    });
    expect(diff[0]).toEqual(['Mã chỉ tiêu', 'Số liệu đã chốt', 'Số liệu hiện tại']);
    expect(diff).toContainEqual(['dossiers_sent_to_court', 3, 4]);
  });

  it('exports the official PDF and DOCX, CSV, JSON and ADX', async () => {
    const pdf = await officer.call('GET', `/api/reports/${report.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('KHÓ KHĂN, VƯỚNG MẮC');
    expect(text).toContain('Thiếu cán bộ chuyên trách.');
    expect(text).toContain('Người trong hồ sơ chuyển Tòa án4');
    const docx = await officer.call('GET', `/api/reports/${report.id}/export?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = (await officer.call('GET', `/api/reports/${report.id}/export?format=csv`)).body;
    expect(csv).toContain(`${UNITS.baDinh},2024-12-15,2025-09-14,dossiers_sent_to_court,`);
    expect(csv).toMatch(/dossiers_sent_to_court,[^\r\n]*,count,3,,3,0/);
    const json = ok(await officer.call('GET', `/api/reports/${report.id}/export?format=json`));
    expect(json.status).toBe('approved');
    const adx = (await officer.call('GET', `/api/reports/${report.id}/export?format=adx`)).body;
    expect(adx).toContain(`orgUnit="${UNITS.baDinh}" period="2024-12-15/P9M"`);
    expect(adx).toContain('<dataValue dataElement="dossiers_sent_to_court" value="3"/>');
    expect(adx).not.toContain('dataElement="drug_free_communes_share"');
  });
});
