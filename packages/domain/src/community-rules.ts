// Community work after (and around) rehab: volunteer social-work teams, their volunteers and the people they
// take on, contacts, team activities, clubs, partners and referrals. The vocabularies, the "volunteer model"
// rule (administrator-configurable; this is its default), the referral status machine and the team report
// arithmetic live here as data and pure functions, so that server, web and tests agree.

import { z } from 'zod';
import { vocabulary } from './vocabulary.ts';

/** Where a volunteer comes from (mass organisations, residents' groups, people who recovered). */
const organisationVocabulary = vocabulary({
  womens_union: ['Hội Liên hiệp Phụ nữ', "Women's Union"],
  youth_union: ['Đoàn Thanh niên', 'Youth Union'],
  veterans: ['Hội Cựu chiến binh', "Veterans' Association"],
  fatherland_front: ['Mặt trận Tổ quốc', 'Fatherland Front'],
  residents_group: ['Tổ dân phố / thôn', "Residents' group"],
  former_addict: ['Người đã cai nghiện thành công', 'Former addict'],
  other: ['Khác', 'Other'],
});
export const VOLUNTEER_ORGANISATIONS = organisationVocabulary.values;
export type VolunteerOrganisation = (typeof VOLUNTEER_ORGANISATIONS)[number];
export const organisationLabels = organisationVocabulary.labels;

// The contact vocabulary lives in a file without zod, so that the volunteer's light pages can use it alone.
export {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  type ContactKind,
  type ContactOutcome,
  contactKindLabels,
} from './contact-vocabulary.ts';

/** Team activities; the counts each may carry are in ACTIVITY_COUNTS. */
const activityKindVocabulary = vocabulary({
  briefing: ['Giao ban', 'Briefing (giao ban)'],
  outreach: ['Tuyên truyền, tiếp cận', 'Outreach'],
  patrol: ['Tuần tra', 'Patrol'],
  commitment_signing: ['Ký cam kết', 'Signed commitments'],
  contest: ['Hội thi tìm hiểu', 'Awareness contest'],
  other: ['Hoạt động khác', 'Other activity'],
});
export const ACTIVITY_KINDS = activityKindVocabulary.values;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const activityKindLabels = activityKindVocabulary.labels;

export const CLUB_MEMBER_KINDS = ['person', 'family', 'collaborator'] as const;
export type ClubMemberKind = (typeof CLUB_MEMBER_KINDS)[number];
export const CLUB_MEETING_KINDS = ['regular', 'relapse_prevention'] as const;
export type ClubMeetingKind = (typeof CLUB_MEETING_KINDS)[number];

