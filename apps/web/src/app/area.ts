import type { ReactNode } from 'react';
import type { Me } from '../api/types.ts';

export type NavItem = { to: string; label: string; action: string };

/**
 * One feature area of the web app: its navigation entries, its routes and, optionally, the page a user
 * lands on. Each area keeps these in its own `area.tsx`, so areas grow without editing the shared shell.
 */
export type Area = {
  /** Entries for the side navigation (labels already translated), shown when the user `can(action)`. */
  nav: (t: (key: string) => string) => NavItem[];
  /** `<Route>` elements (called as a function, not rendered as a component: React Router wants Routes' direct children). */
  routes: (me: Me) => ReactNode;
  /** The landing page for this user, or null to let the next area (or the default) decide. */
  home?: (me: Me) => string | null;
};
