import { makeCccd } from '@hoanhap/domain/cccd';
import { detectHeader } from '@hoanhap/domain/import/headers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { pdfFontName } from '../../platform/documents/render-pdf.ts';
import { UNITS } from '../../test/test-app.ts';
import { decision, pathwayApp, testBody, type User } from '../episodes/pathway-test-kit.ts';
import { parseCsv } from '../imports/imports.parse.ts';
import { analyseImport, commitAnalysis } from '../imports/imports.service.ts';
import { columnsFor } from './people-export.ts';

// The way out (issue 14): the people list as Excel/CSV with the import's own columns (a round trip export → edit
// → import matches the existing record instead of creating a second one), only the classes the role reads,
// audited per person; and the printable person summary (A4 PDF, Liberation Serif, dd/mm/yyyy).

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let volunteer: User;
let ngocHaOfficer: User;
let hoa: { id: string };
let lan: { id: string };
let other: { id: string };
const CID = makeCccd('01', 1990, 'male', 123456);
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

const FULL_HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Họ và tên',
  'Tên gọi khác',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD/CMND',
  'Dân tộc',
  'Nghề nghiệp',
  'Nơi thường trú',
  'Nơi ở hiện tại',
  'Xã/phường',
  'Mã xã/phường',
  'Số điện thoại',
  'Trạng thái hồ sơ',
];

const file = async (u: User, url: string, code = 200) => {
  const res = await u.call('GET', url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(code);
  return res;
};

async function sheetRows(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Danh sách')!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { wb, ws, rows };
}

const auditCount = async (action: string, entityId?: string) =>
  (
    await k.t.deps.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', action)
      .$if(!!entityId, (q) => q.where('entity_id', '=', entityId!))
      .execute()
  ).length;

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2025-12-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  ngocHaOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
  hoa = await k.person(officer, {
    fullName: 'Nguyễn Văn Hoà',
    otherNames: ['Hoà Đen'],
    citizenId: CID,
    birthDate: '1990-05-12',
    ethnicity: 'Kinh',
    phone: '0912345678',
    currentAddress: { communeCode: UNITS.baDinh, detail: 'Số 5 phố Đội Cấn' },
    permanentAddress: { communeCode: UNITS.baDinh, detail: 'Số 5 phố Đội Cấn' },
    familyContacts: [{ name: 'Nguyễn Thị Mai', relation: 'Mẹ', phone: '0987654321' }],
  });
  lan = await k.person(officer, {
    fullName: 'Trần Thị Lan',
    sex: 'female',
    birthDate: '1985-03-02',
    currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 7 phố Đội Cấn' },
  });
  other = await k.person(ngocHaOfficer, {
    fullName: 'Lê Văn Khác',
    currentAddress: { communeCode: UNITS.ngocHa, detail: 'Tổ 3' },
  });
  const ep = await officer.call('POST', `/api/people/${hoa.id}/episodes`, {
    type: 'user_management',
    startDate: '2025-11-10',
    decision: decision('2025-11-10', '07/QĐ-UBND'),
  });
  expect(ep.statusCode, ep.body).toBe(201);
  const test = await police.call(
    'POST',
    `/api/people/${hoa.id}/drug-tests`,
    testBody('2025-11-20', 'positive'),
  );
  expect(test.statusCode, test.body).toBe(201);
}, 120_000);
afterAll(async () => k?.t.close());

