// The legal regimes of drug rehabilitation (DOMAIN.md §3) as dated data. A record is judged by the rules in
// force on the date of the act, so every rule lives here with its value, unit, basis and deciding authority,
// and code asks `rulesOn(date)` instead of hard-coding numbers. Values marked `verify` come from sources
// DOMAIN.md flags as uncertain; a national administrator corrects them with a RuleOverride, not a release.
// (Split by regime, public path unchanged: the shapes of a rule in legal-regime-types.ts, each regime's rules in
// legal-regime-<era>.ts, the dated timeline and rulesOn in legal-regime-timeline.ts.)

export {
  FIRST_REGIME_DATE,
  isHistoricalDate,
  LAW73_START,
  REGIMES,
  regimeOn,
  rulesOn,
} from './legal-regime-timeline.ts';
export {
  DOSSIER_DOCUMENT_KINDS,
  type RangeValue,
  type Regime,
  type RegimeId,
  type RegimeRules,
  RULE_SHAPES,
  type Rule,
  type RuleKey,
  type RuleOverride,
  type RuleUnit,
  type RuleValue,
} from './legal-regime-types.ts';
