// Vocabulary of the legal pathways (episodes) a person goes through, with Vietnamese and English labels.
// Kept apart from episode-rules.ts so that forms and reports can import the labels without the rules.

import type { LegalBasis, Text } from './legal-basis.ts';

export const EPISODE_TYPES = [
  'user_management',
  'voluntary_community',
  'voluntary_facility',
  'compulsory_pending',
  'compulsory',
  'substitution_therapy',
  'post_rehab',
] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

export const EPISODE_OUTCOMES = [
  'completed',
  'quit',
  'expelled',
  'relapsed',
  'transferred',
  'escaped',
  'died',
  'cancelled',
] as const;
export type EpisodeOutcome = (typeof EPISODE_OUTCOMES)[number];

export const PERSON_STATUSES = [
  'registered',
  'drug_user_managed',
  'addicted',
  'community_rehab',
  'facility_rehab',
  'compulsory_pending',
  'compulsory_rehab',
  'substitution_therapy',
  'post_rehab',
  'relapsed',
  'completed',
] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** Grounds for compulsory rehab (Law 73/2021/QH14 Art. 32). */
export const COMPULSORY_GROUNDS = [
  'not_registered_voluntary',
  'quit_voluntary_rehab',
  'used_during_voluntary_rehab',
  'quit_substitution_therapy',
  'relapse_during_post_rehab',
] as const;
export type CompulsoryGround = (typeof COMPULSORY_GROUNDS)[number];

/** The rehab episodes proper: the ones that can be completed and lead to post-rehab management. */
export const REHAB_TYPES: readonly EpisodeType[] = [
  'voluntary_community',
  'voluntary_facility',
  'compulsory',
];

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

export const statusLabels: Record<keyof Text, Record<PersonStatus, string>> = {
  vi: {
    registered: 'Đã lập hồ sơ',
    drug_user_managed: 'Đang quản lý người sử dụng trái phép chất ma túy',
    addicted: 'Người nghiện ma túy, chưa cai nghiện',
    community_rehab: 'Đang cai nghiện tự nguyện tại gia đình, cộng đồng',
    facility_rehab: 'Đang cai nghiện tự nguyện tại cơ sở cai nghiện',
    compulsory_pending: 'Đang chờ quyết định đưa vào cơ sở cai nghiện bắt buộc',
    compulsory_rehab: 'Đang cai nghiện bắt buộc',
    substitution_therapy: 'Đang điều trị thay thế',
    post_rehab: 'Đang quản lý sau cai nghiện',
    relapsed: 'Tái nghiện',
    completed: 'Đã hoàn thành cai nghiện',
  },
  en: {
    registered: 'Registered',
    drug_user_managed: 'Managed drug user',
    addicted: 'Addicted, not in rehab',
    community_rehab: 'In voluntary rehab at family/community',
    facility_rehab: 'In voluntary rehab at a facility',
    compulsory_pending: 'Awaiting compulsory rehab decision',
    compulsory_rehab: 'In compulsory rehab',
    substitution_therapy: 'On substitution therapy',
    post_rehab: 'Under post-rehab management',
    relapsed: 'Relapsed',
    completed: 'Completed rehab',
  },
};

export const episodeTypeLabels: Record<keyof Text, Record<EpisodeType, string>> = {
  vi: {
    user_management: 'Quản lý người sử dụng trái phép chất ma túy',
    voluntary_community: 'Cai nghiện tự nguyện tại gia đình, cộng đồng',
    voluntary_facility: 'Cai nghiện tự nguyện tại cơ sở cai nghiện',
    compulsory_pending: 'Quản lý trong thời gian lập hồ sơ cai nghiện bắt buộc',
    compulsory: 'Cai nghiện bắt buộc',
    substitution_therapy: 'Điều trị thay thế (methadone)',
    post_rehab: 'Quản lý sau cai nghiện',
  },
  en: {
    user_management: 'Management of an illegal drug user',
    voluntary_community: 'Voluntary rehab at family/community',
    voluntary_facility: 'Voluntary rehab at a facility',
    compulsory_pending: 'Management while a compulsory dossier is pending',
    compulsory: 'Compulsory rehab',
    substitution_therapy: 'Substitution therapy (methadone)',
    post_rehab: 'Post-rehab management',
  },
};

export const outcomeLabels: Record<keyof Text, Record<EpisodeOutcome, string>> = {
  vi: {
    completed: 'Hoàn thành',
    quit: 'Tự ý chấm dứt (bỏ dở)',
    expelled: 'Bị chấm dứt do vi phạm',
    relapsed: 'Tái sử dụng ma túy',
    transferred: 'Chuyển nơi',
    escaped: 'Bỏ trốn',
    died: 'Tử vong',
    cancelled: 'Hủy bỏ',
  },
  en: {
    completed: 'Completed',
    quit: 'Quit on their own',
    expelled: 'Terminated by the provider for a breach',
    relapsed: 'Used drugs again',
    transferred: 'Transferred',
    escaped: 'Absconded',
    died: 'Died',
    cancelled: 'Cancelled',
  },
};

export const groundLabels: Record<keyof Text, Record<CompulsoryGround, string>> = {
  vi: {
    not_registered_voluntary: 'Không đăng ký cai nghiện tự nguyện',
    quit_voluntary_rehab: 'Bỏ cai nghiện tự nguyện',
    used_during_voluntary_rehab: 'Sử dụng trái phép chất ma túy trong thời gian cai nghiện tự nguyện',
    quit_substitution_therapy: 'Tự ý chấm dứt hoặc bị chấm dứt điều trị thay thế',
    relapse_during_post_rehab: 'Tái nghiện trong thời gian quản lý sau cai nghiện',
  },
  en: {
    not_registered_voluntary: 'Did not register for voluntary rehab',
    quit_voluntary_rehab: 'Quit voluntary rehab',
    used_during_voluntary_rehab: 'Used drugs during voluntary rehab',
    quit_substitution_therapy: 'Quit or was expelled from substitution therapy',
    relapse_during_post_rehab: 'Relapsed during post-rehab management',
  },
};
