import type { BlockRef, Disaggregation } from './indicator-blocks.ts';
import type { Text } from './legal-basis.ts';

// An indicator's definition and the shipped catalogue (ids are stable: reports and snapshots refer to them).

export interface Target {
  /** 'gte': the value should be at least `value`; 'lte': at most. Ratios are compared as percentages. */
  op: 'gte' | 'lte';
  value: number;
  by?: string;
  source: Text;
}

export interface IndicatorDef {
  id: string;
  vi: string;
  en: string;
  kind: 'count' | 'ratio';
  numerator: BlockRef;
  denominator?: BlockRef;
  disaggregations: readonly Disaggregation[];
  target?: Target;
  source: Text;
  /** What exactly is counted (shown in the catalogue), Vietnamese and English. */
  definition?: Text;
  /** Group on report tables. */
  section: 'people' | 'pathways' | 'dossiers' | 'post_rehab' | 'facility' | 'community' | 'targets';
}

const SEEDS: Text = { vi: 'Bài viết nguồn (DOMAIN.md §1)', en: 'Source articles (DOMAIN.md §1)' };
const NTP: Text = {
  vi: 'Nghị quyết 163/2024/QH15 (Chương trình MTQG phòng, chống ma túy đến 2030)',
  en: 'Resolution 163/2024/QH15 (National Target Program on drug prevention to 2030)',
};
const QB: Text = { vi: 'Kế hoạch tỉnh Quảng Bình đến 2025', en: 'Quảng Bình province plan to 2025' };
const P = ['sex', 'age_group', 'unit', 'substance', 'legal_basis'] as const;
const U = ['unit'] as const;

const count = (
  id: string,
  vi: string,
  en: string,
  section: IndicatorDef['section'],
  numerator: BlockRef,
  disaggregations: readonly Disaggregation[] = P,
  source: Text = SEEDS,
): IndicatorDef => ({ id, vi, en, kind: 'count', numerator, disaggregations, source, section });

const ratio = (
  id: string,
  vi: string,
  en: string,
  section: IndicatorDef['section'],
  numerator: BlockRef,
  denominator: BlockRef,
  target?: Target,
  disaggregations: readonly Disaggregation[] = P,
  source: Text = SEEDS,
): IndicatorDef => ({
  id,
  vi,
  en,
  kind: 'ratio',
  numerator,
  denominator,
  target,
  disaggregations,
  source,
  section,
});

const st = (status: string): BlockRef => ({ block: 'people_by_status', params: { status } });
const ep = (block: string, type: string): BlockRef => ({ block, params: { type } });
const act = (kind: string): BlockRef => ({ block: 'community_activities', params: { kind } });
const sum = (field: string): BlockRef => ({ block: 'community_activity_sum', params: { field } });
const fev = (kind: string): BlockRef => ({ block: 'facility_events', params: { kind } });
const fpe = (kind: string): BlockRef => ({ block: 'facility_event_people', params: { kind } });

const ADDICT_STEPS: Text = {
  vi: 'Người nghiện có hồ sơ quản lý (được xác định nghiện đến cuối kỳ) đã được ghi nhận đủ bốn bước đến cuối kỳ: tư vấn (tham dự buổi tư vấn), sàng lọc (xét nghiệm ma túy), đánh giá (xác định tình trạng nghiện) và điều trị phù hợp (cai nghiện tự nguyện hoặc bắt buộc tại gia đình, cộng đồng hoặc cơ sở, hoặc điều trị methadone; không tính đợt bị hủy). Thiếu một bước thì không tính.',
  en: 'Addicts with records (determined addicted by the end of the period) for whom all four steps are recorded by then: counselling (a session attended), screening (a drug test), assessment (the addiction determination) and a fitting treatment (voluntary or compulsory rehab in the community or a facility, or methadone; cancelled ones excluded). One step missing and the person does not count.',
};
const COUNSELLED: Text = {
  vi: 'Người nghiện có hồ sơ quản lý tham dự ít nhất một buổi tư vấn trong kỳ.',
  en: 'Addicts with records who attended at least one counselling session in the period.',
};
const VOLUNTEER_MODEL: Text = {
  vi: 'Xã, phường mà vào ngày cuối kỳ có Đội công tác xã hội tình nguyện với ít nhất N tình nguyện viên đang tham gia, mỗi người đang giúp đỡ ít nhất M người, theo tiêu chí có hiệu lực ngày đó (mặc định N = M = 1); cùng quy tắc với trang mô hình tình nguyện viên.',
  en: 'Communes whose volunteer team has, on the last day of the period, at least N members each helping at least M people, under the rule in force that day (default N = M = 1); the same rule as the volunteer-model page.',
};

