import type { QueryClient } from '@tanstack/react-query';
import { api, call, client } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import type { ContactCreated } from '../features/community/community-api.ts';

// The volunteer's data: the same query keys as community-api.ts (its writes invalidate ['community']), with
// fetchers of their own so that the light pages do not load the whole community client. Prefetched as soon as
// the login answer names the role, and read from the device first on a repeat visit (device-first.ts).

const enc = encodeURIComponent;
export const fieldKeys = {
  myPeople: ['community', 'my-people'] as const,
  myPerson: (id: string) => ['community', 'my-people', id] as const,
  myTasks: ['community', 'my-tasks'] as const,
};
export const fieldUrls = {
  myPeople: '/api/community/my-people',
  myPerson: (id: string) => `/api/community/my-people/${enc(id)}`,
  myTasks: '/api/community/my-tasks',
};

// Fresh for a little while: the prefetched answer is not asked for again when the page mounts a moment later.
const staleTime = 30_000;
export const myPeopleQuery = {
  staleTime,
  queryKey: fieldKeys.myPeople,
  queryFn: () => call(client.GET('/api/community/my-people')).then((r) => r.items),
};
export const myPersonQuery = (id: string) => ({
  staleTime,
  queryKey: fieldKeys.myPerson(id),
  queryFn: () => call(client.GET('/api/community/my-people/{id}', { params: { path: { id } } })),
});
export const myTasksQuery = {
  staleTime,
  queryKey: fieldKeys.myTasks,
  queryFn: () => call(client.GET('/api/community/my-tasks')),
};

/** Volunteers work in the light field pages; every other role (and any pending step) uses the full app. */
export const isFieldUser = (me: Me) =>
  me.abilities.actions.includes('community.mine') &&
  (me.secondFactor ?? 'ok') === 'ok' &&
  !me.user.mustChangePassword;

const FIELD_PATHS = /^\/(community\/(my-people(\/[^/]+)?|my-tasks)\/?)?$/;
/** The paths the field pages answer ('/' and '/login' lead to my people). */
export const isFieldPath = (pathname: string) => pathname === '/login' || FIELD_PATHS.test(pathname);

export const FIELD_HOME = '/community/my-people';

export const loadFieldRoutes = () => import('./field-routes.tsx');
export const loadMyTasksPage = () => import('../features/community/my-tasks-page.tsx');

/** Right after the login answer: the page's code and its data at the same time, not one after the other. */
export function prefetchFieldHome(qc: QueryClient, pathname: string) {
  void loadFieldRoutes().catch(() => undefined);
  const person = /^\/community\/my-people\/([^/]+)$/.exec(pathname)?.[1];
  if (person) void qc.prefetchQuery(myPersonQuery(decodeURIComponent(person)));
  else if (pathname.startsWith('/community/my-tasks')) void qc.prefetchQuery(myTasksQuery);
  else void qc.prefetchQuery(myPeopleQuery);
}

// Which app the last user of this browser used ('field' or 'full'; no personal data): the login page fetches
// that one while the user types, so a volunteer never downloads the full app before their first screen.
const KIND = 'hn.appKind';
export function rememberAppKind(me: Me) {
  try {
    localStorage.setItem(KIND, isFieldUser(me) ? 'field' : 'full');
  } catch {
    // Storage refused: only an optimisation.
  }
}
export function lastAppKind(): 'field' | 'full' {
  try {
    return localStorage.getItem(KIND) === 'full' ? 'full' : 'field';
  } catch {
    return 'field';
  }
}

/** Logging a contact (as communityApi.logContact): afterwards the community queries and the tasks reload. */
export const logContactMutation = (qc: QueryClient) => ({
  // Raw: the body is the one the shared log-contact form builds (community), which the outbox may also send.
  mutationFn: (body: Record<string, unknown>) => api.post<ContactCreated>('/api/community/contacts', body),
  onSuccess: () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['community'] }),
      qc.invalidateQueries({ queryKey: ['tasks'] }),
    ]),
});
