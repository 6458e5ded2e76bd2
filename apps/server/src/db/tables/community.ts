import type { Generated } from 'kysely';
import type { EditStamps } from './stamps.ts';

// Community work: teams, volunteers, contacts, activities, clubs, partners, referrals, training, settings.

type CommunityStamps = EditStamps;

export interface CommunityTeamTable extends CommunityStamps {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  leader_volunteer_id: string | null;
  established_on: string;
  notes: string | null;
  /** 0028: why this commune has more than one team (null for a commune's only or first team). */
  several_reason: Generated<string | null>;
}

export interface CommunityVolunteerTable extends CommunityStamps {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string;
  full_name: string;
  sex: string | null;
  birth_year: number | null;
  phone: string | null;
  organisation: string;
  organisation_detail: string | null;
  user_id: string | null;
  joined_on: string;
  active: number;
  left_on: string | null;
  notes: string | null;
}

export interface CommunityAssignmentTable extends CommunityStamps {
  id: string;
  volunteer_id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  access_id: string | null;
}

export interface CommunityContactTable {
  id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  volunteer_id: string | null;
  by_user_id: string;
  by_role: string;
  contact_date: string;
  kind: string;
  service: string | null;
  outcome: string;
  note: string | null;
  next_contact_date: string | null;
  task_id: string | null;
  created_at: string;
}

export interface CommunityActivityTable extends CommunityStamps {
  id: string;
  team_id: string;
  commune_code: string;
  province_code: string;
  kind: string;
  held_on: string;
  place: string;
  title: string | null;
  participants: number;
  /** JSON string[] */
  participant_volunteer_ids: string;
  people_reached: number;
  commitments_signed: number;
  persuaded_count: number;
  /** JSON string[] */
  persuaded_person_ids: string;
  note: string | null;
}

export interface CommunityClubTable extends CommunityStamps {
  id: string;
  commune_code: string;
  province_code: string;
  name: string;
  founded_on: string;
  active: number;
  notes: string | null;
}

export interface CommunityClubMemberTable {
  id: string;
  club_id: string;
  kind: string;
  person_id: string | null;
  name: string | null;
  phone: string | null;
  relation: string | null;
  joined_on: string;
  left_on: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CommunityClubMeetingTable {
  id: string;
  club_id: string;
  held_on: string;
  kind: string;
  topic: string;
  place: string | null;
  guests: number;
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CommunityClubAttendanceTable {
  meeting_id: string;
  member_id: string;
}

export interface CommunityPartnerTable extends CommunityStamps {
  id: string;
  kind: string;
  name: string;
  name_search: string;
  province_code: string;
  commune_code: string | null;
  address: string | null;
  phone: string | null;
  services: string | null;
  active: number;
}

export interface CommunityReferralTable extends CommunityStamps {
  id: string;
  person_id: string;
  commune_code: string;
  province_code: string;
  partner_id: string | null;
  service: string;
  status: string;
  referred_on: string;
  status_on: string;
  employer_name: string | null;
  job_start_date: string | null;
  loan_amount: number | null;
  loan_purpose: string | null;
  course_name: string | null;
  course_completed_on: string | null;
  note: string | null;
}

export interface CommunityTrainingTable extends CommunityStamps {
  id: string;
  province_code: string;
  commune_code: string | null;
  course: string;
  held_on: string;
  organiser: string | null;
  hours: number | null;
}

export interface CommunityTrainingAttendeeTable {
  id: string;
  training_id: string;
  kind: string;
  user_id: string | null;
  volunteer_id: string | null;
}

export interface CommunitySettingTable {
  key: string;
  /** JSON */
  value: string;
  reason: string | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

// 0010_reports: indicators added by administrators, periodic reports
