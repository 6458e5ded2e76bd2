import { can } from '../../api/session.ts';
import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

const DossiersPage = lazyNamed(() => import('./dossier-list-page.tsx'), 'DossiersPage');
const DossierPage = lazyNamed(() => import('./dossier-page.tsx'), 'DossierPage');
const RulesPage = lazyNamed(() => import('./rules-page.tsx'), 'RulesPage');
const DecisionPage = lazyNamed(() => import('./decision-page.tsx'), 'DecisionPage');
// The page's own texts load with it (decisions-i18n.ts); the menu label is needed before.
const DECISION_NAV = { vi: 'Quyết định cho nhiều người', en: 'Decision for several people' };

/** Navigation, routes and landing page of this area (see app/area.ts). */
export const pathwaysArea: Area = {
  nav: (t) => [
    { to: '/dossiers', label: t('pathways:nav.dossiers'), action: 'dossiers.read' },
    // One decision naming several people: the chairman's (commune officer) or the police head's (Law 120).
    { to: '/decisions/new', label: DECISION_NAV[currentLang()], action: 'decisions.issue' },
    { to: '/decisions/new', label: DECISION_NAV[currentLang()], action: 'police_decisions.issue' },
    { to: '/rules', label: t('pathways:nav.rules'), action: 'rules.manage' },
  ],
  routes: (me) => [
    guardedRoute(me, '/dossiers', 'dossiers.read', DossiersPage),
    guardedRoute(me, '/dossiers/:id', 'dossiers.read', DossierPage),
    guardedRoute(me, '/decisions/new', 'episodes.write', DecisionPage),
    guardedRoute(me, '/rules', 'rules.manage', RulesPage),
  ],
  // Commune and facility officers start their day on the work list: overdue, due today, upcoming. Province
  // and national users read figures first (the reports area's dashboard) and reach the list from the menu.
  home: (me) =>
    can(me, 'tasks.read') && (me.user.scopeKind === 'commune' || me.user.scopeKind === 'facility')
      ? '/tasks'
      : null,
};
