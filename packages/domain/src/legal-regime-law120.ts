import type { Instrument } from './legal-basis.ts';
import { INSTRUMENTS as I } from './legal-basis.ts';
import { TWO_TIER_RULES } from './legal-regime-2025.ts';
import { FACILITY_RULES, PLACEMENT_RULES } from './legal-regime-law73.ts';
import { type RegimeRules, RULE_SHAPES, type Rule, type RuleKey } from './legal-regime-types.ts';

// Law 120/2025/QH15 replaces Law 73/2021/QH14 from 01/07/2026: no act from then on may cite Law 73. Every rule
// carried over from the two-tier regime that cited Law 73 cites Law 120 instead (article to check: verify), its
// other bases (decrees, the Law on Handling Administrative Violations) kept; the rules below set what changed.
export function citeInstead(
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

export const LAW120_RULES: RegimeRules = {
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
