/* Hòa Nhập service worker (issue 15): the app opens and the volunteer's pages read without a connection.
 * - Pages (navigations): from the network, else the last index.html kept on the device.
 * - Hashed files under /assets/: from the device once fetched (they never change).
 * - The volunteer's own data (session, my people, a person of mine, my tasks): from the network, else the last
 *   copy kept. Nothing else of the API is kept, and no health data (the server gives volunteers none).
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

self.addEventListener('install', () => self.skipWaiting());
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
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (KEPT_DATA.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA));
  }
});
