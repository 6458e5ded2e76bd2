import { formatValue } from '@hoanhap/domain/indicators';
import { GROUPING_LABELS } from '@hoanhap/domain/report-grouping';
import { csvCell } from '@hoanhap/domain/text-safety';
import ExcelJS from 'exceljs';
import {
  type Block,
  caps,
  type OfficialDocument,
  placeName,
  shortDate,
  vietnamDate,
  vietnamDateTime,
} from '../../platform/documents/official-document.ts';
import { renderDocx } from '../../platform/documents/render-docx.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import type { Figure } from './engine.service.ts';
import type { ReportView } from './periodic.service.ts';

// A report as files: Excel (one sheet per table, Vietnamese headers, numbers as numbers), PDF and DOCX in the
// Decree 30 layout (the same OfficialDocument value for both), JSON, CSV, and ADX-style XML aggregate data.

export type ExportFormat = 'xlsx' | 'pdf' | 'docx' | 'json' | 'csv' | 'adx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  adx: 'application/adx+xml; charset=utf-8',
};

const KIND_VI = { count: 'Số lượng', ratio: 'Tỷ lệ (%)' } as const;
const STATUS_VI: Record<string, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  approved: 'Đã duyệt',
};
const targetText = (f: Figure) =>
  f.target
    ? `${f.target.op === 'gte' ? '≥' : '≤'} ${f.target.value}${f.kind === 'ratio' ? '%' : ''}${f.target.by ? ` (${f.target.by})` : ''}`
    : '';

export const FIGURE_HEADERS = [
  'STT',
  'Mã chỉ tiêu',
  'Chỉ tiêu',
  'Loại',
  'Tử số',
  'Mẫu số',
  'Giá trị',
  'Mục tiêu',
  'Đạt mục tiêu',
];

/** The narrative sections in report order, as the PDF/DOCX and the Excel name them. */
export const NARRATIVE_SECTIONS = [
  { key: 'summary', vi: 'Tình hình, kết quả' },
  { key: 'difficulties', vi: 'Khó khăn, vướng mắc' },
  { key: 'directions', vi: 'Phương hướng, nhiệm vụ' },
  { key: 'proposals', vi: 'Đề xuất, kiến nghị' },
] as const;

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
};

/**
 * The report as a workbook: header rows frozen, columns sized, Vietnamese indicator names beside their codes,
 * numbers as numbers, an empty cell where a figure has no value, dates dd/mm/yyyy and times in Vietnam time.
 */
