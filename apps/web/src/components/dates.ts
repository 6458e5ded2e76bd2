import { parseDmy } from '../i18n/format.ts';

// The dates of forms, for the Mantine pages (form-kit.tsx) and the light field pages (field/field-kit.tsx) alike:
// no component library here, so the volunteer's small download stays small.

const pad = (n: number) => String(n).padStart(2, '0');
/** A date n days from today in the browser's calendar, as dd/mm/yyyy. */
export function dmyIn(days = 0) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}
/** Today in the browser's calendar as dd/mm/yyyy (the default of date fields). */
export const todayDmy = () => dmyIn(0);

/** A dd/mm/yyyy field → ISO, or its problem in `errors` (messages from the caller's `t`). */
export function isoDate(
  t: (k: string) => string,
  errors: Record<string, string>,
  key: string,
  value: string,
  optional = false,
): string | undefined {
  if (!value.trim()) {
    if (!optional) errors[key] = t('common.required');
    return undefined;
  }
  const iso = parseDmy(value);
  if (!iso) errors[key] = t('common.invalidDate');
  return iso ?? undefined;
}
