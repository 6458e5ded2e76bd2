import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Navigation label only, here rather than in the i18next bundle (see imports/area.tsx).
const NAV = {
  vi: { breakGlass: 'Xem định danh có lý do' },
  en: { breakGlass: 'Identity reads with a reason' },
};

const BreakGlassPage = lazyNamed(() => import('./break-glass-page.tsx'), 'BreakGlassPage');

/** The auditor's list of "break the glass" reads of identity (issue 16; see app/area.ts). */
export const auditArea: Area = {
  nav: () => [{ to: '/audit/break-glass', label: NAV[currentLang()].breakGlass, action: 'audit.read' }],
  routes: (me) => [guardedRoute(me, '/audit/break-glass', 'audit.read', BreakGlassPage)],
};
