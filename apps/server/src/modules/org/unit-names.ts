import { normalizeVi } from '@hoanhap/domain/normalize';

export type UnitLevel = 'province' | 'commune';
export const PROVINCE_TYPES = ['tinh', 'thanh_pho'] as const;
export const COMMUNE_TYPES = ['xa', 'phuong', 'dac_khu'] as const;
export type UnitType = (typeof PROVINCE_TYPES)[number] | (typeof COMMUNE_TYPES)[number];

const TYPE_WORDS: Record<UnitType, string> = {
  tinh: 'Tỉnh',
  thanh_pho: 'Thành phố',
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
};

/** The Vietnamese word that starts a unit's full name ("Tỉnh", "Phường"…). */
export function typeWordOf(type: string): string {
  return TYPE_WORDS[type as UnitType] ?? '';
}

const LEADING_TYPE_WORD: Record<UnitLevel | 'district', RegExp> = {
  province: /^(tỉnh|thành phố)\s+/iu,
  district: /^(huyện|quận|thị xã|thành phố)\s+/iu,
  commune: /^(xã|phường|thị trấn|đặc khu)\s+/iu,
};

/** The name without its leading type word: "Phường Ba Đình" → "Ba Đình". */
export function coreName(name: string, level: UnitLevel | 'district'): string {
  return name.normalize('NFC').trim().replace(LEADING_TYPE_WORD[level], '');
}

/** The full name with its type word, added when missing: ("Cao Bằng", 'tinh') → "Tỉnh Cao Bằng". */
export function fullName(name: string, type: string, level: UnitLevel): string {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  return LEADING_TYPE_WORD[level].test(n) ? n : `${typeWordOf(type)} ${n}`.trim();
}

// Tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters; the other diacritics
// (circumflex, breve, horn) belong to the vowel and stay where they are.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A spelling-independent form of a name: tone marks moved to the end of each syllable (so "Hoà" and
 * "Hòa", "Thuỷ" and "Thủy" agree), apostrophes unified ("M’Drắk" / "M'Drắk"), case folded. Any other
 * difference — a different tone, letter or word — survives, so it still counts as a rename.
 */
export function canonicalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((syllable) => syllable.replace(TONE_MARKS, '') + (syllable.match(TONE_MARKS) ?? []).join(''))
    .join(' ')
    .toLowerCase()
    .normalize('NFC');
}

/** True when two names differ only in spelling (tone-mark placement, apostrophes, case), type word aside. */
export function sameName(a: string, b: string, level: UnitLevel): boolean {
  return canonicalName(coreName(a, level)) === canonicalName(coreName(b, level));
}

/** Ordering key: the name people say ("Ba Đình", not "Phường Ba Đình"), numbers padded ("Phường 2" < "Phường 10"). */
export function sortKeyOf(name: string, level: UnitLevel): string {
  return normalizeVi(coreName(name, level)).replace(/\d+/g, (d) => d.padStart(4, '0'));
}

// Type words and their usual abbreviations in written addresses ("P. 13", "TX Sơn Tây", "TP.HCM"),
// after normalizeVi.
const KEY_PREFIX: Record<UnitLevel | 'district', RegExp> = {
  province: /^(tinh|thanh pho|tp|t)\s+/,
  district: /^(huyen|quan|thi xa|thanh pho|tp|tx|q|h)\s+/,
  commune: /^(xa|phuong|thi tran|dac khu|tt|dk|x|p)\s+/,
};
const GLUED_NUMBER: Record<UnitLevel | 'district', RegExp | null> = {
  province: null,
  district: /^(?:q|quan)(\d+)$/,
  commune: /^(?:p|phuong)(\d+)$/,
};
const PROVINCE_ALIASES: Record<string, string> = {
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  'sai gon': 'ho chi minh',
  'thua thien hue': 'hue',
  hn: 'ha noi',
};

/**
 * Matching key for a written unit name: no diacritics or tone marks, no type word or its
 * abbreviation, no leading zeros ("Phường 01" = "P.1" = "phuong 1" → "1"; "TP. Hà Nội" → "ha noi").
 */
export function legacyKey(text: string | null | undefined, level: UnitLevel | 'district'): string {
  return legacyKeyOfNormalized(normalizeVi(text ?? ''), level);
}

/** legacyKey of a text already passed through normalizeVi. */
export function legacyKeyOfNormalized(normalized: string, level: UnitLevel | 'district'): string {
  let k = normalized;
  const glued = GLUED_NUMBER[level]?.exec(k);
  if (glued) k = glued[1];
  k = k.replace(KEY_PREFIX[level], '');
  k = k.replace(/\b0+(\d)/g, '$1');
  if (level === 'province') k = PROVINCE_ALIASES[k] ?? k;
  return k;
}
