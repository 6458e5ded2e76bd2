import { normalizeVi } from '../normalize.ts';

/**
 * Finding the header row of a commune list under its title rows, and proposing which column holds
 * which field from the Vietnamese header words (with or without diacritics).
 */

export type Cell = string | number | boolean | Date | null | undefined;

export const IMPORT_FIELDS = [
  'stt',
  'fullName',
  'otherNames',
  'sex',
  'sexMale',
  'sexFemale',
  'birth',
  'birthMale',
  'birthFemale',
  'idNumber',
  'ethnicity',
  'occupation',
  'permanentAddress',
  'currentAddress',
  'commune',
  'drug',
  'useStatus',
  'detectedOn',
  'pathway',
  'period',
  'from',
  'to',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, { vi: string; en: string }> = {
  stt: { vi: 'STT', en: 'No.' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  otherNames: { vi: 'Tên gọi khác', en: 'Other names' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  sexMale: { vi: 'Nam', en: 'Male' },
  sexFemale: { vi: 'Nữ', en: 'Female' },
  birth: { vi: 'Ngày sinh', en: 'Date of birth' },
  birthMale: { vi: 'Năm sinh (Nam)', en: 'Birth (male)' },
  birthFemale: { vi: 'Năm sinh (Nữ)', en: 'Birth (female)' },
  idNumber: { vi: 'Số CCCD/CMND', en: 'ID number' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  occupation: { vi: 'Nghề nghiệp', en: 'Occupation' },
  permanentAddress: { vi: 'Nơi thường trú', en: 'Permanent address' },
  currentAddress: { vi: 'Nơi ở hiện tại', en: 'Current address' },
  commune: { vi: 'Xã/phường', en: 'Commune' },
  drug: { vi: 'Loại ma túy sử dụng', en: 'Drug used' },
  useStatus: { vi: 'Tình trạng', en: 'Status' },
  detectedOn: { vi: 'Ngày phát hiện', en: 'Detected on' },
  pathway: { vi: 'Hình thức cai nghiện / quản lý', en: 'Rehab / management' },
  period: { vi: 'Thời gian', en: 'Period' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

// Ordered: the first rule that matches a normalised label wins.
const RULES: [ImportField, RegExp][] = [
  ['stt', /^(stt|so tt|tt|so thu tu)$/],
  ['otherNames', /ten goi khac|biet danh|ten khac/],
  ['fullName', /\bho (va )?ten\b|^ten$/],
  ['sex', /gioi tinh/],
  ['detectedOn', /phat hien/],
  ['period', /thoi gian/],
  ['from', /tu ngay|ngay bat dau|bat dau/],
  ['to', /den ngay|ngay ket thuc|ket thuc/],
  ['birth', /ngay sinh|nam sinh|sinh ngay|ngay thang nam sinh/],
  ['idNumber', /cccd|cmnd|dinh danh|can cuoc|chung minh/],
  ['ethnicity', /dan toc/],
  ['occupation', /nghe nghiep|viec lam/],
  ['currentAddress', /noi o|cho o|tam tru/],
  ['permanentAddress', /thuong tru|ho khau|dia chi|que quan/],
  ['commune', /^(xa|phuong|xa phuong|phuong xa|don vi|dia ban)$/],
  ['drug', /ma tuy|loai chat/],
  ['useStatus', /tinh trang/],
  ['pathway', /hinh thuc|bien phap|dien quan ly|cai nghien|quan ly/],
  ['note', /ghi chu/],
];

const text = (c: Cell): string =>
  c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

/** Field for one header label; `sub` is the lower header cell of a two-row header, if any. */
export function fieldOfLabel(label: string, sub = ''): ImportField | null {
  const h = normalizeVi(label);
  const s = normalizeVi(sub);
  if (s && s !== h) {
    const top = fieldOfLabel(label);
    if (s === 'nam') return top === 'birth' ? 'birthMale' : 'sexMale';
    if (s === 'nu') return top === 'birth' ? 'birthFemale' : 'sexFemale';
    return fieldOfLabel(`${label} ${sub}`) ?? fieldOfLabel(sub) ?? top;
  }
  if (h === 'nam') return 'sexMale';
  if (h === 'nu') return 'sexFemale';
  for (const [field, re] of RULES) if (re.test(h)) return field;
  return null;
}

export type HeaderGuess = {
  /** 0-based index of the (first) header row. */
  headerRow: number;
  /** Number of header rows (1 or 2). */
  headerRows: number;
  /** One label per column as printed ("Năm sinh / Nam"). */
  labels: string[];
  /** Proposed field per column (null = not imported). */
  mapping: (ImportField | null)[];
};

/**
 * Finds the header row among the first rows (title rows above it are skipped): the first row whose
 * cells name at least three known fields including the name. A second row directly below that is no
 * data (no number in the STT column) and repeats or refines the labels joins it (merged headers).
 */
export function detectHeader(rows: Cell[][], maxScan = 40): HeaderGuess | null {
  for (let r = 0; r < Math.min(rows.length, maxScan); r++) {
    const labels = rows[r].map(text);
    const fields = labels.map((l) => (l ? fieldOfLabel(l) : null));
    const distinct = new Set(fields.filter(Boolean));
    if (distinct.size < 3 || !distinct.has('fullName')) continue;
    const next = (rows[r + 1] ?? []).map(text);
    const sttCol = fields.indexOf('stt');
    const nameCol = fields.indexOf('fullName');
    const nextIsHeader =
      next.some(Boolean) &&
      !rows[r + 1].some((c) => typeof c === 'number' || c instanceof Date) &&
      (sttCol < 0 || next[sttCol] === '' || next[sttCol] === labels[sttCol]) &&
      (next[nameCol] === '' || next[nameCol] === labels[nameCol]);
    const width = Math.max(labels.length, nextIsHeader ? next.length : 0);
    const outLabels: string[] = [];
    const mapping: (ImportField | null)[] = [];
    for (let c = 0; c < width; c++) {
      const top = labels[c] ?? '';
      const sub = nextIsHeader ? (next[c] ?? '') : '';
      const label = sub && sub !== top ? (top ? `${top} / ${sub}` : sub) : top;
      outLabels.push(label);
      mapping.push(top || sub ? fieldOfLabel(top || sub, sub && top ? sub : '') : null);
    }
    // A field proposed twice keeps its first column (the officer may change it).
    const seen = new Set<ImportField>();
    for (let c = 0; c < mapping.length; c++) {
      const f = mapping[c];
      if (!f) continue;
      if (seen.has(f)) mapping[c] = null;
      else seen.add(f);
    }
    return { headerRow: r, headerRows: nextIsHeader ? 2 : 1, labels: outLabels, mapping };
  }
  return null;
}

/** A signature of a file's shape (its header labels), to find a saved mapping for the next file. */
export function headerSignature(labels: string[]): string {
  return labels.map((l) => normalizeVi(l)).join('|');
}
