import { csvCell } from '@hoanhap/domain/text-safety';
import type { AppDeps } from '../../app-deps.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { shortDate, vietnamDateTime } from '../../platform/documents/official-document.ts';
import { csvText, xlsxWorkbook } from '../../platform/documents/spreadsheet.ts';
import type { Actor } from '../../platform/policy.ts';
import { type BoardQuery, type BoardResident, boardResidents } from './admissions.service.ts';

// The residents board as a file: every resident the board's filters select, in its order — Excel (frozen header,
// column widths, dates and day counts as real cells, empty cells where there is no value, an information sheet)
// or CSV (UTF-8 with BOM, dd/mm/yyyy). Audited as an export and as a read of every person listed.

export type BoardFormat = 'xlsx' | 'csv';
const CONTENT_TYPES: Record<BoardFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const BASIS_VI: Record<string, string> = {
  voluntary: 'Cai nghiện tự nguyện (hợp đồng)',
  compulsory: 'Cai nghiện bắt buộc (quyết định của Tòa án)',
  compulsory_pending: 'Quản lý trong thời gian lập hồ sơ bắt buộc',
};
const ABSENCE_VI: Record<string, string> = {
  postponement: 'Hoãn chấp hành',
  suspension: 'Tạm đình chỉ (điều trị tại bệnh viện)',
  escape: 'Bỏ trốn',
};

export const BOARD_HEADERS = [
  'STT',
  'Họ và tên',
  'Căn cứ',
  'Giai đoạn',
  'Ngày tiếp nhận',
  'Khu',
  'Giường',
  'Số ngày đã chấp hành',
  'Số ngày còn lại',
  'Ngày ra dự kiến',
  'Vắng mặt',
  'Vắng mặt từ ngày',
  'Không có nơi cư trú ổn định',
] as const;
const WIDTHS = [7, 30, 34, 10, 14, 12, 10, 12, 12, 14, 26, 14, 14];
const DATE_COLUMNS = [5, 10, 12];

/** One resident's cells; null is an empty cell, dates stay ISO until written. */
const cells = (r: BoardResident, i: number) => [
  i + 1,
  r.fullName,
  BASIS_VI[r.basis] ?? r.basis,
  r.stage,
  r.admittedOn,
  r.area,
  r.bed,
  r.term.daysServed,
  r.term.daysRemaining,
  r.term.plannedRelease,
  r.absence ? (ABSENCE_VI[r.absence.kind] ?? r.absence.kind) : null,
  r.absence?.from ?? null,
  r.noKnownResidence ? 'Có' : null,
];

async function toXlsx(facilityName: string, today: string, at: Date, rows: BoardResident[]) {
  const { wb, finish } = xlsxWorkbook();
  const list = wb.addWorksheet('Học viên', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  list.columns = BOARD_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  list.getRow(1).font = { bold: true };
  list.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  list.getRow(1).commit();
  for (const c of DATE_COLUMNS) list.getColumn(c).numFmt = 'dd/mm/yyyy';
  rows.forEach((r, i) => {
    const v: unknown[] = cells(r, i);
    for (const c of DATE_COLUMNS) {
      const d = v[c - 1];
      v[c - 1] = typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : null;
    }
    list.addRow(v).commit();
  });
  list.commit();
  const info = wb.addWorksheet('Thông tin', { views: [{ state: 'frozen', ySplit: 1 }] });
  info.columns = [
    { header: 'Thông tin', width: 26 },
    { header: 'Nội dung', width: 60 },
  ];
  info.getRow(1).font = { bold: true };
  for (const row of [
    ['Cơ sở', facilityName],
    ['Tính đến ngày', shortDate(today)],
    ['Số học viên', rows.length],
    ['Xuất lúc (giờ Việt Nam)', vietnamDateTime(at)],
  ])
    info.addRow(row).commit();
  info.commit();
  return finish();
}

function toCsv(rows: BoardResident[]) {
  const lines = [BOARD_HEADERS.map(csvCell).join(',')];
  rows.forEach((r, i) => {
    const v: unknown[] = cells(r, i);
    for (const c of DATE_COLUMNS) if (typeof v[c - 1] === 'string') v[c - 1] = shortDate(v[c - 1] as string);
    lines.push(v.map(csvCell).join(','));
  });
  return csvText(lines);
}

/** The board's residents as a file; the export and every person in it audited. */
export async function exportBoard(
  deps: AppDeps,
  actor: Actor,
  facilityId: string,
  query: BoardQuery & { format: BoardFormat },
) {
  const { today, facility, residents } = await boardResidents(deps, actor, facilityId, query);
  const body =
    query.format === 'xlsx' ? await toXlsx(facility.name, today, deps.now(), residents) : toCsv(residents);
  await deps.database.db.transaction().execute(async (trx) => {
    await auditMany(
      trx,
      actor,
      residents.map((r) => ({
        action: 'people.read',
        entityType: 'person',
        entityId: r.personId,
        reason: 'facility board export',
        details: { facility: facilityId },
      })),
    );
    await audit(trx, actor, {
      action: 'facility.board.export',
      entityType: 'facility',
      entityId: facilityId,
      details: { format: query.format, residents: residents.length, q: query.q ?? null, sort: query.sort },
    });
  });
  return {
    body,
    contentType: CONTENT_TYPES[query.format],
    filename: `hoc-vien-${facilityId.replace(/[^A-Za-z0-9_-]/g, '')}-${today}.${query.format}`,
  };
}
