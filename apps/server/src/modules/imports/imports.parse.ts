import type { Cell } from '@hoanhap/domain/import/headers';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type Table = { rows: Cell[][]; kind: 'xlsx' | 'csv'; sheet: string | null };

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

/** Reads the first sheet of an .xlsx or a .csv file into rows of cells; .xls and others: 415. */
export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  if (data.length > MAX_IMPORT_BYTES)
    throw new AppError('file_too_large', 413, {
      vi: 'Tệp quá lớn: tối đa 20 MB',
      en: 'File too large: at most 20 MB',
    });
  const lower = fileName.toLowerCase();
  const isZip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
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
    const rows: Cell[][] = [];
    // columnCount walks every row: read it once, not once per cell (that made 10,000 rows take minutes).
    const columns = ws?.columnCount ?? 0;
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= columns; c++) cells.push(cellValue(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { rows, kind: 'xlsx', sheet: ws?.name ?? null };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    return { rows: parseCsv(data.toString('utf8')), kind: 'csv', sheet: null };
  }
  throw new AppError('unsupported_file_type', 415, {
    vi: 'Chưa đọc được tệp .xls (Excel 97–2003). Hãy mở tệp trong Excel hoặc LibreOffice và lưu lại dạng .xlsx hoặc .csv (UTF-8) rồi tải lên lại.',
    en: '.xls (Excel 97–2003) files cannot be read yet. Open the file in Excel or LibreOffice, save it as .xlsx or .csv (UTF-8) and upload it again.',
  });
}
