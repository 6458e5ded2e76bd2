import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { UNITS } from '../../test/test-app.ts';
import { baViScenario, type Scenario, type User } from './ba-vi-scenario.ts';

// Indicators, drill-down, periodic reports and exports over the scaled Ba Vì scenario (ba-vi-scenario.ts).

let s: Scenario;
let k: Scenario['k'];
let officer: User;
let province: User;
let nation: User;
let otherOfficer: User;
let ids: Scenario['ids'];
let q: Scenario['q'];
let ok: Scenario['ok'];
let addict: Scenario['addict'];
let sendToCourt: Scenario['sendToCourt'];

beforeAll(async () => {
  s = await baViScenario();
  ({ k, officer, province, nation, otherOfficer, ids, q, ok, addict, sendToCourt } = s);
}, 240_000);
afterAll(async () => k?.t.close());

const sorted = (xs: (string | null)[]) => [...xs].sort();

describe('the catalogue', () => {
  it('lists the shipped indicators with their blocks, computable or pending', async () => {
    const body = ok(await officer.call('GET', '/api/indicators'));
    const byId = new Map(body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('dossiers_sent_to_court')).toMatchObject({ computable: true, kind: 'count' });
    expect(byId.get('drug_free_communes_share')).toMatchObject({ computable: true, target: { value: 50 } });
    expect(byId.get('addicts_counselled_share')).toMatchObject({
      kind: 'ratio',
      target: { op: 'gte', value: 80 },
    });
    expect(body.blocks.find((b: { id: string }) => b.id === 'drug_free_communes').pending).toBe(false);
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
    expect(await value('post_rehab_supported_share')).toMatchObject({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      meetsTarget: false,
    });
    expect((await records('post_rehab_supported_share')).map((r) => r.personId)).toEqual([ids.postRehab[0]]);

    expect((await value('methadone_patients')).value).toBe(2);
    const trend = ok(
      await officer.call('GET', '/api/indicators/dossiers_sent_to_court/trend?periodKind=quarter&year=2025'),
    );
    expect(trend.points.map((p: { value: number }) => p.value)).toEqual([0, 0, 3, 0]);
    expect(trend.points[2]).toMatchObject({ from: '2025-06-15', to: '2025-09-14' });
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
    // No commune recognised drug-free yet: 0 of the province's communes, a value (not pending).
    expect(await value('drug_free_communes_share', UNITS.hanoi, province)).toMatchObject({
      pending: false,
      numerator: 0,
      value: 0,
    });
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
    expect(fig(report as never, 'drug_free_communes_share')).toBe(0);
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
    const list = ok(await province.call('GET', '/api/reports'));
    expect(list.items.find((i: { unitCode: string }) => i.unitCode === UNITS.baDinh)).toMatchObject({
      unitName: 'Phường Ba Đình',
      status: 'approved',
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
    expect(rowOf('drug_free_communes_share').getCell(7).value).toBe(0);
    expect(wb.getWorksheet('Thuyết minh')!.getRow(3).getCell(2).value).toBe('Thiếu cán bộ chuyên trách.');
    const diff: unknown[][] = [];
    wb.getWorksheet('Chênh lệch')!.eachRow((row) => {
      diff.push((row.values as unknown[]).slice(1));
    });
    expect(diff[0]).toEqual(['Mã chỉ tiêu', 'Chỉ tiêu', 'Số liệu đã chốt', 'Số liệu hiện tại']);
    expect(diff).toContainEqual([
      'dossiers_sent_to_court',
      'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc chuyển Tòa án',
      3,
      4,
    ]);
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
    expect(adx).toContain('<dataValue dataElement="drug_free_communes_share" value="0"/>');
  });
});
