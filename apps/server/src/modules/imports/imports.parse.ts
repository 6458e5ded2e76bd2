import * as XLSX from '@e965/xlsx';
import type { Cell } from '@hoanhap/domain/import/headers';
import { cleanText } from '@hoanhap/domain/text-safety';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Rows of one file (any type), titles and blank rows included: a larger list is split into several files. */
export const MAX_IMPORT_ROWS = 20_000;

export type Table = { rows: Cell[][]; kind: 'xlsx' | 'xls' | 'csv'; sheet: string | null };

function tooManyRows(): AppError {
  return new AppError('too_many_rows', 413, {
    vi: `Tệp có quá nhiều dòng: tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng một lần nhập. Hãy chia danh sách thành nhiều tệp.`,
    en: `The file has too many rows: at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows per import. Split the list into several files.`,
  });
}

/** An Excel serial day number (1900 system, or 1904) as the UTC date ExcelJS gives for a date cell. */
const serialDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v + (date1904 ? 1462 : 0) - 25569) * 86_400_000));

/**
 * The first sheet of an .xls (Excel 97–2003, BIFF) file, read with SheetJS into the same rows as an .xlsx read
 * with ExcelJS: dates as UTC dates (number cells with a date format), text, numbers, booleans, formula results,
 * errors as empty, and a merged cell's value in every cell of the merge.
 */
export function readXls(data: Buffer): Table {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(data, { type: 'buffer', cellNF: true, cellDates: false, cellHTML: false, sheets: 0 });
  } catch {
    throw new AppError('unreadable_file', 422, {
      vi: 'Không đọc được tệp Excel (.xls)',
      en: 'The Excel (.xls) file cannot be read',
    });
  }
  const name = wb.SheetNames[0];
  const ws = name ? wb.Sheets[name] : undefined;
  if (!ws?.['!ref']) return { rows: [], kind: 'xls', sheet: name ?? null };
  const range = XLSX.utils.decode_range(ws['!ref']);
  if (range.e.r + 1 > MAX_IMPORT_ROWS) throw tooManyRows();
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const value = (c: XLSX.CellObject | undefined): Cell => {
    if (!c || c.v == null) return null;
    switch (c.t) {
      case 'n':
        return c.z && XLSX.SSF.is_date(c.z) ? serialDate(c.v as number, date1904) : (c.v as number);
      case 's':
        return String(c.v);
      case 'b':
        return Boolean(c.v);
      case 'd':
        return c.v instanceof Date ? c.v : new Date(String(c.v));
      default:
        return null; // 'e' (an error such as #N/A) and 'z' (a stub)
    }
  };
  const width = range.e.c + 1;
  const rows: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    for (let c = 0; c < width; c++) cells.push(value(ws[XLSX.utils.encode_cell({ r, c })]));
    rows.push(cells);
  }
  for (const m of ws['!merges'] ?? []) {
    const master = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++) if (rows[r] && c < width) rows[r][c] = master;
  }
  // Trailing empty rows are not part of the list (ExcelJS stops at the last row holding a value).
  while (rows.length && rows[rows.length - 1].every((x) => x == null)) rows.pop();
  return { rows, kind: 'xls', sheet: name };
}

/** One CSV text into records: quotes (with doubled quotes and line breaks inside), ';' ',' or tab. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n/) >>> 0 || src.length);
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const sep = counts.sort((a, b) => b[1] - a[1])[0][0];
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

// Imported text is input like any other: control characters and bidirectional overrides go (issue 16).
const cleanRow = (cells: Cell[]) => cells.map((c) => (typeof c === 'string' ? cleanText(c) : c));

/**
 * Reads the first sheet of an .xlsx (ExcelJS), .xls (SheetJS) or .csv file into rows of cells; at most 20 MB and
 * MAX_IMPORT_ROWS rows (413); other types: 415. Text cells are cleaned as every input is.
 */
export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  if (data.length > MAX_IMPORT_BYTES)
    throw new AppError('file_too_large', 413, {
      vi: 'Tệp quá lớn: tối đa 20 MB',
      en: 'File too large: at most 20 MB',
    });
  const lower = fileName.toLowerCase();
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  // An .xls is an OLE2 compound file (D0 CF 11 E0), whatever its name says.
  const isOle = data.length > 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;
  if (isOle || (lower.endsWith('.xls') && !isZip)) {
    const xls = readXls(data);
    return { ...xls, rows: xls.rows.map(cleanRow) };
  }
  if (lower.endsWith('.xlsx') || isZip) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new AppError('unreadable_file', 422, {
        vi: 'Không đọc được tệp Excel (.xlsx)',
        en: 'The Excel (.xlsx) file cannot be read',
      });
    }
    const ws = wb.worksheets[0];
    if ((ws?.rowCount ?? 0) > MAX_IMPORT_ROWS) throw tooManyRows();
    const rows: Cell[][] = [];
    // columnCount walks every row: read it once, not once per cell (that made 10,000 rows take minutes).
    const columns = ws?.columnCount ?? 0;
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= columns; c++) cells.push(cellValue(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { rows: rows.map(cleanRow), kind: 'xlsx', sheet: ws?.name ?? null };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const rows = parseCsv(data.toString('utf8'));
    if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
    return { rows: rows.map(cleanRow), kind: 'csv', sheet: null };
  }
  throw new AppError('unsupported_file_type', 415, {
    vi: 'Loại tệp không đọc được. Hãy tải lên tệp Excel (.xlsx, .xls) hoặc .csv (UTF-8).',
    en: 'This type of file cannot be read. Upload an Excel (.xlsx, .xls) or .csv (UTF-8) file.',
  });
}
