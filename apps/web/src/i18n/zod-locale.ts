import { z } from 'zod';
import type { Lang } from './i18n.ts';

/**
 * Our schemas write their own messages as "Vietnamese / English"; zod's built-in messages come
 * from zod's locale, switched to the UI language before each validation.
 */
export function applyZodLocale(lang: Lang) {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}

/** The half of a "Vietnamese / English" message for the language; other messages unchanged. */
export function pickLang(message: string, lang: Lang): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'vi' ? message.slice(0, i) : message.slice(i + 3);
}

/** Zod issues → first message per dotted field path ("familyContacts.0.phone"). */
export function fieldErrorsOf(issues: z.core.$ZodIssue[], lang: Lang, mapPath = (p: string) => p) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = mapPath(issue.path.map(String).join('.') || '(body)');
    if (!out[path]) out[path] = pickLang(issue.message, lang);
  }
  return out;
}
