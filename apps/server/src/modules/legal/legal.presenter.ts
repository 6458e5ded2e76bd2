import { dossierDocumentLabels } from '@hoanhap/domain/dossier-rules';
import type { FormRef, LegalBasis, RoleId, Text } from '@hoanhap/domain/legal-basis';
import { formatBasis } from '@hoanhap/domain/legal-basis';
import {
  type Regime,
  type RegimeRules,
  RULE_SHAPES,
  type Rule,
  type RuleKey,
  type RuleUnit,
  type RuleValue,
} from '@hoanhap/domain/legal-regimes';
import type { CalendarAdjustmentRow, RuleOverrideRow } from './legal.repo.ts';
import type { StoredRuleOverride } from './legal-context.ts';

/** What each rule is, in the words of an officer (the rule data itself carries no title). */
export const RULE_LABELS: Record<RuleKey, Text> = {
  userManagementMonths: {
    vi: 'Thời hạn quản lý người sử dụng trái phép chất ma túy',
    en: 'Term of management of an illegal drug user',
  },
  userManagementDecisionHours: {
    vi: 'Thời hạn ra quyết định quản lý người sử dụng trái phép chất ma túy',
    en: 'Deadline for the decision to manage an illegal drug user',
  },
  addictionCriteria: {
    vi: 'Tiêu chuẩn xác định tình trạng nghiện ma túy',
    en: 'Criteria for determining drug addiction',
  },
  relapseDeterminationWorkingDays: {
    vi: 'Thời hạn tổ chức xác định tình trạng nghiện sau khi tái sử dụng ma túy',
    en: 'Deadline to arrange an addiction determination after a relapse',
  },
  voluntaryCommunityMonths: {
    vi: 'Thời hạn cai nghiện ma túy tự nguyện tại gia đình, cộng đồng',
    en: 'Term of voluntary rehab at home and in the community',
  },
  communityRehabSubsidyMinStages: {
    vi: 'Số giai đoạn tối thiểu để được hỗ trợ cai nghiện tại gia đình, cộng đồng',
    en: 'Minimum stages completed for support of community rehab',
  },
  communityProviderRegistrar: {
    vi: 'Cơ quan tiếp nhận đăng ký cung cấp dịch vụ cai nghiện tại gia đình, cộng đồng',
    en: 'Authority registering providers of community rehab services',
  },
  voluntaryFacilityMonths: {
    vi: 'Thời hạn cai nghiện ma túy tự nguyện tại cơ sở cai nghiện',
    en: 'Term of voluntary rehab in a facility',
  },
  voluntaryFacilityCostSupport: {
    vi: 'Hỗ trợ chi phí cai nghiện tự nguyện tại cơ sở công lập',
    en: 'Cost support for voluntary rehab in a public facility',
  },
  compulsoryAdultMonths: {
    vi: 'Thời hạn cai nghiện bắt buộc (người từ đủ 18 tuổi)',
    en: 'Term of compulsory rehab (aged 18 and over)',
  },
  compulsoryFixedTermMonths: {
    vi: 'Thời hạn cai nghiện bắt buộc cố định (lần đầu / từ lần thứ hai)',
    en: 'Fixed term of compulsory rehab (first time / later)',
  },
  rehabFixedTermMonths: {
    vi: 'Thời hạn cai nghiện mọi hình thức (lần đầu / từ lần thứ hai)',
    en: 'Term of every form of rehab (first rehab / later rehab)',
  },
  compulsoryJuvenileMonths: {
    vi: 'Thời hạn cai nghiện bắt buộc (người từ đủ 12 đến dưới 18 tuổi)',
    en: 'Term of compulsory rehab (aged 12 to under 18)',
  },
  compulsoryJuvenileAge: {
    vi: 'Độ tuổi áp dụng cai nghiện bắt buộc cho người chưa thành niên',
    en: 'Age range for compulsory rehab of minors',
  },
  compulsoryCourt: {
    vi: 'Tòa án xem xét, quyết định đưa vào cơ sở cai nghiện bắt buộc',
    en: 'Court deciding on compulsory rehab',
  },
  compulsoryDossierPreparer: {
    vi: 'Cơ quan lập hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
    en: 'Authority preparing the compulsory rehab dossier',
  },
  compulsoryPendingCountsTowardTerm: {
    vi: 'Thời gian chờ chấp hành được tính vào thời hạn cai nghiện bắt buộc',
    en: 'Time waiting for execution counts toward the compulsory term',
  },
  compulsoryDossierReadingWorkingDays: {
    vi: 'Thời hạn đọc hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
    en: 'Reading period of a compulsory-rehab dossier',
  },
  compulsoryDossierRequiredDocuments: {
    vi: 'Tài liệu bắt buộc trong hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc',
    en: 'Required documents of a compulsory-rehab dossier',
  },
  postRehabMonths: {
    vi: 'Thời hạn quản lý sau cai nghiện ma túy',
    en: 'Term of post-rehab management',
  },
  postRehabDecisionWorkingDays: {
    vi: 'Thời hạn ra quyết định quản lý sau cai nghiện',
    en: 'Deadline for the post-rehab management decision',
  },
  moveHandoverHours: {
    vi: 'Thời hạn bàn giao hồ sơ khi người sử dụng thay đổi nơi cư trú',
    en: 'Deadline to hand the file over when a user moves',
  },
  electronicMonitoring: { vi: 'Giám sát bằng thiết bị điện tử', en: 'Electronic monitoring' },
  substanceDeclarationRequired: {
    vi: 'Bắt buộc khai báo chất ma túy sử dụng và nguồn gốc',
    en: 'Declaration of the substances used and their source required',
  },
  criminal256aWindowYears: {
    vi: 'Thời hạn xét hành vi sử dụng trái phép chất ma túy theo Điều 256a Bộ luật Hình sự',
    en: 'Look-back window for illegal drug use under Criminal Code Art. 256a',
  },
  termReductionMinServedPercent: {
    vi: 'Tỷ lệ thời hạn phải chấp hành trước khi xét giảm thời hạn, miễn chấp hành phần còn lại (%)',
    en: 'Share of the term to serve before a term reduction or early release (%)',
  },
  termReductionBases: {
    vi: 'Căn cứ ở cơ sở được xét giảm thời hạn, miễn chấp hành',
    en: 'Residence bases eligible for a term reduction or early release',
  },
  escapeTimeCounts: {
    vi: 'Thời gian bỏ trốn được tính vào thời hạn cai nghiện',
    en: 'Days away on escape count toward the term',
  },
  postponementTimeCounts: {
    vi: 'Thời gian hoãn chấp hành được tính vào thời hạn cai nghiện',
    en: 'Days of a postponement count toward the term',
  },
  hospitalSuspensionTimeCounts: {
    vi: 'Thời gian tạm đình chỉ để điều trị tại bệnh viện được tính vào thời hạn',
    en: 'Days of a suspension for hospital treatment count toward the term',
  },
  releaseNoticeDaysBefore: {
    vi: 'Số ngày thông báo cho xã trước khi học viên ra cơ sở',
    en: 'Days before release by which the commune is notified',
  },
  compulsoryFacilityKinds: {
    vi: 'Loại cơ sở được nhận người cai nghiện bắt buộc',
    en: 'Kinds of facility that take compulsory rehab',
  },
  juvenileCompulsoryFacilityKinds: {
    vi: 'Loại cơ sở được nhận người từ đủ 12 đến dưới 18 tuổi cai nghiện bắt buộc',
    en: 'Kinds of facility that take compulsory rehab of people aged 12 to under 18',
  },
  voluntaryFacilityKinds: {
    vi: 'Loại cơ sở được nhận cai nghiện tự nguyện theo hợp đồng',
    en: 'Kinds of facility that take voluntary rehab under a contract',
  },
  substitutionFacilityKinds: {
    vi: 'Loại cơ sở điều trị nghiện bằng thuốc thay thế',
    en: 'Kinds of facility giving substitution therapy',
  },
  privateFacilityLicenser: {
    vi: 'Người cấp giấy phép hoạt động cơ sở cai nghiện ma túy tư nhân',
    en: 'Issuer of a private rehab facility licence',
  },
};

