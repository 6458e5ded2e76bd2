import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../platform/documents/pdf-text.test-support.ts';
import { pdfFontName } from '../../platform/documents/render-pdf.ts';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// The periodic report as the documents an officer files, opened as files: the DOCX's XML, the PDF's fonts and
// text, the workbook read back with exceljs. The clock stands at 20:30 UTC on 04/03/2026, which is already
// 03:30 on 05/03/2026 in Vietnam: the date line must say the 5th.

let t: TestApp;
type User = Awaited<ReturnType<TestApp['userAs']>>;
let officer: User;
let province: User;
let report: { id: string; version: number };
let provinceReport: { id: string };

const NOW = new Date('2026-03-04T20:30:00.000Z');
const NARRATIVE = {
  summary:
    'Tình hình chung ổn định; đã rà soát 12 người sử dụng trái phép chất ma túy.\n\nĐoạn thứ hai về kết quả.',
  difficulties: 'Thiếu cán bộ chuyên trách.',
  directions: 'Tiếp tục tuyên truyền tại các khu dân cư.',
  proposals: 'Đề nghị bổ sung kinh phí hỗ trợ.',
};
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => NOW;
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  province = await t.userAs('province_officer', 'province', UNITS.hanoi);
  const r = await officer.call('POST', '/api/reports', {
    periodKind: 'month',
    year: 2026,
    index: 2,
    narrative: NARRATIVE,
  });
  expect(r.statusCode, r.body).toBe(201);
  report = r.json();
  const p = await province.call('POST', '/api/reports', { periodKind: 'month', year: 2026, index: 2 });
  expect(p.statusCode, p.body).toBe(201);
  provinceReport = p.json();
}, 120_000);
afterAll(async () => t?.close());

const file = async (u: User, id: string, format: string) => {
  const res = await u.call('GET', `/api/reports/${id}/export?format=${format}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
};

describe('the report as PDF', () => {
  it('embeds Liberation Serif (Times New Roman metrics), not Roboto', async () => {
    expect(pdfFontName()).toBe('Liberation Serif');
    const pdf = (await file(officer, report.id, 'pdf')).toString('latin1');
    const fonts = [...pdf.matchAll(/\/BaseFont\s*\/([A-Z]{6}\+)?([A-Za-z-]+)/g)].map((m) => m[2]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    expect(fonts).toContain('LiberationSerif-Bold');
    expect(pdf).toMatch(/\/FontFile2/); // embedded, not referenced
  });

  it('holds every narrative section, dated in Vietnam time, with no ISO date', async () => {
    const text = extractPdfText(await file(officer, report.id, 'pdf'));
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ');
    expect(text).toContain('đã rà soát 12 người sử dụng');
    expect(text).toContain('Đoạn thứ hai về kết quả.');
    expect(text).toContain('Thiếu cán bộ chuyên trách.');
    expect(text).toContain('Tiếp tục tuyên truyền tại các khu dân cư.');
    expect(text).toContain('Đề nghị bổ sung kinh phí hỗ trợ.');
    expect(text).toContain('ngày 05 tháng 3 năm 2026');
    expect(text).toContain('từ ngày 15/01/2026 đến ngày 14/02/2026');
    expect(text).not.toMatch(ISO);
  });
});

describe('the report as DOCX', () => {
  it('holds every narrative section in Times New Roman, dated in Vietnam time, with no ISO date', async () => {
    const zip = await JSZip.loadAsync(await file(officer, report.id, 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ');
    expect(text).toContain('đã rà soát 12 người sử dụng');
    expect(text).toContain('Đoạn thứ hai về kết quả.');
    expect(text).toContain('Thiếu cán bộ chuyên trách.');
    expect(text).toContain('Tiếp tục tuyên truyền tại các khu dân cư.');
    expect(text).toContain('Đề nghị bổ sung kinh phí hỗ trợ.');
    expect(text).toContain('ngày 05 tháng 3 năm 2026');
    expect(text).toContain('từ ngày 15/01/2026 đến ngày 14/02/2026');
    expect(text).not.toMatch(ISO);
    expect(xml).toContain('w:ascii="Times New Roman"');
  });
});

describe('the report as Excel', () => {
  const load = async (u: User, id: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file(u, id, 'xlsx')) as never);
    return wb;
  };
  const strings = (ws: ExcelJS.Worksheet) =>
    (ws.getSheetValues() as unknown[][]).flat().filter((v): v is string => typeof v === 'string');

  it('freezes headers, sizes columns, writes numbers as numbers and no value as an empty cell', async () => {
    const wb = await load(officer, report.id);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(60);
    let ratioNull: ExcelJS.Row | undefined;
    let count: ExcelJS.Row | undefined;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(4).value === 'Tỷ lệ (%)' && row.getCell(7).value == null) ratioNull ??= row;
      if (row.getCell(4).value === 'Số lượng') count ??= row;
    });
    expect(ratioNull, 'a ratio with an empty denominator').toBeDefined();
    for (const c of [5, 6, 7]) expect(ratioNull!.getCell(c).value).not.toBe('—');
    expect(ratioNull!.getCell(7).value).toBeNull();
    expect(typeof count!.getCell(5).value).toBe('number');
    expect(count!.getCell(6).value).toBeNull();
    expect(strings(sheet)).not.toContain('—');
  });

  it('dates the information sheet dd/mm/yyyy in Vietnam time, and lists every narrative section', async () => {
    const wb = await load(officer, report.id);
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = new Map<string, unknown>();
    info.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('Từ ngày')).toBe('15/01/2026');
    expect(rows.get('Đến ngày')).toBe('14/02/2026');
    expect(rows.get('Xuất lúc (giờ Việt Nam)')).toBe('05/03/2026 03:30');
    expect(rows.get('Số liệu chốt lúc (giờ Việt Nam)')).toBeNull();
    for (const ws of wb.worksheets) expect(strings(ws).filter((s) => ISO.test(s))).toEqual([]);
    const text = new Map<string, unknown>();
    wb.getWorksheet('Thuyết minh')!.eachRow((row) =>
      text.set(String(row.getCell(1).value), row.getCell(2).value),
    );
    expect(text.get('Tình hình, kết quả')).toBe(NARRATIVE.summary);
    expect(text.get('Khó khăn, vướng mắc')).toBe(NARRATIVE.difficulties);
    expect(text.get('Phương hướng, nhiệm vụ')).toBe(NARRATIVE.directions);
    expect(text.get('Đề xuất, kiến nghị')).toBe(NARRATIVE.proposals);
  });

  it("puts each indicator's Vietnamese name under its code in a province's table of units", async () => {
    const wb = await load(province, provinceReport.id);
    const kids = wb.getWorksheet('Đơn vị trực thuộc')!;
    expect(kids.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    expect(kids.getRow(1).getCell(1).value).toBe('Mã đơn vị');
    const codes = kids.getRow(1).values as unknown[];
    const names = kids.getRow(2).values as unknown[];
    const col = codes.indexOf('people_total');
    expect(col).toBeGreaterThan(2);
    expect(names[col]).toBe('Tổng số người có hồ sơ quản lý');
    let baDinh: ExcelJS.Row | undefined;
    kids.eachRow((row) => {
      if (row.getCell(1).value === UNITS.baDinh) baDinh = row;
    });
    expect(baDinh!.getCell(col).value).toBe(0);
  });
});
