// The legal regimes of drug rehabilitation (DOMAIN.md §3) as dated data. A record is judged by the rules in
// force on the date of the act, so every rule lives here with its value, unit, basis and deciding authority,
// and code asks `rulesOn(date)` instead of hard-coding numbers. Values marked `verify` come from sources
// DOMAIN.md flags as uncertain; a national administrator corrects them with a RuleOverride, not a release.

import { isIsoDate } from './iso-date.ts';
import type { FormRef, Instrument, LegalBasis, RoleId, Text } from './legal-basis.ts';
import { FORMS, INSTRUMENTS as I, isRoleId } from './legal-basis.ts';

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

const ADMIN_VIOLATIONS_132: LegalBasis = { instrument: I.adminViolations, article: '132' };

// Rules of life inside a rehab facility (DOMAIN.md §1, §4), part of each regime so that the national
// administrator corrects the "(verify)" values with a RuleOverride like any other rule.
const FACILITY_RULES = {
  termReductionMinServedPercent: {
    value: 50,
    unit: 'percent',
    basis: [ADMIN_VIOLATIONS_132, { instrument: I.decree116 }],
    verify: true,
  },
  termReductionBases: {
    value: 'compulsory',
    unit: 'mixed',
    basis: [ADMIN_VIOLATIONS_132],
    note: {
      vi: 'Giảm thời hạn, miễn chấp hành phần còn lại chỉ áp dụng với người cai nghiện bắt buộc',
      en: 'Reduction and exemption from the remainder apply to compulsory rehab only',
    },
  },
  escapeTimeCounts: { value: false, unit: 'flag', basis: [{ instrument: I.decree116 }], verify: true },
  postponementTimeCounts: {
    value: false,
    unit: 'flag',
    basis: [{ instrument: I.adminViolations, article: '131' }],
    verify: true,
  },
  hospitalSuspensionTimeCounts: { value: true, unit: 'flag', basis: [ADMIN_VIOLATIONS_132], verify: true },
  releaseNoticeDaysBefore: {
    value: 15,
    unit: 'days',
    basis: [{ instrument: I.decree116, article: '81' }],
    verify: true,
  },
} satisfies Partial<RegimeRules>;

// Where each pathway may be served (placement-rules.ts). Law 73 Art. 2(14) knows public and voluntary (private)
// facilities; compulsory rehab only in public ones (Art. 34–35 as read on phamdolaw.com / molisa.gov.vn, to check
// against vbpl.vn), juveniles in a separate area of a public facility (Art. 33); methadone in a clinic registered
// under Decree 90/2016; private licences issued by the provincial labour director (Decree 116/2021 Art. 11).
const PLACEMENT_RULES = {
  compulsoryFacilityKinds: {
    value: 'rehab_public',
    unit: 'mixed',
    basis: [{ instrument: I.law73, article: '34' }],
    verify: true,
  },
  juvenileCompulsoryFacilityKinds: {
    value: 'rehab_public',
    unit: 'mixed',
    basis: [{ instrument: I.law73, article: '33' }],
    verify: true,
  },
  voluntaryFacilityKinds: {
    value: 'rehab_public,rehab_private',
    unit: 'mixed',
    basis: [
      { instrument: I.law73, article: '31' },
      { instrument: I.law73, article: '35' },
    ],
    verify: true,
    note: {
      vi: 'Cơ sở cai nghiện tư nhân chỉ nhận cai nghiện tự nguyện khi giấy phép hoạt động còn hiệu lực',
      en: 'A private facility takes voluntary rehab only while its operating licence is valid',
    },
  },
  substitutionFacilityKinds: {
    value: 'methadone_clinic',
    unit: 'mixed',
    basis: [{ instrument: I.decree90_2016 }],
  },
  privateFacilityLicenser: {
    value: 'province_labour_director',
    unit: 'mixed',
    basis: [{ instrument: I.decree116, article: '11' }],
    note: {
      vi: 'Giám đốc Sở Lao động – Thương binh và Xã hội cấp giấy phép hoạt động cai nghiện ma túy tự nguyện',
      en: 'The provincial labour director issues the voluntary rehab operating licence',
    },
  },
} satisfies Partial<RegimeRules>;

