import { type CccdProblem, checkCccd } from '../cccd.ts';
import type { EpisodeType } from '../episode-types.ts';
import { normalizeVi } from '../normalize.ts';
import type { Cell, ImportField } from './headers.ts';

/**
 * Cleaning one row of a commune list: names, dates typed every way, ID numbers, sex, the drug and
 * the rehab/management pathway written as free text. Pure; the server adds addresses and duplicates.
 */

export type Msg = { vi: string; en: string };
export type RowIssue = { field: ImportField; rule: string; message: Msg };

// ---------------------------------------------------------------------------------------------
// Names

const isAllCaps = (s: string) => s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');
const isAllLower = (s: string) => s === s.toLocaleLowerCase('vi') && s !== s.toLocaleUpperCase('vi');

/** "ĐINH  MẠNH HIẾU " → "Đinh Mạnh Hiếu": spaces collapsed, NFC, capitals (or all lower) to title case. */
export function cleanName(raw: Cell): string {
  const s = String(raw ?? '')
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (!isAllCaps(s) && !isAllLower(s)) return s;
  return s
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
}

/** Matching key of a name: case, spaces, Unicode form, diacritics and tone-mark placement ignored. */
export const nameKey = (name: string) => normalizeVi(name);

// ---------------------------------------------------------------------------------------------
// Dates

export type DateKind = 'birth' | 'measure';
export type ParsedDate = {
  precision: 'day' | 'month' | 'year';
  year: number;
  month?: number;
  day?: number;
  iso?: string;
};
export type DateResult =
  | { ok: true; value: ParsedDate }
  | { ok: false; rule: 'invalid_date' | 'unreadable_date' }
  | null;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function fullYear(y: string, kind: DateKind): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  // Two-digit years: birth dates 30–99 → 19yy (else 20yy); measure dates → 20yy (50–99 → 19yy).
  if (kind === 'birth') return n >= 30 ? 1900 + n : 2000 + n;
  return n >= 50 ? 1900 + n : 2000 + n;
}

function dayDate(y: number, m: number, d: number): DateResult {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return { ok: false, rule: 'invalid_date' };
  return {
    ok: true,
    value: { precision: 'day', year: y, month: m, day: d, iso: `${y}-${pad(m)}-${pad(d)}` },
  };
}
function monthDate(y: number, m: number): DateResult {
  if (m < 1 || m > 12) return { ok: false, rule: 'invalid_date' };
  return { ok: true, value: { precision: 'month', year: y, month: m } };
}
function excelSerial(n: number): DateResult {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
  return dayDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date typed any common way: Excel date cells and serial numbers, dd/mm/yyyy, d/m/yy, mm/yyyy,
 * "tháng 3/1990", "ngày 5 tháng 3 năm 1990", a year alone (kept as a year). Day before month.
 * Blank → null; an impossible day (31/02) → invalid_date; anything else unreadable_date.
 */
export function parseDateCell(raw: Cell, kind: DateKind): DateResult {
  if (raw == null || raw === '') return null;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, rule: 'unreadable_date' };
    return dayDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2100)
      return { ok: true, value: { precision: 'year', year: raw } };
    if (raw > 2100 && raw < 80_000) return excelSerial(raw);
    return { ok: false, rule: 'unreadable_date' };
  }
  const s = normalizeVi(String(raw)).replace(/\s+/g, ' ');
  const t = String(raw).trim().replace(/^'/, '');
  if (!s) return null;
  const rules: [RegExp, 's' | 't', (m: RegExpExecArray) => DateResult][] = [
    [
      /^(\d{4})$/,
      's',
      (m) => {
        const y = Number(m[1]);
        return y >= 1900 && y <= 2100 ? { ok: true, value: { precision: 'year', year: y } } : excelSerial(y);
      },
    ],
    [/^(\d{5})$/, 's', (m) => excelSerial(Number(m[1]))],
    [
      /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/,
      't',
      (m) => dayDate(fullYear(m[3], kind), Number(m[2]), Number(m[1])),
    ],
    [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, 't', (m) => dayDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/,
      's',
      (m) => dayDate(Number(m[3]), Number(m[2]), Number(m[1])),
    ],
    [/^(?:thang|th) ?(\d{1,2}) (?:nam )?(\d{4})$/, 's', (m) => monthDate(Number(m[2]), Number(m[1]))],
    [/^(\d{1,2})[/.-](\d{4})$/, 't', (m) => monthDate(Number(m[2]), Number(m[1]))],
    [/^(?:nam )?(\d{4})$/, 's', (m) => ({ ok: true, value: { precision: 'year', year: Number(m[1]) } })],
  ];
  for (const [re, on, make] of rules) {
    const m = re.exec(on === 's' ? s : t);
    if (m) return make(m);
  }
  return { ok: false, rule: 'unreadable_date' };
}