export async function toXlsx(r: ReportView, exportedAt: Date = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hòa Nhập';
  const frozen = (ySplit: number, xSplit = 0) => ({ views: [{ state: 'frozen' as const, ySplit, xSplit }] });
  const info = wb.addWorksheet('Thông tin', frozen(1));
  info.columns = [{ width: 28 }, { width: 60 }];
  bold(info.addRow(['Thông tin', 'Nội dung']));
  info.addRow(['Đơn vị', r.unit.name]);
  info.addRow(['Kỳ báo cáo', r.label.vi]);
  info.addRow(['Từ ngày', shortDate(r.from)]);
  info.addRow(['Đến ngày', shortDate(r.to)]);
  info.addRow(['Trạng thái', STATUS_VI[r.status] ?? r.status]);
  info.addRow(['Số liệu chốt lúc (giờ Việt Nam)', r.frozenAt ? vietnamDateTime(r.frozenAt) : null]);
  info.addRow(['Xuất lúc (giờ Việt Nam)', vietnamDateTime(exportedAt)]);
  info.addRow(['Nhóm số liệu', GROUPING_LABELS[r.grouping].vi]);

  const sheet = wb.addWorksheet('Chỉ tiêu', frozen(1, 3));
  bold(sheet.addRow(FIGURE_HEADERS));
  r.figures.forEach((f, i) => {
    sheet.addRow([
      i + 1,
      f.indicatorId,
      f.vi,
      KIND_VI[f.kind],
      f.numerator,
      f.kind === 'ratio' ? f.denominator : null,
      f.value,
      targetText(f) || null,
      f.meetsTarget == null ? null : f.meetsTarget ? 'Đạt' : 'Chưa đạt',
    ]);
  });
  sheet.columns.forEach((c, i) => {
    c.width = [6, 32, 70, 12, 10, 10, 10, 16, 14][i] ?? 12;
  });
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  if (r.children.length) {
    const ids = [...new Set(r.children.flatMap((c) => c.values.map((v) => v.indicatorId)))];
    const names = new Map(r.figures.map((f) => [f.indicatorId, f.vi]));
    const kids = wb.addWorksheet('Đơn vị trực thuộc', frozen(2, 2));
    // Two header rows: the indicator's code, and its Vietnamese name under it.
    bold(kids.addRow(['Mã đơn vị', 'Tên đơn vị', ...ids]));
    bold(kids.addRow(['', '', ...ids.map((id) => names.get(id) ?? id)]));
    kids.getRow(2).height = 60;
    for (const c of r.children) {
      const byId = new Map(c.values.map((v) => [v.indicatorId, v.value]));
      kids.addRow([c.code, c.name, ...ids.map((id) => byId.get(id) ?? null)]);
    }
    kids.columns.forEach((c, i) => {
      c.width = i === 0 ? 14 : i === 1 ? 36 : 22;
    });
  }

  const text = wb.addWorksheet('Thuyết minh', frozen(1));
  text.columns = [{ width: 28 }, { width: 100 }];
  bold(text.addRow(['Mục', 'Nội dung']));
  for (const sec of NARRATIVE_SECTIONS) text.addRow([sec.vi, r.narrative[sec.key]?.trim() || null]);
  text.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  if (r.differences.length) {
    const names = new Map(r.figures.map((f) => [f.indicatorId, f.vi]));
    const diff = wb.addWorksheet('Chênh lệch', frozen(1));
    diff.columns = [{ width: 32 }, { width: 70 }, { width: 18 }, { width: 18 }];
    bold(diff.addRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Số liệu đã chốt', 'Số liệu hiện tại']));
    for (const d of r.differences)
      diff.addRow([d.indicatorId, names.get(d.indicatorId) ?? null, d.frozen, d.current]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SECTION_VI: Record<string, string> = {
  people: 'Người sử dụng, người nghiện ma túy có hồ sơ quản lý',
  pathways: 'Xét nghiệm, xác định tình trạng nghiện, cai nghiện',
  dossiers: 'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  post_rehab: 'Quản lý sau cai nghiện',
  facility: 'Hoạt động của cơ sở cai nghiện',
  community: 'Đội công tác xã hội tình nguyện, câu lạc bộ',
  targets: 'Chỉ tiêu Chương trình mục tiêu quốc gia',
};

function issuerOf(r: ReportView): OfficialDocument['issuer'] {
  if (r.unit.kind === 'commune') return { name: ['ỦY BAN NHÂN DÂN', caps(r.unit.name)] };
  // An area's report (a province's named set of communes) is the province's own.
  if (r.unit.kind === 'province' || r.unit.kind === 'area')
    return {
      parent: `CÔNG AN ${caps(r.unit.kind === 'area' ? (r.unit.provinceName ?? '') : r.unit.name)}`,
      name: ['PHÒNG CẢNH SÁT ĐIỀU TRA', 'TỘI PHẠM VỀ MA TÚY'],
    };
  if (r.unit.kind === 'facility') return { name: [caps(r.unit.name)] };
  return { parent: 'BỘ CÔNG AN', name: ['CỤC CẢNH SÁT ĐIỀU TRA', 'TỘI PHẠM VỀ MA TÚY'] };
}

/** The report in the official layout (Decree 30/2020 Appendix I), for both DOCX and PDF. */
export function officialReport(r: ReportView, date: string): OfficialDocument {
  const body: Block[] = [];
  const heading = (text: string) =>
    body.push({ type: 'paragraph', content: [{ text, bold: true }], indent: 'none', align: 'left' });
  // Each paragraph the officer wrote (blank lines separate paragraphs) as a body paragraph of its own.
  const para = (t: string | undefined) => {
    const parts = (t ?? '')
      .split(/\n\s*\n/)
      .map((x) => x.trim())
      .filter(Boolean);
    if (!parts.length) parts.push('(Không có)');
    for (const p of parts) body.push({ type: 'paragraph', content: p, align: 'justify' });
  };
  heading('I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN');
  if (r.narrative.summary?.trim()) para(r.narrative.summary);
  // Which units the figures are grouped by (a person who moved since counts in one or the other).
  body.push({
    type: 'paragraph',
    content: [{ text: `Số liệu ${GROUPING_LABELS[r.grouping].vi.toLowerCase()}.`, italic: true }],
    align: 'justify',
  });
  const sections = [...new Set(r.figures.map((f) => f.section))];
  sections.forEach((s, i) => {
    heading(`${i + 1}. ${SECTION_VI[s] ?? s}`);
    body.push({
      type: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Chỉ tiêu', width: 8 },
        { header: 'Kết quả', width: 2, align: 'right' },
        { header: 'Mục tiêu', width: 2, align: 'center' },
      ],
      rows: r.figures
        .filter((f) => f.section === s)
        .map((f, j) => [
          String(j + 1),
          f.vi,
          f.kind === 'ratio' && f.value != null
            ? `${formatValue(f.value, 'ratio')} (${f.numerator}/${f.denominator})`
            : formatValue(f.value, f.kind),
          targetText(f),
        ]),
    });
  });
  heading('II. KHÓ KHĂN, VƯỚNG MẮC');
  para(r.narrative.difficulties);
  heading('III. PHƯƠNG HƯỚNG, NHIỆM VỤ');
  para(r.narrative.directions);
  if (r.narrative.proposals?.trim()) {
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    para(r.narrative.proposals);
  }
  const capacity =
    r.unit.kind === 'commune'
      ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']
      : r.unit.kind === 'facility'
        ? ['GIÁM ĐỐC']
        : ['TRƯỞNG PHÒNG'];
  return {
    meta: {
      title: `Báo cáo ${r.label.vi} - ${r.unit.name}`,
      templateId: 'periodic-report',
      templateVersion: '1',
      verify: true,
    },
    issuer: issuerOf(r),
    number: '      /BC',
    place: placeName(
      r.unit.kind === 'facility' || r.unit.kind === 'nation'
        ? 'Hà Nội'
        : r.unit.kind === 'area'
          ? (r.unit.provinceName ?? 'Hà Nội')
          : r.unit.name,
    ),
    date,
    title: 'BÁO CÁO',
    subject: [
      `Kết quả công tác cai nghiện ma túy và quản lý sau cai nghiện ${r.label.vi.toLowerCase()}`,
      `(từ ngày ${shortDate(r.from)} đến ngày ${shortDate(r.to)})`,
    ],
    body,
    footer: {
      left: { type: 'recipients', items: ['Cấp trên trực tiếp;', 'Lưu: VT.'] },
      right: { capacity, fullName: null },
    },
  };
}

export const toPdf = (r: ReportView, date: string, compress = true) =>
  renderPdf(officialReport(r, date), { compress });
export const toDocx = (r: ReportView, date: string) => renderDocx(officialReport(r, date));

export function toCsv(r: ReportView): string {
  const rows: unknown[][] = [
    [
      'unit_code',
      'period_from',
      'period_to',
      'indicator_id',
      'name_vi',
      'kind',
      'numerator',
      'denominator',
      'value',
      'pending',
      'grouping',
    ],
  ];
  for (const f of r.figures)
    rows.push([
      r.unit.code,
      r.from,
      r.to,
      f.indicatorId,
      f.vi,
      f.kind,
      f.numerator,
      f.denominator,
      f.value,
      f.pending ? 1 : 0,
      r.grouping,
    ]);
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const DURATION: Record<string, string> = {
  month: 'P1M',
  quarter: 'P3M',
  half_year: 'P6M',
  nine_months: 'P9M',
  year: 'P1Y',
};
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ADX-style aggregate data (IHE QRPH ADX): one group per unit and period, one dataValue per figure with a value. */
export function toAdx(r: ReportView, exportedAt: string): string {
  const period = `${r.from}/${DURATION[r.periodKind] ?? 'P1M'}`;
  const dataSet = `HOANHAP_${r.periodKind.toUpperCase()}`;
  const group = (orgUnit: string, values: { id: string; value: number | null }[]) =>
    [
      `  <group orgUnit="${xml(orgUnit)}" period="${period}" dataSet="${dataSet}" completeDate="${xml(r.frozenAt ?? exportedAt)}">`,
      ...values
        .filter((v) => v.value != null)
        .map((v) => `    <dataValue dataElement="${xml(v.id)}" value="${v.value}"/>`),
      '  </group>',
    ].join('\n');
  const groups = [
    group(
      r.unit.code,
      r.figures.map((f) => ({ id: f.indicatorId, value: f.value })),
    ),
    ...r.children.map((c) =>
      group(
        c.code,
        c.values.map((v) => ({ id: v.indicatorId, value: v.value })),
      ),
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xml(exportedAt)}">\n${groups.join('\n')}\n</adx>\n`;
}

export async function exportReport(
  r: ReportView,
  format: ExportFormat,
  now: Date,
): Promise<{ body: Buffer | string; filename: string }> {
  // An official document is dated in Vietnam time, whatever the server's clock zone.
  const date = vietnamDate(now);
  const base = `bao-cao-${r.unit.code}-${r.periodKind}-${r.year}-${r.index}`;
  switch (format) {
    case 'xlsx':
      return { body: await toXlsx(r, now), filename: `${base}.xlsx` };
    case 'pdf':
      return { body: await toPdf(r, date), filename: `${base}.pdf` };
    case 'docx':
      return { body: await toDocx(r, date), filename: `${base}.docx` };
    case 'json':
      return { body: JSON.stringify(r), filename: `${base}.json` };
    case 'csv':
      return { body: toCsv(r), filename: `${base}.csv` };
    case 'adx':
      return { body: toAdx(r, now.toISOString()), filename: `${base}.adx.xml` };
  }
}