// Base rules of Law 73/2021/QH14 and its decrees; later regimes spread this and change what changed.
const LAW73_RULES: RegimeRules = {
  regimeId: 'law73-2022',
  ...FACILITY_RULES,
  ...PLACEMENT_RULES,
  userManagementMonths: {
    value: 12,
    unit: 'months',
    basis: [
      { instrument: I.law73, article: '23' },
      { instrument: I.decree105, chapter: 'IV' },
    ],
    authority: 'commune_chairman',
    note: { vi: 'Theo đề nghị của Trưởng Công an xã', en: 'On the proposal of the head of commune police' },
  },
  userManagementDecisionHours: {
    value: null,
    unit: 'hours',
    basis: [{ instrument: I.law73, article: '23' }],
  },
  addictionCriteria: {
    value: { minCriteria: 3, minDurationDays: 30, recurrenceWindowMonths: 12 },
    unit: 'mixed',
    basis: [{ instrument: I.circular18_2021 }, { instrument: I.decree109 }],
    authority: 'qualified_doctor',
    forms: [FORMS.addictionResult],
  },
  relapseDeterminationWorkingDays: {
    value: 5,
    unit: 'working_days',
    basis: [{ instrument: I.law73, article: '27' }],
    authority: 'commune_police_head',
    verify: true,
    note: {
      vi: 'Luật không ấn định số ngày: mức theo thực tiễn công tác, điều chỉnh khi có văn bản quy định',
      en: 'The law sets no number of days: office practice, to adjust when a text fixes one',
    },
  },
  voluntaryCommunityMonths: {
    value: { min: 6, max: 12 },
    unit: 'months',
    basis: [{ instrument: I.law73, article: '30' }, { instrument: I.decree116 }],
    authority: 'commune_chairman',
  },
  communityRehabSubsidyMinStages: { value: 3, unit: 'stages', basis: [{ instrument: I.decree116 }] },
  communityProviderRegistrar: {
    value: 'district_chairman',
    unit: 'role',
    basis: [{ instrument: I.decree116 }],
    authority: 'district_chairman',
  },
  voluntaryFacilityMonths: {
    value: { min: 6, max: 12 },
    unit: 'months',
    basis: [{ instrument: I.law73, article: '31' }],
    authority: 'facility_director',
  },
  voluntaryFacilityCostSupport: {
    value: { percent: 95, priorityGroups: 6 },
    unit: 'percent',
    basis: [{ instrument: I.law73, article: '31' }],
  },
  compulsoryAdultMonths: {
    value: { min: 12, max: 24 },
    unit: 'months',
    basis: [
      { instrument: I.law73, article: '32' },
      { instrument: I.adminViolations, article: '95' },
    ],
    authority: 'district_court',
  },
  compulsoryFixedTermMonths: { value: null, unit: 'months', basis: [{ instrument: I.law73, article: '32' }] },
  rehabFixedTermMonths: { value: null, unit: 'months', basis: [{ instrument: I.law73 }] },
  compulsoryJuvenileMonths: {
    value: { min: 6, max: 12 },
    unit: 'months',
    basis: [{ instrument: I.law73, article: '33' }, { instrument: I.ordinance01_2022 }],
    authority: 'district_court',
  },
  compulsoryJuvenileAge: {
    value: { min: 12, maxExclusive: 18 },
    unit: 'age_years',
    basis: [{ instrument: I.law73, article: '33' }],
  },
  compulsoryCourt: {
    value: 'district_court',
    unit: 'role',
    basis: [{ instrument: I.adminViolations }, { instrument: I.ordinance01_2022 }],
    authority: 'district_court',
  },
  compulsoryDossierPreparer: {
    value: 'district_labour_office',
    unit: 'role',
    basis: [{ instrument: I.decree116 }],
    authority: 'district_labour_office',
    note: { vi: 'Phòng Lao động – Thương binh và Xã hội cấp huyện', en: 'District labour office' },
  },
  compulsoryPendingCountsTowardTerm: {
    // true: the days managed AT A FACILITY while the dossier is pending count toward the term (Decree 116
    // Art. 44); days managed at the family under a Form 35 commitment (Art. 45) never count.
    value: true,
    unit: 'flag',
    basis: [{ instrument: I.decree116, article: '44–45' }],
    forms: [FORMS.familyCommitment],
    note: {
      vi: 'Chỉ thời gian quản lý tại cơ sở cai nghiện bắt buộc hoặc cơ sở tiếp nhận đối tượng xã hội được trừ vào thời hạn cai nghiện bắt buộc; thời gian quản lý tại gia đình (Mẫu 35) không được trừ',
      en: 'Only time managed at a compulsory rehab facility or a social protection centre counts toward the compulsory term; time managed at the family (Form 35) does not',
    },
  },
  compulsoryDossierReadingWorkingDays: {
    value: 5,
    unit: 'working_days',
    basis: [{ instrument: I.adminViolations, article: '103' }, { instrument: I.decree116 }],
    verify: true,
    note: {
      vi: 'Người bị đề nghị và gia đình được đọc hồ sơ, ghi chép trong thời hạn này kể từ khi nhận thông báo',
      en: 'The person and family may read the dossier and take notes within this period after the notice',
    },
  },
  compulsoryDossierRequiredDocuments: {
    // 1 = required before the dossier can be submitted, 0 = optional (DOMAIN.md §5: "verify the exact list").
    value: {
      violation_record: 1,
      personal_history: 1,
      addiction_result: 1,
      ground_proof: 1,
      statement: 1,
      notification_proof: 1,
      family_commitment: 0,
      other: 0,
    },
    unit: 'mixed',
    basis: [{ instrument: I.adminViolations, article: '103' }, { instrument: I.decree116 }],
    verify: true,
    note: {
      vi: 'Tài liệu bắt buộc (1) hay không bắt buộc (0) trong hồ sơ đề nghị; cần đối chiếu văn bản chính thức',
      en: 'Documents required (1) or optional (0) in the dossier; to check against the official text',
    },
  },
  postRehabMonths: {
    value: 12,
    unit: 'months',
    basis: [
      { instrument: I.law73, article: '40' },
      { instrument: I.decree116, article: '81–82' },
    ],
    authority: 'commune_chairman',
    forms: [FORMS.completionCertificate],
  },
  postRehabDecisionWorkingDays: {
    value: 5,
    unit: 'working_days',
    basis: [{ instrument: I.decree116, article: '81' }],
    authority: 'commune_chairman',
    verify: true,
  },
  moveHandoverHours: { value: null, unit: 'hours', basis: [{ instrument: I.law73 }] },
  electronicMonitoring: { value: false, unit: 'flag', basis: [{ instrument: I.law73 }] },
  substanceDeclarationRequired: { value: false, unit: 'flag', basis: [{ instrument: I.law73 }] },
  criminal256aWindowYears: { value: null, unit: 'years', basis: [{ instrument: I.criminalCode }] },
};

