/**
 * Citizen identity card (CCCD) checks. A CCCD has 12 digits: 3 for the province of birth
 * registration (0 + the pre-2025 province code), 1 for century and sex, 2 for the year of birth,
 * 6 random. Basis: Circular 07/2016/TT-BCA Art. 7 (as amended by Circular 59/2021/TT-BCA).
 */

// The 63 province codes in force before 01/07/2025; cards issued earlier keep them forever.
export const CCCD_PROVINCE_CODES = new Set([
  '01',
  '02',
  '04',
  '06',
  '08',
  '10',
  '11',
  '12',
  '14',
  '15',
  '17',
  '19',
  '20',
  '22',
  '24',
  '25',
  '26',
  '27',
  '30',
  '31',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '40',
  '42',
  '44',
  '45',
  '46',
  '48',
  '49',
  '51',
  '52',
  '54',
  '56',
  '58',
  '60',
  '62',
  '64',
  '66',
  '67',
  '68',
  '70',
  '72',
  '74',
  '75',
  '77',
  '79',
  '80',
  '82',
  '83',
  '84',
  '86',
  '87',
  '89',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

// Century digit: even = male, odd = female; pairs map to centuries.
const CENTURY_BY_DIGIT: Record<string, { century: number; sex: 'male' | 'female' }> = {
  '0': { century: 1900, sex: 'male' },
  '1': { century: 1900, sex: 'female' },
  '2': { century: 2000, sex: 'male' },
  '3': { century: 2000, sex: 'female' },
  '4': { century: 2100, sex: 'male' },
  '5': { century: 2100, sex: 'female' },
  '6': { century: 2200, sex: 'male' },
  '7': { century: 2200, sex: 'female' },
  '8': { century: 1800, sex: 'male' },
  '9': { century: 1800, sex: 'female' },
};

export type CccdProblem = 'format' | 'province' | 'birth_year' | 'sex';

export const cccdMessages: Record<CccdProblem, { vi: string; en: string }> = {
  format: { vi: 'Số CCCD phải gồm đúng 12 chữ số', en: 'Citizen ID must be exactly 12 digits' },
  province: {
    vi: '3 chữ số đầu của CCCD không phải mã tỉnh hợp lệ',
    en: 'The first 3 digits of the citizen ID are not a valid province code',
  },
  birth_year: {
    vi: 'Chữ số thế kỷ và năm sinh trong CCCD không khớp với ngày sinh',
    en: 'The century and year digits of the citizen ID do not match the date of birth',
  },
  sex: {
    vi: 'Chữ số giới tính trong CCCD không khớp với giới tính',
    en: 'The sex digit of the citizen ID does not match the sex',
  },
};

/** Checks a CCCD against its own structure and, when given, the birth year and sex. */
export function checkCccd(
  cccd: string,
  opts: { birthYear?: number | null; sex?: string | null } = {},
): CccdProblem | null {
  if (!/^\d{12}$/.test(cccd)) return 'format';
  if (cccd[0] !== '0' || !CCCD_PROVINCE_CODES.has(cccd.slice(1, 3))) return 'province';
  const c = CENTURY_BY_DIGIT[cccd[3]];
  if (opts.birthYear != null && c.century + Number(cccd.slice(4, 6)) !== opts.birthYear) return 'birth_year';
  if ((opts.sex === 'male' || opts.sex === 'female') && c.sex !== opts.sex) return 'sex';
  return null;
}

/** Builds a structurally valid CCCD (for tests and the demo data generator). */
export function makeCccd(
  provinceCode: string,
  birthYear: number,
  sex: 'male' | 'female',
  serial: number,
): string {
  const century = Math.floor(birthYear / 100) * 100;
  const digit = Object.entries(CENTURY_BY_DIGIT).find(([, v]) => v.century === century && v.sex === sex)![0];
  return `0${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}`;
}