export const PARTNER_KINDS = [
  'employer',
  'cooperative',
  'vocational_training',
  'social_policy_bank',
  'lender',
  'overseas_labour',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const REFERRAL_SERVICES = ['job', 'vocational_training', 'loan', 'overseas_labour', 'other'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_STATUSES = ['referred', 'accepted', 'started', 'completed', 'refused'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Which status may follow which. A refusal (by the person or the service) ends the referral. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  referred: ['accepted', 'refused'],
  accepted: ['started', 'refused'],
  started: ['completed', 'refused'],
  completed: [],
  refused: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** What a referral's result must record once it reaches a status. */
export type ReferralResult = {
  employerName?: string | null;
  jobStartDate?: string | null;
  loanAmount?: number | null;
  loanPurpose?: string | null;
  courseName?: string | null;
  courseCompletedOn?: string | null;
};

/** The result fields still missing for a service at a status (empty when complete). */
export function missingResultFields(
  service: ReferralService,
  status: ReferralStatus,
  r: ReferralResult,
): (keyof ReferralResult)[] {
  const need: (keyof ReferralResult)[] = [];
  if (
    (service === 'job' || service === 'overseas_labour') &&
    (status === 'started' || status === 'completed')
  )
    need.push('employerName', 'jobStartDate');
  if (service === 'loan' && (status === 'started' || status === 'completed'))
    need.push('loanAmount', 'loanPurpose');
  if (service === 'vocational_training' && status === 'completed')
    need.push('courseName', 'courseCompletedOn');
  return need.filter((k) => r[k] == null || r[k] === '');
}

/**
 * When a commune counts as having the volunteer model: its team exists and has at least
 * `minVolunteersWithPeople` active volunteers who each have at least `minPeoplePerVolunteer` assigned people.
 * The default is the movement's rule; a national administrator may change it (stored as data).
 */
export const volunteerModelRuleSchema = z.strictObject({
  minVolunteersWithPeople: z.number().int().min(1).max(1000),
  minPeoplePerVolunteer: z.number().int().min(1).max(100),
});
export type VolunteerModelRule = z.infer<typeof volunteerModelRuleSchema>;

export const DEFAULT_VOLUNTEER_MODEL_RULE: VolunteerModelRule = {
  minVolunteersWithPeople: 1,
  minPeoplePerVolunteer: 1,
};

export type TeamStats = {
  teamExists: boolean;
  /** Active volunteers of the team, with the number of people currently assigned to each. */
  volunteers: readonly { active: boolean; assignedPeople: number }[];
};

export function volunteersWithPeople(stats: TeamStats, rule: VolunteerModelRule): number {
  return stats.volunteers.filter((v) => v.active && v.assignedPeople >= rule.minPeoplePerVolunteer).length;
}

export function hasVolunteerModel(stats: TeamStats, rule: VolunteerModelRule = DEFAULT_VOLUNTEER_MODEL_RULE) {
  return stats.teamExists && volunteersWithPeople(stats, rule) >= rule.minVolunteersWithPeople;
}

/** A dated span holds on a date when it started on or before it and has not ended by it (the end day excluded). */
export function heldOn(from: string, to: string | null | undefined, on: string): boolean {
  return from <= on && (to == null || to > on);
}

/** A commune's team with its members and their assignments, as recorded with their dates. */
export type DatedTeam = {
  establishedOn: string;
  volunteers: readonly {
    joinedOn: string;
    leftOn: string | null;
    assignments: readonly { startedOn: string; endedOn: string | null }[];
  }[];
};

/**
 * The commune's teams as they stood on a date (a commune may keep more than one team, e.g. former communes
 * merged in 2025): a team counts once established, a volunteer while a member (joined, not yet left), and a
 * person while assigned (started, not yet ended).
 */
export function teamStatsOn(teams: readonly DatedTeam[], on: string): TeamStats {
  const standing = teams.filter((t) => t.establishedOn <= on);
  return {
    teamExists: standing.length > 0,
    volunteers: standing.flatMap((t) =>
      t.volunteers
        .filter((v) => heldOn(v.joinedOn, v.leftOn, on))
        .map((v) => ({
          active: true,
          assignedPeople: v.assignments.filter((a) => heldOn(a.startedOn, a.endedOn, on)).length,
        })),
    ),
  };
}

/**
 * THE volunteer-model rule, dated: whether a commune has the model on a date under the rule in force on it.
 * The volunteer-model page uses it as is; the catalogue block communes_with_volunteer_team
 * (server reports/blocks.repo.ts) is its SQL, and a test holds the two equal.
 */
export function hasVolunteerModelOn(teams: readonly DatedTeam[], rule: VolunteerModelRule, on: string) {
  return hasVolunteerModel(teamStatsOn(teams, on), rule);
}

/** The movement's rule "each volunteer helps at least one person": true when the volunteer is a gap. */
export function isAssignmentGap(
  v: { active: boolean; assignedPeople: number },
  rule = DEFAULT_VOLUNTEER_MODEL_RULE,
) {
  return v.active && v.assignedPeople < rule.minPeoplePerVolunteer;
}

/** One recorded team activity (or, with `activities`, the totals of that many of one kind). */
export type ActivityCounts = {
  kind: ActivityKind;
  activities?: number;
  peopleReached: number;
  commitmentsSigned: number;
  persuadedIntoRehab: number;
};

export type TeamReportCounts = {
  briefings: number;
  outreachEvents: number;
  patrols: number;
  commitmentSignings: number;
  contests: number;
  otherActivities: number;
  peopleReached: number;
  commitments: number;
  persuadedIntoRehab: number;
};

/** Sums a period's activities into the figures a commune team reports. */
export function summariseActivities(rows: readonly ActivityCounts[]): TeamReportCounts {
  const out: TeamReportCounts = {
    briefings: 0,
    outreachEvents: 0,
    patrols: 0,
    commitmentSignings: 0,
    contests: 0,
    otherActivities: 0,
    peopleReached: 0,
    commitments: 0,
    persuadedIntoRehab: 0,
  };
  const field: Record<ActivityKind, keyof TeamReportCounts> = {
    briefing: 'briefings',
    outreach: 'outreachEvents',
    patrol: 'patrols',
    commitment_signing: 'commitmentSignings',
    contest: 'contests',
    other: 'otherActivities',
  };
  for (const r of rows) {
    out[field[r.kind]] += r.activities ?? 1;
    out.peopleReached += r.peopleReached;
    out.commitments += r.commitmentsSigned;
    out.persuadedIntoRehab += r.persuadedIntoRehab;
  }
  return out;
}

/** Share of people trained, as a whole percentage (null when there is nobody to count). */
export function sharePercent(trained: number, total: number): number | null {
  return total === 0 ? null : Math.round((trained * 1000) / total) / 10;
}

/**
 * Every key a volunteer account may receive about its people (my-people list and detail): name, contact,
 * address, the current pathway and its dates, drug tests only as due/done, and the volunteer's own notes.
 * Used by tests to check that no endpoint sends a volunteer anything else.
 */
export const VOLUNTEER_PERSON_KEYS = [
  'id',
  'fullName',
  'phone',
  'address',
  'communeName',
  'provinceName',
  'detail',
  'pathway',
  'type',
  'label',
  'vi',
  'en',
  'startDate',
  'plannedEndDate',
  'drugTest',
  'status',
  'dueDate',
  'doneOn',
  'nextContactDate',
  'notes',
  'contactDate',
  'kind',
  'outcome',
  'note',
  // The record's version number (no data about the person): an offline contact says which one it was based on.
  'version',
] as const;
