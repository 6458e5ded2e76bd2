// Only the styles the login page and the page states use: the full stylesheet comes with the signed-in app
// (app/signed-in-routes.tsx), so the first visit on a slow link stays small.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/FloatingIndicator.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/VisuallyHidden.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/app-routes.tsx';
import { Providers } from './app/providers.tsx';
import { loadSignedInRoutes, wasSignedIn } from './app/signed-in-preload.ts';
import { initI18n } from './i18n/i18n.ts';

// Someone signed in last time: fetch the signed-in app alongside the session check instead of after it.
if (wasSignedIn()) void loadSignedInRoutes().catch(() => undefined);

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <Providers>
      <AppRoutes />
    </Providers>,
  );
});

// Installable, and usable without a connection for the field pages (public/sw.js). Only from the build (its
// modules are under /assets/), not from Vite's dev server, whose modules the worker must not keep.
if ('serviceWorker' in navigator && import.meta.url.includes('/assets/')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    // What this page loaded before the worker existed (scripts, styles, the session) is kept for offline use.
    void navigator.serviceWorker.ready.then((reg) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.includes('/assets/'));
      reg.active?.postMessage({ type: 'keep', urls: [...urls, '/api/auth/me'] });
    });
  });
}
