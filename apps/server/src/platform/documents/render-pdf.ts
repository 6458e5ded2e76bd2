import fs from 'node:fs';
import path from 'node:path';
import PdfPrinter, { type FontDescriptor } from 'pdfmake';
import vfs from 'pdfmake/build/vfs_fonts.js';
import {
  headerLayout,
  type Line,
  type ParaOptions,
  recipientLines,
  signatureLines,
  type TextStyle,
  textBlockLine,
  titleLines,
} from './document-layout.ts';
import {
  type Block,
  DECREE30,
  estimateTextWidthPt,
  type FooterLeft,
  type Inline,
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
      ...titleLines(doc).map((l) => draw(l, textWidth)),
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

function textNodes(content: readonly Inline[], s: TextStyle): Node[] {
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

function para(content: readonly Inline[], s: TextStyle, opts: ParaOptions = {}): Node {
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

/** A line of the layout as a pdfmake node; a rule is as wide as `width` allows. */
function draw(line: Line, width: number): Node {
  return line.kind === 'rule'
    ? shortRule(line.under, line.size, line.bold, width)
    : para(line.content, line.style, line.opts);
}

function header(doc: OfficialDocument, textWidth: number): Node {
  const { issuer, national } = headerLayout(doc);
  if (!issuer) return { stack: national.map((l) => draw(l, textWidth)) };
  const leftW = textWidth * DECREE30.headerLeftShare;
  return {
    columnGap: 0,
    columns: [
      { width: leftW, stack: issuer.map((l) => draw(l, leftW)) },
      { width: '*', stack: national.map((l) => draw(l, textWidth - leftW)) },
    ],
  };
}

function block(b: Block): Node {
  if (b.type !== 'table') return draw(textBlockLine(b), 0);
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

function signatureStack(sig: Signature): Node[] {
  const { above, name } = signatureLines(sig, ' ');
  const space = DECREE30.signatureSpaceLines * DECREE30.size.signer * 1.2;
  return [...above, { ...name, opts: { ...name.opts, before: space } }].map((l) => draw(l, 0));
}

function leftFooter(left: FooterLeft | undefined): Node[] {
  if (!left) return [];
  if (left.type === 'signature') return signatureStack(left);
  return recipientLines(left).map((l) => draw(l, 0));
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
