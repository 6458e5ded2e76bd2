import type { Text } from './legal-basis.ts';

/** Labels of a closed vocabulary in each language of the product. */
export type Labels<V extends string> = Record<keyof Text, Record<V, string>>;

/**
 * A closed vocabulary written once, value by value with its labels [Vietnamese, English]. Its list of values (in
 * this order: zod enums, pickers, report rows) and its labels by language are both read from it, so that a value
 * cannot be listed without labels or labelled without being listed.
 */
export function vocabulary<const V extends string>(entries: Record<V, readonly [vi: string, en: string]>) {
  const values = Object.keys(entries) as V[];
  const labels: Labels<V> = { vi: {} as Record<V, string>, en: {} as Record<V, string> };
  for (const v of values) [labels.vi[v], labels.en[v]] = entries[v];
  return { values: values as unknown as readonly [V, ...V[]], labels };
}

/** A value's labels in each language; a value the vocabulary does not list (older data) stands for itself. */
export function labelOf<V extends string>(labels: Labels<V>, value: string): Text {
  return { vi: labels.vi[value as V] ?? value, en: labels.en[value as V] ?? value };
}
