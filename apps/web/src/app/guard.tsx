import type { ReactNode } from 'react';
import { can } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { NotFound } from './page-states.tsx';

/** A page only for users who may do `action`; others see the "not allowed" page, never a half-loaded form. */
export function Guard({ me, action, children }: { me: Me; action: string; children: ReactNode }) {
  return can(me, action) ? children : <NotFound forbidden />;
}
