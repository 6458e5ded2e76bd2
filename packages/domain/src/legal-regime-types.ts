import type { FormRef, LegalBasis, RoleId, Text } from './legal-basis.ts';

// The shape of a dated rule, of a regime's rules and of an administrator's override.

export type RuleUnit =
  | 'months'
  | 'days'
  | 'working_days'
  | 'hours'
  | 'years'
  | 'age_years'
  | 'criteria'
  | 'stages'
  | 'percent'
  | 'role'
  | 'flag'
  | 'mixed';

export type RangeValue = { min: number; max: number };
export type RuleValue = number | boolean | string | null | { readonly [key: string]: number };

/** One dated rule: its value and everything needed to cite it in a decision. */
export interface Rule<V extends RuleValue = RuleValue> {
  value: V;
  unit: RuleUnit;
  basis: readonly LegalBasis[];
  authority?: RoleId;
  forms?: readonly FormRef[];
  /** DOMAIN.md marks the value "(verify)": keep it configurable and check it against the official text. */
  verify?: true;
  note?: Text;
  /** Present when a RuleOverride replaced the value. */
  overriddenBy?: { effectiveFrom: string; reason: string; basis: LegalBasis };
}

export type RegimeId = 'pre-2022' | 'law73-2022' | 'police-transfer-2025' | 'two-tier-2025' | 'law120-2026';

export interface RegimeRules {
  regimeId: RegimeId;
  userManagementMonths: Rule<number>;
  userManagementDecisionHours: Rule<number | null>;
  addictionCriteria: Rule<{ minCriteria: number; minDurationDays: number; recurrenceWindowMonths: number }>;
  /** Working days after a relapse within which the addiction determination should be arranged. */
  relapseDeterminationWorkingDays: Rule<number>;
  voluntaryCommunityMonths: Rule<RangeValue>;
  communityRehabSubsidyMinStages: Rule<number>;
  communityProviderRegistrar: Rule<RoleId>;
  voluntaryFacilityMonths: Rule<RangeValue>;
  voluntaryFacilityCostSupport: Rule<{ percent: number; priorityGroups: number }>;
  compulsoryAdultMonths: Rule<RangeValue>;
  compulsoryFixedTermMonths: Rule<{ first: number; repeat: number } | null>;
  /**
   * Fixed term of every form of rehab (voluntary at home/community or at a facility, compulsory, juveniles):
   * `first` for a first rehab, `repeat` when the person had any rehab before; null where terms are ranges.
   */
  rehabFixedTermMonths: Rule<{ first: number; repeat: number } | null>;
  compulsoryJuvenileMonths: Rule<RangeValue>;
  compulsoryJuvenileAge: Rule<{ min: number; maxExclusive: number }>;
  compulsoryCourt: Rule<RoleId>;
  compulsoryDossierPreparer: Rule<RoleId>;
  compulsoryPendingCountsTowardTerm: Rule<boolean>;
  /** Working days the person and family have to read a compulsory dossier, from the day after the notice. */
  compulsoryDossierReadingWorkingDays: Rule<number>;
  /** Which documents of the compulsory dossier's checklist are required (1) or optional (0), by kind. */
  compulsoryDossierRequiredDocuments: Rule<{ readonly [kind: string]: number }>;
  postRehabMonths: Rule<number>;
  postRehabDecisionWorkingDays: Rule<number>;
  moveHandoverHours: Rule<number | null>;
  electronicMonitoring: Rule<boolean>;
  substanceDeclarationRequired: Rule<boolean>;
  criminal256aWindowYears: Rule<number | null>;
  // Life inside a rehab facility (facility-rules.ts reads these through facilityRulesOn).
  /** Share of the term (percent) a resident must have served before a reduction or early release. */
  termReductionMinServedPercent: Rule<number>;
  /** Legal bases of residence (comma-separated) for which a term reduction or early release may be recorded. */
  termReductionBases: Rule<string>;
  /** Whether days away on escape count toward the term. */
  escapeTimeCounts: Rule<boolean>;
  /** Whether days of a postponement count toward the term. */
  postponementTimeCounts: Rule<boolean>;
  /** Whether days of a suspension for hospital treatment count toward the term. */
  hospitalSuspensionTimeCounts: Rule<boolean>;
  /** Days before the planned release by which the commune chairman and commune police are notified. */
  releaseNoticeDaysBefore: Rule<number>;
  // Where a person may be placed (placement-rules.ts reads these): facility kinds, comma-separated.
  /** Kinds of facility where an adult serves compulsory rehab (or waits for it at a facility). */
  compulsoryFacilityKinds: Rule<string>;
  /** Kinds of facility where a person aged 12 to under 18 serves compulsory rehab. */
  juvenileCompulsoryFacilityKinds: Rule<string>;
  /** Kinds of facility that may take voluntary rehab under a contract (a private one only while licensed). */
  voluntaryFacilityKinds: Rule<string>;
  /** Kinds of facility that give substitution (methadone) therapy. */
  substitutionFacilityKinds: Rule<string>;
  /** Who issues a private rehab facility's operating licence (the issuer recorded with the licence). */
  privateFacilityLicenser: Rule<string>;
}

