import { randomBytes } from 'node:crypto';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { Errors } from '../../platform/errors.ts';

/**
 * Password strength (issue 16): zxcvbn's estimate of the guesses an attacker needs, with its list of common
 * passwords and the account's own words (username, name, unit) as context. A password must score at least 3
 * of 4 (zxcvbn: "safely unguessable: moderate protection from an offline slow-hash scenario", ≥ 10^8 guesses);
 * the length and letters-and-digits rules of the form stay as a first check.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
};

/**
 * The account's own words, as typed and without diacritics: whole, and every run of up to four consecutive
 * words joined with and without spaces ("Phường Ba Đình" gives "ba dinh" and "badinh" too).
 */
export function passwordContext(words: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    if (!w) continue;
    for (const form of new Set([w.toLowerCase(), normalizeVi(w)])) {
      out.add(form);
      const parts = form.split(/[\s._-]+/).filter(Boolean);
      for (let i = 0; i < parts.length; i++)
        for (let n = 1; n <= 4 && i + n <= parts.length; n++) {
          const run = parts.slice(i, i + n);
          if (run.join('').length < 3) continue;
          out.add(run.join(''));
          out.add(run.join(' '));
        }
    }
  }
  return [...out];
}

const REASONS: Record<string, { vi: string; en: string }> = {
  userInputs: {
    vi: 'có chứa tên đăng nhập, họ tên hoặc đơn vị của tài khoản',
    en: "it contains the account's username, name or unit",
  },
  common: { vi: 'nằm trong danh sách mật khẩu phổ biến', en: 'it is a commonly used password' },
  topTen: { vi: 'là một trong 10 mật khẩu phổ biến nhất', en: 'it is one of the 10 most common passwords' },
  topHundred: {
    vi: 'là một trong 100 mật khẩu phổ biến nhất',
    en: 'it is one of the 100 most common passwords',
  },
  similarToCommon: { vi: 'gần giống một mật khẩu phổ biến', en: 'it is close to a common password' },
  pwned: { vi: 'đã bị lộ trong các vụ rò rỉ dữ liệu', en: 'it appeared in data breaches' },
  straightRow: { vi: 'là một hàng phím liền nhau', en: 'it is a straight row of keys' },
  keyPattern: { vi: 'là một mẫu gõ phím dễ đoán', en: 'it is a short keyboard pattern' },
  simpleRepeat: { vi: 'lặp lại ký tự dễ đoán', en: 'it repeats characters' },
  extendedRepeat: { vi: 'lặp lại một cụm ký tự', en: 'it repeats a group of characters' },
  sequences: { vi: 'là một dãy ký tự liên tiếp (abc, 123)', en: 'it is a sequence such as abc or 123' },
  recentYears: { vi: 'dựa vào năm gần đây', en: 'it relies on recent years' },
  dates: { vi: 'dựa vào ngày tháng dễ đoán', en: 'it relies on a date' },
  wordByItself: { vi: 'chỉ là một từ thông dụng', en: 'it is a single common word' },
  namesByThemselves: { vi: 'chỉ là tên người', en: "it is only people's names" },
  commonNames: { vi: 'là tên người thông dụng', en: 'it is a common name' },
};

/** zxcvbn's score (0–4) and the key of its main warning, for a password and the account's words. */
export function passwordStrength(password: string, context: string[]) {
  const r = zxcvbn().check(password, context);
  return { score: r.score, warning: r.feedback.warning ?? null };
}

/**
 * Throws a validation error naming `field` unless the password scores at least MIN_PASSWORD_SCORE; the
 * message (Vietnamese and English) says why.
 */
export function assertStrongPassword(field: string, password: string, context: string[]): void {
  const { score, warning } = passwordStrength(password, context);
  if (score >= MIN_PASSWORD_SCORE) return;
  const reason = (warning && REASONS[warning]) || {
    vi: 'quá dễ đoán',
    en: 'it is too easy to guess',
  };
  throw Errors.validation([
    {
      field,
      rule: 'password_strength',
      messages: {
        vi: `Mật khẩu quá yếu (độ mạnh ${score}/4, cần ít nhất ${MIN_PASSWORD_SCORE}): ${reason.vi}. Hãy dùng một cụm từ dài, không liên quan đến tên hoặc đơn vị của bạn.`,
        en: `Password too weak (strength ${score}/4, at least ${MIN_PASSWORD_SCORE} needed): ${reason.en}. Use a long phrase unrelated to your name or unit.`,
      },
    },
  ]);
}

/** A random one-time password of 16 characters without look-alike letters, that passes the strength check. */
export function strongRandomPassword(context: string[] = []): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    const p = Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
    if (passwordStrength(p, context).score >= MIN_PASSWORD_SCORE) return p;
  }
}