describe('export of the people list', () => {
  it('xlsx: the import columns, the unit’s people only, CCCD as text, date of birth as a date; audited per person', async () => {
    const before = await auditCount('person.export');
    const res = await file(officer, '/api/people/export?format=xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="danh-sach-nguoi-2025-12-01\.xlsx"/,
    );
    const { rows, wb } = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(FULL_HEADERS);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Nguyễn Văn Hoà', 'Trần Thị Lan']);
    const h = rows[1];
    expect(h[1]).toBe(hoa.id);
    expect(h[3]).toBe('Hoà Đen');
    expect(h[4]).toBe('Nam');
    expect(h[5]).toEqual(new Date('1990-05-12T00:00:00Z'));
    expect(h[6]).toBe(CID);
    expect(h[9]).toBe('Số 5 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội');
    expect(h[11]).toBe('Phường Ba Đình');
    expect(h[12]).toBe(UNITS.baDinh);
    expect(h[13]).toBe('0912345678');
    expect(wb.getWorksheet('Thông tin')!.getCell('B6').value).toBe(2);
    // The import reads the header back as its own fields.
    const guess = detectHeader(rows as never);
    expect(guess?.mapping).toEqual([
      'stt',
      null,
      'fullName',
      'otherNames',
      'sex',
      'birth',
      'idNumber',
      'ethnicity',
      'occupation',
      'permanentAddress',
      'currentAddress',
      'commune',
      null,
      null,
      null,
    ]);
    expect(await auditCount('person.export')).toBe(before + 2);
    expect(await auditCount('person.export', hoa.id)).toBeGreaterThan(0);
    expect(await auditCount('person.export', other.id)).toBe(0);
    expect(await auditCount('people.export')).toBeGreaterThan(0);
  });

  it('csv: UTF-8 with BOM, dd/mm/yyyy, the filters of the list (name without diacritics, status)', async () => {
    const res = await file(officer, '/api/people/export?format=csv&q=tran%20thi%20lan');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(FULL_HEADERS);
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(1);
    expect(rows[1][2]).toBe('Trần Thị Lan');
    expect(rows[1][5]).toBe('02/03/1985');
    expect(res.body).not.toMatch(ISO);
    const none = parseCsv(
      (await file(officer, '/api/people/export?format=csv&status=in_compulsory_rehab')).body,
    );
    expect(none.filter((r) => r.length > 1)).toHaveLength(1); // the header only
  });

  it('a role that reads only contact details gets no CCCD, date of birth or other identity column', () => {
    expect(columnsFor(new Set(['contact'])).map((c) => c.header)).toEqual([
      'STT',
      'Mã hồ sơ',
      'Họ và tên',
      'Giới tính',
      'Năm sinh',
      'Nơi ở hiện tại',
      'Xã/phường',
      'Mã xã/phường',
      'Số điện thoại',
      'Trạng thái hồ sơ',
    ]);
    expect(columnsFor(new Set()).map((c) => c.header)).not.toContain('Số điện thoại');
  });

  it('403 for roles that may not read people (volunteer, auditor), nothing audited', async () => {
    const auditor = await k.t.userAs('auditor', 'nation', null);
    const before = await auditCount('person.export');
    for (const u of [volunteer, auditor]) {
      await file(u, '/api/people/export?format=xlsx', 403);
      await file(u, `/api/people/${hoa.id}/summary`, 403);
    }
    expect(await auditCount('person.export')).toBe(before);
  });

  it('a province officer exports the province, or one commune with the commune filter', async () => {
    const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    const all = await sheetRows((await file(province, '/api/people/export?format=xlsx')).rawPayload);
    expect(all.rows.slice(1).map((r) => r[2])).toEqual(['Lê Văn Khác', 'Nguyễn Văn Hoà', 'Trần Thị Lan']);
    const one = await sheetRows(
      (await file(province, `/api/people/export?format=xlsx&communeCode=${UNITS.ngocHa}`)).rawPayload,
    );
    // Need-to-know (issue 16): a province officer's export has no identity or contact column.
    const headers = one.rows[0] as unknown[];
    expect(headers).not.toContain('Số CCCD/CMND');
    expect(headers).not.toContain('Số điện thoại');
    const col = (h: string) => headers.indexOf(h);
    expect(one.rows.slice(1).map((r) => [r[2], r[col('Xã/phường')], r[col('Mã xã/phường')]])).toEqual([
      ['Lê Văn Khác', 'Phường Ngọc Hà', UNITS.ngocHa],
    ]);
    expect(one.wb.getWorksheet('Thông tin')!.getCell('B4').value).toBe('Phường Ngọc Hà');
  });

  it('400 naming the field for an unknown format; 401 without a session', async () => {
    const bad = await officer.call('GET', '/api/people/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('format');
    const anon = await k.t.app.inject({ method: 'GET', url: '/api/people/export' });
    expect(anon.statusCode).toBe(401);
  });

  it('round trip: export → edit a cell → import preview says "existing" (same person), and the commit updates', async () => {
    const { wb, ws } = await sheetRows((await file(officer, '/api/people/export?format=xlsx')).rawPayload);
    const hoaRow = [2, 3].find((r) => ws.getRow(r).getCell(3).value === 'Nguyễn Văn Hoà')!;
    ws.getRow(hoaRow).getCell(9).value = 'Thợ xây'; // Nghề nghiệp was empty
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const a = await analyseImport(k.t.deps, {
      fileName: 'danh-sach.xlsx',
      data: edited,
      target: { kind: 'commune', code: UNITS.baDinh },
      choices: { '00022': UNITS.baDinh },
    });
    const row = a.rows.find((r) => r.person.fullName === 'Nguyễn Văn Hoà')!;
    expect(row.errors).toEqual([]);
    expect(row.result).toBe('existing');
    expect(row.existing?.id).toBe(hoa.id);
    expect(row.person.occupation).toBe('Thợ xây');
    expect(a.rows.every((r) => r.result !== 'new')).toBe(true);

    const count = async () => (await k.t.deps.database.db.selectFrom('people').select('id').execute()).length;
    const n = await count();
    const imp = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const actor = {
      userId: imp.userId,
      username: imp.username,
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: UNITS.baDinh,
      ip: null,
    };
    await commitAnalysis(k.t.deps, actor as never, a, {});
    expect(await count()).toBe(n);
    const p = await k.t.deps.database.db
      .selectFrom('people')
      .select(['occupation', 'citizen_id'])
      .where('id', '=', hoa.id)
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ occupation: 'Thợ xây', citizen_id: CID });
  });

  it('round trip through CSV: the same person is found again by the CCCD', async () => {
    const csv = (await file(officer, '/api/people/export?format=csv')).rawPayload;
    const a = await analyseImport(k.t.deps, {
      fileName: 'danh-sach.csv',
      data: csv,
      target: { kind: 'commune', code: UNITS.baDinh },
      choices: { '00022': UNITS.baDinh },
    });
    const row = a.rows.find((r) => r.person.citizenId === CID)!;
    expect(row.result).toBe('existing');
    expect(row.existing?.id).toBe(hoa.id);
  });

  it('round trip with today’s commune only: the Xã/phường and Mã xã/phường cells are taken before the old-address lookup', async () => {
    const cid = makeCccd('01', 1992, 'male', 654321);
    const tu = await k.person(officer, {
      fullName: 'Phạm Văn Tư',
      citizenId: cid,
      birthDate: '1992-07-01',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 12' },
      permanentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 12' },
    });
    const data = (await file(officer, '/api/people/export?format=xlsx')).rawPayload;
    // No choice for the split old commune: every exported row names today's Phường Ba Đình.
    const a = await analyseImport(k.t.deps, {
      fileName: 'danh-sach.xlsx',
      data,
      target: { kind: 'commune', code: UNITS.baDinh },
    });
    const row = a.rows.find((r) => r.person.citizenId === cid)!;
    expect(row.errors).toEqual([]);
    expect(row.communeCode).toBe(UNITS.baDinh);
    expect(row.result).toBe('existing');
    expect(row.existing?.id).toBe(tu.id);
    expect(a.rows.flatMap((r) => r.errors.map((e) => e.rule))).toEqual([]);
    expect(a.unresolved).toEqual([]);

    // The code column alone is enough (the commune cell emptied), and the name without diacritics too.
    const { wb, ws } = await sheetRows(data);
    const tuRow = [2, 3, 4].find((r) => ws.getRow(r).getCell(3).value === 'Phạm Văn Tư')!;
    ws.getRow(tuRow).getCell(12).value = null;
    const hoaRow = [2, 3, 4].find((r) => ws.getRow(r).getCell(3).value === 'Nguyễn Văn Hoà')!;
    ws.getRow(hoaRow).getCell(12).value = 'phuong ba dinh';
    ws.getRow(hoaRow).getCell(13).value = null;
    const b = await analyseImport(k.t.deps, {
      fileName: 'danh-sach.xlsx',
      data: Buffer.from(await wb.xlsx.writeBuffer()),
      target: { kind: 'commune', code: UNITS.baDinh },
    });
    for (const id of [cid, CID]) {
      const r = b.rows.find((x) => x.person.citizenId === id)!;
      expect(r.errors).toEqual([]);
      expect(r.result).toBe('existing');
    }
  });
});

