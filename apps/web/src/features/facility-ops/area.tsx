import { Route } from 'react-router';
import { can } from '../../api/session.ts';
import type { Area } from '../../app/area.ts';
import { Guard } from '../../app/guard.tsx';
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
    <Route
      key="facility-board"
      path="/facility/residents"
      element={
        <Guard me={me} action="facility.read">
          <BoardPage />
        </Guard>
      }
    />,
    <Route
      key="facility-admit"
      path="/facility/residents/new"
      element={
        <Guard me={me} action="facility.write">
          <AdmissionPage />
        </Guard>
      }
    />,
    <Route
      key="facility-resident"
      path="/facility/residents/:id"
      element={
        <Guard me={me} action="facility.read">
          <ResidentPage />
        </Guard>
      }
    />,
    <Route
      key="facility-classes"
      path="/facility/classes"
      element={
        <Guard me={me} action="facility.read">
          <ClassesPage />
        </Guard>
      }
    />,
    <Route
      key="facility-dashboard"
      path="/facility/dashboard"
      element={
        <Guard me={me} action="facility.figures">
          <DashboardPage />
        </Guard>
      }
    />,
  ],
  home: (me) => (me.user.scopeKind === 'facility' && can(me, 'facility.read') ? '/facility/residents' : null),
};
