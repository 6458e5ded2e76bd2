import { can } from '../../api/session.ts';
import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Pages load on demand; only these few nav labels are in the first download.
const BoardPage = lazyNamed(() => import('./board-page.tsx'), 'BoardPage');
const AdmissionPage = lazyNamed(() => import('./admission-page.tsx'), 'AdmissionPage');
const ResidentPage = lazyNamed(() => import('./resident-page.tsx'), 'ResidentPage');
const ClassesPage = lazyNamed(() => import('./classes-page.tsx'), 'ClassesPage');
const DashboardPage = lazyNamed(() => import('./dashboard-page.tsx'), 'DashboardPage');

const NAV = {
  vi: { residents: 'Học viên tại cơ sở', classes: 'Học nghề, lao động', dashboard: 'Tổng hợp cơ sở' },
  en: { residents: 'Facility residents', classes: 'Training and labour', dashboard: 'Facility summary' },
};

/** Navigation, routes and landing page of the rehab facility's daily work (see app/area.ts). */
export const facilityOpsArea: Area = {
  nav: () => {
    const n = NAV[currentLang()];
    return [
      { to: '/facility/residents', label: n.residents, action: 'facility.read' },
      { to: '/facility/classes', label: n.classes, action: 'facility.read' },
      { to: '/facility/dashboard', label: n.dashboard, action: 'facility.figures' },
    ];
  },
  routes: (me) => [
    guardedRoute(me, '/facility/residents', 'facility.read', BoardPage),
    guardedRoute(me, '/facility/residents/new', 'facility.write', AdmissionPage),
    guardedRoute(me, '/facility/residents/:id', 'facility.read', ResidentPage),
    guardedRoute(me, '/facility/classes', 'facility.read', ClassesPage),
    guardedRoute(me, '/facility/dashboard', 'facility.figures', DashboardPage),
  ],
  home: (me) => (me.user.scopeKind === 'facility' && can(me, 'facility.read') ? '/facility/residents' : null),
};
