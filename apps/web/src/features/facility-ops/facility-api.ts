// Typed calls of the facility-operations API. Response types come from the API contract's generated types
// (api/schema.ts), so the web app breaks at type-check time when they change.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call, client, withQuery } from '../../api/client.ts';
import type { operations, ResponseOf, Schemas } from '../../api/schema.ts';
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

export const facilityApi = {
  admit: (facilityId: string, body: unknown) => api.post<Admission>(`${base(facilityId)}/admissions`, body),
  createClass: (facilityId: string, body: unknown) =>
    api.post<VocationalClass>(`${base(facilityId)}/classes`, body),
  facilityEvent: (facilityId: string, path: 'labour' | 'sessions' | 'groups', body: unknown) =>
    api.post<FacilityEvent>(`${base(facilityId)}/${path}`, body),
  residentEvent: (id: string, path: 'visits' | 'incidents' | 'rewards' | 'support', body: unknown) =>
    api.post<FacilityEvent>(`/api/admissions/${encodeURIComponent(id)}/${path}`, body),
  admissionAct: (
    id: string,
    path: 'stages' | 'term-changes' | 'release-notice' | 'release' | 'departure',
    body: unknown,
  ) => api.post<Admission>(`/api/admissions/${encodeURIComponent(id)}/${path}`, body),
  setResidence: (id: string, body: unknown) =>
    api.put<Admission>(`/api/admissions/${encodeURIComponent(id)}/residence`, body),
  setBed: (id: string, body: unknown) =>
    api.put<Admission>(`/api/admissions/${encodeURIComponent(id)}/bed`, body),
  health: (id: string, body: unknown) =>
    api.post<HealthRecord>(`/api/admissions/${encodeURIComponent(id)}/health`, body),
  correctIntake: (id: string, body: unknown) =>
    api.put<Admission>(`/api/admissions/${encodeURIComponent(id)}/intake`, body),
  correctEvent: (id: string, body: unknown) =>
    api.put<FacilityEvent>(`/api/facility-events/${encodeURIComponent(id)}`, body),
  voidEvent: (id: string, body: unknown) =>
    api.post<FacilityEvent>(`/api/facility-events/${encodeURIComponent(id)}/void`, body),
  classAct: (id: string, path: 'learners' | 'attendance' | 'certificates', body: unknown) =>
    api.post<unknown>(`/api/facility-classes/${encodeURIComponent(id)}/${path}`, body),
};
