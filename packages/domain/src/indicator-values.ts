import { BLOCK_BY_ID, type BlockRef } from './indicator-blocks.ts';
import type { IndicatorDef, Target } from './indicator-catalogue.ts';

// ---------------------------------------------------------------------------------------------------------
// Pure helpers.

/** numerator / denominator as a percentage with one decimal; null when the denominator is empty. */
export function ratioPercent(numerator: number | null, denominator: number | null): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** How a value is printed: "—" for no value, a percentage with a comma for ratios, a plain number otherwise. */
export function formatValue(value: number | null, kind: 'count' | 'ratio', lang: 'vi' | 'en' = 'vi'): string {
  if (value == null || !Number.isFinite(value)) return '—';
  if (kind === 'ratio') return `${lang === 'vi' ? String(value).replace('.', ',') : String(value)}%`;
  return lang === 'vi' ? value.toLocaleString('vi-VN') : value.toLocaleString('en-US');
}

/** Whether a value meets its target; null when there is no value or no target. */
export function meetsTarget(value: number | null, target: Target | undefined): boolean | null {
  if (value == null || !target) return null;
  return target.op === 'gte' ? value >= target.value : value <= target.value;
}

/** The blocks an indicator uses. */
export function blocksOf(def: Pick<IndicatorDef, 'numerator' | 'denominator'>): BlockRef[] {
  return def.denominator ? [def.numerator, def.denominator] : [def.numerator];
}

/** True when every block of the indicator has records in the product. */
export function isComputable(def: Pick<IndicatorDef, 'numerator' | 'denominator'>): boolean {
  return blocksOf(def).every((r) => {
    const b = BLOCK_BY_ID.get(r.block);
    return !!b && b.source !== 'pending';
  });
}

/** Age group of a person in a year (birth year known): under 18, 18–29, 30–49, 50 and over. */
export function ageGroup(birthYear: number | null, atYear: number): string {
  if (birthYear == null) return 'unknown';
  const age = atYear - birthYear;
  if (age < 18) return 'under_18';
  if (age < 30) return '18_29';
  if (age < 50) return '30_49';
  return '50_plus';
}
