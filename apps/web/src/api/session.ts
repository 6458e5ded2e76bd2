import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { rememberSignedIn } from '../app/signed-in-preload.ts';
import { clearDeviceData, clearOfflineCopies } from '../offline/outbox.ts';
import { ApiError, call, client, setCsrfToken } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(client.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    rememberSignedIn(true);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      rememberSignedIn(false);
      // No session (it ended while the app was closed): the offline copies of the last user's data go.
      void clearOfflineCopies();
      return null;
    }
    throw e;
  }
}

/** The logged-in user, or null when nobody is (the login page shows then). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** The logged-in user inside the authenticated part of the app. */
export function useSession(): Me {
  const { data } = useMe();
  const last = useRef<Me | null>(null);
  if (data) last.current = data;
  // When the session ends (a logout, a 401) a component of the signed-in shell can render once more before its
  // parent swaps to the login page (a state update of its own, as the logout button's): it renders with the user
  // it had. Throwing there unmounted the whole app and left a blank page instead of the login page (seen in CI
  // after a logout, and every time after a logout that failed once: e2e/logout.test.ts).
  if (!last.current) throw new Error('useSession outside an authenticated route');
  return last.current;
}

export const can = (me: Me | null | undefined, action: string) => !!me?.abilities.actions.includes(action);

/** Signs in; `onAnswer` runs as soon as the answer names the user (to start fetching their first page). */
export async function login(
  qc: QueryClient,
  username: string,
  password: string,
  onAnswer?: (me: Me) => void,
) {
  const me = await call(client.POST('/api/auth/login', { body: { username, password } }));
  setCsrfToken(me.csrfToken);
  rememberSignedIn(true);
  // A new sign-in never reads the previous user's offline copies (cleared before the first page's data comes).
  await clearOfflineCopies();
  onAnswer?.(me);
  qc.setQueryData(meKey, me);
  return me;
}

/** Ends the session; every cached record of the previous user is dropped. */
export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    try {
      await call(client.POST('/api/auth/logout'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setCsrfToken(null);
    rememberSignedIn(false);
    // What this user kept on the device for offline work goes with the session (outbox, offline copies).
    await clearDeviceData();
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    qc.setQueryData(meKey, null);
  };
}

/**
 * The logout button's action: `pending` while the logout runs (the button shows it and is not pressed twice),
 * and `failed` with the reason when it did not land (the session is still open on the server: the shell says so
 * beside the button, and the user presses again). Once it lands the login page replaces the shell.
 */
export function useLogoutAction() {
  const logout = useLogout();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const run = () => {
    if (pending) return;
    setPending(true);
    setFailed(null);
    logout()
      .catch((e: unknown) => setFailed(e ?? new Error('logout failed')))
      .finally(() => setPending(false));
  };
  return { run, pending, failed };
}

/** A 401 anywhere means the session ended (idle timeout, password reset): back to the login page. */
export function handleSessionErrors(qc: QueryClient, error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401) {
    setCsrfToken(null);
    rememberSignedIn(false);
    // The session ended: the offline copies of records go; unsent entries stay for the next sign-in.
    void clearOfflineCopies();
    qc.setQueryData(meKey, null);
  } else if (
    error.code === 'password_change_required' ||
    error.code === 'second_factor_required' ||
    error.code === 'second_factor_enrolment_required'
  ) {
    void qc.invalidateQueries({ queryKey: meKey });
  }
}
