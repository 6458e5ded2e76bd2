import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Navigation label only, here rather than in the i18next bundle (see audit/area.tsx): the page's texts load
// with the page.
const NAV = { vi: 'Công việc nền', en: 'Background jobs' };

const JobRunsPage = lazyNamed(() => import('./job-runs-page.tsx'), 'JobRunsPage');

/** The administrators' system pages: background job runs across all servers (issue 17; see app/area.ts). */
export const systemArea: Area = {
  nav: () => [{ to: '/admin/job-runs', label: NAV[currentLang()], action: 'jobs.read' }],
  routes: (me) => [guardedRoute(me, '/admin/job-runs', 'jobs.read', JobRunsPage)],
};
