/* Hòa Nhập service worker (issue 15): the app opens and the field pages read without a connection.
 * - Pages (navigations): the index.html kept on the device at once, refreshed from the network for the next
 *   visit (stale-while-revalidate: a repeat visit on a slow link does not wait a round trip); from the network
 *   when none is kept yet.
 * - Hashed files under /assets/: from the device once fetched (they never change).
 * - Data (GET /api/…): from the network; an answer is kept on the device only when the server marks it
 *   `Offline-Keep: 1` (server platform/offline-keep.ts: the session, the volunteer's people and tasks, an
 *   officer's work list and the pages of the people of their commune they opened — never for a role that reads
 *   health data), and its copy is dropped when the server answers without the mark (or refuses). Without a
 *   connection the last kept copy answers, if younger than KEEP_MS; only the PEOPLE_KEPT people opened last
 *   are kept. The volunteer's pages read these copies first on a repeat visit and refresh them
 *   (src/field/device-first.ts).
 * Writes are never handled here: the page's outbox keeps them (offline/outbox.ts). The page deletes every cache
 * at logout and when the session ends. */
const SHELL = 'hn-shell-v1';
const ASSETS = 'hn-assets-v1';
const DATA = 'hn-data-v1';
const PEOPLE_KEPT = 30;
const KEEP_MS = 3 * 24 * 3_600_000;
const KEPT_AT = 'x-hn-kept-at';
const PERSON_OF = /^\/api\/(?:people|community\/my-people)\/([^/?]+)/;

/** A copy of the answer stamped with when it was kept. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Keeps only the answers about the PEOPLE_KEPT people opened last (cache keys are in the order they were put). */
async function trimPeople(cache) {
  const keys = await cache.keys();
  const recent = [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const m = PERSON_OF.exec(new URL(keys[i].url).pathname);
    if (m && !recent.includes(m[1])) recent.push(m[1]);
  }
  const dropped = new Set(recent.slice(PEOPLE_KEPT));
  for (const k of keys) {
    const m = PERSON_OF.exec(new URL(k.url).pathname);
    if (m && dropped.has(m[1])) await cache.delete(k);
  }
}

/** Keeps (or forgets) the answer as the server marks it. */
async function keepIfMarked(request, response) {
  const cache = await caches.open(DATA);
  if (response.ok && response.headers.get('offline-keep') === '1') {
    await cache.put(request, await stamped(response.clone()));
    if (PERSON_OF.test(new URL(request.url).pathname)) await trimPeople(cache);
  } else {
    await cache.delete(request);
  }
}

async function keptData(request) {
  try {
    const response = await fetch(request);
    await keepIfMarked(request, response);
    return response;
  } catch (err) {
    const cached = await caches.match(request, { cacheName: DATA });
    if (cached && Date.now() - Number(cached.headers.get(KEPT_AT) ?? 0) < KEEP_MS) return cached;
    throw err;
  }
}

// The page that registered the worker was loaded before the worker existed: keep its shell now, and what it
// already downloaded when it says so (message 'keep', below).
self.addEventListener('install', (event) =>
  event.waitUntil(
    (async () => {
      try {
        // The shell and the files it names (entry script, its preloads, the stylesheet).
        const response = await fetch('/index.html');
        const html = await response.clone().text();
        await (await caches.open(SHELL)).put('/index.html', response);
        const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await Promise.all(files.map(keepAsset));
      } catch {
        // Offline while installing: the next visit tries again.
      }
      await self.skipWaiting();
    })(),
  ),
);

// Hashed files never change: the copy the browser already has will do (no second download on a slow link).
async function keepAsset(path) {
  const response = await fetch(path, { cache: 'force-cache' });
  if (response.ok) await (await caches.open(ASSETS)).put(path, response);
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    Promise.all(
      event.data.urls.map(async (u) => {
        const url = new URL(u, self.location.origin);
        if (url.origin !== self.location.origin) return;
        try {
          if (url.pathname.startsWith('/api/')) {
            const request = new Request(url, { credentials: 'same-origin' });
            await keepIfMarked(request, await fetch(request));
            return;
          }
          if (!url.pathname.startsWith('/assets/')) return;
          return await keepAsset(url.pathname);
        } catch {
          // Offline already: nothing to keep.
        }
      }),
    ),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The kept shell now, its refresh in the background; the network when nothing is kept. */
async function staleWhileRevalidate(event, cacheName, key) {
  const cached = await caches.match(key, { cacheName });
  const refresh = (async () => {
    const response = await fetch(event.request);
    if (response.ok) await (await caches.open(cacheName)).put(key, response.clone());
    return response;
  })();
  if (!cached) return refresh;
  event.waitUntil(refresh.catch(() => undefined));
  return cached;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(staleWhileRevalidate(event, SHELL, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith('/api/') && request.mode !== 'navigate') {
    event.respondWith(keptData(request));
  }
});