/** The deciding officials and bodies; also the allowed values of rules whose unit is 'role'. */
export const ROLE_NAMES: Record<RoleId, Text> = {
  commune_chairman: {
    vi: 'Chủ tịch Ủy ban nhân dân cấp xã',
    en: 'Chairman of the commune People’s Committee',
  },
  commune_police_head: { vi: 'Trưởng Công an cấp xã', en: 'Head of commune police' },
  district_chairman: {
    vi: 'Chủ tịch Ủy ban nhân dân cấp huyện',
    en: 'Chairman of the district People’s Committee',
  },
  district_labour_office: {
    vi: 'Phòng Lao động – Thương binh và Xã hội cấp huyện',
    en: 'District labour office',
  },
  district_court: { vi: 'Tòa án nhân dân cấp huyện', en: 'District People’s Court' },
  regional_court: { vi: 'Tòa án nhân dân khu vực', en: 'Regional People’s Court' },
  province_chairman: {
    vi: 'Chủ tịch Ủy ban nhân dân cấp tỉnh',
    en: 'Chairman of the provincial People’s Committee',
  },
  province_police_director: { vi: 'Giám đốc Công an cấp tỉnh', en: 'Director of provincial police' },
  facility_director: { vi: 'Giám đốc cơ sở cai nghiện ma túy', en: 'Director of the rehab facility' },
  qualified_doctor: {
    vi: 'Bác sĩ đủ điều kiện xác định tình trạng nghiện',
    en: 'Doctor qualified to determine addiction',
  },
  substitution_clinic: { vi: 'Cơ sở điều trị thay thế', en: 'Substitution therapy clinic' },
};

