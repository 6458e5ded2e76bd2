import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import { useLogout } from '../../api/session.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageTitle, QueryView, RecordTable } from '../../components/record-list.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { SECURITY_NS } from './security-i18n.ts';

type Session = {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  browser: string | null;
  os: string | null;
};

/** The user's own active sessions (device, address, last seen), each of which they may end. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation(SECURITY_NS);
  usePageTitle(ts('title'));
  const qc = useQueryClient();
  const logout = useLogout();
  const sessions = useQuery({
    queryKey: ['my-sessions'],
    queryFn: () => call(client.GET('/api/auth/sessions')),
  });
  const [ending, setEnding] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const deviceName = (s: Session) =>
    s.browser && s.os
      ? ts('deviceOn', { browser: s.browser, os: s.os })
      : (s.browser ?? s.os ?? ts('unknownDevice'));

  async function end() {
    if (!ending) return;
    setBusy(true);
    setError(null);
    try {
      await call(client.DELETE('/api/auth/sessions/{id}', { params: { path: { id: ending.id } } }));
      if (ending.current) {
        await logout();
        return;
      }
      notifications.show({ color: 'green', message: ts('ended') });
      setEnding(null);
      await qc.invalidateQueries({ queryKey: ['my-sessions'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <PageTitle title={ts('title')} intro={ts('intro')} />
      <QueryView q={sessions}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={640}>
            <RecordTable
              striped
              data-testid="sessions-table"
              head={[ts('device'), ts('address'), ts('started'), ts('lastSeen'), t('common.actions')]}
            >
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid={s.current ? 'session-current' : 'session-other'}>
                  <Table.Td>
                    {deviceName(s)}{' '}
                    {s.current && (
                      <Badge color="green" tt="none">
                        {ts('current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={ts('endFor', { device: deviceName(s) })}
                      onClick={() => setEnding(s)}
                    >
                      {ts('end')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
            {items.length === 1 && (
              <Text size="sm" mt="xs">
                {ts('empty')}
              </Text>
            )}
          </Table.ScrollContainer>
        )}
      </QueryView>
      <ConfirmDialog
        opened={!!ending}
        title={ts('endConfirmTitle')}
        message={
          ending
            ? ending.current
              ? ts('endCurrentConfirm')
              : ts('endConfirm', { device: deviceName(ending) })
            : ''
        }
        confirmLabel={ts('end')}
        danger
        busy={busy}
        error={error}
        onConfirm={() => void end()}
        onClose={() => {
          setEnding(null);
          setError(null);
        }}
      />
    </Stack>
  );
}
