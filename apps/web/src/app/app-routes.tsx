import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { can, useMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { LoginPage } from '../features/auth/login-page.tsx';
import { PeopleListPage } from '../features/people/people-list-page.tsx';
import { AppLayout } from './app-layout.tsx';
import { AREAS } from './areas.ts';
import { Guard } from './guard.tsx';
import { lazyNamed } from './lazy-named.ts';
import { ErrorState, FullPageLoader, NotFound } from './page-states.tsx';

// Only the login page and the people list are in the first download; the rest loads on demand.
const ChangePasswordPage = lazyNamed(
  () => import('../features/auth/change-password-page.tsx'),
  'ChangePasswordPage',
);
const ForcedPasswordChange = lazyNamed(
  () => import('../features/auth/change-password-page.tsx'),
  'ForcedPasswordChange',
);
const PersonPage = lazyNamed(() => import('../features/people/person-page.tsx'), 'PersonPage');
const PersonCreatePage = lazyNamed(
  () => import('../features/people/person-form-page.tsx'),
  'PersonCreatePage',
);
const PersonEditPage = lazyNamed(() => import('../features/people/person-form-page.tsx'), 'PersonEditPage');
const UsersPage = lazyNamed(() => import('../features/users/users-page.tsx'), 'UsersPage');
const FirstStepsPage = lazyNamed(() => import('../features/users/first-steps-page.tsx'), 'FirstStepsPage');
const FacilitiesPage = lazyNamed(
  () => import('../features/facilities/facilities-page.tsx'),
  'FacilitiesPage',
);
const AuditPage = lazyNamed(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const TasksPage = lazyNamed(() => import('../features/tasks/tasks-page.tsx'), 'TasksPage');

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

function RedirectToLogin() {
  const loc = useLocation();
  const next = loc.pathname === '/' ? '' : `?next=${encodeURIComponent(loc.pathname + loc.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

function AfterLogin({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only same-site paths: never an open redirect.
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(me);
  return <Navigate to={target} replace />;
}

export function AppRoutes() {
  const meQuery = useMe();
  if (meQuery.isPending) return <FullPageLoader />;
  if (meQuery.isError) return <ErrorState error={meQuery.error} onRetry={() => meQuery.refetch()} />;
  const me = meQuery.data;
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<RedirectToLogin />} />
      </Routes>
    );
  }
  if (me.user.mustChangePassword) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <ForcedPasswordChange />
      </Suspense>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin me={me} />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homeOf(me)} replace />} />
        <Route
          path="/people"
          element={
            <Guard me={me} action="people.read">
              <PeopleListPage />
            </Guard>
          }
        />
        <Route
          path="/people/new"
          element={
            <Guard me={me} action="people.create">
              <PersonCreatePage />
            </Guard>
          }
        />
        <Route
          path="/people/:id"
          element={
            <Guard me={me} action="people.read">
              <PersonPage />
            </Guard>
          }
        />
        <Route
          path="/people/:id/edit"
          element={
            <Guard me={me} action="people.update">
              <PersonEditPage />
            </Guard>
          }
        />
        <Route
          path="/first-steps"
          element={
            <Guard me={me} action="setup.read">
              <FirstStepsPage />
            </Guard>
          }
        />
        <Route
          path="/users"
          element={
            <Guard me={me} action="users.manage">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="/facilities"
          element={
            <Guard me={me} action="facilities.manage">
              <FacilitiesPage />
            </Guard>
          }
        />
        <Route
          path="/tasks"
          element={
            <Guard me={me} action="tasks.read">
              <TasksPage />
            </Guard>
          }
        />
        <Route
          path="/audit"
          element={
            <Guard me={me} action="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        {AREAS.map((area) => area.routes(me))}
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
