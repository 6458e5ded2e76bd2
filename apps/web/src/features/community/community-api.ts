// Typed calls of the community API. Response types come from the API contract's generated types
// (api/schema.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ResponseOf, Schemas } from '../../api/schema.ts';

export type MyPerson = ResponseOf<'listMyPeople'>['items'][number];
export type MyPersonDetail = ResponseOf<'getMyPerson'>;
export type MyTask = {
  id: string;
  kind: string;
  label: { vi: string; en: string };
  personId: string;
  personName: string;
  dueDate: string;
  timing: 'overdue' | 'today' | 'upcoming';
};
export type Team = Schemas['Team'];
export type Volunteer = Schemas['Volunteer'];
export type VolunteerDetail = ResponseOf<'getVolunteer'>;
export type Assignment = Schemas['Assignment'];
export type Gaps = ResponseOf<'listAssignmentGaps'>;
export type Activity = Schemas['TeamActivity'];
export type TeamReport = ResponseOf<'getTeamReport'>;
export type ContactCreated = ResponseOf<'logContact'>;
export type ClubList = ResponseOf<'listClubs'>;
/** A club as GET /api/community/clubs/:id answers it: with its members and meetings. */
export type Club = Schemas['Club'] & Required<Pick<Schemas['Club'], 'members' | 'meetings'>>;
export type Partner = ResponseOf<'listPartners'>['items'][number];
export type Referral = ResponseOf<'listReferrals'>['items'][number];
export type Training = ResponseOf<'listTrainings'>['items'][number];
export type TrainingShare = ResponseOf<'getTrainingShare'>;
export type Support = ResponseOf<'getPersonSupport'>;
export type PersonOption = { id: string; fullName: string; birthYear?: number };

const enc = encodeURIComponent;

export const communityKeys = {
  all: ['community'] as const,
  myPeople: ['community', 'my-people'] as const,
  myPerson: (id: string) => ['community', 'my-people', id] as const,
  myTasks: ['community', 'my-tasks'] as const,
};

export function useMyPeople() {
  return useQuery({
    queryKey: communityKeys.myPeople,
    queryFn: () => api.get<{ items: MyPerson[] }>('/api/community/my-people').then((r) => r.items),
  });
}

export function useMyPerson(id: string) {
  return useQuery({
    queryKey: communityKeys.myPerson(id),
    queryFn: () => api.get<MyPersonDetail>(`/api/community/my-people/${enc(id)}`),
  });
}

export function useMyTasks() {
  return useQuery({
    queryKey: communityKeys.myTasks,
    queryFn: () => api.get<{ today: string; items: MyTask[] }>('/api/community/my-tasks'),
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: ['community', 'teams'],
    queryFn: () => api.get<{ items: Team[] }>('/api/community/teams').then((r) => r.items),
    enabled,
  });
}

export function useVolunteers(active?: boolean) {
  return useQuery({
    queryKey: ['community', 'volunteers', active ?? 'all'],
    queryFn: () =>
      api
        .get<{ items: Volunteer[] }>('/api/community/volunteers', {
          active: active === undefined ? undefined : String(active),
        })
        .then((r) => r.items),
  });
}

export function useVolunteer(id: string | null) {
  return useQuery({
    queryKey: ['community', 'volunteer', id],
    queryFn: () => api.get<VolunteerDetail>(`/api/community/volunteers/${enc(id!)}`),
    enabled: !!id,
  });
}

export function useAssignments() {
  return useQuery({
    queryKey: ['community', 'assignments'],
    queryFn: () => api.get<{ items: Assignment[] }>('/api/community/assignments').then((r) => r.items),
  });
}

export function useGaps() {
  return useQuery({
    queryKey: ['community', 'gaps'],
    queryFn: () => api.get<Gaps>('/api/community/assignment-gaps'),
  });
}

export function useActivities(kind: string | null) {
  return useQuery({
    queryKey: ['community', 'activities', kind],
    queryFn: () =>
      api.get<{ items: Activity[]; total: number }>('/api/community/activities', {
        kind: kind ?? undefined,
        limit: 200,
      }),
  });
}

export function useTeamReport(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['community', 'report', period],
    queryFn: () => api.get<TeamReport>('/api/community/report', period ?? undefined),
    enabled: !!period,
  });
}

