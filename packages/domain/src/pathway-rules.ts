// Helpers of the legal pathways that episode-rules.ts leaves to the caller: who decides each kind of
// episode, the five rehab stages and the community-rehab subsidy, what a positive test means during an
// episode, and the vocabularies of screening (tests, substances, counselling). Numbers come from rulesOn().

import type { CompulsoryGround, EpisodeType } from './episode-types.ts';
import { addDays } from './iso-date.ts';
import type { RoleId, Text } from './legal-basis.ts';
import type { RegimeRules } from './legal-regimes.ts';
import { vocabulary } from './vocabulary.ts';

/** The body that decides (or registers, or contracts) an episode of this type under these rules. */
export function episodeAuthority(type: EpisodeType, rules: RegimeRules): RoleId {
  switch (type) {
    case 'user_management':
      return rules.userManagementMonths.authority ?? 'commune_chairman';
    case 'voluntary_community':
      return rules.voluntaryCommunityMonths.authority ?? 'commune_chairman';
    case 'voluntary_facility':
      return rules.voluntaryFacilityMonths.authority ?? 'facility_director';
    case 'compulsory':
      return rules.compulsoryCourt.value;
    case 'compulsory_pending':
      // Management while the dossier is pending is arranged by whoever prepares the dossier.
      return rules.compulsoryDossierPreparer.value;
    case 'substitution_therapy':
      return 'substitution_clinic';
    case 'post_rehab':
      return rules.postRehabMonths.authority ?? 'commune_chairman';
  }
}

export const authorityLabels: Record<keyof Text, Record<RoleId, string>> = {
  vi: {
    commune_chairman: 'Chủ tịch Ủy ban nhân dân cấp xã',
    commune_police_head: 'Trưởng Công an cấp xã',
    district_chairman: 'Chủ tịch Ủy ban nhân dân cấp huyện',
    district_labour_office: 'Phòng Lao động – Thương binh và Xã hội cấp huyện',
    district_court: 'Tòa án nhân dân cấp huyện',
    regional_court: 'Tòa án nhân dân khu vực',
    province_chairman: 'Chủ tịch Ủy ban nhân dân cấp tỉnh',
    province_police_director: 'Giám đốc Công an cấp tỉnh',
    facility_director: 'Giám đốc cơ sở cai nghiện ma túy',
    qualified_doctor: 'Bác sĩ đủ điều kiện xác định tình trạng nghiện',
    substitution_clinic: 'Cơ sở điều trị thay thế',
  },
  en: {
    commune_chairman: 'Commune chairman',
    commune_police_head: 'Head of commune police',
    district_chairman: 'District chairman',
    district_labour_office: 'District labour office',
    district_court: 'District court',
    regional_court: 'Regional court',
    province_chairman: 'Province chairman',
    province_police_director: 'Provincial police director',
    facility_director: 'Facility director',
    qualified_doctor: 'Qualified doctor',
    substitution_clinic: 'Substitution therapy clinic',
  },
};

/** The five stages of rehab (all forms), DOMAIN.md §4. */
export const REHAB_STAGES = [1, 2, 3, 4, 5] as const;
export type RehabStage = (typeof REHAB_STAGES)[number];

export const stageLabels: Record<keyof Text, Record<RehabStage, string>> = {
  vi: {
    1: 'Tiếp nhận, phân loại',
    2: 'Điều trị cắt cơn, giải độc, điều trị rối loạn tâm thần và bệnh lý khác',
    3: 'Giáo dục, tư vấn, phục hồi hành vi, nhân cách',
    4: 'Lao động trị liệu, học nghề',
    5: 'Chuẩn bị tái hòa nhập cộng đồng',
  },
  en: {
    1: 'Intake and classification',
    2: 'Detox and treatment',
    3: 'Education, counselling, behaviour',
    4: 'Labour therapy and vocational training',
    5: 'Preparing reintegration',
  },
};

export interface StageRecord {
  stage: number;
  from?: string | null;
  to?: string | null;
  completed?: boolean;
}

