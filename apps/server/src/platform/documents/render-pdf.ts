import fs from 'node:fs';
import path from 'node:path';
import PdfPrinter, { type FontDescriptor } from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import {
  type Align,
  type Block,
  DECREE30,
  dateLine,
  estimateTextWidthPt,
  type FooterLeft,
  type Indent,
  type Inline,
  inlines,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  normalizeDocument,
  type OfficialDocument,
  type Signature,
  textWidthMm,
} from './official-document.ts';

// PDF output with pdfmake, in Liberation Serif — metric-compatible with the Times New Roman of the DOCX (Decree 30),
// with every Vietnamese glyph — embedded (subset) from Debian's fonts-liberation2 (the directory can be moved with
// PDF_FONT_DIR). A machine without it falls back to the Roboto that ships inside pdfmake, so a document is always
// produced; `pdfFontName()` says which one is in use.

/** The four TTF files of one font family. */
export type PdfFontFiles = { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer };

export interface RenderPdfOptions {
  /** Compress content streams (default true); tests turn it off to read the text back. */
  compress?: boolean;
  /** Another font family; defaults to Liberation Serif (Roboto where it is not installed). */
  fonts?: PdfFontFiles;
}

const PT_PER_MM = 72 / 25.4;
const FAMILY = 'Doc';
export const LIBERATION_DIR = '/usr/share/fonts/truetype/liberation2';

let robotoFiles: PdfFontFiles | undefined;
function roboto(): PdfFontFiles {
  robotoFiles ??= {
    normal: Buffer.from(vfs['Roboto-Regular.ttf'], 'base64'),
    bold: Buffer.from(vfs['Roboto-Medium.ttf'], 'base64'),
    italics: Buffer.from(vfs['Roboto-Italic.ttf'], 'base64'),
    bolditalics: Buffer.from(vfs['Roboto-MediumItalic.ttf'], 'base64'),
  };
  return robotoFiles;
}

let serif: { name: string; files: PdfFontFiles } | undefined;
/** The default family: Liberation Serif when its files are there, else pdfmake's Roboto. */
function defaultFonts(): { name: string; files: PdfFontFiles } {
  if (serif) return serif;
  const dir = process.env.PDF_FONT_DIR || LIBERATION_DIR;
  const file = (f: string) => fs.readFileSync(path.join(dir, f));
  try {
    serif = {
      name: 'Liberation Serif',
      files: {
        normal: file('LiberationSerif-Regular.ttf'),
        bold: file('LiberationSerif-Bold.ttf'),
        italics: file('LiberationSerif-Italic.ttf'),
        bolditalics: file('LiberationSerif-BoldItalic.ttf'),
      },
    };
  } catch {
    serif = { name: 'Roboto', files: roboto() };
  }
  return serif;
}

/** The family PDFs are written in by default ('Liberation Serif', or 'Roboto' where it is not installed). */
export const pdfFontName = () => defaultFonts().name;

type Node = Record<string, unknown>;

/** Renders the document as a PDF (A4, Decree 30 margins), with the same content and layout as the DOCX. */
export async function renderPdf(input: OfficialDocument, options: RenderPdfOptions = {}): Promise<Buffer> {
  const doc = normalizeDocument(input);
  const fonts: Record<string, FontDescriptor> = { [FAMILY]: options.fonts ?? defaultFonts().files };
  const printer = new PdfPrinter(fonts);
  const textWidth = textWidthMm() * PT_PER_MM;
  const m = DECREE30.marginsMm;
  const definition: Node = {
    pageSize: 'A4',
    pageMargins: [m.left, m.top, m.right, m.bottom].map((v) => v * PT_PER_MM),
    compress: options.compress ?? true,
    info: {
      title: doc.meta.title,
      creator: 'Hòa Nhập',
      producer: 'Hòa Nhập',
      subject: doc.title,
      keywords: [doc.meta.templateId, doc.meta.templateVersion, doc.meta.regimeId].filter(Boolean).join(' '),
    },
    defaultStyle: { font: FAMILY, fontSize: DECREE30.size.body, lineHeight: 1.05 },
    // Decree 30: page numbers centred in the top margin, from the second page on.
    header: (page: number) =>
      page === 1
        ? null
        : {
            text: String(page),
            alignment: 'center',
            fontSize: DECREE30.size.body,
            margin: [0, 10 * PT_PER_MM, 0, 0],
          },
    content: [
      header(doc, textWidth),
      ...titleBlock(doc, textWidth),
      ...doc.body.slice(0, -1).map((b) => block(b)),
      // The last body block keeps with the signature, so a signer never stands alone on a page.
      { stack: [...doc.body.slice(-1).map((b) => block(b)), footer(doc, textWidth)], unbreakable: true },
    ],
  };
  const pdf = printer.createPdfKitDocument(definition);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

type Style = { size: number; bold?: boolean; italic?: boolean; underline?: boolean };

function textNodes(content: readonly Inline[], s: Style): Node[] {
  return content.map((i) => {
    const o = typeof i === 'string' ? { text: i } : i;
    const underline = o.underline ?? s.underline;
    return {
      text: o.text,
      bold: o.bold ?? s.bold ?? false,
      italics: o.italic ?? s.italic ?? false,
      ...(underline ? { decoration: 'underline' } : {}),
    };
  });
}

function para(
  content: readonly Inline[],
  s: Style,
  opts: { align?: Align; before?: number; indent?: Indent } = {},
): Node {
  const indent = DECREE30.firstLineIndentMm * PT_PER_MM;
  return {
    text: textNodes(content, s),
    fontSize: s.size,
    alignment: opts.align ?? 'left',
    margin: [opts.indent === 'left' ? indent : 0, opts.before ?? 0, 0, 0],
    ...(opts.indent === 'first-line' ? { leadingIndent: indent } : {}),
  };
}

/** A short centred rule under a heading: 40% of the heading's width, within Decree 30's 1/3–1/2. */
function shortRule(overText: string, sizePt: number, bold: boolean, width: number): Node {
  // A heading that wraps is as wide as its box.
  const rule = Math.min(width, estimateTextWidthPt(overText, sizePt, { bold })) * 0.4;
  const x1 = (width - rule) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: 1.5, x2: x1 + rule, y2: 1.5, lineWidth: 0.6 }],
    margin: [0, 0, 0, 2],
  };
}

