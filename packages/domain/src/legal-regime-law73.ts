import type { LegalBasis } from './legal-basis.ts';
import { FORMS, INSTRUMENTS as I } from './legal-basis.ts';
import type { RegimeRules } from './legal-regime-types.ts';

// The rules of Law 73/2021/QH14 and its decrees (2022 on), with the facility and placement rules every
// later regime carries.

const ADMIN_VIOLATIONS_132: LegalBasis = { instrument: I.adminViolations, article: '132' };

// Rules of life inside a rehab facility (DOMAIN.md §1, §4), part of each regime so that the national
// administrator corrects the "(verify)" values with a RuleOverride like any other rule.
export const FACILITY_RULES = {
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
export const PLACEMENT_RULES = {
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
export const LAW73_RULES: RegimeRules = {
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