export function useClubs() {
  return useQuery({
    queryKey: ['community', 'clubs'],
    queryFn: () => api.get<ClubList>('/api/community/clubs').then((r) => r.items),
  });
}

export function useClub(id: string) {
  return useQuery({
    queryKey: ['community', 'club', id],
    queryFn: () => api.get<Club>(`/api/community/clubs/${enc(id)}`),
  });
}

export function usePartners() {
  return useQuery({
    queryKey: ['community', 'partners'],
    queryFn: () => api.get<{ items: Partner[] }>('/api/community/partners').then((r) => r.items),
  });
}

export function useReferrals() {
  return useQuery({
    queryKey: ['community', 'referrals'],
    queryFn: () => api.get<{ items: Referral[] }>('/api/community/referrals').then((r) => r.items),
  });
}

export function useTrainings() {
  return useQuery({
    queryKey: ['community', 'trainings'],
    queryFn: () => api.get<{ items: Training[] }>('/api/community/trainings').then((r) => r.items),
  });
}

export function useTrainingStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'training-staff'],
    queryFn: () =>
      api
        .get<{ items: { id: string; fullName: string; role: string }[] }>('/api/community/training-staff')
        .then((r) => r.items),
    enabled,
  });
}

export function useTrainingShare() {
  return useQuery({
    queryKey: ['community', 'training-share'],
    queryFn: () => api.get<TrainingShare>('/api/community/training-share'),
  });
}

export function useSupport(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'support', personId],
    queryFn: () => api.get<Support>(`/api/people/${enc(personId)}/support`),
    enabled,
  });
}

/** People of the officer's commune for pickers (name search on the server). */
export function usePeopleOptions(q: string) {
  return useQuery({
    queryKey: ['people', 'options', q],
    queryFn: () =>
      api
        .get<{ items: PersonOption[] }>('/api/people', { q: q || undefined, limit: 50, offset: 0 })
        .then((r) => r.items),
  });
}

/** A community write; afterwards every community query (and the tasks) reloads. */
export function useCommunityWrite<I, O>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: communityKeys.all }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

export const communityApi = {
  logContact: (body: unknown) => api.post<ContactCreated>('/api/community/contacts', body),
  createTeam: (body: unknown) => api.post<Team>('/api/community/teams', body),
  updateTeam: (id: string, body: unknown) => api.patch<Team>(`/api/community/teams/${enc(id)}`, body),
  createVolunteer: (body: unknown) => api.post<VolunteerDetail>('/api/community/volunteers', body),
  updateVolunteer: (id: string, body: unknown) =>
    api.patch<VolunteerDetail>(`/api/community/volunteers/${enc(id)}`, body),
  assign: (body: unknown) => api.post<Assignment>('/api/community/assignments', body),
  endAssignment: (id: string, body: unknown) =>
    api.post<Assignment>(`/api/community/assignments/${enc(id)}/end`, body),
  createActivity: (body: unknown) => api.post<Activity>('/api/community/activities', body),
  updateActivity: (id: string, body: unknown) =>
    api.patch<Activity>(`/api/community/activities/${enc(id)}`, body),
  createClub: (body: unknown) => api.post<unknown>('/api/community/clubs', body),
  addMember: (clubId: string, body: unknown) =>
    api.post<unknown>(`/api/community/clubs/${enc(clubId)}/members`, body),
  memberLeaves: (clubId: string, memberId: string, leftOn: string) =>
    api.post<unknown>(`/api/community/clubs/${enc(clubId)}/members/${enc(memberId)}/leave`, { leftOn }),
  addMeeting: (clubId: string, body: unknown) =>
    api.post<unknown>(`/api/community/clubs/${enc(clubId)}/meetings`, body),
  createPartner: (body: unknown) => api.post<Partner>('/api/community/partners', body),
  updatePartner: (id: string, body: unknown) =>
    api.patch<Partner>(`/api/community/partners/${enc(id)}`, body),
  updateClub: (id: string, body: unknown) => api.patch<unknown>(`/api/community/clubs/${enc(id)}`, body),
  refer: (body: unknown) => api.post<Referral>('/api/community/referrals', body),
  moveReferral: (id: string, body: unknown) =>
    api.post<Referral>(`/api/community/referrals/${enc(id)}/status`, body),
  createTraining: (body: unknown) => api.post<Training>('/api/community/trainings', body),
};
