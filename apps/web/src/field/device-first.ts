import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client.ts';
import { meKey } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { fieldKeys, fieldUrls, isFieldUser } from './field-data.ts';

// A repeat visit on a slow link: the service worker (public/sw.js) keeps the volunteer's session answer and
// data; the app reads those copies before its first render, shows them at once, and refreshes them from the
// server straight after (they are marked stale). Only the field pages' data is read, only for a field user,
// and the copies are deleted when the session ends or another user signs in (offline/outbox.ts).

const DATA_CACHE = 'hn-data-v1';

async function kept<T>(url: string): Promise<T | undefined> {
  const hit = await caches.match(url, { cacheName: DATA_CACHE, ignoreVary: true });
  return hit?.ok ? ((await hit.json()) as T) : undefined;
}

export type DeviceCopies = { me: Me; data: [readonly unknown[], unknown][] } | null;

/** The copies kept for this page (none without a service worker, or for other roles and pages). */
export async function readDeviceCopies(pathname: string): Promise<DeviceCopies> {
  try {
    if (!('caches' in window) || !navigator.serviceWorker?.controller) return null;
    const me = await kept<Me>('/api/auth/me');
    if (!me || !isFieldUser(me)) return null;
    const person = /^\/community\/my-people\/([^/]+)$/.exec(pathname)?.[1];
    const [key, url, unwrap]: [readonly unknown[], string, (x: any) => unknown] = person
      ? [
          fieldKeys.myPerson(decodeURIComponent(person)),
          fieldUrls.myPerson(decodeURIComponent(person)),
          (x) => x,
        ]
      : pathname.startsWith('/community/my-tasks')
        ? [fieldKeys.myTasks, fieldUrls.myTasks, (x) => x]
        : [fieldKeys.myPeople, fieldUrls.myPeople, (x) => x.items];
    const body = await kept<unknown>(url);
    return { me, data: body === undefined ? [] : [[key, unwrap(body)]] };
  } catch {
    return null;
  }
}

/** Puts the copies in the query cache as stale: shown now, refreshed from the server at once. */
export function seedDeviceCopies(qc: QueryClient, copies: DeviceCopies) {
  if (!copies) return;
  setCsrfToken(copies.me.csrfToken);
  qc.setQueryData(meKey, copies.me, { updatedAt: 0 });
  for (const [key, value] of copies.data) qc.setQueryData(key, value, { updatedAt: 0 });
  // The session is checked again straight away (useMe never refetches on its own): a 401 leads to the login.
  void qc.refetchQueries({ queryKey: meKey });
}

/**
 * The login answer is the session's answer: kept as the copy of /api/auth/me at once (as the service worker
 * would keep it), so that a reload straight after the login already opens from the device.
 */
export async function keepSessionCopy(me: Me) {
  try {
    if (!('caches' in window) || !navigator.serviceWorker?.controller) return;
    const body = JSON.stringify(me);
    await (await caches.open(DATA_CACHE)).put(
      '/api/auth/me',
      // Stamped as the service worker stamps what it keeps (x-hn-kept-at), so it also serves offline.
      new Response(body, {
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-hn-kept-at': String(Date.now()) },
      }),
    );
  } catch {
    // Storage refused: the next session check keeps it.
  }
}
