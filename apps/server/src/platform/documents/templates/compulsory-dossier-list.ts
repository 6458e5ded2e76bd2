import { type Block, caps, type Issuer, placeName, type Signature, shortDate } from '../official-document.ts';
import {
  CITE,
  type CommuneFacts,
  communePoliceIssuer,
  type PersonFacts,
  placeOf,
  policeHeadSignature,
  requireDistrict,
  type SignerFacts,
} from './common.ts';
import { type DocumentTemplate, type RegimeId, templateVersion, type WordingBase } from './template.ts';

/** One document in the dossier. */
export interface DossierItem {
  title: string;
  /** Number, symbol and date of the document, e.g. 'Số 15/BB-VPHC ngày 02/03/2026'. */
  reference?: string;
  pages?: number;
  note?: string;
}

/** Cover list of a compulsory-rehab dossier (one dossier may name several people). */
export interface CompulsoryDossierListInput {
  date: string;
  /** The commune where the person lives (or where the violation happened when there is no stable residence). */
  commune: CommuneFacts;
  persons: readonly PersonFacts[];
  /** The documents; default: the usual contents of DOMAIN.md §5, to be completed with references and pages. */
  items?: readonly DossierItem[];
  /** Who prepared the dossier. */
  signer: SignerFacts;
}

/** The usual contents (DOMAIN.md §5, to verify against the official list). */
export const DEFAULT_DOSSIER_ITEMS: readonly DossierItem[] = [
  { title: 'Biên bản vi phạm hành chính về hành vi sử dụng trái phép chất ma túy' },
  { title: 'Bản tóm tắt lý lịch của người bị đề nghị' },
  { title: 'Phiếu kết quả xác định tình trạng nghiện ma túy' },
  { title: 'Tài liệu chứng minh căn cứ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc' },
  { title: 'Bản tường trình của người bị đề nghị hoặc của người đại diện hợp pháp' },
  { title: 'Văn bản thông báo và biên bản về việc người bị đề nghị, gia đình được đọc hồ sơ' },
  { title: 'Bản cam kết quản lý tại gia đình (Mẫu số 35)', note: 'Nếu có' },
];

interface Wording extends WordingBase {
  issuer: (c: CommuneFacts, regime: RegimeId) => Issuer;
  signature: (s: SignerFacts) => Signature;
  /** Place name of the date line: the issuing body's own unit. */
  place: (c: CommuneFacts) => string;
  verifyNotes: string[];
}

function template(w: Wording): DocumentTemplate<CompulsoryDossierListInput> {
  return templateVersion(
    {
      id: 'compulsory-dossier-list',
      title: 'Danh mục tài liệu hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
    },
    w,
    (input, meta) => {
      if (input.persons.length === 0)
        throw new TypeError('persons: the dossier must name at least one person');
      const items = input.items ?? DEFAULT_DOSSIER_ITEMS;
      const who: Block[] = input.persons.map((p) => ({
        type: 'paragraph',
        align: 'left',
        indent: 'left',
        content: [
          '- Họ và tên: ',
          { text: p.fullName, bold: true },
          p.birthDate
            ? `; ngày sinh: ${shortDate(p.birthDate)}`
            : p.birthYear
              ? `; năm sinh: ${p.birthYear}`
              : '',
          p.citizenId ? `; số định danh cá nhân: ${p.citizenId}` : '',
          p.permanentAddress ? `; nơi thường trú: ${p.permanentAddress}` : '',
          '.',
        ],
      }));
      return {
        meta: meta(
          `Danh mục tài liệu hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc - ${input.persons.map((p) => p.fullName).join(', ')}`,
        ),
        issuer: w.issuer(input.commune, w.regimes[0]),
        place: w.place(input.commune),
        date: input.date,
        title: 'DANH MỤC TÀI LIỆU',
        subject: ['Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc'],
        body: [
          {
            type: 'paragraph',
            align: 'left',
            content: input.persons.length > 1 ? 'Đối với những người có tên sau:' : 'Đối với:',
          },
          ...who,
          {
            type: 'table',
            columns: [
              { header: 'STT', width: 7, align: 'center' },
              { header: 'Tên tài liệu', width: 50 },
              { header: 'Số, ký hiệu, ngày tháng', width: 22 },
              { header: 'Số tờ', width: 8, align: 'center' },
              { header: 'Ghi chú', width: 13 },
            ],
            rows: items.map((it, i) => [
              String(i + 1),
              it.title,
              it.reference ?? '',
              it.pages === undefined ? '' : String(it.pages),
              it.note ?? '',
            ]),
          },
          {
            type: 'paragraph',
            content: `Hồ sơ gồm ${String(items.length).padStart(2, '0')} loại tài liệu${sumPages(items)}./.`,
          },
        ],
        footer: { right: w.signature(input.signer) },
      };
    },
  );
}

function sumPages(items: readonly DossierItem[]): string {
  if (items.some((i) => i.pages === undefined)) return '';
  return `, tổng cộng ${items.reduce((a, i) => a + (i.pages ?? 0), 0)} tờ`;
}

export const compulsoryDossierListTemplates: readonly DocumentTemplate<CompulsoryDossierListInput>[] = [
  template({
    version: '2022.1',
    regimes: ['law73-2022'],
    bases: [CITE.drugLaw73, CITE.adminViolations, CITE.decree116, CITE.decree109],
    // Before the transfer to the police, the district labour office assembled and checked the dossier.
    // Decree 30 lets the governing body's line abbreviate 'Ủy ban nhân dân'.
    issuer: (c) => ({
      parent: `UBND ${caps(requireDistrict(c))}`,
      name: ['PHÒNG LAO ĐỘNG -', 'THƯƠNG BINH VÀ XÃ HỘI'],
    }),
    place: (c) => c.place ?? placeName(requireDistrict(c)),
    signature: (s) => ({
      capacity: s.deputy ? ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'] : ['TRƯỞNG PHÒNG'],
      fullName: s.fullName,
    }),
    verifyNotes: [
      'Who assembled the dossier before 01/03/2025 (district labour office) and the exact list of contents.',
    ],
  }),
  template({
    version: '2025.3',
    regimes: ['police-transfer-2025', 'two-tier-2025'],
    bases: [
      CITE.drugLaw73,
      CITE.adminViolations,
      CITE.decree116,
      CITE.decree109,
      CITE.decree02_2025,
      CITE.jointCircular03_2025,
    ],
    issuer: (c) => communePoliceIssuer(c, 'police-transfer-2025'),
    signature: policeHeadSignature,
    place: placeOf,
    verifyNotes: ['Exact list of contents under Joint Circular 03/2025.'],
  }),
  template({
    version: '2026.7',
    regimes: ['law120-2026'],
    bases: [CITE.drugLaw120, CITE.adminViolations],
    issuer: (c) => communePoliceIssuer(c, 'law120-2026'),
    signature: policeHeadSignature,
    place: placeOf,
    verifyNotes: ['Law 120/2025/QH15: dossier contents and proposed terms (24/36 months) not confirmed.'],
  }),
];
