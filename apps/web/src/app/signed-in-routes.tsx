import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type ComponentType, Suspense } from 'react';
import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import { can } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { PeopleListPage } from '../features/people/people-list-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { AREAS } from './areas.ts';
import { guardedRoute } from './guard.tsx';
import { lazyNamed } from './lazy-named.ts';
import { FullPageLoader, NotFound } from './page-states.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// Everything a signed-in user sees, loaded after login: the login page alone is the first download, so a
// volunteer on a slow link waits for as little as possible (bench/slow-link.ts). The Mantine theme, its full
// stylesheet and the notifications come with it; the login page and the volunteer's pages use none of them.
const passwordPages = () => import('../features/auth/change-password-page.tsx');
const ChangePasswordPage = lazyNamed(passwordPages, 'ChangePasswordPage');
const ForcedPasswordChange = lazyNamed(passwordPages, 'ForcedPasswordChange');
// Second factor (issue 16): the code step, the forced enrolment, and the account security page.
const secondFactorPages = () => import('../features/auth/second-factor-pages.tsx');
const SecondFactorCodeStep = lazyNamed(secondFactorPages, 'SecondFactorCodeStep');
const SecondFactorEnrolStep = lazyNamed(secondFactorPages, 'SecondFactorEnrolStep');
const SecurityPage = lazyNamed(secondFactorPages, 'SecurityPage');
const PersonPage = lazyNamed(() => import('../features/people/person-page.tsx'), 'PersonPage');
const personFormPages = () => import('../features/people/person-form-page.tsx');
const PersonCreatePage = lazyNamed(personFormPages, 'PersonCreatePage');
const PersonEditPage = lazyNamed(personFormPages, 'PersonEditPage');
const UsersPage = lazyNamed(() => import('../features/users/users-page.tsx'), 'UsersPage');
const FirstStepsPage = lazyNamed(() => import('../features/users/first-steps-page.tsx'), 'FirstStepsPage');
const FacilitiesPage = lazyNamed(
  () => import('../features/facilities/facilities-page.tsx'),
  'FacilitiesPage',
);
const OutboxPage = lazyNamed(() => import('../offline/outbox-page.tsx'), 'OutboxPage');
const AuditPage = lazyNamed(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const TasksPage = lazyNamed(() => import('../features/tasks/tasks-page.tsx'), 'TasksPage');

// The app's own pages and the action each needs (areas add theirs through area.routes).
const GUARDED: { path: string; action: string; Page: ComponentType }[] = [
  { path: '/people', action: 'people.read', Page: PeopleListPage },
  { path: '/people/new', action: 'people.create', Page: PersonCreatePage },
  { path: '/people/:id', action: 'people.read', Page: PersonPage },
  { path: '/people/:id/edit', action: 'people.update', Page: PersonEditPage },
  { path: '/first-steps', action: 'setup.read', Page: FirstStepsPage },
  { path: '/users', action: 'users.manage', Page: UsersPage },
  { path: '/facilities', action: 'facilities.manage', Page: FacilitiesPage },
  { path: '/tasks', action: 'tasks.read', Page: TasksPage },
  { path: '/audit', action: 'audit.read', Page: AuditPage },
];

/** Where a user lands: the first area their role may use. */
export function homeOf(me: Me): string {
  for (const area of AREAS) {
    const home = area.home?.(me);
    if (home) return home;
  }
  if (can(me, 'people.read')) return '/people';
  if (can(me, 'users.manage')) return '/users';
  if (can(me, 'audit.read')) return '/audit';
  return '/account/password';
}

function AfterLogin({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only same-site paths: never an open redirect.
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(me);
  return <Navigate to={target} replace />;
}

/** The signed-in app: the forced password change, or every route the user's role may open. */
export function SignedInRoutes({ me }: { me: Me }) {
  // The theme comes with the full app: the login page and the volunteer's field pages do without it.
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <SignedInSwitch me={me} />
    </MantineProvider>
  );
}

function SignedInSwitch({ me }: { me: Me }) {
  if (me.secondFactor === 'code') {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <SecondFactorCodeStep />
      </Suspense>
    );
  }
  if (me.user.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <ForcedPasswordChange />
      </Suspense>
    );
  }
  if (me.secondFactor === 'enrol') {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <SecondFactorEnrolStep />
      </Suspense>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin me={me} />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homeOf(me)} replace />} />
        {GUARDED.map(({ path, action, Page }) => guardedRoute(me, path, action, Page))}
        {AREAS.map((area) => area.routes(me))}
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="/account/security" element={<SecurityPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
