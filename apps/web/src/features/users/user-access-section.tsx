import { Alert, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { SECURITY_NS } from '../security/security-i18n.ts';

/**
 * The login section of the user edit dialog (administrators): the failed-login lock with its unlock, and
 * ending every session of the account (after an inline confirmation).
 */
export function UserAccessSection({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation(SECURITY_NS);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'unlock' | 'end' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: 'unlock' | 'end') {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'unlock') {
        const next = await call(client.POST('/api/users/{id}/unlock', { params: { path: { id: user.id } } }));
        notifications.show({ color: 'green', message: ts('unlocked', { username: user.username }) });
        onChanged(next);
      } else {
        const r = await call(
          client.POST('/api/users/{id}/end-sessions', { params: { path: { id: user.id } } }),
        );
        notifications.show({
          color: 'green',
          message: ts('endAllDone', { count: r.ended, username: user.username }),
        });
        setConfirming(false);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : t('common.error'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs" data-testid="user-access">
      <Divider label={ts('accessTitle')} labelPosition="left" />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Text size="sm">
        {user.loginLock === 'admin'
          ? ts('lockAdmin')
          : user.loginLock === 'temporary'
            ? ts('lockTemporary', { until: formatDateTime(user.lockedUntil) })
            : ts('notLocked')}
      </Text>
      <Group gap="xs">
        {user.loginLock && (
          <Button size="xs" loading={busy === 'unlock'} onClick={() => void run('unlock')}>
            {ts('unlock')}
          </Button>
        )}
        {!confirming && (
          <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
            {ts('endAll')}
          </Button>
        )}
      </Group>
      {confirming && (
        <Alert color="orange" role="alertdialog" aria-label={ts('endAll')}>
          <Stack gap="xs">
            <Text size="sm">{ts('endAllConfirm', { username: user.username })}</Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" color="red" loading={busy === 'end'} onClick={() => void run('end')}>
                {ts('endAllYes')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
