import { Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { heads, PageTitle, QueryView, RecordTable } from '../../components/record-list.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { SECURITY_NS } from '../auth/security-i18n.ts';

const PAGE_SIZE = 50;

/** Auditors: each opening of a person's identity by a province or national officer, with its reason. */
export function BreakGlassPage() {
  const { t } = useTranslation(SECURITY_NS);
  const { t: tm } = useTranslation();
  usePageTitle(t('audit.title'));
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['audit', 'break-glass', page],
    queryFn: () =>
      call(
        client.GET('/api/audit/break-glass', {
          params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <PageTitle title={t('audit.title')} intro={t('audit.intro')} />
      <QueryView q={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{t('audit.empty')}</Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <RecordTable
                striped
                data-testid="break-glass-list"
                head={heads(t, 'audit', ['at', 'who', 'person', 'reason', 'until', 'ip'])}
              >
                {data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{formatDateTime(i.grantedAt)}</Table.Td>
                    <Table.Td>
                      {i.username}
                      <Text size="xs" c="dimmed">
                        {tm(`roles.${i.role}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {i.personName ?? i.personId}
                      <Text size="xs" c="dimmed">
                        {i.personId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.reason}</Table.Td>
                    <Table.Td>{formatDateTime(i.expiresAt)}</Table.Td>
                    <Table.Td>{i.ip ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </RecordTable>
            </Paper>
          )
        }
      </QueryView>
      {list.data && list.data.total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm">{t('audit.total', { count: list.data.total })}</Text>
          <Pagination
            total={Math.ceil(list.data.total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' ? t('audit.prev') : t('audit.next') })}
          />
        </Group>
      )}
    </Stack>
  );
}
