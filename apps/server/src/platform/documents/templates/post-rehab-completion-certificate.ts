import { caps, shortDate } from '../official-document.ts';
import {
  CITE,
  type CommuneFacts,
  chairmanSignature,
  committeeIssuer,
  type DocumentFacts,
  inSentence,
  numberOrBlank,
  type PersonFacts,
  personLines,
  placeOf,
  printedBases,
  type SignerFacts,
} from './common.ts';
import { type DocumentTemplate, templateVersion, type WordingBase } from './template.ts';

/** Certificate of completion of post-rehab management (Form 54, Decree 116/2021). */
export interface PostRehabCompletionCertificateInput extends DocumentFacts {
  commune: CommuneFacts;
  person: PersonFacts;
  /** The post-rehab management decision being completed. */
  decision: { number: string; date: string };
  startDate: string;
  endDate: string;
  signer: SignerFacts;
}

const SYMBOL = 'GCN-UBND';

function template(w: WordingBase): DocumentTemplate<PostRehabCompletionCertificateInput> {
  return templateVersion(
    {
      id: 'post-rehab-completion-certificate',
      title: 'Giấy chứng nhận hoàn thành thời hạn quản lý sau cai nghiện ma túy',
      form: { number: '54', instrument: 'Nghị định 116/2021/NĐ-CP' },
    },
    w,
    (input, meta) => {
      const c = input.commune;
      const commune = inSentence(c.name);
      const decision = `Quyết định số ${input.decision.number} ngày ${shortDate(input.decision.date)} của Chủ tịch Ủy ban nhân dân ${commune} về việc quản lý sau cai nghiện ma túy`;
      return {
        meta: meta(
          `Giấy chứng nhận hoàn thành thời hạn quản lý sau cai nghiện ma túy - ${input.person.fullName}`,
        ),
        issuer: committeeIssuer(c),
        number: numberOrBlank(input, SYMBOL),
        place: placeOf(c),
        date: input.date,
        title: 'GIẤY CHỨNG NHẬN',
        subject: ['Hoàn thành thời hạn quản lý sau cai nghiện ma túy'],
        authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${caps(c.name)}`,
        legalBases: [...printedBases(w.bases), `Căn cứ ${decision},`],
        enacting: 'CHỨNG NHẬN:',
        body: [
          ...personLines(input.person),
          {
            type: 'paragraph',
            content: `Đã hoàn thành thời hạn quản lý sau cai nghiện ma túy tại nơi cư trú từ ngày ${shortDate(input.startDate)} đến ngày ${shortDate(input.endDate)} theo ${decision}./.`,
          },
        ],
        footer: {
          left: { type: 'recipients', items: ['- Người được cấp giấy chứng nhận;', '- Lưu: VT, hồ sơ.'] },
          right: chairmanSignature(input.signer),
        },
      };
    },
  );
}

export const postRehabCompletionCertificateTemplates: readonly DocumentTemplate<PostRehabCompletionCertificateInput>[] =
  [
    template({
      version: '2022.1',
      regimes: ['law73-2022', 'police-transfer-2025', 'two-tier-2025'],
      bases: [CITE.drugLaw73, CITE.decree116, CITE.law73Art40, CITE.decree116Form54],
      verifyNotes: [
        'Exact wording and layout of Form 54 (Decree 116/2021/NĐ-CP) not checked against the Appendix.',
      ],
    }),
    template({
      version: '2026.7',
      regimes: ['law120-2026'],
      bases: [CITE.drugLaw120],
      verifyNotes: [
        'Law 120/2025/QH15: whether the certificate, its form number and its issuer change is not confirmed.',
      ],
    }),
  ];