// Before 2022: the Law on Drug Prevention 2000 (23/2000/QH10, in force 01/06/2001), amended by Law 16/2008/QH12
// (01/01/2009), with Decree 94/2009 and, from 2013–2014, the Law on Handling Administrative Violations 2012.
// These rules exist so that acts of that era are recorded as history with their own basis; the 2021 decrees,
// Circular 18/2021 and their forms did not exist yet. Values are those of the old texts as far as known and are
// all "verify": the product records such acts, it does not judge them by the 2022 rules.
const LAW2021_TEXTS: readonly Instrument[] = [
  I.law73,
  I.decree105,
  I.decree109,
  I.decree116,
  I.circular18_2021,
  I.ordinance01_2022,
];
const PRE2022_RULES: RegimeRules = {
  ...citeInstead(LAW73_RULES, I.law2000, LAW2021_TEXTS, { dropForms: true }),
  regimeId: 'pre-2022',
  userManagementMonths: {
    value: 12,
    unit: 'months',
    basis: [{ instrument: I.law2000 }],
    verify: true,
    note: {
      vi: 'Trước 01/01/2022 chưa có biện pháp quản lý người sử dụng trái phép chất ma túy (có từ Luật 73/2021/QH14)',
      en: 'Management of illegal drug users did not exist before 01/01/2022 (introduced by Law 73/2021/QH14)',
    },
  },
  voluntaryCommunityMonths: {
    value: { min: 6, max: 12 },
    unit: 'months',
    basis: [{ instrument: I.law2000 }, { instrument: I.decree94_2009 }],
    authority: 'commune_chairman',
    verify: true,
  },
  compulsoryAdultMonths: {
    value: { min: 12, max: 24 },
    unit: 'months',
    basis: [{ instrument: I.law2000 }, { instrument: I.adminViolations, article: '95' }],
    authority: 'district_court',
    verify: true,
    note: {
      vi: 'Từ 01/01/2014 do Tòa án nhân dân cấp huyện quyết định; trước đó Chủ tịch Ủy ban nhân dân cấp huyện',
      en: 'Decided by the district court from 01/01/2014; before that by the district chairman',
    },
  },
  compulsoryCourt: {
    value: 'district_court',
    unit: 'role',
    basis: [{ instrument: I.adminViolations }],
    authority: 'district_court',
    verify: true,
    note: {
      vi: 'Từ 01/01/2014; trước đó Chủ tịch Ủy ban nhân dân cấp huyện quyết định',
      en: 'From 01/01/2014; before that the district chairman decided',
    },
  },
  compulsoryDossierPreparer: {
    value: 'commune_chairman',
    unit: 'role',
    basis: [{ instrument: I.law2000 }, { instrument: I.adminViolations, article: '103' }],
    authority: 'commune_chairman',
    verify: true,
  },
  postRehabMonths: {
    value: 12,
    unit: 'months',
    basis: [{ instrument: I.law2000, article: '34a' }],
    authority: 'commune_chairman',
    verify: true,
    note: { vi: 'Luật 2008 quy định từ 01 đến 02 năm', en: 'The 2008 amendment set 1 to 2 years' },
  },
};

