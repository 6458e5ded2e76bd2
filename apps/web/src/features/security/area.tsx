import { Route } from 'react-router';
import type { Area } from '../../app/area.ts';
import { lazyNamed } from '../../app/lazy-named.ts';

const SessionsPage = lazyNamed(() => import('./sessions-page.tsx'), 'SessionsPage');

/**
 * Account security of every logged-in user: their own sessions (see app/area.ts). The navigation entry sits
 * beside "change password" in the shell, since no action grants it: every account has sessions.
 */
export const securityArea: Area = {
  nav: () => [],
  routes: () => [<Route key="account-sessions" path="/account/sessions" element={<SessionsPage />} />],
};