/** Definitions of the indicators whose reading is easy to mistake (issue 13). */
const DEFINITIONS: Record<string, Text> = {
  facility_term_reductions: {
    vi: 'Số học viên (mỗi người tính một lần tại mỗi cơ sở) có quyết định giảm thời hạn hoặc miễn chấp hành phần thời gian còn lại trong kỳ.',
    en: 'Residents (each once per facility) granted a term reduction or an exemption from the rest of the term by a decision in the period.',
  },
  facility_term_reduction_decisions: {
    vi: 'Số quyết định giảm thời hạn, miễn chấp hành ghi nhận trong kỳ (một học viên có thể có nhiều quyết định).',
    en: 'Term reduction and exemption decisions recorded in the period (a resident may have several).',
  },
  facility_health_checks: {
    vi: 'Số lượt khám sức khỏe định kỳ trong kỳ (một học viên khám hai lần tính hai lượt).',
    en: 'Periodic health check visits in the period (a resident checked twice counts twice).',
  },
  facility_health_checked_people: {
    vi: 'Số học viên được khám sức khỏe định kỳ ít nhất một lần trong kỳ.',
    en: 'Residents given at least one periodic health check in the period.',
  },
  facility_learners: {
    vi: 'Số học viên ghi danh vào lớp học nghề khai giảng trong kỳ, mỗi người tính một lần (trên trang cơ sở, bảng tổng hợp, báo cáo và tệp xuất như nhau).',
    en: 'Residents enrolled in a vocational class that started in the period, each counted once (the same on the facility page, dashboard, report and export).',
  },
  facility_enrolments: {
    vi: 'Số lượt ghi danh vào lớp học nghề khai giảng trong kỳ (một học viên học hai lớp tính hai lượt).',
    en: 'Enrolments in vocational classes that started in the period (a resident in two classes counts twice).',
  },
  facility_overseas_labour_counselled: {
    vi: 'Số học viên được tư vấn xuất khẩu lao động trong kỳ; các hình thức hỗ trợ khác (tư vấn việc làm, kết nối doanh nghiệp, vay vốn) không tính.',
    en: 'Residents counselled for overseas labour in the period; other support (job counselling, employer links, loans) not counted.',
  },
  facility_handovers: {
    vi: 'Số học viên ra cơ sở được bàn giao về xã nơi cư trú trong kỳ.',
    en: 'Residents released and handed over to their commune of residence in the period.',
  },
  methadone_treated: {
    vi: 'Số người (mỗi người tính một lần) điều trị thay thế bằng methadone vào bất kỳ thời điểm nào trong kỳ.',
    en: 'People (each once) on methadone substitution therapy at any time in the period.',
  },
  methadone_patients: {
    vi: 'Số người đang điều trị methadone vào ngày cuối kỳ.',
    en: 'People on methadone therapy on the last day of the period.',
  },
  methadone_new: {
    vi: 'Số người bắt đầu điều trị methadone trong kỳ.',
    en: 'People starting methadone therapy in the period.',
  },
  addicts_fully_served: ADDICT_STEPS,
  addicts_fully_served_share: ADDICT_STEPS,
  addicts_counselled: COUNSELLED,
  addicts_counselled_share: COUNSELLED,
  communes_with_volunteer_model: VOLUNTEER_MODEL,
  volunteer_model_share: VOLUNTEER_MODEL,
};

const withDefinition = (d: IndicatorDef): IndicatorDef =>
  DEFINITIONS[d.id] ? { ...d, definition: DEFINITIONS[d.id] } : d;