const POLICE_TRANSFER_RULES: RegimeRules = {
  ...LAW73_RULES,
  regimeId: 'police-transfer-2025',
  // Licences moved to the provincial police with the labour offices' drug-rehab work (Decision 7886/QĐ-BCA of
  // 19/09/2025 lists the procedure at the provincial police, citing Decree 184/2025; the 01/03/2025 date to check).
  privateFacilityLicenser: {
    value: 'province_police_director',
    unit: 'mixed',
    basis: [{ instrument: I.decree116, article: '11' }, { instrument: I.decree184_2025 }],
    authority: 'province_police_director',
    verify: true,
  },
  compulsoryDossierPreparer: {
    value: 'commune_police_head',
    unit: 'role',
    basis: [{ instrument: I.decree02_2025 }, { instrument: I.jointCircular03_2025 }],
    authority: 'commune_police_head',
  },
};

const TWO_TIER_RULES: RegimeRules = {
  ...POLICE_TRANSFER_RULES,
  regimeId: 'two-tier-2025',
  communityProviderRegistrar: {
    value: 'province_police_director',
    unit: 'role',
    basis: [{ instrument: I.decree184_2025 }],
    authority: 'province_police_director',
    verify: true,
  },
  compulsoryAdultMonths: { ...LAW73_RULES.compulsoryAdultMonths, authority: 'regional_court' },
  compulsoryJuvenileMonths: { ...LAW73_RULES.compulsoryJuvenileMonths, authority: 'regional_court' },
  compulsoryCourt: {
    value: 'regional_court',
    unit: 'role',
    basis: [{ instrument: I.courtOrganisation2025 }, { instrument: I.adminViolations }],
    authority: 'regional_court',
  },
  criminal256aWindowYears: {
    value: 2,
    unit: 'years',
    basis: [{ instrument: I.criminalCode, article: '256a' }],
  },
};

// Law 120/2025/QH15 replaces Law 73/2021/QH14 from 01/07/2026: no act from then on may cite Law 73. Every rule
// carried over from the two-tier regime that cited Law 73 cites Law 120 instead (article to check: verify), its
// other bases (decrees, the Law on Handling Administrative Violations) kept; the rules below set what changed.
function citeInstead(
  rules: RegimeRules,
  by: Instrument,
  replaced: readonly Instrument[],
  opts: { dropForms?: boolean } = {},
): RegimeRules {
  const result: Record<string, unknown> = { ...rules };
  for (const key of Object.keys(RULE_SHAPES) as RuleKey[]) {
    const rule = rules[key] as Rule;
    if (!rule.basis.some((b) => replaced.includes(b.instrument))) continue;
    const others = rule.basis.filter((b) => !replaced.includes(b.instrument));
    const { forms, ...rest } = rule;
    result[key] = {
      ...rest,
      ...(forms && !opts.dropForms && { forms }),
      basis: [{ instrument: by }, ...others],
      verify: true,
    } satisfies Rule;
  }
  return result as unknown as RegimeRules;
}

