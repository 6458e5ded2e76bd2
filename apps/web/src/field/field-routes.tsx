import { lazy } from 'react';
import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import type { Me } from '../api/types.ts';
import { MyPeoplePage, MyPersonPage } from '../features/community/my-people-page.tsx';
import { FIELD_HOME, loadMyTasksPage } from './field-data.ts';
import { FieldShell } from './field-shell.tsx';

// The volunteer's app on a phone: my people, one person (log a contact), my tasks, in a light shell. Every other
// page (the outbox, account pages) is the full app's (app/app-routes.tsx decides by the path). My tasks is not
// the first screen: its code loads when opened, or in the background once the first screen is shown.
const MyTasksPage = lazy(() => loadMyTasksPage().then((m) => ({ default: m.MyTasksPage })));

function AfterLogin() {
  const [params] = useSearchParams();
  const next = params.get('next');
  // Only same-site paths: never an open redirect.
  return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : FIELD_HOME} replace />;
}

export function FieldRoutes({ me }: { me: Me }) {
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin />} />
      <Route element={<FieldShell me={me} />}>
        <Route index element={<Navigate to={FIELD_HOME} replace />} />
        <Route path="/community/my-people" element={<MyPeoplePage />} />
        <Route path="/community/my-people/:id" element={<MyPersonPage />} />
        <Route path="/community/my-tasks" element={<MyTasksPage />} />
      </Route>
    </Routes>
  );
}
