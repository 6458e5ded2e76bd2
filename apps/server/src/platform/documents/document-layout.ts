import {
  type Align,
  type Block,
  DECREE30,
  dateLine,
  type FooterLeft,
  type Indent,
  type Inline,
  inlines,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  type OfficialDocument,
  type Signature,
} from './official-document.ts';

// The Decree 30 layout of an official document, stated once: which lines stand where, in which size, weight and
// alignment. render-docx.ts and render-pdf.ts each draw these lines in their own format (a Word paragraph, a
// pdfmake node), so the two files cannot drift apart.

export type TextStyle = { size: number; bold?: boolean; italic?: boolean; underline?: boolean };
export type ParaOptions = { align?: Align; before?: number; indent?: Indent; keepNext?: boolean };

/** A paragraph of the layout. */
export type ParaLine = { kind: 'para'; content: readonly Inline[]; style: TextStyle; opts: ParaOptions };
/** A short centred rule under a heading (its width follows the heading's text). */
export type RuleLine = { kind: 'rule'; under: string; size: number; bold: boolean };
export type Line = ParaLine | RuleLine;

/** A paragraph line. */
export const paraLine = (content: readonly Inline[], style: TextStyle, opts: ParaOptions = {}): ParaLine => ({
  kind: 'para',
  content,
  style,
  opts,
});

const S = DECREE30.size;

/** The national name and motto, centred. */
const nationalLines = (): ParaLine[] => [
  paraLine([NATIONAL_NAME], { size: S.motto, bold: true }, { align: 'center' }),
  paraLine([NATIONAL_MOTTO], { size: S.slogan, bold: true, underline: true }, { align: 'center' }),
];

const dateLineOf = (doc: OfficialDocument, align: Align): ParaLine =>
  paraLine([dateLine(doc.place, doc.date)], { size: S.dateLine, italic: true }, { align, before: 6 });

/**
 * The header: a citizen's document has the motto centred across the page and the date line to the right; an
 * issuer's has the issuer (parent, name, rule, number) on the left and the motto over the date line on the right.
 */
export function headerLayout(doc: OfficialDocument): { issuer: Line[] | null; national: Line[] } {
  if (!doc.issuer) return { issuer: null, national: [...nationalLines(), dateLineOf(doc, 'right')] };
  const issuer: Line[] = [];
  if (doc.issuer.parent) issuer.push(paraLine([doc.issuer.parent], { size: S.issuer }, { align: 'center' }));
  for (const line of doc.issuer.name)
    issuer.push(paraLine([line], { size: S.issuer, bold: true }, { align: 'center' }));
  const longest = doc.issuer.name.reduce((a, b) => (b.length > a.length ? b : a), '');
  issuer.push({ kind: 'rule', under: longest, size: S.issuer, bold: true });
  if (doc.number !== undefined)
    issuer.push(paraLine([`Số: ${doc.number}`], { size: S.number }, { align: 'center', before: 6 }));
  return { issuer, national: [...nationalLines(), dateLineOf(doc, 'center')] };
}

/** The title, subject lines and rule, the authority, the legal bases and the enacting words. */
export function titleLines(doc: OfficialDocument): Line[] {
  const out: Line[] = [paraLine([doc.title], { size: S.title, bold: true }, { align: 'center', before: 18 })];
  for (const line of doc.subject ?? [])
    out.push(paraLine([line], { size: S.subject, bold: true }, { align: 'center' }));
  const lastLine = doc.subject?.length ? doc.subject[doc.subject.length - 1] : doc.title;
  out.push({ kind: 'rule', under: lastLine, size: S.subject, bold: true });
  if (doc.authority)
    out.push(paraLine([doc.authority], { size: S.authority, bold: true }, { align: 'center', before: 12 }));
  for (const basis of doc.legalBases ?? [])
    out.push(
      paraLine(
        [basis],
        { size: S.body, italic: true },
        { align: 'justify', before: 6, indent: 'first-line' },
      ),
    );
  if (doc.enacting)
    out.push(paraLine([doc.enacting], { size: S.title, bold: true }, { align: 'center', before: 12 }));
  return out;
}

/** A body block other than a table: a paragraph, an article (its label in bold) or a heading. */
export function textBlockLine(b: Exclude<Block, { type: 'table' }>): ParaLine {
  const size = S.body;
  switch (b.type) {
    case 'paragraph': {
      const align = b.align ?? 'justify';
      const indent = b.indent ?? (align === 'justify' ? 'first-line' : 'none');
      return paraLine(
        inlines(b.content),
        { size, bold: b.bold, italic: b.italic },
        { align, before: 6, indent },
      );
    }
    case 'article':
      return paraLine(
        [{ text: `${b.label} `, bold: true }, ...inlines(b.content)],
        { size },
        { align: 'justify', before: 6, indent: 'first-line' },
      );
    case 'heading':
      return paraLine([b.text], { size, bold: true }, { align: 'center', before: 12, keepNext: true });
  }
}

/**
 * A signature block: the signer's capacity and hint, then (after the space for the signature, which each format
 * makes its own way) the signer's name, or `blank` when the name is not known yet.
 */
export function signatureLines(sig: Signature, blank: string): { above: ParaLine[]; name: ParaLine } {
  const s = S.signer;
  const above = sig.capacity.map((line) => paraLine([line], { size: s, bold: true }, { align: 'center' }));
  if (sig.hint) above.push(paraLine([sig.hint], { size: 13, italic: true }, { align: 'center' }));
  return { above, name: paraLine([sig.fullName ?? blank], { size: s, bold: true }, { align: 'center' }) };
}

/** The list of recipients (Nơi nhận) at the foot's left, when the left is not a second signature. */
export const recipientLines = (left: Extract<FooterLeft, { type: 'recipients' }>): ParaLine[] => [
  paraLine(['Nơi nhận:'], { size: S.recipientsHeading, bold: true, italic: true }),
  ...left.items.map((item) => paraLine([item], { size: S.recipients })),
];
