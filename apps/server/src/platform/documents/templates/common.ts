import {
  type Block,
  caps,
  formatDocumentNumber,
  type Inline,
  type Issuer,
  placeName,
  type Signature,
  shortDate,
} from '../official-document.ts';
import type { LegalCitation, RegimeId } from './template.ts';

// Facts and wording shared by the templates. Inputs are plain data — names, dates, numbers — so the
// episodes service can fill them from its records without knowing anything about layout.

/** The person a document is about. */
export interface PersonFacts {
  fullName: string;
  sex?: 'male' | 'female';
  /** ISO date; when unknown give birthYear. */
  birthDate?: string;
  birthYear?: number;
  /** Personal identification number (số định danh cá nhân, the 12-digit citizen ID). */
  citizenId?: string;
  ethnicity?: string;
  permanentAddress?: string;
  currentAddress?: string;
}

/** The commune-level unit that issues or receives the document. */
export interface CommuneFacts {
  /** Full name with its level, e.g. 'Phường Ba Đình', 'Xã Ba Vì', 'Đặc khu Phú Quốc'. */
  name: string;
  /** E.g. 'Thành phố Hà Nội', 'Tỉnh Quảng Ninh'. */
  provinceName: string;
  /** E.g. 'Quận Ba Đình'; needed by district-level bodies before 01/07/2025. */
  districtName?: string;
  /** Place name of the date line; defaults to the name without its level ('Ba Đình'). */
  place?: string;
}

/** Who signs: the holder of the office, or a deputy signing on their behalf (KT.). */
export interface SignerFacts {
  /** Null leaves the name blank for the signer to write. */
  fullName: string | null;
  deputy?: boolean;
}

/** Someone assigned to manage or support the person (commune police officer, volunteer, neighbourhood head...). */
export interface ManagerFacts {
  fullName: string;
  /** Position or role, e.g. 'Công an viên', 'Tình nguyện viên Đội công tác xã hội tình nguyện'. */
  role: string;
  phone?: string;
}

/** Shared by every template input: the document's date (ISO) and, once allocated, its number. */
export interface DocumentFacts {
  date: string;
  /** '12/QĐ-UBND' from nextDocumentNumber; absent prints a blank number to fill in at the registry. */
  number?: string;
}

/** 'Phường Ba Đình' → 'phường Ba Đình', as the name is written inside a sentence. */
export function inSentence(unitName: string): string {
  return unitName.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Quận|Huyện|Thị xã|Thành phố|Tỉnh)(?=\s)/u, (w) =>
    w.toLocaleLowerCase('vi'),
  );
}

export function placeOf(commune: CommuneFacts): string {
  return commune.place ?? placeName(commune.name);
}

export function numberOrBlank(facts: DocumentFacts, symbol: string): string {
  return facts.number ?? formatDocumentNumber(null, symbol);
}

/** ỦY BAN NHÂN DÂN / PHƯỜNG BA ĐÌNH. */
export function committeeIssuer(commune: CommuneFacts): Issuer {
  return { name: ['ỦY BAN NHÂN DÂN', caps(commune.name)] };
}

/**
 * CÔNG AN THÀNH PHỐ HÀ NỘI / CÔNG AN PHƯỜNG BA ĐÌNH. District police ceased on 01/03/2025, so from then on
 * commune police sit directly under the provincial police; before, under the district's.
 */
export function communePoliceIssuer(commune: CommuneFacts, regime: RegimeId): Issuer {
  const parent = regime === 'law73-2022' ? requireDistrict(commune) : commune.provinceName;
  return { parent: `CÔNG AN ${caps(parent)}`, name: [`CÔNG AN ${caps(commune.name)}`] };
}

export function requireDistrict(commune: CommuneFacts): string {
  if (!commune.districtName)
    throw new TypeError('commune.districtName is required for documents dated before 01/07/2025');
  return commune.districtName;
}

export function chairmanSignature(signer: SignerFacts): Signature {
  return {
    capacity: signer.deputy ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'],
    fullName: signer.fullName,
  };
}

export function policeHeadSignature(signer: SignerFacts): Signature {
  return {
    capacity: signer.deputy ? ['KT. TRƯỞNG CÔNG AN', 'PHÓ TRƯỞNG CÔNG AN'] : ['TRƯỞNG CÔNG AN'],
    fullName: signer.fullName,
  };
}

