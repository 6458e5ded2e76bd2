import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sampleInputs } from './document-fixtures.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME, type OfficialDocument } from './official-document.ts';
import { extractPdfText } from './pdf-text.test-support.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { buildDocument } from './templates/registry.ts';
import type { TemplateKind } from './templates/template.ts';

// Every template, in every regime, rendered to DOCX and PDF and read back.

const KINDS: TemplateKind[] = [
  'user-management-decision',
  'post-rehab-decision',
  'post-rehab-completion-certificate',
  'family-commitment',
  'compulsory-dossier-list',
];
/** One date inside each legal regime; the first also checks a day and a month that take a leading zero. */
const DATES = ['2024-02-09', '2025-04-15', '2025-11-20', '2026-09-30'];
const DATE_LINES: Record<string, string> = {
  '2024-02-09': 'Ba Đình, ngày 09 tháng 02 năm 2024',
  '2025-04-15': 'Ba Đình, ngày 15 tháng 4 năm 2025',
  '2025-11-20': 'Ba Đình, ngày 20 tháng 11 năm 2025',
  '2026-09-30': 'Ba Đình, ngày 30 tháng 9 năm 2026',
};
const NAME = 'Nguyễn Thị Ánh Tuyết';

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of each paragraph of word/document.xml, plus the raw XML. */
async function readDocx(buf: Buffer): Promise<{ xml: string; paragraphs: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1])).join(''),
  );
  return { xml, paragraphs, zip };
}

function build(kind: TemplateKind, date: string): OfficialDocument {
  return buildDocument(kind, sampleInputs(date)[kind] as never);
}

describe.each(DATES)('documents dated %s', (date) => {
  it.each(KINDS)('%s renders to DOCX with the Decree 30 layout', async (kind) => {
    const doc = build(kind, date);
    const buf = await renderDocx(doc);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { xml, paragraphs } = await readDocx(buf);

    expect(paragraphs).toContain(NATIONAL_NAME);
    expect(paragraphs).toContain(NATIONAL_MOTTO);
    expect(paragraphs).toContain(DATE_LINES[date]);
    expect(paragraphs).toContain(doc.title);
    if (doc.number) expect(paragraphs).toContain(`Số: ${doc.number}`);
    expect(paragraphs.some((p) => p.includes(NAME))).toBe(true);
    if (doc.title === 'QUYẾT ĐỊNH') {
      expect(paragraphs).toContain('QUYẾT ĐỊNH:');
      expect(paragraphs.some((p) => p.startsWith('Điều 1. '))).toBe(true);
      expect(paragraphs.some((p) => p.startsWith('Điều 3. ') && p.endsWith('./.'))).toBe(true);
      expect(paragraphs).toContain('Nơi nhận:');
    }
    // The motto is bold and underlined.
    expect(xml).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t(?: [^>]*)?>Độc lập - Tự do - Hạnh phúc<\/w:t>/s,
    );

    // Every run with visible text names Times New Roman for every script slot Word uses for Vietnamese.
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
      .map((r) => r[1])
      .filter((r) => /<w:t[^>]*>[^<]+</.test(r));
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) {
      expect(r).toMatch(
        /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
      );
      expect(r).toMatch(/<w:sz w:val="(2[2-8])"\/>/); // 11 to 14 pt
    }
    // A4 portrait with Decree 30 margins (20 / 20 / 30 / 15 mm).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // Page numbers from the second page only.
    expect(xml).toMatch(/<w:titlePg\/>/);
    // The text is stored in NFC, never as decomposed diacritics.
    expect(paragraphs.join('\n')).toBe(paragraphs.join('\n').normalize('NFC'));
  });

  it.each(KINDS)('%s renders to PDF with the same text', async (kind) => {
    const doc = build(kind, date);
    const pdf = await renderPdf(doc, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = extractPdfText(pdf);
    const lines = text.split('\n');
    expect(text).not.toContain('\uFFFD'); // every Vietnamese character has a glyph
    expect(lines).toContain(NATIONAL_NAME);
    expect(lines).toContain(NATIONAL_MOTTO);
    expect(lines).toContain(DATE_LINES[date]);
    if (doc.number) expect(lines).toContain(`Số: ${doc.number}`);
    expect(text).toContain(NAME);
    if (doc.title === 'QUYẾT ĐỊNH') expect(text).toContain('Điều 1. ');
    expect(text).toContain(doc.footer.right.capacity[0]);
  });
});

describe('rendering details', () => {
  it('renders decomposed (NFD) input as NFC text', async () => {
    const input = sampleInputs('2026-03-05')['user-management-decision'];
    const doc = buildDocument('user-management-decision', {
      ...input,
      person: { ...input.person, fullName: NAME.normalize('NFD') },
    });
    const { paragraphs } = await readDocx(await renderDocx(doc));
    expect(paragraphs.some((p) => p.startsWith(`Họ và tên: ${NAME}; giới tính: Nữ`))).toBe(true);
    const text = extractPdfText(await renderPdf(doc));
    expect(text).toContain(NAME);
    expect(text).not.toContain('\uFFFD');
  });

  it('compresses the PDF by default and still carries its metadata', async () => {
    const doc = build('post-rehab-decision', '2025-11-20');
    const pdf = await renderPdf(doc);
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(extractPdfText(pdf)).toContain('Về việc quản lý sau cai nghiện ma túy');
    expect(pdf.toString('latin1')).toContain('/Title');
  });

  it('leaves a blank number and a blank signer name to be filled by hand', async () => {
    const input = sampleInputs('2026-03-05')['user-management-decision'];
    const doc = buildDocument('user-management-decision', {
      ...input,
      number: undefined,
      signer: { fullName: null, deputy: true },
    });
    expect(doc.number).toBe('      /QĐ-UBND');
    expect(doc.footer.right.capacity).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    const { paragraphs } = await readDocx(await renderDocx(doc));
    expect(paragraphs).toContain('Số:       /QĐ-UBND');
    expect(paragraphs).toContain('KT. CHỦ TỊCH');
    expect(await renderPdf(doc)).toBeInstanceOf(Buffer);
  });

  it('centres the motto without an issuer on a citizen’s commitment', async () => {
    const doc = build('family-commitment', '2025-11-20');
    expect(doc.issuer).toBeUndefined();
    expect(doc.number).toBeUndefined();
    const { paragraphs } = await readDocx(await renderDocx(doc));
    expect(paragraphs).toContain('BẢN CAM KẾT');
    expect(paragraphs).toContain('Kính gửi: Trưởng Công an phường Ba Đình.');
    expect(paragraphs).toContain('NGƯỜI CAM KẾT');
    expect(paragraphs.some((p) => p.startsWith('Số:'))).toBe(false);
  });

  it('lists the dossier documents in a ruled table', async () => {
    const doc = build('compulsory-dossier-list', '2025-11-20');
    const { xml, paragraphs } = await readDocx(await renderDocx(doc));
    expect(paragraphs).toContain('Tên tài liệu');
    expect(paragraphs).toContain('Phiếu kết quả xác định tình trạng nghiện ma túy');
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(paragraphs).toContain('CÔNG AN THÀNH PHỐ HÀ NỘI');
    expect(paragraphs).toContain('CÔNG AN PHƯỜNG BA ĐÌNH');
    expect(paragraphs).toContain('TRƯỞNG CÔNG AN');
  });
});
