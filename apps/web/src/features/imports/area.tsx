import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Navigation label only, here rather than in the i18next bundle: this module is evaluated before i18next is
// initialised (the page brings its texts in imports-i18n.ts, loaded with it).
const NAV = { vi: { imports: 'Nhập danh sách từ Excel' }, en: { imports: 'Import a list from Excel' } };

const ImportPage = lazyNamed(() => import('./import-page.tsx'), 'ImportPage');

/** Import of a commune's list of people from Excel or CSV (see app/area.ts). */
export const importsArea: Area = {
  nav: () => [{ to: '/imports', label: NAV[currentLang()].imports, action: 'people.create' }],
  routes: (me) => [guardedRoute(me, '/imports', 'people.create', ImportPage)],
};
