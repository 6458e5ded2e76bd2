// Typed calls of the community API. Response types come from the API contract's generated types
// (api/schema.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../api/client.ts';
import type { BodyOf, ResponseOf, Schemas } from '../../api/schema.ts';

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

export const communityKeys = {
  all: ['community'] as const,
  myPeople: ['community', 'my-people'] as const,
  myPerson: (id: string) => ['community', 'my-people', id] as const,
  myTasks: ['community', 'my-tasks'] as const,
};

export function useMyPeople() {
  return useQuery({
    queryKey: communityKeys.myPeople,
    queryFn: () => call(client.GET('/api/community/my-people')).then((r) => r.items),
  });
}

export function useMyPerson(id: string) {
  return useQuery({
    queryKey: communityKeys.myPerson(id),
    queryFn: () => call(client.GET('/api/community/my-people/{id}', { params: { path: { id } } })),
  });
}

export function useMyTasks() {
  return useQuery({
    queryKey: communityKeys.myTasks,
    queryFn: () => call(client.GET('/api/community/my-tasks')),
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: ['community', 'teams'],
    queryFn: () => call(client.GET('/api/community/teams')).then((r) => r.items),
    enabled,
  });
}

export function useVolunteers(active?: boolean) {
  return useQuery({
    queryKey: ['community', 'volunteers', active ?? 'all'],
    queryFn: () =>
      call(
        client.GET('/api/community/volunteers', {
          params: { query: { active: active === undefined ? undefined : active ? 'true' : 'false' } },
        }),
      ).then((r) => r.items),
  });
}

export function useVolunteer(id: string | null) {
  return useQuery({
    queryKey: ['community', 'volunteer', id],
    queryFn: () => call(client.GET('/api/community/volunteers/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useAssignments() {
  return useQuery({
    queryKey: ['community', 'assignments'],
    queryFn: () => call(client.GET('/api/community/assignments')).then((r) => r.items),
  });
}

export function useGaps() {
  return useQuery({
    queryKey: ['community', 'gaps'],
    queryFn: () => call(client.GET('/api/community/assignment-gaps')),
  });
}

export function useActivities(kind: string | null) {
  return useQuery({
    queryKey: ['community', 'activities', kind],
    queryFn: () =>
      call(
        client.GET('/api/community/activities', {
          params: {
            query: { kind: (kind as BodyOf<'createActivity'>['kind'] | null) ?? undefined, limit: 200 },
          },
        }),
      ),
  });
}

export function useTeamReport(period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['community', 'report', period],
    queryFn: () => call(client.GET('/api/community/report', { params: { query: period! } })),
    enabled: !!period,
  });
}

export function useClubs() {
  return useQuery({
    queryKey: ['community', 'clubs'],
    queryFn: () => call(client.GET('/api/community/clubs')).then((r) => r.items),
  });
}

export function useClub(id: string) {
  return useQuery({
    queryKey: ['community', 'club', id],
    queryFn: () =>
      call(client.GET('/api/community/clubs/{id}', { params: { path: { id } } })) as Promise<Club>,
  });
}

export function usePartners() {
  return useQuery({
    queryKey: ['community', 'partners'],
    queryFn: () => call(client.GET('/api/community/partners')).then((r) => r.items),
  });
}

export function useReferrals() {
  return useQuery({
    queryKey: ['community', 'referrals'],
    queryFn: () => call(client.GET('/api/community/referrals')).then((r) => r.items),
  });
}

export function useTrainings() {
  return useQuery({
    queryKey: ['community', 'trainings'],
    queryFn: () => call(client.GET('/api/community/trainings')).then((r) => r.items),
  });
}

export function useTrainingStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'training-staff'],
    queryFn: () => call(client.GET('/api/community/training-staff')).then((r) => r.items),
    enabled,
  });
}

export function useTrainingShare() {
  return useQuery({
    queryKey: ['community', 'training-share'],
    queryFn: () => call(client.GET('/api/community/training-share')),
  });
}

export function useSupport(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'support', personId],
    queryFn: () => call(client.GET('/api/people/{id}/support', { params: { path: { id: personId } } })),
    enabled,
  });
}

/** People of the officer's commune for pickers (name search on the server). */
export function usePeopleOptions(q: string) {
  return useQuery({
    queryKey: ['people', 'options', q],
    queryFn: () =>
      call(
        client.GET('/api/people', { params: { query: { q: q || undefined, limit: 50, offset: 0 } } }),
      ).then((r) => r.items),
  });
}

/** A community write; afterwards every community query (and the tasks) reloads. */
export function useCommunityWrite<I, O>(write: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: communityKeys.all }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

export const communityApi = {
  logContact: (body: BodyOf<'logContact'>) => call(client.POST('/api/community/contacts', { body })),
  createTeam: (body: BodyOf<'createTeam'>) => call(client.POST('/api/community/teams', { body })),
  updateTeam: (id: string, body: BodyOf<'updateTeam'>) =>
    call(client.PATCH('/api/community/teams/{id}', { params: { path: { id } }, body })),
  createVolunteer: (body: BodyOf<'createVolunteer'>) =>
    call(client.POST('/api/community/volunteers', { body })),
  updateVolunteer: (id: string, body: BodyOf<'updateVolunteer'>) =>
    call(client.PATCH('/api/community/volunteers/{id}', { params: { path: { id } }, body })),
  assign: (body: BodyOf<'createAssignment'>) => call(client.POST('/api/community/assignments', { body })),
  endAssignment: (id: string, body: BodyOf<'endAssignment'>) =>
    call(client.POST('/api/community/assignments/{id}/end', { params: { path: { id } }, body })),
  createActivity: (body: BodyOf<'createActivity'>) =>
    call(client.POST('/api/community/activities', { body })),
  updateActivity: (id: string, body: BodyOf<'updateActivity'>) =>
    call(client.PATCH('/api/community/activities/{id}', { params: { path: { id } }, body })),
  createClub: (body: BodyOf<'createClub'>) => call(client.POST('/api/community/clubs', { body })),
  addMember: (id: string, body: BodyOf<'addClubMember'>) =>
    call(client.POST('/api/community/clubs/{id}/members', { params: { path: { id } }, body })),
  memberLeaves: (id: string, memberId: string, leftOn: string) =>
    call(
      client.POST('/api/community/clubs/{id}/members/{memberId}/leave', {
        params: { path: { id, memberId } },
        body: { leftOn },
      }),
    ),
  addMeeting: (id: string, body: BodyOf<'recordClubMeeting'>) =>
    call(client.POST('/api/community/clubs/{id}/meetings', { params: { path: { id } }, body })),
  createPartner: (body: BodyOf<'createPartner'>) => call(client.POST('/api/community/partners', { body })),
  updatePartner: (id: string, body: BodyOf<'updatePartner'>) =>
    call(client.PATCH('/api/community/partners/{id}', { params: { path: { id } }, body })),
  updateClub: (id: string, body: BodyOf<'updateClub'>) =>
    call(client.PATCH('/api/community/clubs/{id}', { params: { path: { id } }, body })),
  refer: (body: BodyOf<'createReferral'>) => call(client.POST('/api/community/referrals', { body })),
  moveReferral: (id: string, body: BodyOf<'moveReferral'>) =>
    call(client.POST('/api/community/referrals/{id}/status', { params: { path: { id } }, body })),
  createTraining: (body: BodyOf<'createTraining'>) => call(client.POST('/api/community/trainings', { body })),
};