function header(doc: OfficialDocument, textWidth: number): Node {
  const s = DECREE30.size;
  const national = [
    para([NATIONAL_NAME], { size: s.motto, bold: true }, { align: 'center' }),
    para([NATIONAL_MOTTO], { size: s.slogan, bold: true, underline: true }, { align: 'center' }),
  ];
  if (!doc.issuer) {
    return {
      stack: [
        ...national,
        para(
          [dateLine(doc.place, doc.date)],
          { size: s.dateLine, italic: true },
          { align: 'right', before: 6 },
        ),
      ],
    };
  }
  const leftW = textWidth * DECREE30.headerLeftShare;
  const left: Node[] = [];
  if (doc.issuer.parent) left.push(para([doc.issuer.parent], { size: s.issuer }, { align: 'center' }));
  for (const line of doc.issuer.name)
    left.push(para([line], { size: s.issuer, bold: true }, { align: 'center' }));
  const longest = doc.issuer.name.reduce((a, b) => (b.length > a.length ? b : a), '');
  left.push(shortRule(longest, s.issuer, true, leftW));
  if (doc.number !== undefined)
    left.push(para([`Số: ${doc.number}`], { size: s.number }, { align: 'center', before: 6 }));
  return {
    columnGap: 0,
    columns: [
      { width: leftW, stack: left },
      {
        width: '*',
        stack: [
          ...national,
          para(
            [dateLine(doc.place, doc.date)],
            { size: s.dateLine, italic: true },
            { align: 'center', before: 6 },
          ),
        ],
      },
    ],
  };
}

function titleBlock(doc: OfficialDocument, textWidth: number): Node[] {
  const s = DECREE30.size;
  const out: Node[] = [para([doc.title], { size: s.title, bold: true }, { align: 'center', before: 18 })];
  for (const line of doc.subject ?? [])
    out.push(para([line], { size: s.subject, bold: true }, { align: 'center' }));
  const lastLine = doc.subject?.length ? doc.subject[doc.subject.length - 1] : doc.title;
  out.push(shortRule(lastLine, s.subject, true, textWidth));
  if (doc.authority)
    out.push(para([doc.authority], { size: s.authority, bold: true }, { align: 'center', before: 12 }));
  for (const basis of doc.legalBases ?? [])
    out.push(
      para([basis], { size: s.body, italic: true }, { align: 'justify', before: 6, indent: 'first-line' }),
    );
  if (doc.enacting)
    out.push(para([doc.enacting], { size: s.title, bold: true }, { align: 'center', before: 12 }));
  return out;
}

function block(b: Block): Node {
  const size = DECREE30.size.body;
  switch (b.type) {
    case 'paragraph': {
      const align = b.align ?? 'justify';
      const indent = b.indent ?? (align === 'justify' ? 'first-line' : 'none');
      return para(inlines(b.content), { size, bold: b.bold, italic: b.italic }, { align, before: 6, indent });
    }
    case 'article':
      return para(
        [{ text: `${b.label} `, bold: true }, ...inlines(b.content)],
        { size },
        {
          align: 'justify',
          before: 6,
          indent: 'first-line',
        },
      );
    case 'heading':
      return para([b.text], { size, bold: true }, { align: 'center', before: 12 });
    case 'table': {
      const size = DECREE30.size.table;
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      return {
        margin: [0, 8, 0, 0],
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: b.columns.map((c) => `${((c.width / total) * 100).toFixed(3)}%`),
          body: [
            b.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center', fontSize: size })),
            ...b.rows.map((r) =>
              b.columns.map((c, i) => ({ text: r[i] ?? '', alignment: c.align ?? 'left', fontSize: size })),
            ),
          ],
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          paddingLeft: () => 4,
          paddingRight: () => 4,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      };
    }
  }
}

function signatureStack(sig: Signature): Node[] {
  const s = DECREE30.size.signer;
  const out = sig.capacity.map((line) => para([line], { size: s, bold: true }, { align: 'center' }));
  if (sig.hint) out.push(para([sig.hint], { size: 13, italic: true }, { align: 'center' }));
  const space = DECREE30.signatureSpaceLines * s * 1.2;
  out.push(para([sig.fullName ?? ' '], { size: s, bold: true }, { align: 'center', before: space }));
  return out;
}

function leftFooter(left: FooterLeft | undefined): Node[] {
  if (!left) return [];
  if (left.type === 'signature') return signatureStack(left);
  const s = DECREE30.size;
  return [
    para(['Nơi nhận:'], { size: s.recipientsHeading, bold: true, italic: true }),
    ...left.items.map((item) => para([item], { size: s.recipients })),
  ];
}

function footer(doc: OfficialDocument, textWidth: number): Node {
  return {
    margin: [0, 12, 0, 0],
    columnGap: 0,
    columns: [
      { width: textWidth * DECREE30.footerLeftShare, stack: leftFooter(doc.footer.left) },
      { width: '*', stack: signatureStack(doc.footer.right) },
    ],
  };
}
