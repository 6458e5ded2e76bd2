import { Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { LoginPage } from '../features/auth/login-page.tsx';
import { isFieldPath, isFieldUser, loadFieldRoutes, rememberAppKind } from '../field/field-data.ts';
import { ErrorNote, FullLoader } from '../field/field-kit.tsx';
import { lazyNamed } from './lazy-named.ts';
import { loadSignedInRoutes } from './signed-in-preload.ts';

// The first download is the login page and what it needs (plain HTML, no component library). After login a
// volunteer gets the light field pages (field/field-routes.tsx) for their people and tasks; every other page
// and role gets the full app (Mantine), loaded then.
const SignedInRoutes = lazyNamed(loadSignedInRoutes, 'SignedInRoutes');
const FieldRoutes = lazyNamed(loadFieldRoutes, 'FieldRoutes');

function RedirectToLogin() {
  const loc = useLocation();
  const next = loc.pathname === '/' ? '' : `?next=${encodeURIComponent(loc.pathname + loc.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

export function AppRoutes() {
  const meQuery = useMe();
  const { pathname } = useLocation();
  const me = meQuery.data;
  useEffect(() => {
    if (me) rememberAppKind(me);
  }, [me]);
  if (meQuery.isPending) return <FullLoader />;
  // A copy of the session read from the device stays usable while a refresh fails (offline).
  if (meQuery.isError && !me) return <ErrorNote error={meQuery.error} onRetry={() => meQuery.refetch()} />;
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<RedirectToLogin />} />
      </Routes>
    );
  }
  if (isFieldUser(me) && isFieldPath(pathname)) {
    return (
      <Suspense fallback={<FullLoader />}>
        <FieldRoutes me={me} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={<FullLoader />}>
      <SignedInRoutes me={me} />
    </Suspense>
  );
}