/** Article 1 of a one-year management decision: the measure, the person it applies to, and its term. */
export function managementArticle(
  measure: string,
  person: PersonFacts,
  term: { label: string; startDate: string; endDate: string },
): Block[] {
  return [
    { type: 'article', label: 'Điều 1.', content: `${measure} đối với:` },
    ...personLines(person),
    {
      type: 'paragraph',
      content: `${term.label} là 01 năm, từ ngày ${shortDate(term.startDate)} đến ngày ${shortDate(term.endDate)}.`,
    },
  ];
}
/**
 * The person's particulars — name, sex, birth, ID, addresses — as one indented paragraph, a field a line,
 * so long addresses wrap under their value.
 */
export function personLines(p: PersonFacts, extraLines: readonly string[] = []): Block[] {
  const sex = p.sex === 'male' ? 'Nam' : p.sex === 'female' ? 'Nữ' : undefined;
  const fields: [string, string | undefined][] = [
    ['Ngày sinh', p.birthDate ? shortDate(p.birthDate) : undefined],
    ['Năm sinh', !p.birthDate && p.birthYear ? String(p.birthYear) : undefined],
    ['Số định danh cá nhân', p.citizenId],
    ['Dân tộc', p.ethnicity],
    ['Nơi thường trú', p.permanentAddress],
    ['Nơi ở hiện tại', p.currentAddress],
  ];
  const content: Inline[] = [
    'Họ và tên: ',
    { text: p.fullName, bold: true },
    sex ? `; giới tính: ${sex}` : '',
  ];
  for (const [label, value] of fields) if (value) content.push(`\n${label}: ${value}`);
  for (const line of extraLines) content.push(`\n${line}`);
  return [{ type: 'paragraph', align: 'left', indent: 'left', content }];
}

export function managerLines(managers: readonly ManagerFacts[]): Block[] {
  return managers.map((m, i) => ({
    type: 'paragraph',
    align: 'left',
    indent: 'left',
    content: [
      '- ',
      { text: m.fullName, bold: true },
      `, ${m.role}${m.phone ? `, số điện thoại: ${m.phone}` : ''}${i === managers.length - 1 ? '.' : ';'}`,
    ],
  }));
}

export const line = (content: string): Block => ({ type: 'paragraph', content });

/** Legal instruments cited by the templates; `text` is the line printed among the bases. */
export const CITE = {
  localGov2015: {
    ref: 'Law on Organisation of Local Government 2015, amended 2019',
    text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
  },
  localGov2025: {
    ref: 'Law on Organisation of Local Government 2025 (72/2025/QH15)',
    text: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    verify: true,
  },
  drugLaw73: {
    ref: 'Law 73/2021/QH14',
    text: 'Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021;',
  },
  drugLaw120: {
    ref: 'Law 120/2025/QH15',
    text: 'Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;',
    verify: true,
  },
  adminViolations: {
    ref: 'Law on Handling Administrative Violations 2012, amended 2020',
    text: 'Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020;',
  },
  decree105: {
    ref: 'Decree 105/2021/NĐ-CP, Chapter IV',
    text: 'Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;',
  },
  decree109: { ref: 'Decree 109/2021/NĐ-CP, Form 04' },
  decree116: {
    ref: 'Decree 116/2021/NĐ-CP',
    text: 'Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý vi phạm hành chính về cai nghiện ma túy và quản lý sau cai nghiện ma túy;',
  },
  law73Art23: { ref: 'Law 73/2021/QH14 Art. 23' },
  law73Art40: { ref: 'Law 73/2021/QH14 Art. 40' },
  decree116Art44_45: { ref: 'Decree 116/2021/NĐ-CP Art. 44–45, Form 35', verify: true },
  decree116Art81_82: { ref: 'Decree 116/2021/NĐ-CP Art. 81–82', verify: true },
  decree116Form54: { ref: 'Decree 116/2021/NĐ-CP Form 54', verify: true },
  decree02_2025: { ref: 'Decree 02/2025/NĐ-CP (transfer to the Ministry of Public Security)' },
  jointCircular03_2025: {
    ref: 'Joint Circular 03/2025 (compulsory dossiers by commune police)',
    verify: true,
  },
  decree184_2025: { ref: 'Decree 184/2025/NĐ-CP (two-tier local government)', verify: true },
} as const satisfies Record<string, LegalCitation>;

/** The printed lines of a template's bases (citations without text are data only). */
export function printedBases(bases: readonly LegalCitation[]): string[] {
  return bases.flatMap((b) => (b.text ? [b.text] : []));
}
