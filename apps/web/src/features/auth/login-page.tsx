import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { login } from '../../api/session.ts';
import { preloadSignedInWhenIdle } from '../../app/signed-in-preload.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { keepSessionCopy } from '../../field/device-first.ts';
import {
  isFieldUser,
  lastAppKind,
  loadFieldRoutes,
  prefetchFieldHome,
  rememberAppKind,
} from '../../field/field-data.ts';
import { LangSwitch, Note, PasswordField, TextField } from '../../field/field-kit.tsx';

/**
 * Username and password; the server's message (wrong password, account locked) is shown as is. Plain HTML (no
 * component library): on a slow mobile link it is the first download. While the user types, the app they will
 * use fetches in the background: the volunteer's light pages, or the full app if this browser's last user had it.
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  useEffect(() => {
    if (lastAppKind() === 'full') preloadSignedInWhenIdle();
    else void loadFieldRoutes().catch(() => undefined);
  }, []);
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(qc, username.trim(), password, (me) => {
        // The role is known: fetch its first page's code and data together, before React renders anything.
        rememberAppKind(me);
        if (isFieldUser(me)) {
          void keepSessionCopy(me);
          const next = new URLSearchParams(window.location.search).get('next') ?? '';
          prefetchFieldHome(qc, next.startsWith('/') ? next : '');
        }
      });
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : t('common.error'));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main id="main" className="f-root f-login">
      <div className="f-end">
        <LangSwitch />
      </div>
      <div className="f-login-card">
        <form onSubmit={submit} noValidate>
          <div className="f-stack">
            <div>
              <h1>{t('app.name')}</h1>
              <p className="f-p f-small f-dim">{t('app.tagline')}</p>
            </div>
            <h2>{t('login.title')}</h2>
            {error && (
              <Note tone="red" role="alert" title={t('login.failed')}>
                <p className="f-p f-small">{error}</p>
              </Note>
            )}
            <TextField
              label={t('login.username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={setUsername}
              required
              autoFocus
            />
            <PasswordField
              label={t('login.password')}
              toggleLabel={t('password.toggle')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              required
            />
            <button type="submit" className="f-btn f-full" disabled={busy} aria-busy={busy}>
              {t('login.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
