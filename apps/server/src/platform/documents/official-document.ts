// An official administrative document as data, in the layout of Decree 30/2020/NĐ-CP, Appendix I.
// Templates build it from plain facts; render-docx.ts and render-pdf.ts turn the same value into a
// Word file or a PDF, so the two outputs cannot drift apart in wording.

/** A piece of text with its emphasis; plain strings are regular text; '\n' breaks the line within the paragraph. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type Align = 'justify' | 'center' | 'left' | 'right';
export type Indent = 'first-line' | 'left' | 'none';

/** One block of the document body. */
export type Block =
  | {
      type: 'paragraph';
      content: string | readonly Inline[];
      align?: Align;
      /**
       * 'first-line' (the usual body paragraph; default for justified text), 'left' (the whole paragraph,
       * for labelled fields whose long values wrap under the value) or 'none'.
       */
      indent?: Indent;
      bold?: boolean;
      italic?: boolean;
    }
  /** "Điều 1. ..." with the label in bold. */
  | { type: 'article'; label: string; content: string | readonly Inline[] }
  /** A bold centred line such as "QUYẾT ĐỊNH:" or "CHỨNG NHẬN:". */
  | { type: 'heading'; text: string }
  /** A ruled table, e.g. the documents of a dossier; widths are relative. */
  | {
      type: 'table';
      columns: readonly { header: string; width: number; align?: Exclude<Align, 'justify'> }[];
      rows: readonly (readonly string[])[];
    };

/** The issuing body, top left: an optional governing body (regular caps) and the body's name (bold caps). */
export interface Issuer {
  parent?: string;
  /** One or more lines, e.g. ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH']. */
  name: readonly string[];
}

/** A signature block: capacity lines in caps, space for signature and seal, the full name in bold. */
export interface Signature {
  /** E.g. ['CHỦ TỊCH'] or ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] or ['NGƯỜI CAM KẾT']. */
  capacity: readonly string[];
  /** Italic note under the capacity on forms filled by hand, e.g. '(Ký, ghi rõ họ tên)'. */
  hint?: string;
  /** Null leaves the line blank, to be written by hand. */
  fullName: string | null;
}

export type FooterLeft =
  | { type: 'recipients'; items: readonly string[] }
  | ({ type: 'signature' } & Signature);

export interface OfficialDocument {
  /** Where the document came from; stored with the issued record, never printed. */
  meta: {
    title: string;
    templateId?: string;
    templateVersion?: string;
    regimeId?: string;
    /** The template's wording is not yet checked against the official form. */
    verify?: boolean;
  };
  /** Absent for documents written by a citizen (a family commitment): the motto is then centred. */
  issuer?: Issuer;
  /** Without "Số: ", e.g. '12/QĐ-UBND'; absent when the kind of document carries no number. */
  number?: string;
  /** Place name for the date line, e.g. 'Ba Đình' (see placeName). */
  place: string;
  /** ISO date; null prints a blank "ngày ... tháng ... năm ..." for filling by hand. */
  date: string | null;
  /** Document type in caps, e.g. 'QUYẾT ĐỊNH', 'GIẤY CHỨNG NHẬN'. */
  title: string;
  /** Summary lines under the title (trích yếu), bold: 'Về việc quản lý sau cai nghiện ma túy'. */
  subject?: readonly string[];
  /** The authority line of a decision, e.g. 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH'. */
  authority?: string;
  /** Legal bases, italic, each a full line ending with ';' or the last with '.' or ','. */
  legalBases?: readonly string[];
  /** The enacting word after the bases, e.g. 'QUYẾT ĐỊNH:'. */
  enacting?: string;
  body: readonly Block[];
  footer: { left?: FooterLeft; right: Signature };
}

/** Decree 30 Appendix I measures, shared by both renderers. */
export const DECREE30 = {
  page: { widthMm: 210, heightMm: 297 },
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
  size: {
    body: 14,
    issuer: 12,
    motto: 12,
    slogan: 13,
    number: 13,
    dateLine: 14,
    title: 14,
    subject: 14,
    authority: 14,
    recipientsHeading: 12,
    recipients: 11,
    signer: 14,
    table: 12,
  },
  /** Share of the text width given to the left header column (issuer, number). */
  headerLeftShare: 0.4,
  /** Share of the text width given to the left footer column (recipients). */
  footerLeftShare: 0.45,
  firstLineIndentMm: 10,
  /** Blank lines left for the signature and seal. */
  signatureSpaceLines: 4,
} as const;

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Text width of the page in millimetres. */
export function textWidthMm(): number {
  return DECREE30.page.widthMm - DECREE30.marginsMm.left - DECREE30.marginsMm.right;
}

/**
 * The date line of Decree 30: "Ba Đình, ngày 05 tháng 3 năm 2026" — days under 10 and the months
 * 1 and 2 take a leading zero, other months do not.
 */
export function dateLine(place: string, isoDate: string | null): string {
  if (isoDate === null) return `${place}, ngày ... tháng ... năm ...`;
  const { year, month, day } = splitIsoDate(isoDate);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${year}`;
}

/** A date inside the text, dd/mm/yyyy: '05/03/2026'. */
export function shortDate(isoDate: string): string {
  const { year, month, day } = splitIsoDate(isoDate);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Vietnam's offset from UTC (UTC+7 all year, no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar date in Vietnam at an instant, ISO: what an official document issued now is dated (a server
 * on UTC would otherwise date it the day before from 00:00 to 07:00 Vietnam time).
 */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant in Vietnam time for the text of a document: '05/03/2026 08:15'. */
export function vietnamDateTime(at: Date | string): string {
  const t = new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shortDate(t.slice(0, 10))} ${t.slice(11, 16)}`;
}

/** The number line content: '05/QĐ-UBND' (numbers under 10 take a leading zero), or a blank to fill in. */
export function formatDocumentNumber(sequence: number | null, symbol: string): string {
  if (sequence === null) return `      /${symbol}`;
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`invalid document number ${sequence}`);
  return `${String(sequence).padStart(2, '0')}/${symbol}`;
}

/**
 * The place name of the date line: the unit's name without its level ('Phường Ba Đình' → 'Ba Đình',
 * 'Thành phố Hà Nội' → 'Hà Nội') — except a numbered unit ('Phường 15', 'Quận 1'), which keeps it.
 */
export function placeName(unitName: string): string {
  const name = unitName.normalize('NFC').trim();
  const m = /^(xã|phường|đặc khu|thị trấn|quận|huyện|thị xã|thành phố|tỉnh)\s+(.+)$/iu.exec(name);
  if (!m) return name;
  return /^\d+$/.test(m[2]) ? name : m[2];
}

/** Upper case for Vietnamese (the default locale rules already handle đ → Đ). */
export function caps(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/** Every text of the document in NFC, so that no renderer meets decomposed diacritics. */
export function normalizeDocument(doc: OfficialDocument): OfficialDocument {
  return deepMapStrings(doc, (s) => s.normalize('NFC'));
}

/** Inline content as a list of inlines. */
export function inlines(content: string | readonly Inline[]): readonly Inline[] {
  return typeof content === 'string' ? [content] : content;
}

function deepMapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => deepMapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepMapStrings(v, f);
    return out as T;
  }
  return value;
}

function splitIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Ngày không hợp lệ / invalid date: '${isoDate}' (YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Rough width of a line of text in points, to size the short rules under headings (1/3–1/2 of it). */
export function estimateTextWidthPt(text: string, sizePt: number, { bold = false } = {}): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.25;
    else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) em += bold ? 0.72 : 0.68;
    else em += 0.47;
  }
  return em * sizePt;
}
