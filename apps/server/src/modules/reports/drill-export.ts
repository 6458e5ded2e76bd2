import { GROUPING_LABELS, type ReportGrouping } from '@hoanhap/domain/report-grouping';
import { csvCell } from '@hoanhap/domain/text-safety';
import { shortDate, vietnamDateTime } from '../../platform/documents/official-document.ts';
import { csvText, xlsxWorkbook } from '../../platform/documents/spreadsheet.ts';
import type { FactRow } from './blocks.repo.ts';

// The records behind a figure as a file: Excel (a frozen header row, column widths, numbers and dates as real
// cells, empty values as empty cells, an information sheet in Vietnamese) or CSV (UTF-8 with BOM, dd/mm/yyyy).
// The workbook is streamed row by row, so a national list of people never sits in memory as cell objects.

export type DrillFormat = 'xlsx' | 'csv';

export const DRILL_CONTENT_TYPES: Record<DrillFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type DrillExport = {
  indicator: { id: string; vi: string };
  part: 'numerator' | 'denominator';
  unit: { code: string; name: string };
  from: string;
  to: string;
  /** The units the records are grouped by (today's by default). */
  grouping?: ReportGrouping;
  exportedAt: Date;
  rows: FactRow[];
  communeName: (code: string) => string | undefined;
  facilityName: (id: string) => string | undefined;
};

const SEX_VI: Record<string, string> = { male: 'Nam', female: 'Nữ' };
const PART_VI = { numerator: 'Tử số (các bản ghi tạo nên số liệu)', denominator: 'Mẫu số' } as const;

export const DRILL_HEADERS = [
  'STT',
  'Họ và tên',
  'Giới tính',
  'Năm sinh',
  'Xã/phường',
  'Mã xã/phường',
  'Cơ sở cai nghiện',
  'Ngày',
  'Số lượng',
] as const;
const WIDTHS = [8, 32, 10, 10, 28, 14, 36, 12, 10];

const isoDay = (dt: string | null) => (dt ? String(dt).slice(0, 10) : null);

/** One row's cells in the columns' order (null is an empty cell); `day` writes the date as the format wants it. */
function cells<D>(x: DrillExport, r: FactRow, i: number, day: (iso: string) => D) {
  const d = isoDay(r.dt);
  return [
    i + 1,
    r.full_name ?? null,
    r.sex ? (SEX_VI[r.sex] ?? r.sex) : null,
    r.birth_year,
    r.commune ? (x.communeName(r.commune) ?? null) : null,
    r.commune,
    r.facility ? (x.facilityName(r.facility) ?? null) : null,
    d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? day(d) : null,
    Number.isFinite(r.qty) ? r.qty : null,
  ];
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function toXlsx(x: DrillExport): Promise<Buffer> {
  const { wb, finish } = xlsxWorkbook();

  const list = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = DRILL_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  list.getRow(1).font = { bold: true };
  list.getRow(1).commit();
  list.getColumn(8).numFmt = 'dd/mm/yyyy';
  x.rows.forEach((r, i) => {
    list.addRow(cells(x, r, i, utcDate)).commit();
  });
  list.commit();

  const info = wb.addWorksheet('Thông tin', { views: [{ state: 'frozen', ySplit: 1 }] });
  info.columns = [
    { header: 'Thông tin', width: 24 },
    { header: 'Nội dung', width: 70 },
  ];
  info.getRow(1).font = { bold: true };
  for (const row of [
    ['Chỉ tiêu', x.indicator.vi],
    ['Mã chỉ tiêu', x.indicator.id],
    ['Danh sách', PART_VI[x.part]],
    ['Đơn vị', x.unit.name],
    ['Nhóm số liệu', GROUPING_LABELS[x.grouping ?? 'today'].vi],
    ['Từ ngày', shortDate(x.from)],
    ['Đến ngày', shortDate(x.to)],
    ['Số bản ghi', x.rows.length],
    ['Xuất lúc (giờ Việt Nam)', vietnamDateTime(x.exportedAt)],
  ])
    info.addRow(row).commit();
  info.commit();
  return finish();
}

function toCsv(x: DrillExport): string {
  const lines = [DRILL_HEADERS.map(csvCell).join(',')];
  x.rows.forEach((r, i) => {
    lines.push(cells(x, r, i, shortDate).map(csvCell).join(','));
  });
  return csvText(lines);
}

/** The file of a drill-down: its body and a download name of plain ASCII. */
export async function drillFile(format: DrillFormat, x: DrillExport) {
  const safe = x.unit.code.replace(/[^A-Za-z0-9_-]/g, '');
  const by = x.grouping === 'period' ? '-theo-don-vi-cua-ky' : '';
  const filename = `danh-sach-${x.indicator.id}-${x.part}-${safe}-${x.from}-${x.to}${by}.${format}`;
  const body = format === 'xlsx' ? await toXlsx(x) : toCsv(x);
  return { body, filename, contentType: DRILL_CONTENT_TYPES[format] };
}
