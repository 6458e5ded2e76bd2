// The signed-in app is a chunk of its own (app/app-routes.tsx). On a slow link its download should not wait for
// the login to finish: it starts while the user types (login page), or at once on a visit by someone who was
// signed in last time (a hint in localStorage, no personal data: only that this browser had a session).
const HINT = 'hn.signedIn';

export const loadSignedInRoutes = () => import('./signed-in-routes.tsx');

export function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage refused (private mode, quota): the hint is only an optimisation.
  }
}

export function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return false;
  }
}

/** Fetches the signed-in app in the background once the browser is idle. */
export function preloadSignedInWhenIdle() {
  const start = () => void loadSignedInRoutes().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 500);
}
