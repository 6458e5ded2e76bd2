import { Badge, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './offline-i18n.ts';
import { flushOutbox, reloadOutbox, useOutbox } from './outbox.ts';
import { useOnline } from './use-online.ts';

/**
 * Sends the user's outbox when the app starts and whenever the connection returns; after a send, the pages
 * reload what they show (the server has the entries now).
 */
export function useOutboxSync(userId: string) {
  const online = useOnline();
  const qc = useQueryClient();
  // The session as the server has it, read once through the service worker so that the app can open offline.
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const keep = () => {
      void fetch('/api/auth/me', { credentials: 'same-origin' }).catch(() => undefined);
      // The outbox page itself, so that it opens without a connection (small; fetched once).
      void import('./outbox-page.tsx').catch(() => undefined);
    };
    if (navigator.serviceWorker.controller) keep();
    else navigator.serviceWorker.addEventListener('controllerchange', keep, { once: true });
    return () => navigator.serviceWorker.removeEventListener('controllerchange', keep);
  }, []);
  useEffect(() => {
    if (!online) {
      void reloadOutbox();
      return;
    }
    void reloadOutbox()
      .then(() => flushOutbox(userId))
      .then((sent) => {
        if (sent > 0) void qc.invalidateQueries();
      });
  }, [online, userId, qc]);
}

/** In the header: offline, how many entries wait to be sent, how many the server refused. */
export function OutboxIndicator({ userId }: { userId: string }) {
  const { t } = useTranslation('offline');
  const online = useOnline();
  const mine = useOutbox().filter((e) => e.userId === userId);
  const waiting = mine.filter((e) => e.state === 'waiting').length;
  const conflicts = mine.length - waiting;
  if (online && mine.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="outbox-indicator">
      {!online && (
        <Badge color="gray.8" variant="filled" title={t('offlineHint')} data-testid="offline-badge">
          {t('offline')}
        </Badge>
      )}
      {waiting > 0 && (
        <OutboxLink color="blue.9" testId="outbox-waiting">
          {t('waiting', { count: waiting })}
        </OutboxLink>
      )}
      {conflicts > 0 && (
        <OutboxLink color="red.9" testId="outbox-conflicts">
          {t('conflicts', { count: conflicts })}
        </OutboxLink>
      )}
    </Group>
  );
}

/** A count of the outbox's entries that opens the outbox page. */
function OutboxLink({ color, testId, children }: { color: string; testId: string; children: ReactNode }) {
  return (
    <Badge
      component={Link}
      to="/outbox"
      color={color}
      variant="filled"
      data-testid={testId}
      style={{ cursor: 'pointer' }}
    >
      {children}
    </Badge>
  );
}