describe('printable person summary', () => {
  it('A4 PDF in Liberation Serif with identity, status, measures, decisions, tests and contacts; audited', async () => {
    expect(pdfFontName()).toBe('Liberation Serif');
    const res = await file(officer, `/api/people/${hoa.id}/summary`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const raw = res.rawPayload.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([A-Za-z-]+)/g)].map((m) => m[2]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    const text = extractPdfText(res.rawPayload);
    for (const s of [
      'PHIẾU TÓM TẮT HỒ SƠ',
      'Nguyễn Văn Hoà',
      'Hoà Đen',
      CID,
      '12/05/1990',
      'Số 5 phố Đội Cấn, Phường Ba Đình',
      '07/QĐ-UBND',
      '10/11/2025',
      'Dương tính',
      '20/11/2025',
      'Nguyễn Thị Mai',
      'ngày 01 tháng 12 năm 2025',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    expect(text).not.toMatch(ISO);
    expect(await auditCount('person.summary', hoa.id)).toBe(1);
  });

  it('404 for a person outside the reader’s unit (and nothing audited for it)', async () => {
    await file(ngocHaOfficer, `/api/people/${hoa.id}/summary`, 404);
    await file(officer, `/api/people/${other.id}/summary`, 404);
    expect(await auditCount('person.summary', other.id)).toBe(0);
    await file(officer, `/api/people/${lan.id}/summary`);
  });
});