const LAW120_TERM: Pick<Rule, 'basis' | 'verify' | 'note'> = {
  // tienphong.vn 11/11/2025 (the bill): "lần đầu là 24 tháng ... từ lần thứ hai trở lên là 36 tháng và áp dụng đối
  // với tất cả hình thức cai nghiện ma túy tự nguyện, cai nghiện ma túy bắt buộc"; final article to check.
  basis: [{ instrument: I.law120 }],
  verify: true,
  note: {
    vi: '24 tháng đối với người cai nghiện lần đầu, 36 tháng từ lần thứ hai trở lên, cho mọi hình thức cai nghiện',
    en: '24 months for a first rehab, 36 months from the second on, for every form of rehab',
  },
};

const LAW120_RULES: RegimeRules = {
  ...citeInstead(TWO_TIER_RULES, I.law120, [I.law73]),
  regimeId: 'law120-2026',
  rehabFixedTermMonths: { value: { first: 24, repeat: 36 }, unit: 'months', ...LAW120_TERM },
  // The ranges stay as the span of the allowed terms (24 to 36), for displays that show a range.
  voluntaryCommunityMonths: {
    value: { min: 24, max: 36 },
    unit: 'months',
    authority: 'commune_chairman',
    ...LAW120_TERM,
  },
  voluntaryFacilityMonths: {
    value: { min: 24, max: 36 },
    unit: 'months',
    authority: 'facility_director',
    ...LAW120_TERM,
  },
  // Implementing decrees not yet checked: the value carries over until they are.
  releaseNoticeDaysBefore: {
    ...FACILITY_RULES.releaseNoticeDaysBefore,
    basis: [{ instrument: I.law120 }],
    verify: true,
  },
  // Reported (vnexpress.net, vietnam.vn 10/12/2025): 1 year from the decision; the commune police decide within
  // 24 h of a positive result. Who signs is kept as the rule's authority so an override can correct it.
  userManagementMonths: {
    value: 12,
    unit: 'months',
    basis: [{ instrument: I.law120 }],
    authority: 'commune_police_head',
    verify: true,
    note: {
      vi: 'Trưởng Công an cấp xã quyết định, thời hạn 01 năm kể từ ngày quyết định',
      en: 'Decided by the head of commune police; 1 year from the decision',
    },
  },
  userManagementDecisionHours: {
    value: 24,
    unit: 'hours',
    basis: [{ instrument: I.law120 }],
    verify: true,
    note: { vi: 'Kể từ khi có kết quả xét nghiệm dương tính', en: 'From a positive test result' },
  },
  compulsoryAdultMonths: {
    value: { min: 24, max: 36 },
    unit: 'months',
    authority: 'regional_court',
    ...LAW120_TERM,
    basis: [{ instrument: I.law120 }, { instrument: I.adminViolations, article: '95' }],
  },
  compulsoryFixedTermMonths: {
    value: { first: 24, repeat: 36 },
    unit: 'months',
    basis: [{ instrument: I.law120 }],
    authority: 'regional_court',
    verify: true,
    note: {
      vi: '24 tháng lần đầu, 36 tháng từ lần thứ hai',
      en: '24 months the first time, 36 months later',
    },
  },
  compulsoryJuvenileMonths: {
    value: { min: 24, max: 36 },
    unit: 'months',
    authority: 'regional_court',
    ...LAW120_TERM,
    basis: [{ instrument: I.law120 }, { instrument: I.ordinance01_2022 }],
  },
  moveHandoverHours: {
    value: 24,
    unit: 'hours',
    basis: [{ instrument: I.law120 }],
    authority: 'commune_police_head',
    // vnexpress.net 10/12/2025: the person reports to the new place within 24 h; the commune police of the
    // place left notify the receiving commune police within 24 h. Article to check.
    verify: true,
    note: {
      vi: 'Công an cấp xã nơi đi thông báo cho Công an cấp xã nơi đến trong 24 giờ',
      en: 'The commune police of the place left notify the receiving commune police within 24 hours',
    },
  },
  electronicMonitoring: {
    value: true,
    unit: 'flag',
    // plo.vn 05/01/2026 and vnexpress.net 10/12/2025 report Art. 12; the official text is still to be read.
    basis: [{ instrument: I.law120, article: '12' }],
    authority: 'commune_police_head',
    verify: true,
    note: {
      vi: 'Trưởng Công an cấp xã áp dụng với người cai nghiện tự nguyện tại gia đình, cộng đồng, người điều trị bằng thuốc thay thế, người bị quản lý sau cai nghiện; Chính phủ quy định chi tiết',
      en: 'Applied by the head of commune police to people in community rehab, on substitution therapy or under post-rehab management; the Government is to detail it',
    },
  },
  substanceDeclarationRequired: {
    value: true,
    unit: 'flag',
    basis: [{ instrument: I.law120 }],
    verify: true,
  },
  // Law 120 counts reform schools among rehab facilities (draft Art. 2(14) on nhansu.vn: "cơ sở cai nghiện ma túy
  // công lập, trường giáo dưỡng và cơ sở cai nghiện ma túy tư nhân"); juveniles serve compulsory rehab in a reform
  // school (tienphong.vn 11/11/2025) or a public facility (issue 12). Article numbers of the final text to check.
  compulsoryFacilityKinds: {
    value: 'rehab_public',
    unit: 'mixed',
    basis: [{ instrument: I.law120 }],
    verify: true,
  },
  juvenileCompulsoryFacilityKinds: {
    value: 'reform_school,rehab_public',
    unit: 'mixed',
    basis: [{ instrument: I.law120 }],
    verify: true,
    note: {
      vi: 'Người từ đủ 12 đến dưới 18 tuổi cai nghiện bắt buộc tại trường giáo dưỡng hoặc cơ sở cai nghiện công lập',
      en: 'People aged 12 to under 18 serve compulsory rehab in a reform school or a public rehab facility',
    },
  },
  voluntaryFacilityKinds: {
    ...PLACEMENT_RULES.voluntaryFacilityKinds,
    basis: [{ instrument: I.law120 }],
    verify: true,
  },
  privateFacilityLicenser: {
    value: 'province_police_director',
    unit: 'mixed',
    basis: [{ instrument: I.law120 }],
    authority: 'province_police_director',
    verify: true,
    note: {
      vi: 'Giám đốc Công an cấp tỉnh cấp giấy phép hoạt động của cơ sở cai nghiện ma túy tư nhân',
      en: 'The provincial police director licenses private rehab facilities',
    },
  },
};

