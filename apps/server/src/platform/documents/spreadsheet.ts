import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

// What the list exports (people, facility board, report drill-downs) share: an .xlsx workbook streamed into
// memory, and the CSV text Excel opens as UTF-8 (BOM, CRLF).

/** A streaming workbook (styles on, no shared strings); `finish()` commits it and returns the file's bytes. */
export function xlsxWorkbook() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Hòa Nhập';
  const finish = async (): Promise<Buffer> => {
    await wb.commit();
    await done;
    return Buffer.concat(chunks);
  };
  return { wb, finish };
}

/** CSV lines (already joined cells) as the file's text: a BOM so that Excel reads UTF-8, CRLF line ends. */
export const csvText = (lines: string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;
