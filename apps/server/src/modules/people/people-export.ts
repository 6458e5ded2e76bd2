import { type PersonStatus, statusLabels } from '@hoanhap/domain/episode-types';
import { normalizeVi } from '@hoanhap/domain/normalize';
import type { SensitivityClass } from '@hoanhap/domain/person-schema';
import { csvCell as safeCsvCell } from '@hoanhap/domain/text-safety';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditEntry, auditMany } from '../../platform/audit.ts';
import { shortDate, vietnamDateTime } from '../../platform/documents/official-document.ts';
import { csvText, xlsxWorkbook } from '../../platform/documents/spreadsheet.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, authorize, personScopeOf, readableClasses } from '../../platform/policy.ts';
import { type PersonRow, peopleRepo } from './people.repo.ts';

// The people list (with the filters of the list page) as a file: Excel or CSV, with the same column headers
// as the import of commune lists (domain import/headers), so that an exported list can be edited and imported
// again: the import maps these headers back to its fields, and the CCCD column makes a re-imported row match
// the existing record ('existing') instead of creating a second one. A column of a class the role may not read
// is left out entirely (not printed empty). Every exported person is audited (auditMany, one transaction).

export type PeopleExportFormat = 'xlsx' | 'csv';
export type PeopleExportQuery = { q?: string; communeCode?: string; status?: string };

export const PEOPLE_EXPORT_CONTENT_TYPES: Record<PeopleExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The most people one export writes; a larger list is refused with a message to narrow the filters. */
export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 1000;

type Cells = (string | number | Date | null)[];
type Column = {
  /** The header, as the import recognises it (import/headers fieldOfLabel), or a column it ignores. */
  header: string;
  width: number;
  /** The class the role must read to get the column; absent = basic (anyone in scope). */
  cls?: SensitivityClass;
  value: (p: PersonRow, names: Map<string, string>, i: number) => string | number | Date | null;
};

const SEX_VI: Record<string, string> = { male: 'Nam', female: 'Nữ' };
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const communeName = (names: Map<string, string>, code: string | null) =>
  code ? (names.get(`commune:${code}`) ?? code) : null;
const provinceName = (names: Map<string, string>, code: string | null) =>
  code ? (names.get(`province:${code}`) ?? null) : null;
const joinAddress = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(', ') || null;

/** The columns in order; the headers are the import's own words (STT, Họ và tên, Ngày sinh, Số CCCD/CMND …). */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'STT', width: 7, value: (_p, _n, i) => i + 1 },
  // Ignored by the import (no field is named so): the record's id, to find it again by hand.
  { header: 'Mã hồ sơ', width: 38, value: (p) => p.id },
  { header: 'Họ và tên', width: 28, value: (p) => p.full_name },
  {
    header: 'Tên gọi khác',
    width: 20,
    cls: 'identity',
    value: (p) => (p.other_names ? (JSON.parse(p.other_names) as string[]).join('; ') : null),
  },
  { header: 'Giới tính', width: 9, value: (p) => SEX_VI[p.sex] ?? p.sex },
  // Date of birth for those who read identity; the year of birth (basic) for the others.
  {
    header: 'Ngày sinh',
    width: 12,
    cls: 'identity',
    value: (p) => (p.birth_date ? utcDate(p.birth_date) : p.birth_year),
  },
  { header: 'Năm sinh', width: 9, value: (p) => p.birth_year },
  { header: 'Số CCCD/CMND', width: 15, cls: 'identity', value: (p) => p.citizen_id },
  { header: 'Dân tộc', width: 10, cls: 'identity', value: (p) => p.ethnicity },
  { header: 'Nghề nghiệp', width: 16, cls: 'identity', value: (p) => p.occupation },
  {
    header: 'Nơi thường trú',
    width: 44,
    cls: 'identity',
    value: (p, n) =>
      p.perm_commune_code
        ? joinAddress(p.perm_detail, communeName(n, p.perm_commune_code), provinceName(n, p.province_code))
        : null,
  },
  {
    header: 'Nơi ở hiện tại',
    width: 44,
    cls: 'contact',
    value: (p, n) =>
      joinAddress(p.cur_detail, communeName(n, p.cur_commune_code), provinceName(n, p.province_code)),
  },
  { header: 'Xã/phường', width: 22, value: (p, n) => communeName(n, p.cur_commune_code) },
  { header: 'Mã xã/phường', width: 12, value: (p) => p.cur_commune_code },
  { header: 'Số điện thoại', width: 14, cls: 'contact', value: (p) => p.phone },
  {
    header: 'Trạng thái hồ sơ',
    width: 26,
    value: (p) => statusLabels.vi[p.status as PersonStatus] ?? p.status,
  },
];

/** The columns the actor may read. */
export const columnsFor = (classes: Set<SensitivityClass>) =>
  EXPORT_COLUMNS.filter((c) => !c.cls || classes.has(c.cls)).filter(
    // Whoever reads the date of birth gets it in "Ngày sinh"; "Năm sinh" is for the others only.
    (c) => !(c.header === 'Năm sinh' && classes.has('identity')),
  );