/** First day a partial date can mean (for a start) or the last (for an end). */
export function isoOf(d: ParsedDate, end = false): string {
  if (d.iso) return d.iso;
  if (d.precision === 'month') return `${d.year}-${pad(d.month!)}-${pad(end ? daysIn(d.year, d.month!) : 1)}`;
  return end ? `${d.year}-12-31` : `${d.year}-01-01`;
}

const OPEN_END = /^(nay|hien nay|den nay|hien tai|dang dieu tri|dang cai|dang quan ly|chua ket thuc)$/;

export type Period = { from: ParsedDate | null; to: ParsedDate | null; open: boolean };
export type PeriodResult =
  | { ok: true; value: Period }
  | { ok: false; rule: 'invalid_date' | 'unreadable_date' }
  | null;

/** "Từ 26/8/2024 đến 25/8/2025", "12/2023 - 12/2024", "2016-2017", "từ 09/2017", "19/01/2019 - nay". */
export function parsePeriod(raw: Cell): PeriodResult {
  if (raw == null || raw === '') return null;
  if (typeof raw === 'number' || raw instanceof Date) {
    const d = parseDateCell(raw, 'measure');
    return d && !d.ok ? d : { ok: true, value: { from: d?.value ?? null, to: null, open: false } };
  }
  const single = parseDateCell(raw, 'measure');
  if (single?.ok) return { ok: true, value: { from: single.value, to: null, open: false } };
  if (single && single.rule === 'invalid_date') return single;
  const s = String(raw)
    .normalize('NFC')
    .trim()
    .replace(/^(từ|tu)\s+/i, '');
  const parts = s.split(/\s*(?:đến|den|–|—|→|\s-\s|-(?=\s*\d|\s*nay))\s*/i).filter((p) => p !== '');
  if (parts.length !== 2) return { ok: false, rule: 'unreadable_date' };
  const from = parseDateCell(parts[0], 'measure');
  if (!from?.ok) return from ?? { ok: false, rule: 'unreadable_date' };
  const endText = normalizeVi(parts[1]);
  if (OPEN_END.test(endText)) return { ok: true, value: { from: from.value, to: null, open: true } };
  const to = parseDateCell(parts[1], 'measure');
  if (!to?.ok) return to ?? { ok: false, rule: 'unreadable_date' };
  return { ok: true, value: { from: from.value, to: to.value, open: false } };
}

/** An end-date cell: blank, "nay", "Đang điều trị" → open; else a date. */
export function parseEndCell(raw: Cell): DateResult | 'open' {
  if (typeof raw === 'string' && OPEN_END.test(normalizeVi(raw))) return 'open';
  return parseDateCell(raw, 'measure');
}

// ---------------------------------------------------------------------------------------------
// ID numbers and sex

export type IdResult =
  | { kind: 'cccd'; value: string }
  | { kind: 'cmnd'; value: string }
  | { kind: 'invalid'; value: string }
  | null;

