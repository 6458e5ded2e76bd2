import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { LoginPage } from '../features/auth/login-page.tsx';
import { lazyNamed } from './lazy-named.ts';
import { ErrorState, FullPageLoader } from './page-states.tsx';
import { loadSignedInRoutes } from './signed-in-preload.ts';

// The first download is the login page and what it needs; the signed-in app loads after login.
const SignedInRoutes = lazyNamed(loadSignedInRoutes, 'SignedInRoutes');

function RedirectToLogin() {
  const loc = useLocation();
  const next = loc.pathname === '/' ? '' : `?next=${encodeURIComponent(loc.pathname + loc.search)}`;
  return <Navigate to={`/login${next}`} replace />;
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
  return (
    <Suspense fallback={<FullPageLoader />}>
      <SignedInRoutes me={me} />
    </Suspense>
  );
}
