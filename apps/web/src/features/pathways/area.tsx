import { Route } from 'react-router';
import { can } from '../../api/session.ts';
import type { Area } from '../../app/area.ts';
import { Guard } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';

const DossiersPage = lazyNamed(() => import('./dossier-list-page.tsx'), 'DossiersPage');
const DossierPage = lazyNamed(() => import('./dossier-page.tsx'), 'DossierPage');
const RulesPage = lazyNamed(() => import('./rules-page.tsx'), 'RulesPage');

/** Navigation, routes and landing page of this area (see app/area.ts). */
export const pathwaysArea: Area = {
  nav: (t) => [
    { to: '/dossiers', label: t('pathways:nav.dossiers'), action: 'dossiers.read' },
    { to: '/rules', label: t('pathways:nav.rules'), action: 'rules.manage' },
  ],
  routes: (me) => [
    <Route
      key="dossiers"
      path="/dossiers"
      element={
        <Guard me={me} action="dossiers.read">
          <DossiersPage />
        </Guard>
      }
    />,
    <Route
      key="dossier"
      path="/dossiers/:id"
      element={
        <Guard me={me} action="dossiers.read">
          <DossierPage />
        </Guard>
      }
    />,
    <Route
      key="rules"
      path="/rules"
      element={
        <Guard me={me} action="rules.manage">
          <RulesPage />
        </Guard>
      }
    />,
  ],
  // Commune and facility officers start their day on the work list: overdue, due today, upcoming. Province
  // and national users read figures first (the reports area's dashboard) and reach the list from the menu.
  home: (me) =>
    can(me, 'tasks.read') && (me.user.scopeKind === 'commune' || me.user.scopeKind === 'facility')
      ? '/tasks'
      : null,
};