/** Spaces, non-breaking spaces, dots and a leading apostrophe are not part of the number. */
export function parseIdNumber(raw: Cell): IdResult {
  if (raw == null || raw === '') return null;
  let s = typeof raw === 'number' ? String(Math.round(raw)) : String(raw);
  s = s.replace(/^[\s\u00a0]*'/, '').replace(/[\s\u00a0.]/g, '');
  if (!s) return null;
  // A 12-digit CCCD typed into a number cell loses its leading zero.
  if (typeof raw === 'number' && s.length === 11) s = `0${s}`;
  if (/^\d{12}$/.test(s)) return { kind: 'cccd', value: s };
  if (/^\d{9}$/.test(s)) return { kind: 'cmnd', value: s };
  return { kind: 'invalid', value: s };
}

export function parseSex(raw: Cell): 'male' | 'female' | null {
  const s = normalizeVi(String(raw ?? ''));
  if (/^(nam|male|m|trai)$/.test(s)) return 'male';
  if (/^(nu|female|f|gai)$/.test(s)) return 'female';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Drug and pathway free text

export type DrugCode =
  | 'heroin'
  | 'methamphetamine'
  | 'ketamine'
  | 'mdma'
  | 'cannabis'
  | 'opiates'
  | 'morphine'
  | 'cocaine'
  | 'amphetamine'
  | 'other';

const DRUG_RULES: [DrugCode, RegExp][] = [
  ['heroin', /^(he ?ro ?ine?|hero|hr)$/],
  ['methamphetamine', /^(ma tuy da|mtd|da|methamphetamine|meth|hong phien|ma tuy da meth)$/],
  ['ketamine', /^ketamine?$/],
  ['mdma', /^(thuoc lac|mdma|ecstasy)$/],
  ['cannabis', /^(can sa|bo da|cannabis|marijuana)$/],
  ['opiates', /^(thuoc phien|nha phien)$/],
  ['morphine', /^morphine?$/],
  ['cocaine', /^cocaine?$/],
  ['amphetamine', /^(amphetamine?|ma tuy tong hop|mtth)$/],
];

/** "Heroin, MTĐ" → ['heroin', 'methamphetamine']; unknown names → 'other' (the text is kept). */
export function parseDrugs(raw: Cell): DrugCode[] {
  const parts = String(raw ?? '')
    .split(/[,;+/&]| và | va /i)
    .map((p) => normalizeVi(p))
    .filter(Boolean);
  const out: DrugCode[] = [];
  for (const p of parts) {
    const code = DRUG_RULES.find(([, re]) => re.test(p))?.[0] ?? 'other';
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

export type PathwayGuess = { episode: EpisodeType | null; event: 'died' | 'away' | null };

/** "Cai nghiện tại gia đình", "CNBB", "Uống Methadone", "QLSCN", "Đã chết" → the product's codes. */
export function parsePathway(raw: Cell): PathwayGuess | null {
  const s = normalizeVi(String(raw ?? ''));
  if (!s) return null;
  if (/\bda chet\b|\bchet\b|tu vong/.test(s)) return { episode: null, event: 'died' };
  if (/lam an xa|bo dia phuong|vang mat|khong co mat/.test(s)) return { episode: null, event: 'away' };
  if (/sau cai|qlscn/.test(s)) return { episode: 'post_rehab', event: null };
  if (/methadone|thay the|buprenorphin/.test(s)) return { episode: 'substitution_therapy', event: null };
  if (/bat buoc|\bcnbb\b/.test(s)) return { episode: 'compulsory', event: null };
  if (
    /tu nguyen tai (co so|cs)|tai (co so|cs) cai|tu nguyen tai cs/.test(s) ||
    /^cai tu nguyen tai cs$/.test(s)
  )
    return { episode: 'voluntary_facility', event: null };
  if (/gia dinh|cong dong|\bgd\b|\bcd\b/.test(s)) return { episode: 'voluntary_community', event: null };
  if (/nguoi (sdtp|su dung)|ql nguoi su dung|sdtp/.test(s))
    return { episode: 'user_management', event: null };
  return { episode: null, event: null };
}

/** "Nghiện", "Nghiện MT" → addicted; "Sử dụng" → user. */
export function parseUseStatus(raw: Cell): 'addicted' | 'user' | null {
  const s = normalizeVi(String(raw ?? ''));
  if (/nghien/.test(s)) return 'addicted';
  if (/su dung|sdtp/.test(s)) return 'user';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** Text "same as above" in an address column. */
export const isSameAsAbove = (raw: Cell) => /^(nhu tren|nt|như trên)$/.test(normalizeVi(String(raw ?? '')));
/** Text "same as the permanent address" in the current-address column. */
export const isSameAsPermanent = (raw: Cell) =>
  /^(nhu thuong tru|nhu noi thuong tru|tai dia phuong|tai dia chi thuong tru)$/.test(
    normalizeVi(String(raw ?? '')),
  );

const cellText = (c: Cell) =>
  c == null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

/**
 * True when a row describes a person: a number in the STT column (when there is one) and a name.
 * Section rows (Roman numerals), subtotal and total rows, notes and the signature block fail this.
 */
export function isDataRow(cells: Partial<Record<ImportField, Cell>>, hasStt: boolean): boolean {
  const name = cellText(cells.fullName);
  if (!name || /^\d+$/.test(name)) return false;
  if (hasStt) return /^\d+\.?$/.test(cellText(cells.stt));
  if (/^(cong|tong|nguoi lap|truong|ky ten|xac nhan)/.test(normalizeVi(name))) return false;
  return Boolean(
    cellText(cells.birth) ||
      cellText(cells.birthMale) ||
      cellText(cells.birthFemale) ||
      cellText(cells.idNumber),
  );
}

export type CleanPerson = {
  fullName: string;
  otherNames: string[];
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  birthYear: number | null;
  citizenId: string | null;
  formerId: string | null;
  ethnicity: string | null;
  occupation: string | null;
  drugs: DrugCode[];
  drugText: string | null;
  useStatus: 'addicted' | 'user' | null;
  pathway: PathwayGuess | null;
  pathwayText: string | null;
  period: Period | null;
  note: string | null;
};

export type CleanRow = { person: CleanPerson; issues: RowIssue[] };

const DATE_MSG: Record<'invalid_date' | 'unreadable_date', Msg> = {
  invalid_date: { vi: 'Ngày không có thật', en: 'The date does not exist' },
  unreadable_date: { vi: 'Không đọc được ngày', en: 'Unreadable date' },
};
const CCCD_RULE: Record<CccdProblem, string> = {
  format: 'invalid_cccd_format',
  province: 'invalid_cccd_province',
  birth_year: 'invalid_cccd_birth_year',
  sex: 'invalid_cccd_sex',
};
const CCCD_MSG: Record<CccdProblem, Msg> = {
  format: { vi: 'Số CCCD phải gồm đúng 12 chữ số', en: 'Citizen ID must be exactly 12 digits' },
  province: {
    vi: 'Số CCCD sai mã tỉnh (3 chữ số đầu)',
    en: 'Citizen ID: invalid province code (first 3 digits)',
  },
  birth_year: {
    vi: 'Số CCCD không khớp năm sinh (chữ số thế kỷ và năm)',
    en: 'Citizen ID does not match the year of birth (century and year digits)',
  },
  sex: { vi: 'Số CCCD không khớp giới tính', en: 'Citizen ID does not match the sex' },
};

const opt = (c: Cell) => cellText(c).replace(/\s+/g, ' ') || null;

/** Cleans and checks one data row (cells by field). Unreadable pathway dates are kept as a note, not an error. */
export function cleanRow(cells: Partial<Record<ImportField, Cell>>): CleanRow {
  const issues: RowIssue[] = [];
  const fullName = cleanName(cells.fullName);
  if (fullName.length < 2)
    issues.push({
      field: 'fullName',
      rule: 'name_required',
      message: { vi: 'Thiếu họ tên', en: 'Name missing' },
    });

  // Sex: its own column, Nam/Nữ mark columns, or the Nam/Nữ birth columns of a merged header.
  let sex = parseSex(cells.sex);
  let birthField: ImportField = 'birth';
  let birthRaw: Cell = cells.birth;
  const mark = (c: Cell) => cellText(c) !== '';
  if (mark(cells.birthMale)) {
    birthRaw = cells.birthMale;
    birthField = 'birthMale';
    sex ??= 'male';
  } else if (mark(cells.birthFemale)) {
    birthRaw = cells.birthFemale;
    birthField = 'birthFemale';
    sex ??= 'female';
  }
  if (!sex && mark(cells.sexMale)) sex = 'male';
  if (!sex && mark(cells.sexFemale)) sex = 'female';

  let birthDate: string | null = null;
  let birthYear: number | null = null;
  const birth = parseDateCell(birthRaw, 'birth');
  if (birth?.ok) {
    birthYear = birth.value.year;
    birthDate = birth.value.iso ?? null;
  } else if (birth) {
    issues.push({ field: birthField, rule: birth.rule, message: DATE_MSG[birth.rule] });
  } else {
    issues.push({
      field: birthField,
      rule: 'birth_required',
      message: { vi: 'Thiếu ngày sinh hoặc năm sinh', en: 'Date or year of birth missing' },
    });
  }

  let citizenId: string | null = null;
  let formerId: string | null = null;
  const id = parseIdNumber(cells.idNumber);
  if (id?.kind === 'cmnd') formerId = id.value;
  else if (id?.kind === 'invalid')
    issues.push({
      field: 'idNumber',
      rule: 'invalid_id_number',
      message: {
        vi: 'Số định danh phải có 12 chữ số (CCCD) hoặc 9 chữ số (CMND)',
        en: 'ID must be 12 digits (CCCD) or 9 (CMND)',
      },
    });
  else if (id?.kind === 'cccd') {
    const problem = checkCccd(id.value, { birthYear, sex });
    if (problem) issues.push({ field: 'idNumber', rule: CCCD_RULE[problem], message: CCCD_MSG[problem] });
    else citizenId = id.value;
  }

  let period: Period | null = null;
  if (cells.period != null && cells.period !== '') {
    const p = parsePeriod(cells.period);
    if (p?.ok) period = p.value;
    else if (p?.rule === 'invalid_date')
      issues.push({ field: 'period', rule: 'invalid_date', message: DATE_MSG.invalid_date });
  } else if (cellText(cells.from)) {
    const f = parseDateCell(cells.from, 'measure');
    const t = parseEndCell(cells.to);
    if (f && !f.ok) {
      if (f.rule === 'invalid_date')
        issues.push({ field: 'from', rule: 'invalid_date', message: DATE_MSG.invalid_date });
    } else if (t !== 'open' && t && !t.ok) {
      if (t.rule === 'invalid_date')
        issues.push({ field: 'to', rule: 'invalid_date', message: DATE_MSG.invalid_date });
    } else if (f?.ok) {
      period = { from: f.value, to: t !== 'open' && t?.ok ? t.value : null, open: t === 'open' || t == null };
    }
  }
  const detected = parseDateCell(cells.detectedOn, 'measure');
  if (detected && !detected.ok && detected.rule === 'invalid_date')
    issues.push({ field: 'detectedOn', rule: 'invalid_date', message: DATE_MSG.invalid_date });

  if (!sex && issues.length === 0)
    issues.push({
      field: 'sex',
      rule: 'sex_required',
      message: { vi: 'Thiếu giới tính', en: 'Sex missing' },
    });

  const otherNames = cellText(cells.otherNames)
    ? cellText(cells.otherNames)
        .split(/[,;]/)
        .map((n) => cleanName(n))
        .filter(Boolean)
    : [];
  return {
    person: {
      fullName,
      otherNames,
      sex,
      birthDate,
      birthYear,
      citizenId,
      formerId,
      ethnicity: opt(cells.ethnicity),
      occupation: opt(cells.occupation),
      drugs: parseDrugs(cells.drug),
      drugText: opt(cells.drug),
      useStatus: parseUseStatus(cells.useStatus),
      pathway: parsePathway(cells.pathway),
      pathwayText: opt(cells.pathway),
      period,
      note: opt(cells.note),
    },
    issues: issues.slice(0, 1).concat(issues.slice(1)),
  };
}

/**
 * In-file duplicates: the same ID number, or the same normalised name with the same birth year and
 * the same old commune. Returns, per row index, the index of the first row of the same person.
 */
export function inFileDuplicates(
  rows: { id: string | null; name: string; birthYear: number | null; communeKey: string | null }[],
): Map<number, number> {
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const out = new Map<number, number>();
  rows.forEach((r, i) => {
    const nk = r.birthYear != null ? `${nameKey(r.name)}|${r.birthYear}|${r.communeKey ?? ''}` : null;
    const first = (r.id ? byId.get(r.id) : undefined) ?? (nk ? byName.get(nk) : undefined);
    if (first !== undefined) out.set(i, first);
    else {
      if (r.id) byId.set(r.id, i);
      if (nk) byName.set(nk, i);
    }
  });
  return out;
}
