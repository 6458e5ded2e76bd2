// The indicator catalogue as data (DOMAIN.md §1, §6; issue 6). Every indicator is built from a small set of
// BUILDING BLOCKS: named, parameterised counts that the server implements once each (reports/blocks.repo.ts).
// An indicator is a count of one block, or a ratio numerator/denominator of two; a national administrator can
// add one from the same blocks without code. Blocks whose records the product does not hold yet are listed as
// `pending`: the indicators that use them are in the catalogue but computed as null.

export * from './indicator-blocks.ts';
// (Split, public path unchanged: the definitions and the shipped catalogue in indicator-catalogue.ts, the pure
// helpers on values in indicator-values.ts.)
export { INDICATORS, type IndicatorDef, type Target } from './indicator-catalogue.ts';
export * from './indicator-validation.ts';
export {
  ageGroup,
  blocksOf,
  formatValue,
  isComputable,
  meetsTarget,
  ratioPercent,
} from './indicator-values.ts';
