// Typed calls of the facility-operations API. Response types come from the API contract's generated types
// (api/schema.ts), so the web app breaks at type-check time when they change.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client, pathId, withQuery } from '../../api/client.ts';
import type { BodyOf, operations, ResponseOf, Schemas } from '../../api/schema.ts';
import type { Me } from '../../api/types.ts';

export type Admission = Schemas['Admission'];
export type FacilityEvent = Schemas['FacilityEvent'];
export type HealthRecord = Schemas['HealthRecord'];
export type VocationalClass = Schemas['VocationalClass'];
export type Dashboard = ResponseOf<'getFacilityDashboard'>;
export type YearFigures = ResponseOf<'getFacilityFigures'>;
export type Episode = Schemas['Episode'];
export type Awaiting = ResponseOf<'listAwaitingAdmission'>['items'][number];

export type Board = ResponseOf<'listResidents'>;
export type BoardResident = Board['residents'][number];

/** The facility a facility user works in (their scope). */
export const facilityOf = (me: Me) => (me.user.scopeKind === 'facility' ? (me.user.scopeCode ?? '') : '');

const base = (facilityId: string) => `/api/facility-ops/${encodeURIComponent(facilityId)}`;

export const facilityKeys = {
  all: ['facility-ops'] as const,
  awaiting: (f: string) => ['facility-ops', 'awaiting', f] as const,
  board: (f: string, q: BoardQuery) => ['facility-ops', 'board', f, q] as const,
  admission: (id: string) => ['facility-ops', 'admission', id] as const,
  health: (id: string) => ['facility-ops', 'health', id] as const,
  classes: (f: string) => ['facility-ops', 'classes', f] as const,
  events: (f: string, kind?: string) => ['facility-ops', 'events', f, kind ?? ''] as const,
  dashboard: (f: string, from: string, to: string) => ['facility-ops', 'dashboard', f, from, to] as const,
};

type ResidentsQuery = NonNullable<operations['listResidents']['parameters']['query']>;
export type BoardSort = NonNullable<ResidentsQuery['sort']>;
/**
 * The board's filters, order and page, all applied by the server. Without a limit, every resident selected (the
 * classes page lists them all by name).
 */
export type BoardQuery = ResidentsQuery & { upcomingDays: number; sort: BoardSort; dir: 'asc' | 'desc' };

export function useBoard(facilityId: string, q: BoardQuery) {
  return useQuery({
    queryKey: facilityKeys.board(facilityId, q),
    queryFn: () =>
      call(
        client.GET('/api/facility-ops/{facilityId}/residents', {
          params: { path: { facilityId }, query: q },
        }),
      ),
    enabled: !!facilityId,
    placeholderData: keepPreviousData,
  });
}

/** The download address of every resident the filters select, in the order shown (audited as an export). */
export const boardExportUrl = (
  facilityId: string,
  q: Omit<BoardQuery, 'limit' | 'offset'>,
  format: 'xlsx' | 'csv',
) => withQuery(`${base(facilityId)}/residents/export`, { ...q, format });

export function useYearFigures(facilityId: string, year: number) {
  return useQuery({
    queryKey: ['facility-ops', 'figures', facilityId, year],
    queryFn: () =>
      call(
        client.GET('/api/facility-ops/{facilityId}/figures', {
          params: { path: { facilityId }, query: { year } },
        }),
      ),
    enabled: !!facilityId,
  });
}

/** People placed at the facility and not admitted yet. */
export function useAwaiting(facilityId: string) {
  return useQuery({
    queryKey: facilityKeys.awaiting(facilityId),
    queryFn: () =>
      call(client.GET('/api/facility-ops/{facilityId}/awaiting', { params: { path: { facilityId } } })).then(
        (r) => r.items,
      ),
    enabled: !!facilityId,
  });
}

export function useAdmission(id: string) {
  return useQuery({
    queryKey: facilityKeys.admission(id),
    queryFn: () => call(client.GET('/api/admissions/{id}', { params: { path: { id } } })),
  });
}

export function useClasses(facilityId: string) {
  return useQuery({
    queryKey: facilityKeys.classes(facilityId),
    queryFn: () =>
      call(client.GET('/api/facility-ops/{facilityId}/classes', { params: { path: { facilityId } } })).then(
        (r) => r.items,
      ),
    enabled: !!facilityId,
  });
}

export function useEvents(
  facilityId: string,
  kind?: NonNullable<operations['listFacilityEvents']['parameters']['query']>['kind'],
) {
  return useQuery({
    queryKey: facilityKeys.events(facilityId, kind),
    queryFn: () =>
      call(
        client.GET('/api/facility-ops/{facilityId}/events', {
          params: { path: { facilityId }, query: { kind } },
        }),
      ).then((r) => r.items),
    enabled: !!facilityId,
  });
}

export function useDashboard(facilityId: string, from: string, to: string) {
  return useQuery({
    queryKey: facilityKeys.dashboard(facilityId, from, to),
    queryFn: () =>
      call(
        client.GET('/api/facility-ops/{facilityId}/dashboard', {
          params: { path: { facilityId }, query: { from, to } },
        }),
      ),
    enabled: !!facilityId,
  });
}

