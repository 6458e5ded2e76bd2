import { z } from 'zod';
import type { FieldError, Messages } from './errors.ts';

const vi = z.locales.vi();
const en = z.locales.en();

const typeNamesVi: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  integer: 'số nguyên',
};

// Our own schemas write custom messages as "Vietnamese / English"; zod's built-in ones come
// in English and are translated with zod's Vietnamese locale.
function messagesOf(issue: any): Messages {
  const msg: string = issue.message ?? '';
  if (msg.includes(' / ')) {
    const [v, e] = msg.split(' / ');
    return { vi: v, en: e };
  }
  if (issue.code === 'invalid_type') {
    const t = String(issue.expected);
    return { vi: `Sai kiểu dữ liệu: cần ${typeNamesVi[t] ?? t}`, en: `Wrong type: expected ${t}` };
  }
  const withIssue = { ...issue, input: undefined };
  return { vi: vi.localeError(withIssue) as string, en: (en.localeError(withIssue) as string) ?? msg };
}

/** Converts zod issues (or fastify's wrapped form of them) into field errors naming the field and rule. */
export function fieldErrorsFromIssues(issues: any[]): FieldError[] {
  return issues.map((raw) => {
    // fastify-type-provider-zod wraps issues: { keyword, instancePath, message, params }
    const issue = raw.keyword ? { code: raw.keyword, message: raw.message, ...raw.params } : raw;
    const path: string = raw.instancePath
      ? raw.instancePath.replace(/^\//, '').replace(/\//g, '.')
      : (issue.path ?? []).join('.');
    const field =
      issue.code === 'unrecognized_keys' ? [path, ...(issue.keys ?? [])].filter(Boolean).join('.') : path;
    return { field: field || '(body)', rule: issue.code, messages: messagesOf(issue) };
  });
}