/** The regimes in date order, contiguous, the last one open-ended. */
export const REGIMES: readonly Regime[] = deepFreeze([
  {
    id: 'pre-2022',
    from: '2001-06-01',
    to: '2021-12-31',
    name: {
      vi: 'Luật Phòng, chống ma túy năm 2000 (sửa đổi năm 2008)',
      en: 'Law on Drug Prevention 2000 (amended 2008)',
    },
    rules: PRE2022_RULES,
  },
  {
    id: 'law73-2022',
    from: '2022-01-01',
    to: '2025-02-28',
    name: { vi: 'Luật 73/2021/QH14 và các nghị định hướng dẫn', en: 'Law 73/2021/QH14 and its decrees' },
    rules: LAW73_RULES,
  },
  {
    id: 'police-transfer-2025',
    from: '2025-03-01',
    to: '2025-06-30',
    name: { vi: 'Chuyển giao cho lực lượng Công an', en: 'Transfer to the police' },
    rules: POLICE_TRANSFER_RULES,
  },
  {
    id: 'two-tier-2025',
    from: '2025-07-01',
    to: '2026-06-30',
    name: { vi: 'Chính quyền địa phương hai cấp', en: 'Two-tier local government' },
    rules: TWO_TIER_RULES,
  },
  {
    id: 'law120-2026',
    from: '2026-07-01',
    to: null,
    name: { vi: 'Luật 120/2025/QH15', en: 'Law 120/2025/QH15' },
    rules: LAW120_RULES,
  },
]);

/** No regime, and so no rule, exists before this date (the Law on Drug Prevention 2000 took effect). */
export const FIRST_REGIME_DATE = REGIMES[0].from;
/** First day of Law 73/2021/QH14: acts before it are history under the pre-2022 regime. */
export const LAW73_START = '2022-01-01';

/** True for acts of the pre-2022 regime: recorded with their old basis, not checked against the 2022 rules. */
export function isHistoricalDate(date: string): boolean {
  return date < LAW73_START;
}

