/**
 * Text hygiene of input and output (issue 16): control characters and bidirectional overrides are removed
 * from every text that comes in, and spreadsheet cells that a spreadsheet would run as a formula are defused.
 */

// C0 controls except tab (U+0009) and line feed (U+000A), DEL and C1 controls; the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C),
// which can make "exe.txt" read as "txt.exe" or reorder a citizen ID on screen. Vietnamese needs none of them.
// A carriage return is dropped too: "\r\n" becomes "\n".
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without control characters (tab and line feed kept) and without bidirectional controls. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE, '');
}

/** Every string inside a JSON-like value cleaned (objects and arrays walked, other values unchanged). */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/**
 * One CSV cell: text that a spreadsheet would read as a formula (starting with = + - @, tab or carriage
 * return) is prefixed with an apostrophe (OWASP "CSV injection"); numbers stay numbers; quoted when needed.
 */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
