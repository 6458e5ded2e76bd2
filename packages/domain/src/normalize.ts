/**
 * Vietnamese text normalisation for search: lower case, no diacritics, đ → d.
 * Stripping every combining mark makes tone-mark placement ("Hoà" / "Hòa") irrelevant.
 */
export function normalizeVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses internal whitespace and trims; keeps diacritics (for display values). */
export function tidyName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
