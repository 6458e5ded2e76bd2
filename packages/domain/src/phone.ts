/**
 * Vietnamese telephone numbers as staff type them: "0912 345 678", "0912.345.678", "+84 912 345 678",
 * "84912345678", "(024) 3825 1234". Stored as the national form with its leading 0.
 *
 * The national numbering plan (Ministry of Information and Communications): mobile numbers have 10 digits
 * beginning 03, 05, 07, 08 or 09 since the 2018 move from 11-digit mobile numbers; fixed lines have 11 digits
 * beginning 02 (area code 02x or 02xx) since the 2017 change of area codes.
 */

export type PhoneResult =
  | { ok: true; value: string; kind: 'mobile' | 'fixed' }
  | { ok: false; rule: 'phone_format' };

export const PHONE_MESSAGE = {
  vi: 'Số điện thoại không đúng dạng Việt Nam: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09 (ví dụ 0912 345 678), cố định 11 số bắt đầu bằng 02 (ví dụ 024 3825 1234); có thể ghi +84 thay cho số 0 đầu',
  en: 'Not a Vietnamese phone number: a mobile has 10 digits beginning 03, 05, 07, 08 or 09 (e.g. 0912 345 678), a fixed line 11 digits beginning 02 (e.g. 024 3825 1234); +84 may replace the leading 0',
};

export function parseVnPhone(raw: string): PhoneResult {
  const s = raw.trim().replace(/[\s.\-()]/g, '');
  let digits: string;
  if (/^\+84\d+$/.test(s)) digits = `0${s.slice(3)}`;
  else if (/^0084\d+$/.test(s)) digits = `0${s.slice(4)}`;
  else if (/^84\d{9,10}$/.test(s)) digits = `0${s.slice(2)}`;
  else digits = s;
  // "+84 (0) 912…": a 0 kept after the country code.
  if (/^00\d+$/.test(digits)) digits = digits.slice(1);
  if (/^0[35789]\d{8}$/.test(digits)) return { ok: true, value: digits, kind: 'mobile' };
  if (/^02\d{9}$/.test(digits)) return { ok: true, value: digits, kind: 'fixed' };
  return { ok: false, rule: 'phone_format' };
}
