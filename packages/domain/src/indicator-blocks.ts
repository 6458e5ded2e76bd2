// Building blocks of the indicator catalogue (see indicators.ts): named, parameterised counts that the server
// implements once each (apps/server/src/modules/reports/blocks.repo.ts). Pending blocks have no records yet.

import { EPISODE_TYPES, PERSON_STATUSES } from './episode-types.ts';

export const DISAGGREGATIONS = ['sex', 'age_group', 'unit', 'substance', 'legal_basis'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** What a block counts: distinct records, distinct people, a sum of a quantity, or units (communes). */
export type BlockMeasure = 'records' | 'people' | 'sum' | 'units';

/** The source module of a block; pending blocks have no records in the product yet. */
export type BlockSource =
  | 'people'
  | 'screening'
  | 'episodes'
  | 'dossiers'
  | 'facility'
  | 'community'
  | 'reports'
  | 'pending';

export interface BlockParam {
  name: string;
  values: readonly string[];
}

export interface BlockDef {
  id: string;
  vi: string;
  en: string;
  source: BlockSource;
  measure: BlockMeasure;
  params: readonly BlockParam[];
  /** The disaggregations this block's records carry. */
  disaggregations: readonly Disaggregation[];
  /** A stock counted at the end of the period (or now), rather than a flow within it. */
  stock?: boolean;
  /** The records behind the figure show a sensitivity class beyond identity (drill-down needs it). */
  sensitive?: 'health';
}

// Blocks whose records are people carry every disaggregation: substance = what the person was found to use
// (positive drug-test results and addiction determinations up to the period end; a person may count under
// several), legal basis = the legal regime of the person's latest episode decision by the period end.
const PEOPLE_DIS = ['sex', 'age_group', 'unit', 'substance', 'legal_basis'] as const;
const UNIT_DIS = ['unit'] as const;
/**
 * Kinds of facility events the catalogue counts: 'support' is every support service, 'overseas_labour' only
 * overseas-labour counselling, 'other_support' every other support service (job counselling, employer links,
 * loan referrals).
 */
export const FACILITY_EVENT_KINDS = [
  'term_reduction',
  'handover',
  'health_check',
  'hiv_test',
  'visit',
  'incident',
  'support',
  'overseas_labour',
  'other_support',
] as const;
const ACTIVITY = ['briefing', 'outreach', 'patrol', 'commitment_signing', 'contest', 'other'] as const;

export const BLOCKS: readonly BlockDef[] = [
  {
    id: 'people_by_status',
    // The status each person had at the period's end (the dated history kept with the status, issue 13).
    vi: 'Số người theo tình trạng tại cuối kỳ',
    en: "People by status at the period's end",
    source: 'people',
    measure: 'people',
    params: [{ name: 'status', values: ['any', ...PERSON_STATUSES] }],
    disaggregations: PEOPLE_DIS,
    stock: true,
  },
  {
    id: 'positive_tests',
    vi: 'Số lượt xét nghiệm dương tính',
    en: 'Positive drug tests',
    source: 'screening',
    measure: 'records',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // Declarations to the commune police of the substances used and their source (Law 120/2025/QH15).
    id: 'people_declared',
    vi: 'Số người khai báo chất ma túy sử dụng và nguồn gốc trong kỳ',
    en: 'People who declared the substances used and their source in the period',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // Electronic monitoring measures (Law 120/2025/QH15 Art. 12): running at some time in the period, or
    // started in it. A measure runs from its start to its removal, or to its planned end while not removed.
    id: 'monitoring_measures',
    vi: 'Số biện pháp giám sát điện tử',
    en: 'Electronic monitoring measures',
    source: 'episodes',
    measure: 'records',
    params: [{ name: 'when', values: ['active', 'started'] }],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'addicts_determined',
    vi: 'Số người được xác định nghiện trong kỳ',
    en: 'People determined addicted in the period',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'addicts_with_records',
    vi: 'Số người nghiện có hồ sơ quản lý',
    en: 'Addicts with a management record',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
    stock: true,
  },
  {
    id: 'addicts_counselled',
    vi: 'Số người nghiện được tư vấn trong kỳ',
    en: 'Addicts counselled in the period',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // The province target (Quảng Bình plan to 2025; NTP 2030): an addict with records counts only when all four
    // steps are recorded by the period's end — counselled (a counselling session attended), screened (a drug
    // test), assessed (an addiction determination: what makes them an addict with records) and given a fitting
    // treatment (community or facility rehab, voluntary or compulsory, or substitution therapy, not cancelled).
    id: 'addicts_fully_served',
    vi: 'Số người nghiện có hồ sơ được tư vấn, sàng lọc, đánh giá và điều trị phù hợp',
    en: 'Addicts with records counselled, screened, assessed and given a fitting treatment',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
    stock: true,
  },
  {
    id: 'decisions_issued',
    vi: 'Số quyết định đã ban hành',
    en: 'Decisions issued',
    source: 'episodes',
    measure: 'records',
    params: [{ name: 'type', values: EPISODE_TYPES }],
    disaggregations: UNIT_DIS,
  },
  {
    id: 'people_with_decision',
    vi: 'Số người có quyết định',
    en: 'People with a decision',
    source: 'episodes',
    measure: 'people',
    params: [{ name: 'type', values: EPISODE_TYPES }],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'episodes_started',
    vi: 'Số người bắt đầu',
    en: 'People starting',
    source: 'episodes',
    measure: 'people',
    params: [{ name: 'type', values: EPISODE_TYPES }],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'episodes_active_at_end',
    vi: 'Số người đang thực hiện cuối kỳ',
    en: 'People in the pathway at the end of the period',
    source: 'episodes',
    measure: 'people',
    params: [{ name: 'type', values: EPISODE_TYPES }],
    disaggregations: PEOPLE_DIS,
    stock: true,
  },
  {
    id: 'episodes_active_in_period',
    vi: 'Số người thực hiện trong kỳ',
    en: 'People in the pathway during the period',
    source: 'episodes',
    measure: 'people',
    params: [{ name: 'type', values: EPISODE_TYPES }],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'post_rehab_people_with_manager',
    vi: 'Số người sau cai nghiện có người được phân công quản lý',
    en: 'Post-rehab people with an assigned manager',
    source: 'episodes',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'post_rehab_supported',
    vi: 'Số người sau cai nghiện được hỗ trợ (có tiếp xúc trong kỳ)',
    en: 'Post-rehab people supported (contacted in the period)',
    source: 'episodes',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'relapse_tests',
    vi: 'Số người tái nghiện (xét nghiệm dương tính khi tái sử dụng)',
    en: 'People relapsing (positive test flagged as relapse)',
    source: 'screening',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'dossiers_submitted',
    vi: 'Số hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc đã chuyển Tòa án',
    en: 'Compulsory-rehab dossiers sent to court',
    source: 'dossiers',
    measure: 'records',
    params: [],
    disaggregations: UNIT_DIS,
  },
  {
    id: 'people_in_dossiers_submitted',
    vi: 'Số người trong hồ sơ đã chuyển Tòa án',
    en: 'People in dossiers sent to court',
    source: 'dossiers',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  // Facility operations (modules/facility): unit = the facility (or its province).
  {
    id: 'facility_admissions',
    vi: 'Số học viên tiếp nhận',
    en: 'Residents admitted',
    source: 'facility',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'facility_releases',
    vi: 'Số học viên tái hòa nhập cộng đồng (ra cơ sở)',
    en: 'Residents reintegrated (released)',
    source: 'facility',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'facility_events',
    vi: 'Số sự kiện tại cơ sở theo loại',
    en: 'Facility events by kind',
    source: 'facility',
    measure: 'records',
    params: [{ name: 'kind', values: FACILITY_EVENT_KINDS }],
    disaggregations: PEOPLE_DIS,
    sensitive: 'health',
  },
  {
    // The residents behind the facility's events of a kind (one person counts once per facility, however many
    // events): residents granted a term reduction beside the decisions, residents checked beside the visits.
    id: 'facility_event_people',
    vi: 'Số học viên có sự kiện tại cơ sở theo loại',
    en: 'Residents with facility events by kind',
    source: 'facility',
    measure: 'people',
    params: [{ name: 'kind', values: FACILITY_EVENT_KINDS }],
    disaggregations: PEOPLE_DIS,
    sensitive: 'health',
  },
  {
    id: 'facility_classes',
    vi: 'Số lớp học nghề mở trong kỳ',
    en: 'Vocational classes started',
    source: 'facility',
    measure: 'records',
    params: [],
    disaggregations: UNIT_DIS,
  },
  {
    // Distinct residents enrolled in a class that started in the period (one person in two classes counts once).
    id: 'facility_learners',
    vi: 'Số học viên học nghề',
    en: 'Vocational learners',
    source: 'facility',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // Enrolments in classes that started in the period (one person in two classes counts twice).
    id: 'facility_enrolments',
    vi: 'Số lượt học viên ghi danh học nghề',
    en: 'Vocational enrolments',
    source: 'facility',
    measure: 'records',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  // Community work (modules/community).
  {
    id: 'community_activities',
    vi: 'Số hoạt động của Đội công tác xã hội tình nguyện',
    en: 'Volunteer team activities',
    source: 'community',
    measure: 'records',
    params: [{ name: 'kind', values: ACTIVITY }],
    disaggregations: UNIT_DIS,
  },
  {
    id: 'community_activity_sum',
    vi: 'Tổng số lượt từ hoạt động của Đội',
    en: 'Totals carried by team activities',
    source: 'community',
    measure: 'sum',
    params: [{ name: 'field', values: ['people_reached', 'commitments_signed', 'persuaded_count'] }],
    disaggregations: UNIT_DIS,
  },
  {
    id: 'community_people_assigned',
    vi: 'Số người được tình nguyện viên giúp đỡ, quản lý',
    en: 'People co-managed by volunteers',
    source: 'community',
    measure: 'people',
    params: [{ name: 'status', values: ['any', ...PERSON_STATUSES] }],
    disaggregations: PEOPLE_DIS,
  },
  {
    id: 'communes_with_volunteer_team',
    vi: 'Số xã, phường có mô hình tình nguyện viên',
    en: 'Communes with the volunteer model',
    source: 'community',
    measure: 'units',
    params: [],
    disaggregations: UNIT_DIS,
    stock: true,
  },
  {
    id: 'communes_total',
    vi: 'Tổng số xã, phường',
    en: 'Communes',
    source: 'people',
    measure: 'units',
    params: [],
    disaggregations: UNIT_DIS,
    stock: true,
  },
  {
    id: 'club_members',
    vi: 'Số thành viên câu lạc bộ hỗ trợ người sau cai nghiện',
    en: 'Members of post-rehab support clubs',
    source: 'community',
    measure: 'records',
    params: [],
    disaggregations: UNIT_DIS,
    stock: true,
  },
  {
    // Recognitions recorded by the province, in force at the period's end.
    id: 'drug_free_communes',
    vi: 'Số xã, phường đạt tiêu chí không ma túy (QĐ 28/2025/QĐ-TTg)',
    en: 'Drug-free communes (Decision 28/2025/QD-TTg)',
    source: 'reports',
    measure: 'units',
    params: [],
    disaggregations: UNIT_DIS,
    stock: true,
  },
  {
    // Access to information and services in the period: counselling sessions attended, contacts by
    // volunteers and officers (community and post-rehab), referrals to jobs, training and loans.
    id: 'people_with_service_access',
    vi: 'Số người tiếp cận thông tin, dịch vụ',
    en: 'People with access to information and services',
    source: 'community',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // Medical support: substitution therapy during the period; psychological support: counselling sessions,
    // relapse-prevention and crisis counselling contacts. (Health care inside facilities is counted by the
    // facility's own health-check figures, readable by medical staff only.)
    id: 'people_medical_psych_support',
    vi: 'Số người được hỗ trợ y tế, tâm lý',
    en: 'People given medical and psychological support',
    source: 'community',
    measure: 'people',
    params: [],
    disaggregations: PEOPLE_DIS,
  },
  {
    // Staff accounts (officers, commune police, facility staff) who attended a training in the period.
    id: 'staff_trained',
    vi: 'Số cán bộ được tập huấn',
    en: 'Staff trained',
    source: 'community',
    measure: 'records',
    params: [],
    disaggregations: UNIT_DIS,
  },
  {
    id: 'staff_total',
    vi: 'Tổng số cán bộ làm công tác cai nghiện',
    en: 'Staff working on rehab',
    source: 'community',
    measure: 'records',
    params: [],
    disaggregations: UNIT_DIS,
    stock: true,
  },
];

export const BLOCK_BY_ID: ReadonlyMap<string, BlockDef> = new Map(BLOCKS.map((b) => [b.id, b]));

/** One use of a block with its parameters, e.g. { block: 'decisions_issued', params: { type: 'post_rehab' } }. */
export interface BlockRef {
  block: string;
  params?: Record<string, string>;
}
