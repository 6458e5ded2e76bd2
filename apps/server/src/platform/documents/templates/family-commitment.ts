import type { Signature } from '../official-document.ts';
import { caps } from '../official-document.ts';
import {
  CITE,
  type CommuneFacts,
  inSentence,
  type PersonFacts,
  personLines,
  placeOf,
  type SignerFacts,
} from './common.ts';
import { type DocumentTemplate, templateVersion, type WordingBase } from './template.ts';

/**
 * The family's written commitment to manage, at home, a person for whom a compulsory-rehab dossier is being
 * prepared (Form 35, Decree 116/2021 Art. 44–45). Written by the family member, so it has no issuer or number.
 */
export interface FamilyCommitmentInput {
  /** ISO date of the commitment. */
  date: string;
  commune: CommuneFacts;
  /** The family member who commits. */
  representative: PersonFacts & { relationship: string; phone?: string };
  person: PersonFacts;
  /** The official who confirms the commitment; omit the name to leave it for hand signing. */
  confirmer?: SignerFacts;
}

interface Wording extends WordingBase {
  /** Addressee and confirming official, given the commune name in a sentence. */
  addressee: (commune: string) => string;
  confirmerTitle: (communeCaps: string) => string;
  verifyNotes: string[];
}

function template(w: Wording): DocumentTemplate<FamilyCommitmentInput> {
  return templateVersion(
    {
      id: 'family-commitment',
      title: 'Bản cam kết quản lý tại gia đình',
      form: { number: '35', instrument: 'Nghị định 116/2021/NĐ-CP' },
    },
    w,
    (input, meta) => {
      const c = input.commune;
      const r = input.representative;
      const addressee = w.addressee(inSentence(c.name));
      const confirmer: Signature = {
        capacity: [w.confirmerTitle(caps(c.name))],
        hint: '(Ký, ghi rõ họ tên, đóng dấu)',
        fullName: input.confirmer?.fullName ?? null,
      };
      return {
        meta: meta(`Bản cam kết - ${input.person.fullName}`),
        place: placeOf(c),
        date: input.date,
        title: 'BẢN CAM KẾT',
        subject: [
          'Quản lý người bị đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc tại gia đình',
        ],
        body: [
          { type: 'paragraph', align: 'center', indent: 'none', content: `Kính gửi: ${addressee}.` },
          { type: 'paragraph', content: 'Tôi là:', indent: 'first-line', align: 'left' },
          ...personLines(r, [
            `Quan hệ với người được quản lý: ${r.relationship}${r.phone ? `; số điện thoại: ${r.phone}` : ''}`,
          ]),
          {
            type: 'paragraph',
            content:
              'Trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc và chờ quyết định của Tòa án, gia đình tôi xin nhận quản lý tại gia đình đối với:',
          },
          ...personLines(input.person),
          { type: 'paragraph', content: 'Tôi xin cam kết:' },
          {
            type: 'paragraph',
            content: `1. Quản lý chặt chẽ người nêu trên tại gia đình, không để người đó sử dụng trái phép chất ma túy hoặc có hành vi vi phạm pháp luật;`,
          },
          {
            type: 'paragraph',
            content: `2. Đưa người nêu trên đến cơ quan có thẩm quyền khi được yêu cầu và có mặt tại phiên họp của Tòa án;`,
          },
          {
            type: 'paragraph',
            content: `3. Thông báo ngay cho ${addressee} khi người nêu trên bỏ đi khỏi nơi cư trú, sử dụng trái phép chất ma túy hoặc vi phạm pháp luật;`,
          },
          {
            type: 'paragraph',
            content: '4. Nếu vi phạm cam kết, tôi xin hoàn toàn chịu trách nhiệm trước pháp luật./.',
          },
        ],
        footer: {
          left: { type: 'signature', ...confirmer },
          right: { capacity: ['NGƯỜI CAM KẾT'], hint: '(Ký, ghi rõ họ tên)', fullName: r.fullName },
        },
      };
    },
  );
}

export const familyCommitmentTemplates: readonly DocumentTemplate<FamilyCommitmentInput>[] = [
  template({
    version: '2022.1',
    regimes: ['law73-2022'],
    bases: [CITE.decree116, CITE.decree116Art44_45],
    addressee: (commune) => `Chủ tịch Ủy ban nhân dân ${commune}`,
    confirmerTitle: (commune) => `XÁC NHẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN ${commune}`,
    verifyNotes: ['Exact wording of Form 35 and its confirming authority before 01/03/2025.'],
  }),
  template({
    version: '2025.3',
    regimes: ['police-transfer-2025', 'two-tier-2025'],
    bases: [CITE.decree116, CITE.decree116Art44_45, CITE.decree02_2025, CITE.jointCircular03_2025],
    addressee: (commune) => `Trưởng Công an ${commune}`,
    confirmerTitle: (commune) => `XÁC NHẬN CỦA TRƯỞNG CÔNG AN ${commune}`,
    verifyNotes: ['Exact wording of Form 35; commune police as addressee after 01/03/2025.'],
  }),
  template({
    version: '2026.7',
    regimes: ['law120-2026'],
    bases: [CITE.drugLaw120],
    addressee: (commune) => `Trưởng Công an ${commune}`,
    confirmerTitle: (commune) => `XÁC NHẬN CỦA TRƯỞNG CÔNG AN ${commune}`,
    verifyNotes: ['Law 120/2025/QH15: form number and procedure while a compulsory dossier is pending.'],
  }),
];