export const ROLE_IDS = Object.keys(ROLE_NAMES) as RoleId[];

export const UNIT_LABELS: Record<RuleUnit, Text> = {
  months: { vi: 'tháng', en: 'months' },
  days: { vi: 'ngày', en: 'days' },
  working_days: { vi: 'ngày làm việc', en: 'working days' },
  hours: { vi: 'giờ', en: 'hours' },
  years: { vi: 'năm', en: 'years' },
  age_years: { vi: 'tuổi', en: 'years of age' },
  criteria: { vi: 'tiêu chí', en: 'criteria' },
  stages: { vi: 'giai đoạn', en: 'stages' },
  percent: { vi: '%', en: '%' },
  role: { vi: 'chức danh, cơ quan', en: 'official or body' },
  flag: { vi: 'có / không', en: 'yes / no' },
  mixed: { vi: 'nhiều giá trị', en: 'several values' },
};

/** Rule keys in the order of RULE_SHAPES (the order of the regime tables in DOMAIN.md). */
export const RULE_KEYS = Object.keys(RULE_SHAPES) as RuleKey[];

export function presentBasis(b: LegalBasis) {
  return {
    instrument: { vi: b.instrument.vi, en: b.instrument.en },
    ...(b.article !== undefined && { article: b.article }),
    ...(b.clause !== undefined && { clause: b.clause }),
    ...(b.chapter !== undefined && { chapter: b.chapter }),
    citation: { vi: formatBasis(b, 'vi'), en: formatBasis(b, 'en') },
  };
}

function presentForm(f: FormRef) {
  return { number: f.number, instrument: { ...f.instrument }, title: { ...f.title } };
}

function copyValue(v: RuleValue): RuleValue {
  return v !== null && typeof v === 'object' ? { ...v } : v;
}

// Names of the parts of multi-part rule values, for the administrator's editor.
const KEY_LABELS: Record<string, Text> = {
  min: { vi: 'Tối thiểu', en: 'Minimum' },
  max: { vi: 'Tối đa', en: 'Maximum' },
  maxExclusive: { vi: 'Dưới (không kể)', en: 'Below (exclusive)' },
  first: { vi: 'Lần đầu', en: 'First time' },
  repeat: { vi: 'Lần sau', en: 'Repeat' },
  percent: { vi: 'Tỷ lệ hỗ trợ (%)', en: 'Support (%)' },
  priorityGroups: { vi: 'Số nhóm ưu tiên', en: 'Priority groups' },
  minCriteria: { vi: 'Số tiêu chí tối thiểu', en: 'Minimum criteria' },
  minDurationDays: { vi: 'Số ngày liên tục tối thiểu', en: 'Minimum days together' },
  recurrenceWindowMonths: { vi: 'Tái diễn trong (tháng)', en: 'Recurring within (months)' },
  ...dossierDocumentLabels,
};