async function toXlsx(columns: readonly Column[], rows: Cells[], info: [string, string | number][]) {
  const { wb, finish } = xlsxWorkbook();
  const list = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  list.getRow(1).font = { bold: true };
  list.getRow(1).commit();
  columns.forEach((c, i) => {
    if (c.header === 'Ngày sinh') list.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    // The CCCD as text, so that Excel neither drops its leading zero nor writes it as 1.2E+11.
    if (c.header === 'Số CCCD/CMND' || c.header === 'Số điện thoại' || c.header === 'Mã xã/phường')
      list.getColumn(i + 1).numFmt = '@';
  });
  for (const r of rows) list.addRow(r).commit();
  list.commit();
  const sheet = wb.addWorksheet('Thông tin');
  sheet.columns = [
    { header: 'Thông tin', width: 26 },
    { header: 'Nội dung', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of info) sheet.addRow(row).commit();
  sheet.commit();
  return finish();
}

// Formula-looking text is defused by the shared csvCell (issue 16).
const csvCell = (v: unknown) => safeCsvCell(v instanceof Date ? shortDate(v.toISOString().slice(0, 10)) : v);

function toCsv(columns: readonly Column[], rows: Cells[]) {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return csvText(lines);
}

/**
 * Exports the people the actor may read, with the filters of the list (name/CCCD, commune, status), as xlsx
 * or csv. One transaction: the reads and one audit entry per exported person plus one for the export.
 */
export async function exportPeople(
  deps: AppDeps,
  actor: Actor,
  format: PeopleExportFormat,
  query: PeopleExportQuery,
) {
  authorize(actor, 'people.read');
  const classes = readableClasses(actor);
  const columns = columnsFor(classes);
  const raw = (query.q ?? '').trim();
  const isCitizenId = /^\d{12}$/.test(raw);
  const tokens = isCitizenId ? [] : normalizeVi(raw).split(' ').filter(Boolean);
  const exportedAt = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const people: PersonRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { rows, total } = await peopleRepo.search(trx, personScopeOf(actor), {
        tokens,
        citizenId: isCitizenId ? raw : undefined,
        communeCode: query.communeCode,
        status: query.status,
        limit: PAGE,
        offset,
      });
      if (total > MAX_EXPORT_ROWS)
        throw new AppError(
          'export_too_large',
          422,
          {
            vi: `Danh sách có ${total} người, quá ${MAX_EXPORT_ROWS} người một lần xuất: hãy lọc theo xã/phường hoặc trạng thái`,
            en: `The list holds ${total} people, more than ${MAX_EXPORT_ROWS} per export: filter by commune or status`,
          },
          [],
          { total, max: MAX_EXPORT_ROWS },
        );
      people.push(...rows);
      if (rows.length < PAGE || people.length >= total) break;
    }
    const codes = [
      ...new Set(people.flatMap((p) => [p.cur_commune_code, p.province_code, p.perm_commune_code ?? ''])),
    ];
    const names = await peopleRepo.unitNames(trx, codes.filter(Boolean));
    const rows = people.map((p, i) => columns.map((c) => c.value(p, names, i)));
    const filters = { q: raw || undefined, communeCode: query.communeCode, status: query.status };
    const entries: AuditEntry[] = [
      {
        action: 'people.export',
        entityType: 'person',
        details: { format, filters, count: people.length, columns: columns.map((c) => c.header) },
      },
      ...people.map((p) => ({
        action: 'person.export',
        entityType: 'person',
        entityId: p.id,
        details: { format },
      })),
    ];
    await auditMany(trx, actor, entries);
    const day = exportedAt.toISOString().slice(0, 10);
    const filename = `danh-sach-nguoi-${day}.${format}`;
    const info: [string, string | number][] = [
      ['Danh sách', 'Người nghiện, người sử dụng trái phép chất ma túy'],
      ['Tìm theo', raw || '(tất cả)'],
      [
        'Xã/phường',
        query.communeCode ? (names.get(`commune:${query.communeCode}`) ?? query.communeCode) : '(tất cả)',
      ],
      [
        'Trạng thái',
        query.status ? (statusLabels.vi[query.status as PersonStatus] ?? query.status) : '(tất cả)',
      ],
      ['Số người', people.length],
      ['Xuất lúc (giờ Việt Nam)', vietnamDateTime(exportedAt)],
      ['Người xuất', actor.username],
      [
        'Nhập lại',
        'Có thể sửa và nhập lại tệp này (Nhập danh sách): người có Số CCCD trùng được cập nhật, không tạo hồ sơ mới.',
      ],
    ];
    const body = format === 'xlsx' ? await toXlsx(columns, rows, info) : toCsv(columns, rows);
    return { body, filename, contentType: PEOPLE_EXPORT_CONTENT_TYPES[format], count: people.length };
  });
}
