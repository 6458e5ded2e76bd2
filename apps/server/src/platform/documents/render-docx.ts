import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
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
  type Align,
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

// Word output. Every run names Times New Roman itself (not only the default style) because offices open
// these files in Word, LibreOffice and WPS, and some of them ignore document defaults on copy-paste.

const FONT = DECREE30.font;
const TWIPS_PER_PT = 20;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
} as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Rounded, not floored as docx's own helper does, so that A4 comes out as Word's 11906 × 16838. */
const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Renders the document as a .docx file (A4, Decree 30 margins, Times New Roman). */
export async function renderDocx(input: OfficialDocument): Promise<Buffer> {
  const doc = normalizeDocument(input);
  const textWidth = mmToTwip(textWidthMm());
  // The last body block and the signature share one unsplittable table row, so a signer never stands
  // alone on a page (Word and LibreOffice both honour a row that cannot split; LibreOffice ignores
  // "keep with next" from a paragraph into a table).
  const body = doc.body.slice(0, -1).flatMap((b) => block(b, textWidth));
  const last = doc.body.slice(-1).flatMap((b) => block(b, textWidth));
  const children: (Paragraph | Table)[] = [
    header(doc, textWidth),
    ...titleLines(doc).map((l) => draw(l, textWidth)),
    ...body,
    keepTogether(textWidth, [...last, footer(doc, textWidth)]),
  ];
  const m = DECREE30.marginsMm;
  const file = new Document({
    creator: 'Hòa Nhập',
    title: doc.meta.title,
    description: [doc.meta.templateId, doc.meta.templateVersion, doc.meta.regimeId].filter(Boolean).join(' '),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: DECREE30.size.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          // Decree 30: page numbers centred in the top margin, from the second page on.
          titlePage: true,
          page: {
            size: {
              width: mmToTwip(DECREE30.page.widthMm),
              height: mmToTwip(DECREE30.page.heightMm),
            },
            margin: {
              top: mmToTwip(m.top),
              bottom: mmToTwip(m.bottom),
              left: mmToTwip(m.left),
              right: mmToTwip(m.right),
              header: mmToTwip(10),
              footer: mmToTwip(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: DECREE30.size.body * 2 }),
                ],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}

function run(text: string, s: TextStyle, lineBreak = false): TextRun {
  return new TextRun({
    text,
    break: lineBreak ? 1 : undefined,
    font: FONT,
    size: s.size * 2,
    bold: s.bold,
    italics: s.italic,
    underline: s.underline ? {} : undefined,
    language: { value: 'vi-VN' },
  });
}

/** Runs of a paragraph; a '\n' inside a text becomes a line break within the paragraph. */
function runs(content: readonly Inline[], s: TextStyle): TextRun[] {
  return content.flatMap((i) => {
    const o = typeof i === 'string' ? { text: i } : i;
    const style = {
      size: s.size,
      bold: o.bold ?? s.bold,
      italic: o.italic ?? s.italic,
      underline: o.underline ?? s.underline,
    };
    return o.text.split('\n').map((part, n) => run(part, style, n > 0));
  });
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
};

function para(
  content: readonly Inline[],
  s: TextStyle,
  opts: ParaOptions & { after?: number } = {},
): Paragraph {
  const indentTwips = mmToTwip(DECREE30.firstLineIndentMm);
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'left'],
    spacing: { before: (opts.before ?? 0) * TWIPS_PER_PT, after: (opts.after ?? 0) * TWIPS_PER_PT },
    indent:
      opts.indent === 'first-line'
        ? { firstLine: indentTwips }
        : opts.indent === 'left'
          ? { left: indentTwips }
          : undefined,
    keepNext: opts.keepNext,
    keepLines: opts.keepNext,
    children: runs(content, s),
  });
}

/** A short centred rule under a heading: 40% of the heading's width, within Decree 30's 1/3–1/2. */
function shortRule(overText: string, sizePt: number, bold: boolean, cellWidth: number): Paragraph {
  // A heading that wraps is as wide as its box.
  const lineWidth = Math.min(cellWidth, estimateTextWidthPt(overText, sizePt, { bold }) * TWIPS_PER_PT);
  const ruleWidth = lineWidth * 0.4;
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    children: [run('', { size: 2 })],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length ? children : [new Paragraph({})],
  });
}

function layoutTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(widths[i], c)) })],
  });
}

function keepTogether(width: number, children: (Paragraph | Table)[]): Table {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            // A cell must end with a paragraph.
            children: [...children, para([''], { size: 2 })],
          }),
        ],
      }),
    ],
  });
}

/** A line of the layout as a Word paragraph; a rule is as wide as `width` (twips) allows. */
function draw(line: Line, width: number): Paragraph {
  return line.kind === 'rule'
    ? shortRule(line.under, line.size, line.bold, width)
    : para(line.content, line.style, line.opts);
}

function header(doc: OfficialDocument, textWidth: number): Table {
  const { issuer, national } = headerLayout(doc);
  if (!issuer) return layoutTable([textWidth], [national.map((l) => draw(l, textWidth))]);
  const leftW = Math.round(textWidth * DECREE30.headerLeftShare);
  const rightW = textWidth - leftW;
  return layoutTable(
    [leftW, rightW],
    [issuer.map((l) => draw(l, leftW)), national.map((l) => draw(l, rightW))],
  );
}

function block(b: Block, textWidth: number): (Paragraph | Table)[] {
  if (b.type === 'table') return [para([''], { size: 6 }), dataTable(b, textWidth)];
  return [draw(textBlockLine(b), textWidth)];
}

function dataTable(b: Extract<Block, { type: 'table' }>, textWidth: number): Table {
  const total = b.columns.reduce((a, c) => a + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((textWidth * c.width) / total));
  const size = DECREE30.size.table;
  const border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  const mk = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: border,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        para([text], { size, bold: head }, { align: head ? 'center' : (b.columns[i].align ?? 'left') }),
      ],
    });
  return new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => mk(c.header, i, true)) }),
      ...b.rows.map(
        (r) => new TableRow({ cantSplit: true, children: b.columns.map((_, i) => mk(r[i] ?? '', i, false)) }),
      ),
    ],
  });
}

function signatureParas(sig: Signature): Paragraph[] {
  const { above, name } = signatureLines(sig, '');
  const space = Array.from({ length: DECREE30.signatureSpaceLines }, () =>
    para([''], { size: name.style.size }),
  );
  return [
    ...above.map((l) => draw(l, 0)),
    ...space,
    para(name.content, name.style, { ...name.opts, before: 6 }),
  ];
}

function leftFooter(left: FooterLeft | undefined): Paragraph[] {
  if (!left) return [];
  if (left.type === 'signature') return signatureParas(left);
  return recipientLines(left).map((l) => draw(l, 0));
}

function footer(doc: OfficialDocument, textWidth: number): Table {
  const leftW = Math.round(textWidth * DECREE30.footerLeftShare);
  // A spacer paragraph first keeps the footer off the last body line.
  const rightCell = [para([''], { size: 8 }), ...signatureParas(doc.footer.right)];
  const leftCell = [para([''], { size: 8 }), ...leftFooter(doc.footer.left)];
  return layoutTable([leftW, textWidth - leftW], [leftCell, rightCell]);
}
