import { ACTIVITY_KINDS, CONTACT_KINDS, VOLUNTEER_ORGANISATIONS } from '@hoanhap/domain/community-rules';
import type { Episode } from '@hoanhap/domain/episode-types';
import { addDays, toDayNumber } from '@hoanhap/domain/iso-date';
import { eventRow } from '../../apps/server/src/modules/facility/facility-access.ts';
import type { BulkWriter } from './writer.ts';

// The generator's facility stays and community support (generator.ts simulates the legal history): what a
// facility records for a stay whose episode the history produced (admission, the five stages, visits,
// periodic health checks, release or departure), and a commune's volunteer team, its volunteers, the people
// they support after rehab with their contacts, its club and its activities. Kinds come from the product's
// own lists (community-rules, the facility schema), dates stay inside the stay or the support.

type Rng = {
  next: () => number;
  int: (a: number, b: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
  uuid: () => string;
};

export type ServiceStats = {
  facilityAdmissions: number;
  facilityEvents: number;
  communityTeams: number;
  communityVolunteers: number;
  communityAssignments: number;
  communityContacts: number;
  clubMembers: number;
  communityActivities: number;
};

export const newServiceStats = (): ServiceStats => ({
  facilityAdmissions: 0,
  facilityEvents: 0,
  communityTeams: 0,
  communityVolunteers: 0,
  communityAssignments: 0,
  communityContacts: 0,
  clubMembers: 0,
  communityActivities: 0,
});

const at = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const minD = (a: string, b: string) => (a < b ? a : b);

/** A stay at a facility for a voluntary-facility or compulsory episode that has started by `asOf`. */
export async function facilityStay(
  rng: Rng,
  w: BulkWriter,
  s: ServiceStats,
  o: {
    asOf: string;
    personId: string;
    episodeId: string;
    facilityId: string;
    communeCode: string;
    ep: Episode;
    repeat: boolean;
    stages: { stage: number; from: string; to?: string }[];
    staffUserId: string | null;
  },
) {
  const { ep, asOf } = o;
  if (ep.start > asOf) return;
  const ended = ep.end && ep.end <= asOf ? ep.end : null;
  const last = ended ?? asOf;
  const id = rng.uuid();
  const stages = o.stages.filter((x) => x.from <= last);
  if (!stages.length) stages.push({ stage: 1, from: ep.start });
  const current = stages[stages.length - 1]!;
  const completed = ended && ep.outcome === 'completed';
  const release = ended
    ? completed
      ? {
          certificate: { number: `${rng.int(1, 900)}/GCN`, date: ended },
          handedTo: { kind: 'commune', code: o.communeCode },
          flaggedForProvince: false,
        }
      : { departure: ep.outcome === 'escaped' ? 'escape' : 'other', on: ended }
    : null;
  await w.add('facility_admissions', {
    id,
    facility_id: o.facilityId,
    person_id: o.personId,
    episode_id: o.episodeId,
    basis: ep.type === 'voluntary_facility' ? 'voluntary' : ep.type,
    admitted_on: ep.start,
    record_number: `${rng.int(1, 9999)}/HS`,
    classification: o.repeat ? 'repeat' : 'first_time',
    belongings: '[]',
    rapid_test: JSON.stringify({ testedOn: ep.start, result: 'positive', substances: ['methamphetamine'] }),
    area: `Khu ${rng.int(1, 6)}`,
    bed: String(rng.int(1, 120)),
    no_known_residence: 0,
    stage: current.stage,
    uncounted_days: 0,
    reduction_days: 0,
    early_release_on: null,
    absence_kind: null,
    absence_from: null,
    notice: null,
    released_on: ended,
    release: release ? JSON.stringify(release) : null,
    notes: null,
    version: 1,
    created_at: at(ep.start, 2),
    created_by: o.staffUserId,
    updated_at: at(last, 2),
    updated_by: o.staffUserId,
  });
  s.facilityAdmissions++;
  for (const st of stages)
    await w.add('facility_stages', {
      id: rng.uuid(),
      admission_id: id,
      stage: st.stage,
      began_on: st.from,
      ended_on: st.to && st.to <= last ? st.to : ended,
      approved_by: 'Giám đốc cơ sở',
      recorded_by: o.staffUserId,
      created_at: at(st.from, 2),
    });
  const event = async (kind: string, subkind: string | null, on: string, data: object, health = 0) => {
    // The server's own row (the staff account as the writer), with the generator's seeded id.
    const row = eventRow(
      { userId: o.staffUserId },
      { facilityId: o.facilityId, admissionId: id, kind, subkind, on, health: health === 1, data },
      new Date(at(on, 4)),
    );
    await w.add('facility_events', { ...row, id: rng.uuid() });
    s.facilityEvents++;
  };
  // Family visits about every two months, a periodic health check every quarter, a rare incident.
  for (let d = addDays(ep.start, rng.int(20, 60)); d < last; d = addDays(d, rng.int(45, 90)))
    await event('visit', rng.chance(0.8) ? 'in_person' : 'online_call', d, {
      visitedOn: d,
      visitorName: 'Người nhà',
      relation: rng.pick(['Mẹ', 'Bố', 'Vợ', 'Anh', 'Chị']),
    });
  for (let d = addDays(ep.start, 90); d < last; d = addDays(d, 90))
    await event('health', 'periodic_check', d, { kind: 'periodic_check', checkedOn: d }, 1);
  if (rng.chance(0.05)) {
    const d = addDays(ep.start, rng.int(5, Math.max(5, toDayNumber(last) - toDayNumber(ep.start))));
    if (d <= last)
      await event('incident', 'rule_violation', d, { occurredOn: d, description: 'Vi phạm nội quy' });
  }
  if (ended && release)
    await event(
      completed ? 'release' : 'departure',
      completed ? 'commune' : (release as { departure: string }).departure,
      ended,
      release,
    );
}

export type CommuneTeam = { teamId: string; volunteerId: string; clubId: string; established: string };

/** A commune's volunteer team (with the volunteer who has an account), its other volunteers and its club. */
export async function communeTeam(
  rng: Rng,
  w: BulkWriter,
  s: ServiceStats,
  o: { communeCode: string; provinceCode: string; communeName: string; userId: string; officerId: string },
): Promise<CommuneTeam> {
  const established = `202${rng.int(2, 4)}-0${rng.int(1, 9)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const stamps = (on: string) => ({
    version: 1,
    created_at: at(on, 2),
    created_by: o.officerId,
    updated_at: at(on, 2),
    updated_by: o.officerId,
  });
  const teamId = rng.uuid();
  const volunteerId = rng.uuid();
  await w.add('community_teams', {
    id: teamId,
    commune_code: o.communeCode,
    province_code: o.provinceCode,
    name: `Tổ tình nguyện ${o.communeName}`,
    leader_volunteer_id: volunteerId,
    established_on: established,
    notes: null,
    ...stamps(established),
  });
  s.communityTeams++;
  const others = rng.int(2, 4);
  for (let i = 0; i <= others; i++) {
    await w.add('community_volunteers', {
      id: i === 0 ? volunteerId : rng.uuid(),
      team_id: teamId,
      commune_code: o.communeCode,
      province_code: o.provinceCode,
      full_name: i === 0 ? `Tình nguyện viên ${o.communeName}` : `Tình nguyện viên ${i + 1} ${o.communeName}`,
      sex: rng.chance(0.5) ? 'female' : 'male',
      birth_year: rng.int(1960, 2000),
      phone: null,
      organisation: rng.pick(VOLUNTEER_ORGANISATIONS),
      organisation_detail: null,
      user_id: i === 0 ? o.userId : null,
      joined_on: established,
      active: 1,
      left_on: null,
      notes: null,
      ...stamps(established),
    });
    s.communityVolunteers++;
  }
  const clubId = rng.uuid();
  await w.add('community_clubs', {
    id: clubId,
    commune_code: o.communeCode,
    province_code: o.provinceCode,
    name: `Câu lạc bộ Hòa Nhập ${o.communeName}`,
    founded_on: established,
    active: 1,
    notes: null,
    ...stamps(established),
  });
  return { teamId, volunteerId, clubId, established };
}

/** The team's activities, a few a year since it was set up. */
export async function teamActivities(
  rng: Rng,
  w: BulkWriter,
  s: ServiceStats,
  team: CommuneTeam,
  o: { communeCode: string; provinceCode: string; officerId: string; asOf: string },
) {
  const kinds = ACTIVITY_KINDS.filter((k) => ['briefing', 'outreach', 'commitment_signing'].includes(k));
  for (let d = addDays(team.established, rng.int(20, 90)); d <= o.asOf; d = addDays(d, rng.int(60, 150))) {
    const kind = rng.pick(kinds);
    await w.add('community_activities', {
      id: rng.uuid(),
      team_id: team.teamId,
      commune_code: o.communeCode,
      province_code: o.provinceCode,
      kind,
      held_on: d,
      place: 'Nhà văn hóa',
      title: null,
      participants: rng.int(2, 5),
      participant_volunteer_ids: JSON.stringify([team.volunteerId]),
      people_reached: kind === 'outreach' ? rng.int(20, 200) : 0,
      commitments_signed: kind === 'commitment_signing' ? rng.int(5, 60) : 0,
      persuaded_count: 0,
      persuaded_person_ids: '[]',
      note: null,
      version: 1,
      created_at: at(d, 9),
      created_by: o.officerId,
      updated_at: at(d, 9),
      updated_by: o.officerId,
    });
    s.communityActivities++;
  }
}

/** A person after rehab supported by the team's volunteer: the assignment, contacts, club membership. */
export async function supportAfterRehab(
  rng: Rng,
  w: BulkWriter,
  s: ServiceStats,
  team: CommuneTeam,
  o: {
    personId: string;
    communeCode: string;
    provinceCode: string;
    from: string;
    to: string;
    asOf: string;
    volunteerUserId: string;
    officerId: string;
  },
) {
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, which Math.max would turn into NaN
  const from = o.from < team.established ? team.established : o.from;
  if (from > o.asOf) return;
  const until = minD(o.to, o.asOf);
  await w.add('community_assignments', {
    id: rng.uuid(),
    volunteer_id: team.volunteerId,
    person_id: o.personId,
    commune_code: o.communeCode,
    province_code: o.provinceCode,
    started_on: from,
    ended_on: o.to <= o.asOf ? o.to : null,
    end_reason: o.to <= o.asOf ? 'term_ended' : null,
    access_id: null,
    version: 1,
    created_at: at(from, 8),
    created_by: o.officerId,
    updated_at: at(from, 8),
    updated_by: o.officerId,
  });
  s.communityAssignments++;
  for (let d = addDays(from, rng.int(7, 30)); d <= until; d = addDays(d, rng.int(30, 75))) {
    await w.add('community_contacts', {
      id: rng.uuid(),
      person_id: o.personId,
      commune_code: o.communeCode,
      province_code: o.provinceCode,
      volunteer_id: team.volunteerId,
      by_user_id: o.volunteerUserId,
      by_role: 'volunteer',
      contact_date: d,
      kind: rng.pick(CONTACT_KINDS),
      service: null,
      outcome: rng.chance(0.85) ? 'met' : 'not_reached',
      note: null,
      next_contact_date: null,
      task_id: null,
      created_at: at(d, 10),
    });
    s.communityContacts++;
  }
  if (rng.chance(0.4)) {
    await w.add('community_club_members', {
      id: rng.uuid(),
      club_id: team.clubId,
      kind: 'person',
      person_id: o.personId,
      name: null,
      phone: null,
      relation: null,
      joined_on: from,
      left_on: o.to <= o.asOf ? o.to : null,
      created_at: at(from, 9),
      created_by: o.officerId,
    });
    s.clubMembers++;
  }
}