/** One rule as data: value, unit, basis with citations, authority, forms, verify flag and its value shape. */
export function presentRule(key: RuleKey, rule: Rule) {
  const shape = RULE_SHAPES[key];
  return {
    key,
    label: RULE_LABELS[key],
    value: copyValue(rule.value),
    unit: rule.unit,
    unitLabel: UNIT_LABELS[rule.unit],
    basis: rule.basis.map(presentBasis),
    authority: rule.authority ? { id: rule.authority, name: ROLE_NAMES[rule.authority] } : null,
    forms: (rule.forms ?? []).map(presentForm),
    verify: rule.verify === true,
    note: rule.note ? { ...rule.note } : null,
    shape: {
      type: shape.type,
      ...(shape.keys && {
        keys: [...shape.keys],
        keyLabels: Object.fromEntries(shape.keys.map((k) => [k, KEY_LABELS[k] ?? { vi: k, en: k }])),
      }),
      nullable: shape.nullable === true,
    },
  };
}

export function presentRegime(r: Regime) {
  return {
    id: r.id,
    from: r.from,
    to: r.to,
    name: { ...r.name },
    rules: RULE_KEYS.map((k) => presentRule(k, r.rules[k] as Rule)),
  };
}

/**
 * The rules in force on a date: each with the regime's own value beside the value in force, and — when an
 * override applies — which stored override it is (found among the same list that rulesOn was given).
 */
export function presentRulesInForce(
  date: string,
  regime: Regime,
  inForce: RegimeRules,
  overrides: readonly StoredRuleOverride[],
) {
  return {
    date,
    regime: { id: regime.id, from: regime.from, to: regime.to, name: { ...regime.name } },
    rules: RULE_KEYS.map((k) => {
      const rule = inForce[k] as Rule;
      const base = regime.rules[k] as Rule;
      const by = rule.overriddenBy;
      // rulesOn keeps the latest effective override, the later-listed one on a tie; searching backwards
      // for the same date and reason among the eligible ones finds exactly that one.
      const chosen = by
        ? [...overrides]
            .reverse()
            .find(
              (o) =>
                o.ruleKey === k &&
                o.effectiveFrom === by.effectiveFrom &&
                o.reason === by.reason &&
                (o.regimeId === undefined || o.regimeId === regime.id),
            )
        : undefined;
      return {
        ...presentRule(k, rule),
        defaultValue: copyValue(base.value),
        defaultBasis: base.basis.map(presentBasis),
        overridden: by !== undefined,
        overriddenBy: by
          ? {
              id: chosen?.id ?? null,
              effectiveFrom: by.effectiveFrom,
              reason: by.reason,
              basis: presentBasis(by.basis),
              regimeId: chosen?.regimeId ?? null,
            }
          : null,
      };
    }),
  };
}

export function presentOverride(row: RuleOverrideRow) {
  const key = row.rule_key as RuleKey;
  return {
    id: row.id,
    ruleKey: row.rule_key,
    ruleLabel: RULE_LABELS[key] ?? { vi: row.rule_key, en: row.rule_key },
    value: row.keeps_value ? null : (JSON.parse(row.value) as RuleValue),
    changesValue: !row.keeps_value,
    authority:
      row.authority && row.authority in ROLE_NAMES
        ? { id: row.authority, name: ROLE_NAMES[row.authority as RoleId] }
        : null,
    effectiveFrom: row.effective_from,
    regimeId: row.regime_id,
    reason: row.reason,
    basis: presentBasis(JSON.parse(row.basis) as LegalBasis),
    status: row.revoked_at ? ('revoked' as const) : ('active' as const),
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
    version: row.version,
  };
}

export function presentAdjustment(row: CalendarAdjustmentRow) {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
