import type { ComponentType, ReactNode } from 'react';
import { Route } from 'react-router';
import { can } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { NotFound } from './page-states.tsx';

/** A page only for users who may do `action`; others see the "not allowed" page, never a half-loaded form. */
export function Guard({ me, action, children }: { me: Me; action: string; children: ReactNode }) {
  return can(me, action) ? children : <NotFound forbidden />;
}

/** The route of a page only for users who may do `action` (the path is its key among the area's routes). */
export function guardedRoute(me: Me, path: string, action: string, Page: ComponentType) {
  return (
    <Route
      key={path}
      path={path}
      element={
        <Guard me={me} action={action}>
          <Page />
        </Guard>
      }
    />
  );
}