/** True when the first N stages (N from the rules: Decree 116) are all completed: the rehab subsidy is due. */
export function subsidyEligible(stages: readonly StageRecord[], rules: RegimeRules): boolean {
  const n = rules.communityRehabSubsidyMinStages.value;
  for (let s = 1; s <= n; s++) {
    if (!stages.some((x) => x.stage === s && x.completed)) return false;
  }
  return true;
}

/** Share of facility costs paid by the state for a person of a priority group; 0 otherwise. */
export function facilityCostSupportPercent(
  priorityGroup: string | null | undefined,
  rules: RegimeRules,
): number {
  return priorityGroup ? rules.voluntaryFacilityCostSupport.value.percent : 0;
}

/**
 * Whether completing an episode of this type leads to post-rehab management (a decision task for the commune):
 * only compulsory rehab completed at a facility (Law 73/2021 Art. 40); after voluntary rehab of any form the
 * commune supports the person without a management decision.
 */
export function postRehabFollows(type: EpisodeType): boolean {
  return type === 'compulsory';
}

/** First day counted by post-rehab management: the day after rehab was completed (Law 73 Art. 40). */
export function postRehabTermStart(rehabEnd: string): string {
  return addDays(rehabEnd, 1);
}

/** Where a person is managed while a compulsory dossier is pending (Decree 116 Art. 45). */
export type PendingPlace = 'family' | 'facility';

/**
 * First day counted by a compulsory term: the start of the pending management when the person was managed
 * AT A FACILITY and the rules count that time (Decree 116 Art. 44); time managed at the family under a
 * Form 35 commitment never counts, so the term then runs from the order's own start.
 */
export function compulsoryTermStart(
  orderStart: string,
  pendingStart: string | null | undefined,
  rules: RegimeRules,
  pendingPlace: PendingPlace | null | undefined,
): string {
  if (
    pendingStart &&
    pendingPlace === 'facility' &&
    rules.compulsoryPendingCountsTowardTerm.value &&
    pendingStart < orderStart
  )
    return pendingStart;
  return orderStart;
}

/** Episodes during which a positive test is a relapse (tái sử dụng / tái nghiện). */
export const RELAPSE_EPISODE_TYPES: readonly EpisodeType[] = [
  'user_management',
  'voluntary_community',
  'voluntary_facility',
  'post_rehab',
  'substitution_therapy',
];

/** The compulsory-rehab ground a positive test proves, by the episode it happened in (Law 73 Art. 32). */
export function relapseGround(type: EpisodeType): CompulsoryGround | null {
  if (type === 'voluntary_community' || type === 'voluntary_facility') return 'used_during_voluntary_rehab';
  if (type === 'post_rehab') return 'relapse_during_post_rehab';
  return null;
}

export const DRUG_TEST_METHODS = ['rapid_urine', 'lab'] as const;
export type DrugTestMethod = (typeof DRUG_TEST_METHODS)[number];

const drugTestReasonVocabulary = vocabulary({
  routine: ['Xét nghiệm định kỳ', 'Routine'],
  suspicion: ['Có căn cứ nghi vấn sử dụng ma túy', 'Grounds for suspicion'],
  scheduled_during_management: ['Theo kế hoạch trong thời gian quản lý', 'Scheduled during management'],
  intake: ['Khi tiếp nhận', 'At intake'],
});
export const DRUG_TEST_REASONS = drugTestReasonVocabulary.values;
export type DrugTestReason = (typeof DRUG_TEST_REASONS)[number];
export const drugTestReasonLabels = drugTestReasonVocabulary.labels;

/** Substances of the usual rapid panels and lab tests; 'other' keeps a free name beside it. */
export const SUBSTANCES = [
  'heroin',
  'morphine',
  'opiates',
  'methamphetamine',
  'amphetamine',
  'mdma',
  'ketamine',
  'cannabis',
  'cocaine',
  'methadone',
  'benzodiazepines',
  'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const COUNSELLING_KINDS = ['individual', 'group', 'family'] as const;
export type CounsellingKind = (typeof COUNSELLING_KINDS)[number];

export const CONTACT_METHODS = ['visit', 'phone', 'office', 'meeting'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Today's date in Vietnam (UTC+7, no daylight saving), for deadlines and status on the officer's calendar. */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
