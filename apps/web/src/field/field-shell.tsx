import { useIsFetching } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { errorDetail } from '../api/client.ts';
import { useLogoutAction } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { loadSignedInRoutes } from '../app/signed-in-preload.ts';
import { loadLogContactForm } from '../features/community/my-people-page.tsx';
import '../offline/offline-i18n.ts';
import { reloadOutbox, useOutbox } from '../offline/outbox.ts';
import { useOnline } from '../offline/use-online.ts';
import { loadMyTasksPage } from './field-data.ts';
import './field-i18n.ts';
import { Confirm, InlineLoader, LangSwitch, Note, useMedia } from './field-kit.tsx';

// The outbox's sending (offline/outbox-indicator.tsx, which also fetches the outbox page so that it opens
// offline) comes with the full app's components: it loads once the first screen is shown, never before it.
const OutboxSync = lazy(() =>
  import('../offline/outbox-indicator.tsx').then((m) => ({
    default: function OutboxSync({ userId }: { userId: string }) {
      m.useOutboxSync(userId);
      return null;
    },
  })),
);

/**
 * After the first screen (its data shown, the browser idle; at the latest after a few seconds): the outbox's
 * sending, the other field pages' code, and the full app for the pages the field shell links to (outbox,
 * account), all kept on the device by the service worker for offline use.
 */
function useAfterFirstScreen(): boolean {
  const fetching = useIsFetching();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const done = () => setReady(true);
    const late = setTimeout(done, 4000);
    if (fetching > 0) return () => clearTimeout(late);
    // requestIdleCallback: Chromium, Firefox; a short timer elsewhere.
    const hasIdle = typeof window.requestIdleCallback === 'function';
    const idle = hasIdle ? window.requestIdleCallback(done, { timeout: 1000 }) : window.setTimeout(done, 200);
    return () => {
      clearTimeout(late);
      if (hasIdle) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [fetching, ready]);
  useEffect(() => {
    if (!ready) return;
    for (const load of [loadSignedInRoutes, loadMyTasksPage, loadLogContactForm])
      void load().catch(() => undefined);
  }, [ready]);
  return ready;
}

/** In the header: offline, how many entries wait to be sent, how many the server refused. */
function OutboxBadges({ userId }: { userId: string }) {
  const { t } = useTranslation('offline');
  const online = useOnline();
  const mine = useOutbox().filter((e) => e.userId === userId);
  useEffect(() => void reloadOutbox(), []);
  const waiting = mine.filter((e) => e.state === 'waiting').length;
  const conflicts = mine.length - waiting;
  if (online && mine.length === 0) return null;
  return (
    <span className="f-row" style={{ gap: 6, flexWrap: 'nowrap' }} data-testid="outbox-indicator">
      {!online && (
        <span className="f-badge f-badge-gray" title={t('offlineHint')} data-testid="offline-badge">
          {t('offline')}
        </span>
      )}
      {waiting > 0 && (
        <Link to="/outbox" className="f-badge f-badge-solid" data-testid="outbox-waiting">
          {t('waiting', { count: waiting })}
        </Link>
      )}
      {conflicts > 0 && (
        <Link to="/outbox" className="f-badge f-badge-red" data-testid="outbox-conflicts">
          {t('conflicts', { count: conflicts })}
        </Link>
      )}
    </span>
  );
}

/** The volunteer's shell: header (name, outbox, language, logout) and a menu that folds on phones. */
export function FieldShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogoutAction();
  const { pathname } = useLocation();
  const wide = useMedia('(min-width: 48em)');
  const [open, setOpen] = useState(false);
  const [confirmLogout, setConfirmLogout] = useState(false);
  const unsent = useOutbox().filter((e) => e.userId === me.user.id).length;
  const synced = useAfterFirstScreen();
  // Logging out clears the device; entries not sent yet go only if the user says so.
  const askLogout = () => (unsent > 0 ? setConfirmLogout(true) : logout.run());
  const items = [
    { to: '/community/my-people', label: t('community:my.title') },
    { to: '/community/my-tasks', label: t('community:tasks.title') },
    { to: '/outbox', label: t('offline:title') },
    { to: '/account/password', label: t('nav.changePassword') },
    { to: '/account/security', label: t('nav.security') },
  ];
  const who = (
    <>
      <span className="f-small f-strong" data-testid="current-user">
        {me.user.fullName}
      </span>
      <span className="f-small f-dim">
        {t(`roles.${me.user.role}`)}
        {me.user.scopeName ? ` · ${me.user.scopeName}` : ''}
      </span>
    </>
  );

  return (
    <div className="f-root">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="f-header">
        <span className="f-row" style={{ flexWrap: 'nowrap' }}>
          {!wide && (
            <button
              type="button"
              className="f-menu-btn"
              aria-label={t('app.openNav')}
              aria-expanded={open}
              aria-controls="field-nav"
              onClick={() => setOpen((o) => !o)}
            >
              <span aria-hidden="true">☰</span>
            </button>
          )}
          <span className="f-brand f-strong">{t('app.name')}</span>
        </span>
        <span className="f-row" style={{ flexWrap: 'nowrap' }}>
          {wide && (
            <span className="f-stack-sm" style={{ gap: 0, alignItems: 'flex-end' }}>
              {who}
            </span>
          )}
          <OutboxBadges userId={me.user.id} />
          {wide && <LangSwitch />}
          <button
            type="button"
            className="f-btn f-btn-plain f-btn-small"
            onClick={askLogout}
            disabled={logout.pending}
          >
            {logout.pending ? t('nav.loggingOut') : t('nav.logout')}
          </button>
        </span>
      </header>
      {logout.failed != null && (
        <Note tone="red" role="alert" testId="logout-failed" title={t('nav.logoutFailed')}>
          <p className="f-p f-small">{errorDetail(logout.failed)}</p>
        </Note>
      )}
      <div className="f-body">
        <nav id="field-nav" className="f-nav" aria-label={t('app.mainNav')} hidden={!wide && !open}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <Link
                  to={i.to}
                  aria-current={pathname === i.to ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                >
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
          {!wide && (
            <div className="f-stack-sm" style={{ padding: '1rem 0.75rem' }}>
              {who}
              <LangSwitch />
            </div>
          )}
        </nav>
        <main id="main" tabIndex={-1} className="f-main">
          <Suspense fallback={<InlineLoader />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {synced && (
        <Suspense fallback={null}>
          <OutboxSync userId={me.user.id} />
        </Suspense>
      )}
      <Confirm
        opened={confirmLogout}
        title={t('offline:logoutTitle')}
        message={t('offline:logoutMessage', { count: unsent })}
        confirmLabel={t('offline:logoutAnyway')}
        onConfirm={() => {
          setConfirmLogout(false);
          logout.run();
        }}
        onClose={() => setConfirmLogout(false)}
      />
    </div>
  );
}
