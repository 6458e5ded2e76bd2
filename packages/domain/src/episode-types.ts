// Vocabulary of the legal pathways (episodes) a person goes through, with Vietnamese and English labels.
// Kept apart from episode-rules.ts so that forms and reports can import the labels without the rules.

import type { LegalBasis } from './legal-basis.ts';
import { vocabulary } from './vocabulary.ts';

const episodeTypeVocabulary = vocabulary({
  user_management: ['Quản lý người sử dụng trái phép chất ma túy', 'Management of an illegal drug user'],
  voluntary_community: [
    'Cai nghiện tự nguyện tại gia đình, cộng đồng',
    'Voluntary rehab at family/community',
  ],
  voluntary_facility: ['Cai nghiện tự nguyện tại cơ sở cai nghiện', 'Voluntary rehab at a facility'],
  compulsory_pending: [
    'Quản lý trong thời gian lập hồ sơ cai nghiện bắt buộc',
    'Management while a compulsory dossier is pending',
  ],
  compulsory: ['Cai nghiện bắt buộc', 'Compulsory rehab'],
  substitution_therapy: ['Điều trị thay thế (methadone)', 'Substitution therapy (methadone)'],
  post_rehab: ['Quản lý sau cai nghiện', 'Post-rehab management'],
});
export const EPISODE_TYPES = episodeTypeVocabulary.values;
export type EpisodeType = (typeof EPISODE_TYPES)[number];
export const episodeTypeLabels = episodeTypeVocabulary.labels;

const outcomeVocabulary = vocabulary({
  completed: ['Hoàn thành', 'Completed'],
  quit: ['Tự ý chấm dứt (bỏ dở)', 'Quit on their own'],
  expelled: ['Bị chấm dứt do vi phạm', 'Terminated by the provider for a breach'],
  relapsed: ['Tái sử dụng ma túy', 'Used drugs again'],
  transferred: ['Chuyển nơi', 'Transferred'],
  escaped: ['Bỏ trốn', 'Absconded'],
  died: ['Tử vong', 'Died'],
  cancelled: ['Hủy bỏ', 'Cancelled'],
});
export const EPISODE_OUTCOMES = outcomeVocabulary.values;
export type EpisodeOutcome = (typeof EPISODE_OUTCOMES)[number];
export const outcomeLabels = outcomeVocabulary.labels;

const statusVocabulary = vocabulary({
  registered: ['Đã lập hồ sơ', 'Registered'],
  drug_user_managed: ['Đang quản lý người sử dụng trái phép chất ma túy', 'Managed drug user'],
  addicted: ['Người nghiện ma túy, chưa cai nghiện', 'Addicted, not in rehab'],
  community_rehab: [
    'Đang cai nghiện tự nguyện tại gia đình, cộng đồng',
    'In voluntary rehab at family/community',
  ],
  facility_rehab: ['Đang cai nghiện tự nguyện tại cơ sở cai nghiện', 'In voluntary rehab at a facility'],
  compulsory_pending: [
    'Đang chờ quyết định đưa vào cơ sở cai nghiện bắt buộc',
    'Awaiting compulsory rehab decision',
  ],
  compulsory_rehab: ['Đang cai nghiện bắt buộc', 'In compulsory rehab'],
  substitution_therapy: ['Đang điều trị thay thế', 'On substitution therapy'],
  post_rehab: ['Đang quản lý sau cai nghiện', 'Under post-rehab management'],
  relapsed: ['Tái nghiện', 'Relapsed'],
  completed: ['Đã hoàn thành cai nghiện', 'Completed rehab'],
});
export const PERSON_STATUSES = statusVocabulary.values;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const statusLabels = statusVocabulary.labels;

/** Grounds for compulsory rehab (Law 73/2021/QH14 Art. 32). */
const groundVocabulary = vocabulary({
  not_registered_voluntary: ['Không đăng ký cai nghiện tự nguyện', 'Did not register for voluntary rehab'],
  quit_voluntary_rehab: ['Bỏ cai nghiện tự nguyện', 'Quit voluntary rehab'],
  used_during_voluntary_rehab: [
    'Sử dụng trái phép chất ma túy trong thời gian cai nghiện tự nguyện',
    'Used drugs during voluntary rehab',
  ],
  quit_substitution_therapy: [
    'Tự ý chấm dứt hoặc bị chấm dứt điều trị thay thế',
    'Quit or was expelled from substitution therapy',
  ],
  relapse_during_post_rehab: [
    'Tái nghiện trong thời gian quản lý sau cai nghiện',
    'Relapsed during post-rehab management',
  ],
});
export const COMPULSORY_GROUNDS = groundVocabulary.values;
export type CompulsoryGround = (typeof COMPULSORY_GROUNDS)[number];
export const groundLabels = groundVocabulary.labels;

/** The rehab episodes proper: the ones that can be completed and lead to post-rehab management. */
export const REHAB_TYPES: readonly EpisodeType[] = [
  'voluntary_community',
  'voluntary_facility',
  'compulsory',
];

/** A fitting treatment (the province target; "in rehab or therapy"): rehab in any form, or substitution therapy. */
export const TREATMENT_TYPES: readonly EpisodeType[] = [...REHAB_TYPES, 'substitution_therapy'];

/**
 * One legal pathway of a person. `start` is the first day counted; `end` the actual last day once closed.
 * `plannedEnd` is the last day of the term (see plannedEnd()). An outcome without an end counts as closed.
 */
export interface Episode {
  type: EpisodeType;
  start: string;
  end?: string | null;
  plannedEnd?: string | null;
  outcome?: EpisodeOutcome | null;
}

/** A refusal by a domain rule: a stable code, a message in both languages and the legal basis. */
export interface RuleError {
  code: string;
  vi: string;
  en: string;
  basis?: readonly LegalBasis[];
}

export type RuleCheck = { ok: true } | { ok: false; error: RuleError };