/** People placed at this facility (the facility scope of the people search). */
export const searchPeople = (q: string) =>
  call(client.GET('/api/people', { params: { query: { q, limit: 20, offset: 0 } } }));

export const episodesOf = (personId: string) =>
  call(client.GET('/api/people/{id}/episodes', { params: { path: { id: personId } } })).then((r) => r.items);

const atFacility = (facilityId: string) => ({ params: { path: { facilityId } } });

/** The writes of facility operations (bodies and answers typed by the contract). */
export const facilityApi = {
  admit: (facilityId: string, body: BodyOf<'admitResident'>) =>
    call(client.POST('/api/facility-ops/{facilityId}/admissions', { ...atFacility(facilityId), body })),
  createClass: (facilityId: string, body: BodyOf<'openFacilityClass'>) =>
    call(client.POST('/api/facility-ops/{facilityId}/classes', { ...atFacility(facilityId), body })),
  /** Events of the whole facility: labour, therapy sessions, self-management groups. */
  facilityEvent: {
    labour: (facilityId: string, body: BodyOf<'recordLabour'>) =>
      call(client.POST('/api/facility-ops/{facilityId}/labour', { ...atFacility(facilityId), body })),
    sessions: (facilityId: string, body: BodyOf<'recordFacilitySession'>) =>
      call(client.POST('/api/facility-ops/{facilityId}/sessions', { ...atFacility(facilityId), body })),
    groups: (facilityId: string, body: BodyOf<'recordSelfManagementGroup'>) =>
      call(client.POST('/api/facility-ops/{facilityId}/groups', { ...atFacility(facilityId), body })),
  },
  /** Events of one resident's stay. */
  residentEvent: {
    visits: (id: string, body: BodyOf<'recordVisit'>) =>
      call(client.POST('/api/admissions/{id}/visits', { ...pathId(id), body })),
    incidents: (id: string, body: BodyOf<'recordIncident'>) =>
      call(client.POST('/api/admissions/{id}/incidents', { ...pathId(id), body })),
    rewards: (id: string, body: BodyOf<'recordReward'>) =>
      call(client.POST('/api/admissions/{id}/rewards', { ...pathId(id), body })),
    support: (id: string, body: BodyOf<'recordFacilitySupport'>) =>
      call(client.POST('/api/admissions/{id}/support', { ...pathId(id), body })),
  },
  /** The steps of a stay, each answered with the admission as it is now. */
  admissionAct: {
    stages: (id: string, body: BodyOf<'moveAdmissionStage'>) =>
      call(client.POST('/api/admissions/{id}/stages', { ...pathId(id), body })),
    termChanges: (id: string, body: BodyOf<'recordTermChange'>) =>
      call(client.POST('/api/admissions/{id}/term-changes', { ...pathId(id), body })),
    releaseNotice: (id: string, body: BodyOf<'sendReleaseNotice'>) =>
      call(client.POST('/api/admissions/{id}/release-notice', { ...pathId(id), body })),
    release: (id: string, body: BodyOf<'releaseResident'>) =>
      call(client.POST('/api/admissions/{id}/release', { ...pathId(id), body })),
    departure: (id: string, body: BodyOf<'recordDeparture'>) =>
      call(client.POST('/api/admissions/{id}/departure', { ...pathId(id), body })),
  },
  setResidence: (id: string, body: BodyOf<'setAdmissionResidence'>) =>
    call(client.PUT('/api/admissions/{id}/residence', { ...pathId(id), body })),
  setBed: (id: string, body: BodyOf<'setAdmissionBed'>) =>
    call(client.PUT('/api/admissions/{id}/bed', { ...pathId(id), body })),
  health: (id: string, body: BodyOf<'recordHealth'>) =>
    call(client.POST('/api/admissions/{id}/health', { ...pathId(id), body })),
  correctIntake: (id: string, body: BodyOf<'correctIntake'>) =>
    call(client.PUT('/api/admissions/{id}/intake', { ...pathId(id), body })),
  correctEvent: (id: string, body: BodyOf<'correctFacilityEvent'>) =>
    call(client.PUT('/api/facility-events/{id}', { ...pathId(id), body })),
  voidEvent: (id: string, body: BodyOf<'voidFacilityEvent'>) =>
    call(client.POST('/api/facility-events/{id}/void', { ...pathId(id), body })),
  /** A class's learners, attendance and certificates. */
  classAct: {
    learners: (id: string, body: BodyOf<'enrolLearners'>) =>
      call(client.POST('/api/facility-classes/{id}/learners', { ...pathId(id), body })),
    attendance: (id: string, body: BodyOf<'recordAttendance'>) =>
      call(client.POST('/api/facility-classes/{id}/attendance', { ...pathId(id), body })),
    certificates: (id: string, body: BodyOf<'issueClassCertificates'>) =>
      call(client.POST('/api/facility-classes/{id}/certificates', { ...pathId(id), body })),
  },
};
