// Typed calls of the legal-pathway API (screening, episodes, timeline, transfers, tasks). Response types come
// from the API contract's generated types (api/schema.ts), as in api/types.ts.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, pathId } from '../../api/client.ts';
import type { BodyOf, Schemas } from '../../api/schema.ts';

export type Episode = Schemas['Episode'];
export type Timeline = Schemas['Timeline'];
export type TimelineItem = Timeline['items'][number];
export type DrugTest = Schemas['DrugTest'];
export type Determination = Schemas['AddictionDetermination'];
export type Task = Schemas['Task'];
export type Transfer = Schemas['Transfer'];
export type MyTasks = {
  today: string;
  overdue: Task[];
  dueToday: Task[];
  upcoming: Task[];
  /** Every open task by timing (first page only). */
  counts: { overdue: number; today: number; upcoming: number } | null;
  /** The next page's position, or null on the last page. */
  next: string | null;
};
export type Facility = { id: string; name: string; kind?: string };

export const pathwayKeys = {
  timeline: (id: string) => ['pathways', 'timeline', id] as const,
  episodes: (id: string) => ['pathways', 'episodes', id] as const,
  tasks: ['tasks', 'mine'] as const,
};

export function useTimeline(personId: string, enabled = true) {
  return useQuery({
    queryKey: pathwayKeys.timeline(personId),
    queryFn: () => call(client.GET('/api/people/{id}/timeline', { params: { path: { id: personId } } })),
    enabled,
  });
}

export function useEpisodes(personId: string, enabled = true) {
  return useQuery({
    queryKey: pathwayKeys.episodes(personId),
    queryFn: () =>
      call(client.GET('/api/people/{id}/episodes', { params: { path: { id: personId } } })).then(
        (r) => r.items,
      ),
    enabled,
  });
}

/** The work list, a page (100 tasks, due order) at a time. */
export function useMyTasks() {
  return useInfiniteQuery({
    queryKey: [...pathwayKeys.tasks, 'list'],
    queryFn: ({ pageParam }) =>
      call(client.GET('/api/tasks/mine', { params: { query: { after: pageParam || undefined } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Only the counts of the work list (the dashboard's panel). */
export function useMyTaskCounts() {
  return useQuery({
    queryKey: [...pathwayKeys.tasks, 'counts'],
    queryFn: () => call(client.GET('/api/tasks/mine', { params: { query: { limit: 1 } } })),
    select: (d) => d.counts ?? { overdue: 0, today: 0, upcoming: 0 },
  });
}

export function useFacilities(enabled: boolean) {
  return useQuery({
    queryKey: ['facilities', 'options'],
    queryFn: () =>
      call(client.GET('/api/facilities', { params: { query: { limit: 200 } } })).then((r) => r.items),
    enabled,
  });
}

/** A write on a person's path: afterwards the person (status), the timeline, the episodes and the tasks reload. */
export function usePathwayWrite<I, O>(personId: string, call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['people'] }),
        qc.invalidateQueries({ queryKey: pathwayKeys.timeline(personId) }),
        qc.invalidateQueries({ queryKey: pathwayKeys.episodes(personId) }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}

export const pathwayApi = {
  determination: (personId: string, body: BodyOf<'createAddictionDetermination'>) =>
    call(client.POST('/api/people/{id}/addiction-determinations', { ...pathId(personId), body })),
  openEpisode: (personId: string, body: BodyOf<'openEpisode'>) =>
    call(client.POST('/api/people/{id}/episodes', { ...pathId(personId), body })),
  updateEpisode: (id: string, body: BodyOf<'updateEpisode'>) =>
    call(client.PUT('/api/episodes/{id}', { ...pathId(id), body })),
  closeEpisode: (id: string, body: BodyOf<'closeEpisode'>) =>
    call(client.POST('/api/episodes/{id}/close', { ...pathId(id), body })),
  certificate: (id: string, body: BodyOf<'issueEpisodeCertificate'>) =>
    call(client.POST('/api/episodes/{id}/certificate', { ...pathId(id), body })),
  schedule: (id: string, body: BodyOf<'scheduleEpisodeTask'>) =>
    call(client.POST('/api/episodes/{id}/schedule', { ...pathId(id), body })),
  transfer: (personId: string, body: BodyOf<'transferPerson'>) =>
    call(client.POST('/api/people/{id}/transfer', { ...pathId(personId), body })),
  counselling: (body: BodyOf<'createCounsellingSession'>) =>
    call(client.POST('/api/counselling-sessions', { body })),
};

/** The official documents of an episode type (DOCX and PDF from /api/episodes/:id/documents/<kind>.<fmt>). */
export function documentsOf(e: Episode): string[] {
  switch (e.type) {
    case 'user_management':
      return ['user-management-decision'];
    case 'post_rehab':
      return e.certificate
        ? ['post-rehab-decision', 'post-rehab-completion-certificate']
        : ['post-rehab-decision'];
    case 'compulsory_pending':
      return e.details.familyCommitment ? ['family-commitment'] : [];
    default:
      return [];
  }
}

export const documentUrl = (episodeId: string, kind: string, format: 'docx' | 'pdf') =>
  `/api/episodes/${encodeURIComponent(episodeId)}/documents/${kind}.${format}`;