/** The regime in force on a date; throws a RangeError before 2001-06-01, when no drug-prevention law existed. */
export function regimeOn(date: string): Regime {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ / invalid date: '${String(date)}'`);
  // Refusing older dates, rather than answering with the first regime, keeps an act from being silently
  // judged by a law that was not yet in force.
  if (date < FIRST_REGIME_DATE) {
    throw new RangeError(
      `Chưa có chế độ pháp lý cho ngày ${date} (trước ${FIRST_REGIME_DATE}) / no legal regime before ${FIRST_REGIME_DATE}: ${date}`,
    );
  }
  for (let i = REGIMES.length - 1; i >= 0; i--) {
    if (REGIMES[i].from <= date) return REGIMES[i];
  }
  throw new RangeError(`no legal regime for ${date}`);
}

/** The rules in force on a date, with any administrator overrides effective by then applied. */
export function rulesOn(date: string, overrides: readonly RuleOverride[] = []): RegimeRules {
  const regime = regimeOn(date);
  if (overrides.length === 0) return regime.rules;
  const chosen = new Map<RuleKey, RuleOverride>();
  for (const o of overrides) {
    checkOverride(o);
    if (o.effectiveFrom > date) continue;
    if (o.regimeId !== undefined && o.regimeId !== regime.id) continue;
    const current = chosen.get(o.ruleKey);
    // `>=` so that of two overrides with the same date the later-listed one wins.
    if (current === undefined || o.effectiveFrom >= current.effectiveFrom) chosen.set(o.ruleKey, o);
  }
  if (chosen.size === 0) return regime.rules;
  const result: Record<string, unknown> = { ...regime.rules };
  for (const [key, o] of chosen) {
    const base = regime.rules[key] as Rule;
    // Copies, so that freezing the result never freezes the caller's override objects.
    const basis = { ...o.basis, instrument: { ...o.basis.instrument } };
    const keepsValue = o.value === undefined;
    const value = keepsValue
      ? base.value
      : o.value !== null && typeof o.value === 'object'
        ? { ...o.value }
        : (o.value as RuleValue);
    result[key] = {
      ...base,
      value,
      // A new value stands on the override's basis alone; a new authority adds its basis to the rule's.
      basis: keepsValue ? [...base.basis, basis] : [basis],
      ...(o.authority !== undefined && { authority: o.authority }),
      overriddenBy: { effectiveFrom: o.effectiveFrom, reason: o.reason, basis },
    } satisfies Rule;
  }
  return deepFreeze(result as unknown as RegimeRules);
}

function checkOverride(o: RuleOverride): void {
  const shape = RULE_SHAPES[o.ruleKey];
  if (!shape) throw new TypeError(`Quy tắc không tồn tại / unknown rule: '${String(o.ruleKey)}'`);
  if (!isIsoDate(o.effectiveFrom)) {
    throw new TypeError(
      `Ngày hiệu lực không hợp lệ / invalid effectiveFrom for ${o.ruleKey}: '${o.effectiveFrom}'`,
    );
  }
  if (!o.reason?.trim()) throw new TypeError(`Thiếu lý do / override of ${o.ruleKey} needs a reason`);
  if (o.authority !== undefined && !isRoleId(o.authority)) {
    throw new TypeError(
      `Chức danh không tồn tại / unknown authority for ${o.ruleKey}: '${String(o.authority)}'`,
    );
  }
  const v = o.value;
  const bad = (why: string) => new TypeError(`Giá trị không hợp lệ / invalid value for ${o.ruleKey}: ${why}`);
  if (v === undefined) {
    if (o.authority === undefined) throw bad('a value or an authority is needed');
    return;
  }
  if (v === null) {
    if (!shape.nullable) throw bad('null not allowed');
    return;
  }
  if (shape.type === 'object') {
    if (typeof v !== 'object') throw bad(`expected an object with ${shape.keys?.join(', ')}`);
    const keys = Object.keys(v).sort();
    if (keys.join() !== [...(shape.keys ?? [])].sort().join())
      throw bad(`expected keys ${shape.keys?.join(', ')}`);
    for (const k of keys) if (!isNonNegative(v[k])) throw bad(`${k} must be a non-negative number`);
    if ('min' in v && 'max' in v && v.min > v.max) throw bad('min > max');
    return;
  }
  if (typeof v !== shape.type) throw bad(`expected ${shape.type}`);
  if (typeof v === 'number' && !isNonNegative(v)) throw bad('must be a non-negative number');
}

function isNonNegative(n: unknown): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