const SHIPPED: IndicatorDef[] = [
  // People by status (counts of people by status, DOMAIN.md §6).
  count(
    'people_total',
    'Tổng số người có hồ sơ quản lý',
    'People with a management record',
    'people',
    st('any'),
  ),
  count(
    'people_drug_user_managed',
    'Người sử dụng trái phép chất ma túy đang quản lý',
    'Illegal drug users under management',
    'people',
    st('drug_user_managed'),
  ),
  count(
    'people_addicted',
    'Người nghiện ma túy (chưa cai)',
    'People with addiction (not in rehab)',
    'people',
    st('addicted'),
  ),
  count(
    'people_in_community_rehab',
    'Người đang cai nghiện tại gia đình, cộng đồng',
    'People in community rehab',
    'people',
    st('community_rehab'),
  ),
  count(
    'people_in_facility_rehab',
    'Người đang cai nghiện tự nguyện tại cơ sở',
    'People in voluntary facility rehab',
    'people',
    st('facility_rehab'),
  ),
  count(
    'people_compulsory_pending',
    'Người đang chờ quyết định cai nghiện bắt buộc',
    'People awaiting a compulsory-rehab decision',
    'people',
    st('compulsory_pending'),
  ),
  count(
    'people_in_compulsory_rehab',
    'Người đang cai nghiện bắt buộc',
    'People in compulsory rehab',
    'people',
    st('compulsory_rehab'),
  ),
  count(
    'people_post_rehab',
    'Người đang quản lý sau cai nghiện',
    'People under post-rehab management',
    'people',
    st('post_rehab'),
  ),
  count('people_relapsed', 'Người tái nghiện', 'People relapsed', 'people', st('relapsed')),
  // Screening and pathways.
  count('positive_tests', 'Lượt xét nghiệm dương tính', 'Positive drug tests', 'pathways', {
    block: 'positive_tests',
  }),
  count(
    'people_declared_substances',
    'Người đã khai báo chất ma túy sử dụng và nguồn gốc',
    'People who declared the substances used and their source',
    'pathways',
    { block: 'people_declared' },
  ),
  count(
    'monitoring_active',
    'Biện pháp giám sát điện tử đang áp dụng trong kỳ',
    'Electronic monitoring measures running in the period',
    'pathways',
    { block: 'monitoring_measures', params: { when: 'active' } },
  ),
  count(
    'monitoring_started',
    'Biện pháp giám sát điện tử bắt đầu trong kỳ',
    'Electronic monitoring measures started in the period',
    'pathways',
    { block: 'monitoring_measures', params: { when: 'started' } },
  ),
  count(
    'addicts_determined',
    'Người được xác định tình trạng nghiện',
    'People determined addicted',
    'pathways',
    { block: 'addicts_determined' },
  ),
  count(
    'user_management_decisions',
    'Quyết định quản lý người sử dụng trái phép chất ma túy',
    'Drug-user management decisions',
    'pathways',
    ep('decisions_issued', 'user_management'),
    U,
  ),
  count(
    'voluntary_facility_admissions',
    'Người được vận động cai nghiện tự nguyện tại cơ sở',
    'People persuaded into voluntary facility rehab',
    'pathways',
    ep('episodes_started', 'voluntary_facility'),
  ),
  count(
    'voluntary_community_registrations',
    'Người đăng ký cai nghiện tự nguyện tại gia đình, cộng đồng',
    'Voluntary community rehab registrations',
    'pathways',
    ep('episodes_started', 'voluntary_community'),
  ),
  count(
    'compulsory_admissions',
    'Người bắt đầu cai nghiện bắt buộc',
    'People starting compulsory rehab',
    'pathways',
    ep('episodes_started', 'compulsory'),
  ),
  count(
    'methadone_patients',
    'Người điều trị thay thế (methadone) cuối kỳ',
    'Methadone patients at the end of the period',
    'pathways',
    ep('episodes_active_at_end', 'substitution_therapy'),
  ),
  count(
    'methadone_new',
    'Người bắt đầu điều trị methadone trong kỳ',
    'People starting methadone in the period',
    'pathways',
    ep('episodes_started', 'substitution_therapy'),
  ),
  count(
    'methadone_treated',
    'Người được điều trị methadone trong kỳ',
    'Methadone patients treated during the period',
    'pathways',
    ep('episodes_active_in_period', 'substitution_therapy'),
  ),
  // Dossiers.
  count(
    'dossiers_sent_to_court',
    'Hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc chuyển Tòa án',
    'Compulsory-rehab dossiers sent to court',
    'dossiers',
    { block: 'dossiers_submitted' },
    U,
  ),
  count(
    'people_sent_to_court',
    'Người trong hồ sơ chuyển Tòa án',
    'People in dossiers sent to court',
    'dossiers',
    { block: 'people_in_dossiers_submitted' },
  ),
  // Post-rehab.
  count(
    'post_rehab_decisions',
    'Quyết định quản lý sau cai nghiện',
    'Post-rehab management decisions',
    'post_rehab',
    ep('decisions_issued', 'post_rehab'),
    U,
  ),
  count(
    'post_rehab_people',
    'Người có quyết định quản lý sau cai nghiện',
    'People with a post-rehab management decision',
    'post_rehab',
    ep('people_with_decision', 'post_rehab'),
  ),
  ratio(
    'post_rehab_with_manager_share',
    'Tỷ lệ người sau cai nghiện có người được phân công quản lý',
    'Share of post-rehab people with an assigned manager',
    'post_rehab',
    { block: 'post_rehab_people_with_manager' },
    ep('people_with_decision', 'post_rehab'),
    { op: 'gte', value: 100, source: SEEDS },
  ),
  ratio(
    'post_rehab_supported_share',
    'Tỷ lệ người sau cai nghiện được hỗ trợ phòng, chống tái nghiện, hòa nhập cộng đồng',
    'Share of people after rehab supported in relapse prevention and reintegration',
    'targets',
    { block: 'post_rehab_supported' },
    ep('episodes_active_in_period', 'post_rehab'),
    { op: 'gte', value: 90, by: '2030', source: NTP },
    P,
    NTP,
  ),
  ratio(
    'relapse_rate',
    'Tỷ lệ tái nghiện trong số người quản lý sau cai nghiện',
    'Relapse rate among people under post-rehab management',
    'post_rehab',
    { block: 'relapse_tests' },
    ep('episodes_active_in_period', 'post_rehab'),
  ),
  // National Target Program and province plans.
  // Counselled only (in the period): the NTP's "≥ 80% of addicts counselled".
  ratio(
    'addicts_counselled_share',
    'Tỷ lệ người nghiện có hồ sơ được tư vấn trong kỳ',
    'Share of addicts with records counselled in the period',
    'targets',
    { block: 'addicts_counselled' },
    { block: 'addicts_with_records' },
    { op: 'gte', value: 80, by: '2030', source: NTP },
    P,
    NTP,
  ),
  // The province target: a person counts only when all four steps are recorded (addicts_fully_served).
  ratio(
    'addicts_fully_served_share',
    'Tỷ lệ người nghiện có hồ sơ được tư vấn, sàng lọc, đánh giá và điều trị phù hợp',
    'Share of addicts with records counselled, screened, assessed and given a fitting treatment',
    'targets',
    { block: 'addicts_fully_served' },
    { block: 'addicts_with_records' },
    { op: 'gte', value: 80, by: '2025', source: QB },
    P,
    QB,
  ),
  count(
    'addicts_fully_served',
    'Người nghiện có hồ sơ được tư vấn, sàng lọc, đánh giá và điều trị phù hợp',
    'Addicts with records counselled, screened, assessed and given a fitting treatment',
    'targets',
    { block: 'addicts_fully_served' },
    P,
    QB,
  ),
  count(
    'addicts_counselled',
    'Người nghiện có hồ sơ được tư vấn trong kỳ',
    'Addicts with records counselled in the period',
    'targets',
    { block: 'addicts_counselled' },
    P,
    NTP,
  ),
  ratio(
    'service_access_share',
    'Tỷ lệ người tiếp cận thông tin, dịch vụ',
    'Share with access to information and services',
    'targets',
    { block: 'people_with_service_access' },
    st('any'),
    { op: 'gte', value: 90, by: '2030', source: NTP },
    P,
    NTP,
  ),
  ratio(
    'medical_psych_support_share',
    'Tỷ lệ người được hỗ trợ y tế, tâm lý',
    'Share given medical and psychological support',
    'targets',
    { block: 'people_medical_psych_support' },
    st('any'),
    { op: 'gte', value: 90, by: '2030', source: NTP },
    P,
    NTP,
  ),
  ratio(
    'drug_free_communes_share',
    'Tỷ lệ xã, phường không ma túy',
    'Share of drug-free communes',
    'targets',
    { block: 'drug_free_communes' },
    { block: 'communes_total' },
    {
      op: 'gte',
      value: 50,
      by: '2030',
      source: {
        vi: 'Kết luận 132-KL/TW; QĐ 28/2025/QĐ-TTg',
        en: 'Conclusion 132-KL/TW; Decision 28/2025/QD-TTg',
      },
    },
    U,
    NTP,
  ),
  ratio(
    'staff_trained_share',
    'Tỷ lệ cán bộ được tập huấn',
    'Share of staff trained',
    'targets',
    { block: 'staff_trained' },
    { block: 'staff_total' },
    { op: 'gte', value: 80, by: '2025', source: QB },
    U,
    QB,
  ),
  // Community.
  ratio(
    'volunteer_model_share',
    'Tỷ lệ xã, phường có mô hình tình nguyện viên',
    'Share of communes with the volunteer model',
    'community',
    { block: 'communes_with_volunteer_team' },
    { block: 'communes_total' },
    { op: 'gte', value: 100, source: SEEDS },
    U,
  ),
  count(
    'communes_with_volunteer_model',
    'Số xã, phường có mô hình tình nguyện viên',
    'Communes with the volunteer model',
    'community',
    { block: 'communes_with_volunteer_team' },
    U,
  ),
  count('team_briefings', 'Số buổi giao ban của Đội', 'Team briefings', 'community', act('briefing'), U),
  count(
    'team_people_reached',
    'Số lượt người được tuyên truyền, tiếp cận',
    'People reached',
    'community',
    sum('people_reached'),
    U,
  ),
  count(
    'team_co_managed',
    'Số người sau cai nghiện được Đội phối hợp quản lý',
    'Post-rehab people co-managed by the team',
    'community',
    { block: 'community_people_assigned', params: { status: 'post_rehab' } },
  ),
  count(
    'team_persuaded',
    'Số người được Đội vận động đi cai nghiện',
    'People persuaded into rehab by the team',
    'community',
    sum('persuaded_count'),
    U,
  ),
  count('team_patrols', 'Số buổi tuần tra', 'Patrols', 'community', act('patrol'), U),
  count(
    'team_commitments',
    'Số bản cam kết được ký',
    'Signed commitments',
    'community',
    sum('commitments_signed'),
    U,
  ),
  count(
    'club_members',
    'Thành viên câu lạc bộ hỗ trợ người sau cai nghiện',
    'Members of post-rehab support clubs',
    'community',
    { block: 'club_members' },
    U,
  ),
  // Facility.
  count('facility_received', 'Số học viên tiếp nhận', 'Residents received', 'facility', {
    block: 'facility_admissions',
  }),
  count('facility_reintegrated', 'Số học viên tái hòa nhập cộng đồng', 'Residents reintegrated', 'facility', {
    block: 'facility_releases',
  }),
  // Residents (distinct) granted a term reduction or early release, beside the decisions granting them.
  count(
    'facility_term_reductions',
    'Số học viên được xét giảm thời hạn',
    'Residents granted a term reduction',
    'facility',
    fpe('term_reduction'),
  ),
  count(
    'facility_term_reduction_decisions',
    'Số quyết định giảm thời hạn, miễn chấp hành',
    'Term reduction decisions',
    'facility',
    fev('term_reduction'),
  ),
  // Periodic health checks: the visits, and the residents checked (distinct).
  count(
    'facility_health_checks',
    'Số lượt khám sức khỏe định kỳ',
    'Periodic health checks (visits)',
    'facility',
    fev('health_check'),
  ),
  count(
    'facility_health_checked_people',
    'Số học viên được khám sức khỏe định kỳ',
    'Residents given a periodic health check',
    'facility',
    fpe('health_check'),
  ),
  count('facility_hiv_tests', 'Số lượt xét nghiệm HIV', 'HIV tests', 'facility', fev('hiv_test')),
  count(
    'facility_classes',
    'Số lớp dạy nghề',
    'Vocational classes',
    'facility',
    { block: 'facility_classes' },
    U,
  ),
  // Learners are distinct residents (facility page, dashboard, report and export alike); enrolments apart.
  count('facility_learners', 'Số học viên học nghề', 'Vocational learners', 'facility', {
    block: 'facility_learners',
  }),
  count('facility_enrolments', 'Số lượt học viên ghi danh học nghề', 'Vocational enrolments', 'facility', {
    block: 'facility_enrolments',
  }),
  count(
    'facility_overseas_labour_counselled',
    'Số học viên được tư vấn xuất khẩu lao động',
    'Residents counselled for overseas labour',
    'facility',
    fpe('overseas_labour'),
  ),
  // Residents (distinct) handed over, as the label says.
  count(
    'facility_handovers',
    'Số học viên bàn giao về nơi cư trú',
    'Residents handed over to their commune',
    'facility',
    fpe('handover'),
  ),
];

/** The shipped catalogue. Ids are stable: reports and snapshots refer to them. */
export const INDICATORS: readonly IndicatorDef[] = SHIPPED.map(withDefinition);
