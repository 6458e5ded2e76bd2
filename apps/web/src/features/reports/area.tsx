import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Navigation labels only, here rather than in an i18next bundle: this module is evaluated before i18next is
// initialised (the pages bring their own texts in reports-i18n.ts, loaded with them).
const NAV = {
  vi: {
    dashboard: 'Bảng số liệu',
    reports: 'Báo cáo định kỳ',
    catalogue: 'Danh mục chỉ tiêu',
    drugFree: 'Xã, phường không ma túy',
    cutoff: 'Ngày chốt số liệu',
    areas: 'Khu vực báo cáo',
  },
  en: {
    dashboard: 'Dashboard',
    reports: 'Periodic reports',
    catalogue: 'Indicator catalogue',
    drugFree: 'Drug-free communes',
    cutoff: 'Reporting cut-off day',
    areas: 'Reporting areas',
  },
};

const DashboardPage = lazyNamed(() => import('./dashboard-page.tsx'), 'DashboardPage');
const RecordsPage = lazyNamed(() => import('./records-page.tsx'), 'RecordsPage');
const ReportsListPage = lazyNamed(() => import('./reports-list-page.tsx'), 'ReportsListPage');
const ReportPage = lazyNamed(() => import('./report-page.tsx'), 'ReportPage');
const CataloguePage = lazyNamed(() => import('./catalogue-page.tsx'), 'CataloguePage');
const DrugFreePage = lazyNamed(() => import('./drug-free-page.tsx'), 'DrugFreePage');
const CutoffPage = lazyNamed(() => import('./cutoff-page.tsx'), 'CutoffPage');
const AreasPage = lazyNamed(() => import('./areas-page.tsx'), 'AreasPage');

/** Dashboards, drill-down, periodic reports and the indicator catalogue (see app/area.ts). */
export const reportsArea: Area = {
  nav: () => {
    const l = NAV[currentLang()];
    return [
      { to: '/dashboard', label: l.dashboard, action: 'reports.read' },
      { to: '/reports', label: l.reports, action: 'reports.read' },
      { to: '/indicators', label: l.catalogue, action: 'reports.read' },
      { to: '/drug-free-communes', label: l.drugFree, action: 'reports.read' },
      // Everyone reads the setting on their period pickers; the page is for those who change it.
      { to: '/reporting-cutoff', label: l.cutoff, action: 'reports.settings' },
      // A province's named sets of communes (e.g. an old district), managed by its officers.
      { to: '/areas', label: l.areas, action: 'areas.manage' },
    ];
  },
  routes: (me) => [
    guardedRoute(me, '/dashboard', 'reports.read', DashboardPage),
    guardedRoute(me, '/indicators/:id/records', 'reports.read', RecordsPage),
    guardedRoute(me, '/indicators', 'reports.read', CataloguePage),
    guardedRoute(me, '/drug-free-communes', 'reports.read', DrugFreePage),
    guardedRoute(me, '/reporting-cutoff', 'reports.read', CutoffPage),
    guardedRoute(me, '/areas', 'reports.read', AreasPage),
    guardedRoute(me, '/reports', 'reports.read', ReportsListPage),
    guardedRoute(me, '/reports/:id', 'reports.read', ReportPage),
  ],
  home: (me) =>
    me.user.role === 'national_officer' || me.user.role === 'province_officer' ? '/dashboard' : null,
};
