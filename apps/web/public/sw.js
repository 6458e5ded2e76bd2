/* Hòa Nhập service worker (issue 15): the app opens and the volunteer's pages read without a connection.
 * - Pages (navigations): the index.html kept on the device at once, refreshed from the network for the next
 *   visit (stale-while-revalidate: a repeat visit on a slow link does not wait a round trip); from the network
 *   when none is kept yet.
 * - Hashed files under /assets/: from the device once fetched (they never change).
 * - The volunteer's own data (session, my people, a person of mine, my tasks): from the network, else the last
 *   copy kept. Nothing else of the API is kept, and no health data (the server gives volunteers none). The page
 *   itself reads these copies first on a repeat visit and refreshes them (src/field/device-first.ts).
 * Writes are never handled here: the page's outbox keeps them (offline/outbox.ts). The page deletes every cache
 * at logout and when the session ends. */
const SHELL = 'hn-shell-v1';
const ASSETS = 'hn-assets-v1';
const DATA = 'hn-data-v1';
const KEPT_DATA = [
  /^\/api\/auth\/me$/,
  /^\/api\/community\/my-people$/,
  /^\/api\/community\/my-people\/[^/]+$/,
  /^\/api\/community\/my-tasks$/,
];

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
        const cacheName = url.pathname.startsWith('/assets/')
          ? ASSETS
          : KEPT_DATA.some((re) => re.test(url.pathname))
            ? DATA
            : null;
        if (!cacheName) return;
        try {
          if (cacheName === ASSETS) return await keepAsset(url.pathname);
          const response = await fetch(url);
          if (response.ok) await (await caches.open(cacheName)).put(url, response);
        } catch {
          // Offline already: nothing to keep.
        }
      }),
    ),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(key ?? request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await caches.match(key ?? request, { cacheName });
    if (cached) return cached;
    throw err;
  }
}

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

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(staleWhileRevalidate(event, SHELL, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (KEPT_DATA.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA));
  }
});
