// Legal instruments, bases, forms and deciding roles: the vocabulary every dated rule cites. Kept apart from
// legal-regimes.ts so that a decision record or a document can cite its basis without loading the regimes.

/** A text in Vietnamese first, English second. */
export interface Text {
  vi: string;
  en: string;
}

/** Role ids of the officials and bodies that decide or prepare acts. */
export type RoleId =
  | 'commune_chairman'
  | 'commune_police_head'
  | 'district_chairman'
  | 'district_labour_office'
  | 'district_court'
  | 'regional_court'
  | 'province_chairman'
  | 'province_police_director'
  | 'facility_director'
  | 'qualified_doctor'
  | 'substitution_clinic';

/** Every RoleId, to check data that names a role (e.g. an administrator's override of a rule's authority). */
export const ROLE_IDS = [
  'commune_chairman',
  'commune_police_head',
  'district_chairman',
  'district_labour_office',
  'district_court',
  'regional_court',
  'province_chairman',
  'province_police_director',
  'facility_director',
  'qualified_doctor',
  'substitution_clinic',
] as const satisfies readonly RoleId[];
// Fails to compile when a RoleId is missing from ROLE_IDS.
const _everyRoleListed: Record<Exclude<RoleId, (typeof ROLE_IDS)[number]>, never> = {};
void _everyRoleListed;

/** True when `v` is one of the known RoleIds. */
export function isRoleId(v: unknown): v is RoleId {
  return typeof v === 'string' && (ROLE_IDS as readonly string[]).includes(v);
}

/** A legal instrument, e.g. Law 73/2021/QH14. */
export interface Instrument extends Text {}

/** Where a rule comes from: instrument plus article/clause/chapter. */
export interface LegalBasis {
  instrument: Instrument;
  article?: string;
  clause?: string;
  chapter?: string;
}

/** An official form (biểu mẫu) prescribed by an instrument. */
export interface FormRef {
  number: string;
  instrument: Instrument;
  title: Text;
}

/** The instruments cited by the rules, with their short Vietnamese and English names. */
export const INSTRUMENTS = {
  law73: { vi: 'Luật 73/2021/QH14', en: 'Law 73/2021/QH14' },
  law120: { vi: 'Luật 120/2025/QH15', en: 'Law 120/2025/QH15' },
  law2000: {
    vi: 'Luật Phòng, chống ma túy 23/2000/QH10 (sửa đổi bởi Luật 16/2008/QH12)',
    en: 'Law on Drug Prevention 23/2000/QH10 (amended by Law 16/2008/QH12)',
  },
  decree94_2009: { vi: 'Nghị định 94/2009/NĐ-CP', en: 'Decree 94/2009/ND-CP' },
  law86_2025: {
    vi: 'Luật 86/2025/QH15 sửa đổi, bổ sung Bộ luật Hình sự',
    en: 'Law 86/2025/QH15 amending the Criminal Code',
  },
  adminViolations: { vi: 'Luật Xử lý vi phạm hành chính', en: 'Law on Handling Administrative Violations' },
  ordinance01_2022: { vi: 'Pháp lệnh 01/2022/UBTVQH15', en: 'Ordinance 01/2022/UBTVQH15' },
  decree105: { vi: 'Nghị định 105/2021/NĐ-CP', en: 'Decree 105/2021/ND-CP' },
  decree109: { vi: 'Nghị định 109/2021/NĐ-CP', en: 'Decree 109/2021/ND-CP' },
  decree116: { vi: 'Nghị định 116/2021/NĐ-CP', en: 'Decree 116/2021/ND-CP' },
  decree90_2016: { vi: 'Nghị định 90/2016/NĐ-CP', en: 'Decree 90/2016/ND-CP' },
  decree02_2025: { vi: 'Nghị định 02/2025/NĐ-CP', en: 'Decree 02/2025/ND-CP' },
  decree184_2025: { vi: 'Nghị định 184/2025/NĐ-CP', en: 'Decree 184/2025/ND-CP' },
  jointCircular03_2025: { vi: 'Thông tư liên tịch 03/2025', en: 'Joint Circular 03/2025' },
  circular18_2021: { vi: 'Thông tư 18/2021/TT-BYT', en: 'Circular 18/2021/TT-BYT' },
  courtOrganisation2025: {
    vi: 'Luật Tổ chức Tòa án nhân dân (sửa đổi năm 2025)',
    en: 'Law on Organisation of People’s Courts (amended 2025)',
  },
  criminalCode: { vi: 'Bộ luật Hình sự', en: 'Criminal Code' },
  civilCode2015: { vi: 'Bộ luật Dân sự 2015', en: 'Civil Code 2015' },
  labourCode2019: { vi: 'Bộ luật Lao động 2019', en: 'Labour Code 2019' },
} as const satisfies Record<string, Instrument>;

/** Official forms referred to by the rules. */
export const FORMS = {
  addictionResult: {
    number: '04',
    instrument: INSTRUMENTS.decree109,
    title: { vi: 'Phiếu kết quả xác định tình trạng nghiện ma túy', en: 'Addiction determination result' },
  },
  familyCommitment: {
    number: '35',
    instrument: INSTRUMENTS.decree116,
    title: { vi: 'Bản cam kết của gia đình', en: 'Family commitment' },
  },
  completionCertificate: {
    number: '54',
    instrument: INSTRUMENTS.decree116,
    title: { vi: 'Giấy chứng nhận hoàn thành', en: 'Certificate of completion' },
  },
} as const satisfies Record<string, FormRef>;

/** Formats a legal basis for citation, e.g. "Điều 32 Luật 73/2021/QH14" / "Art. 32, Law 73/2021/QH14". */
export function formatBasis(basis: LegalBasis, lang: keyof Text): string {
  if (lang === 'vi') {
    const parts = [
      basis.clause && `khoản ${basis.clause}`,
      basis.article && `Điều ${basis.article}`,
      basis.chapter && `Chương ${basis.chapter}`,
      basis.instrument.vi,
    ];
    return parts.filter(Boolean).join(' ');
  }
  const ref = basis.article
    ? `Art. ${basis.article}${basis.clause ? `(${basis.clause})` : ''}`
    : basis.chapter
      ? `Ch. ${basis.chapter}`
      : '';
  return ref ? `${ref}, ${basis.instrument.en}` : basis.instrument.en;
}

/** Formats a list of bases joined by "; ". */
export function formatBases(bases: readonly LegalBasis[], lang: keyof Text): string {
  return bases.map((b) => formatBasis(b, lang)).join('; ');
}
