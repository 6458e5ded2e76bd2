import { type Block, caps, shortDate } from '../official-document.ts';
import {
  CITE,
  type CommuneFacts,
  chairmanSignature,
  committeeIssuer,
  type DocumentFacts,
  inSentence,
  type ManagerFacts,
  managementArticle,
  managerLines,
  numberOrBlank,
  type PersonFacts,
  placeOf,
  printedBases,
  type SignerFacts,
} from './common.ts';
import { type DocumentTemplate, templateVersion, type WordingBase } from './template.ts';

/** Decision on post-rehab management at the place of residence (Law 73/2021 Art. 40; Decree 116/2021 Art. 81–82). */
export interface PostRehabDecisionInput extends DocumentFacts {
  commune: CommuneFacts;
  person: PersonFacts;
  /** The paper that ended rehab, as it is cited: 'Giấy chứng nhận ... số 123/GCN-CSCN ngày 01/02/2026 của Cơ sở cai nghiện ma túy số 1'. */
  rehabCompletion: string;
  /** Management period (1 year from completing rehab), computed by the caller. */
  startDate: string;
  endDate: string;
  /** The people assigned to manage and support the person; at least one. */
  managers: readonly ManagerFacts[];
  signer: SignerFacts;
  /**
   * The head of commune police's decision applying electronic monitoring to this person (Law 120/2025), when
   * one applies; without it the decision says nothing about monitoring: it is not imposed on everyone.
   */
  electronicMonitoring?: { decisionNumber: string; date: string };
}

const SYMBOL = 'QĐ-UBND';

interface Wording extends WordingBase {
  /** Who proposes the decision, given the commune name as written in a sentence. */
  proposer: (commune: string) => string;
  /** Who leads the management work. */
  lead: (commune: string) => string;
  extraDuties?: string;
  verify: boolean;
  verifyNotes?: string[];
}

