import { type Block, caps, shortDate } from '../official-document.ts';
import {
  CITE,
  type CommuneFacts,
  chairmanSignature,
  committeeIssuer,
  communePoliceIssuer,
  type DocumentFacts,
  inSentence,
  type ManagerFacts,
  managementArticle,
  managerLines,
  numberOrBlank,
  type PersonFacts,
  placeOf,
  policeHeadSignature,
  printedBases,
  type SignerFacts,
} from './common.ts';
import { type DocumentTemplate, type LegalCitation, templateVersion, type WordingBase } from './template.ts';

/** Decision on management of an illegal drug user (Law 73/2021 Art. 23; Decree 105/2021 Ch. IV): 1 year. */
export interface UserManagementDecisionInput extends DocumentFacts {
  commune: CommuneFacts;
  person: PersonFacts;
  /** Date of the positive drug test the decision rests on. */
  testDate?: string;
  /** Management period, computed by the caller from the regime's rules (1 year from the decision). */
  startDate: string;
  endDate: string;
  /** People assigned to follow and help the person, when the decision names them. */
  managers?: readonly ManagerFacts[];
  signer: SignerFacts;
  /**
   * Who decides, as the rule in force on the decision date names it (episode.authority, from
   * rulesOn(date).userManagementMonths.authority, overridable): the commune chairman until 30/06/2026, the
   * head of commune police under Law 120/2025. Absent: the wording's own default.
   */
  authority?: 'commune_chairman' | 'commune_police_head';
}

const SYMBOL = 'QĐ-UBND';
/** Decisions of the head of commune police (Công an cấp xã). */
export const POLICE_SYMBOL = 'QĐ-CAX';

interface Wording extends WordingBase {
  duties: string;
  verify: boolean;
  verifyNotes?: string[];
  /** The authority this wording was written for; the input's authority (from the rule) wins. */
  defaultAuthority: 'commune_chairman' | 'commune_police_head';
  /** Bases printed when the head of commune police decides (no Law on Local Government then). */
  policeBases?: LegalCitation[];
}

function template(w: Wording): DocumentTemplate<UserManagementDecisionInput> {
  return templateVersion(
    { id: 'user-management-decision', title: 'Quyết định quản lý người sử dụng trái phép chất ma túy' },
    w,
    (input, meta) => {
      const c = input.commune;
      const byPolice = (input.authority ?? w.defaultAuthority) === 'commune_police_head';
      const police = `Trưởng Công an ${inSentence(c.name)}`;
      const proposal = byPolice
        ? input.testDate
          ? `Xét kết quả xét nghiệm chất ma túy trong cơ thể ngày ${shortDate(input.testDate)}.`
          : 'Xét kết quả xét nghiệm chất ma túy trong cơ thể.'
        : input.testDate
          ? `Xét kết quả xét nghiệm chất ma túy trong cơ thể ngày ${shortDate(input.testDate)} và đề nghị của ${police}.`
          : `Theo đề nghị của ${police}.`;
      // Under Law 120 the commune police both decide and carry out the management.
      const executor = byPolice ? `Công an ${inSentence(c.name)}` : police;
      const managers = input.managers ?? [];
      const body: Block[] = [
        ...managementArticle('Quản lý người sử dụng trái phép chất ma túy', input.person, {
          label: 'Thời hạn quản lý',
          startDate: input.startDate,
          endDate: input.endDate,
        }),
        {
          type: 'article',
          label: 'Điều 2.',
          content: `Giao ${executor} chủ trì, phối hợp với gia đình người bị quản lý và các cơ quan, tổ chức, cá nhân có liên quan tổ chức quản lý, xét nghiệm chất ma túy trong cơ thể khi cần thiết, tư vấn, hỗ trợ, giúp đỡ người bị quản lý theo quy định của pháp luật.${managers.length ? ' Phân công trực tiếp theo dõi, giúp đỡ người bị quản lý:' : ''}`,
        },
        ...managerLines(managers),
        { type: 'paragraph', content: w.duties },
        {
          type: 'article',
          label: 'Điều 3.',
          content: `Quyết định này có hiệu lực kể từ ngày ký. ${executor}, người bị quản lý, gia đình người bị quản lý và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
        },
      ];
      return {
        meta: meta(`Quyết định quản lý người sử dụng trái phép chất ma túy - ${input.person.fullName}`),
        issuer: byPolice ? communePoliceIssuer(c, w.regimes[0]) : committeeIssuer(c),
        number: numberOrBlank(input, byPolice ? POLICE_SYMBOL : SYMBOL),
        place: placeOf(c),
        date: input.date,
        title: 'QUYẾT ĐỊNH',
        subject: ['Về việc quản lý người sử dụng trái phép chất ma túy'],
        authority: byPolice ? `TRƯỞNG CÔNG AN ${caps(c.name)}` : `CHỦ TỊCH ỦY BAN NHÂN DÂN ${caps(c.name)}`,
        legalBases: [...printedBases(byPolice ? (w.policeBases ?? w.bases) : w.bases), proposal],
        enacting: 'QUYẾT ĐỊNH:',
        body,
        footer: {
          left: { type: 'recipients', items: ['- Như Điều 3;', '- Lưu: VT, hồ sơ.'] },
          right: byPolice ? policeHeadSignature(input.signer) : chairmanSignature(input.signer),
        },
      };
    },
  );
}

const LAW73_DUTIES =
  'Người bị quản lý có trách nhiệm chấp hành các quy định về quản lý người sử dụng trái phép chất ma túy, có mặt khi được yêu cầu, thông báo khi thay đổi nơi cư trú; có quyền khiếu nại, khởi kiện đối với Quyết định này theo quy định của pháp luật.';

export const userManagementDecisionTemplates: readonly DocumentTemplate<UserManagementDecisionInput>[] = [
  template({
    version: '2022.1',
    regimes: ['law73-2022', 'police-transfer-2025'],
    bases: [CITE.localGov2015, CITE.drugLaw73, CITE.decree105, CITE.law73Art23],
    duties: LAW73_DUTIES,
    verify: false,
    defaultAuthority: 'commune_chairman',
  }),
  template({
    version: '2025.7',
    regimes: ['two-tier-2025'],
    bases: [CITE.localGov2025, CITE.drugLaw73, CITE.decree105, CITE.law73Art23, CITE.decree184_2025],
    duties: LAW73_DUTIES,
    verify: true,
    verifyNotes: ['Citation of the Law on Organisation of Local Government 2025 (date of adoption).'],
    defaultAuthority: 'commune_chairman',
  }),
  template({
    version: '2026.12',
    regimes: ['law120-2026'],
    bases: [CITE.localGov2025, CITE.drugLaw120],
    policeBases: [CITE.drugLaw120],
    defaultAuthority: 'commune_police_head',
    duties:
      'Người bị quản lý có trách nhiệm khai báo loại chất ma túy đã sử dụng và nguồn gốc, chấp hành các quy định về quản lý người sử dụng trái phép chất ma túy, có mặt khi được yêu cầu, báo cáo trong thời hạn 24 giờ khi thay đổi nơi cư trú; có quyền khiếu nại, khởi kiện đối với Quyết định này theo quy định của pháp luật.',
    verify: true,
    verifyNotes: [
      'Law 120/2025/QH15: the head of commune police decides within 24 h of a positive test, as reported (vnexpress.net 10/12/2025); article and implementing decree not confirmed.',
      'Electronic monitoring obligations are not yet worded.',
    ],
  }),
];
