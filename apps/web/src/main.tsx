import './field/field.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/app-routes.tsx';
import { Providers } from './app/providers.tsx';
import { loadSignedInRoutes, wasSignedIn } from './app/signed-in-preload.ts';
import { readDeviceCopies, seedDeviceCopies } from './field/device-first.ts';
import { lastAppKind, loadFieldRoutes } from './field/field-data.ts';
import { initI18n } from './i18n/i18n.ts';

// No stylesheet of a component library here: the login page and the volunteer's pages are plain HTML
// (field/field.css); the full app brings Mantine's styles with it (app/signed-in-routes.tsx).

// Someone signed in last time: fetch the app they use alongside the session check instead of after it.
if (wasSignedIn())
  void (lastAppKind() === 'full' ? loadSignedInRoutes() : loadFieldRoutes()).catch(() => undefined);

// A repeat visit shows the copies the device kept (volunteer's session and data) while they are refreshed.
const copies = wasSignedIn() ? readDeviceCopies(window.location.pathname) : Promise.resolve(null);

void Promise.all([initI18n(), copies]).then(([, kept]) => {
  createRoot(document.getElementById('root')!).render(
    <Providers seed={(qc) => seedDeviceCopies(qc, kept)}>
      <AppRoutes />
    </Providers>,
  );
});

// Installable, and usable without a connection for the field pages (public/sw.js). Only from the build (its
// modules are under /assets/), not from Vite's dev server, whose modules the worker must not keep.
if ('serviceWorker' in navigator && import.meta.url.includes('/assets/')) {
  // Once the page is loaded and the browser idle: the worker's set-up then finds the page's files in the
  // browser's cache instead of downloading them again.
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    // What this page loaded before the worker existed (scripts, styles, the session) is kept for offline use.
    void navigator.serviceWorker.ready.then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.includes('/assets/'));
      reg.active?.postMessage({ type: 'keep', urls: [...urls, '/api/auth/me'] });
    });
  };
  window.addEventListener('load', () => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(register, { timeout: 2000 });
    else window.setTimeout(register, 1000);
  });
}