function template(w: Wording): DocumentTemplate<PostRehabDecisionInput> {
  return templateVersion(
    { id: 'post-rehab-decision', title: 'Quyết định quản lý sau cai nghiện ma túy' },
    w,
    (input, meta) => {
      if (input.managers.length === 0) throw new TypeError('managers: at least one manager must be assigned');
      const c = input.commune;
      const commune = inSentence(c.name);
      const lead = w.lead(commune);
      const body: Block[] = [
        ...managementArticle('Quản lý sau cai nghiện ma túy tại nơi cư trú', input.person, {
          label: 'Thời hạn quản lý sau cai nghiện ma túy',
          startDate: input.startDate,
          endDate: input.endDate,
        }),
        {
          type: 'article',
          label: 'Điều 2.',
          content: `Giao ${lead} chủ trì, phối hợp với gia đình và các cơ quan, tổ chức, cá nhân có liên quan tổ chức quản lý, hỗ trợ người sau cai nghiện ma túy phòng, chống tái nghiện, học nghề, tìm việc làm, hòa nhập cộng đồng. Phân công quản lý, giúp đỡ người sau cai nghiện ma túy:`,
        },
        ...managerLines(input.managers),
        {
          type: 'paragraph',
          content: `Người được phân công có trách nhiệm theo dõi, tư vấn, giúp đỡ, phòng ngừa tái nghiện và định kỳ báo cáo ${lead}.${w.extraDuties ? ` ${w.extraDuties}` : ''}`,
        },
        ...monitoringLines(input, commune),
        {
          type: 'article',
          label: 'Điều 3.',
          content: `Quyết định này có hiệu lực kể từ ngày ký. ${lead[0].toLocaleUpperCase('vi')}${lead.slice(1)}, những người được phân công tại Điều 2, người sau cai nghiện ma túy, gia đình và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
        },
      ];
      return {
        meta: meta(`Quyết định quản lý sau cai nghiện ma túy - ${input.person.fullName}`),
        issuer: committeeIssuer(c),
        number: numberOrBlank(input, SYMBOL),
        place: placeOf(c),
        date: input.date,
        title: 'QUYẾT ĐỊNH',
        subject: ['Về việc quản lý sau cai nghiện ma túy'],
        authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${caps(c.name)}`,
        legalBases: [
          ...printedBases(w.bases),
          `Căn cứ ${input.rehabCompletion};`,
          `Theo đề nghị của ${w.proposer(commune)}.`,
        ],
        enacting: 'QUYẾT ĐỊNH:',
        body,
        footer: {
          left: { type: 'recipients', items: ['- Như Điều 3;', '- Lưu: VT, hồ sơ.'] },
          right: chairmanSignature(input.signer),
        },
      };
    },
  );
}

const police = (commune: string) => `Trưởng Công an ${commune}`;

// Only a person under an electronic monitoring measure is told so, with the decision that applied it.
function monitoringLines(input: PostRehabDecisionInput, commune: string): Block[] {
  const m = input.electronicMonitoring;
  if (!m) return [];
  if (!m.decisionNumber.trim() || !m.date)
    throw new TypeError('electronicMonitoring: decisionNumber and date are both required');
  return [
    {
      type: 'paragraph',
      content: `Người sau cai nghiện ma túy chịu biện pháp giám sát điện tử theo Quyết định số ${m.decisionNumber} ngày ${shortDate(m.date)} của Trưởng Công an ${commune}.`,
    },
  ];
}

/** The warning of criminal liability (Criminal Code Art. 256a) printed among the duties from 07/2025 on. */
const ART_256A_WARNING =
  'Người sau cai nghiện ma túy sử dụng trái phép chất ma túy trong thời gian quản lý sau cai nghiện hoặc trong thời hạn 02 năm kể từ ngày hết thời hạn quản lý sau cai nghiện có thể bị truy cứu trách nhiệm hình sự theo Điều 256a Bộ luật Hình sự.';

export const postRehabDecisionTemplates: readonly DocumentTemplate<PostRehabDecisionInput>[] = [
  template({
    version: '2022.1',
    regimes: ['law73-2022'],
    bases: [CITE.localGov2015, CITE.drugLaw73, CITE.decree116, CITE.law73Art40, CITE.decree116Art81_82],
    proposer: (commune) => `công chức Văn hóa - Xã hội ${commune}`,
    lead: (commune) => `công chức Văn hóa - Xã hội ${commune}`,
    verify: true,
    verifyNotes: ['Which commune officer proposed and led post-rehab management before 01/03/2025.'],
  }),
  template({
    version: '2025.3',
    regimes: ['police-transfer-2025'],
    bases: [
      CITE.localGov2015,
      CITE.drugLaw73,
      CITE.decree116,
      CITE.law73Art40,
      CITE.decree116Art81_82,
      CITE.decree02_2025,
    ],
    proposer: police,
    lead: police,
    verify: true,
    verifyNotes: ['Commune police as proposer after the transfer to the Ministry of Public Security.'],
  }),
  template({
    version: '2025.7',
    regimes: ['two-tier-2025'],
    bases: [
      CITE.localGov2025,
      CITE.drugLaw73,
      CITE.decree116,
      CITE.law73Art40,
      CITE.decree116Art81_82,
      CITE.decree184_2025,
    ],
    proposer: police,
    lead: police,
    extraDuties: ART_256A_WARNING,
    verify: true,
    verifyNotes: [
      'Citation of the Law on Organisation of Local Government 2025; wording of the Art. 256a warning.',
    ],
  }),
  template({
    version: '2026.12',
    regimes: ['law120-2026'],
    bases: [CITE.localGov2025, CITE.drugLaw120],
    proposer: police,
    lead: police,
    extraDuties: ART_256A_WARNING,
    verify: true,
    verifyNotes: [
      'Law 120/2025/QH15 and its implementing decree: authority; electronic monitoring is printed only when a measure applies (input electronicMonitoring).',
    ],
  }),
];