export type RuleKey = Exclude<keyof RegimeRules, 'regimeId'>;

export interface Regime {
  id: RegimeId;
  from: string;
  /** Last day in force (inclusive); null while open-ended. */
  to: string | null;
  name: Text;
  rules: RegimeRules;
}

/** An administrator's dated change to one rule, applied from `effectiveFrom` on (latest effective wins). */
export interface RuleOverride {
  ruleKey: RuleKey;
  /** The new value; undefined (only together with `authority`) keeps the rule's own value. */
  value?: RuleValue;
  effectiveFrom: string;
  reason: string;
  basis: LegalBasis;
  /** Limit the override to one regime; without it the override also carries into later regimes. */
  regimeId?: RegimeId;
  /**
   * The deciding official from `effectiveFrom` on (also the signer of the decision's document). Without it the
   * rule's own authority stays. With an authority, `value` may be left undefined to keep the rule's own value.
   */
  authority?: RoleId;
}

/** The kinds of document in a compulsory dossier's checklist (labels and forms in dossier-rules.ts). */
export const DOSSIER_DOCUMENT_KINDS = [
  'violation_record',
  'personal_history',
  'addiction_result',
  'ground_proof',
  'statement',
  'notification_proof',
  'family_commitment',
  'other',
] as const;

/** The value shape of each rule, so overrides can be checked and an admin form can render an editor. */
export const RULE_SHAPES: Record<
  RuleKey,
  { type: 'number' | 'boolean' | 'string' | 'object'; keys?: readonly string[]; nullable?: true }
> = {
  userManagementMonths: { type: 'number' },
  userManagementDecisionHours: { type: 'number', nullable: true },
  addictionCriteria: { type: 'object', keys: ['minCriteria', 'minDurationDays', 'recurrenceWindowMonths'] },
  relapseDeterminationWorkingDays: { type: 'number' },
  voluntaryCommunityMonths: { type: 'object', keys: ['min', 'max'] },
  communityRehabSubsidyMinStages: { type: 'number' },
  communityProviderRegistrar: { type: 'string' },
  voluntaryFacilityMonths: { type: 'object', keys: ['min', 'max'] },
  voluntaryFacilityCostSupport: { type: 'object', keys: ['percent', 'priorityGroups'] },
  compulsoryAdultMonths: { type: 'object', keys: ['min', 'max'] },
  compulsoryFixedTermMonths: { type: 'object', keys: ['first', 'repeat'], nullable: true },
  rehabFixedTermMonths: { type: 'object', keys: ['first', 'repeat'], nullable: true },
  compulsoryJuvenileMonths: { type: 'object', keys: ['min', 'max'] },
  compulsoryJuvenileAge: { type: 'object', keys: ['min', 'maxExclusive'] },
  compulsoryCourt: { type: 'string' },
  compulsoryDossierPreparer: { type: 'string' },
  compulsoryPendingCountsTowardTerm: { type: 'boolean' },
  compulsoryDossierReadingWorkingDays: { type: 'number' },
  compulsoryDossierRequiredDocuments: { type: 'object', keys: DOSSIER_DOCUMENT_KINDS },
  postRehabMonths: { type: 'number' },
  postRehabDecisionWorkingDays: { type: 'number' },
  moveHandoverHours: { type: 'number', nullable: true },
  electronicMonitoring: { type: 'boolean' },
  substanceDeclarationRequired: { type: 'boolean' },
  criminal256aWindowYears: { type: 'number', nullable: true },
  termReductionMinServedPercent: { type: 'number' },
  termReductionBases: { type: 'string' },
  escapeTimeCounts: { type: 'boolean' },
  postponementTimeCounts: { type: 'boolean' },
  hospitalSuspensionTimeCounts: { type: 'boolean' },
  releaseNoticeDaysBefore: { type: 'number' },
  compulsoryFacilityKinds: { type: 'string' },
  juvenileCompulsoryFacilityKinds: { type: 'string' },
  voluntaryFacilityKinds: { type: 'string' },
  substitutionFacilityKinds: { type: 'string' },
  privateFacilityLicenser: { type: 'string' },
};
