import { Badge, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { PageTitle, QueryView } from '../../components/record-list.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import { jobLabels, SYSTEM_NS } from './system-i18n.ts';

const COLOR = { running: 'blue', ok: 'green', failed: 'red', interrupted: 'orange' } as const;

/** Administrators: every run of a background job on any server (GET /api/admin/job-runs), newest first. */
export function JobRunsPage() {
  const { t } = useTranslation(SYSTEM_NS);
  usePageTitle(t('title'));
  const runs = useQuery({
    queryKey: ['admin', 'job-runs'],
    queryFn: () => call(client.GET('/api/admin/job-runs', { params: { query: { limit: 200 } } })),
    refetchInterval: 30_000,
  });
  const names = jobLabels[currentLang()];
  return (
    <Stack>
      <PageTitle title={t('title')} intro={t('intro')} />
      <QueryView q={runs}>
        {(data) =>
          data.items.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{t('empty')}</Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table striped data-testid="job-runs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('job')}</Table.Th>
                    <Table.Th>{t('started')}</Table.Th>
                    <Table.Th>{t('ended')}</Table.Th>
                    <Table.Th>{t('outcome')}</Table.Th>
                    <Table.Th>{t('server')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {names[r.job] ?? r.job}
                        <Text size="xs" c="dimmed">
                          {r.job}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
                      <Table.Td>{formatDateTime(r.endedAt)}</Table.Td>
                      <Table.Td>
                        <Badge color={COLOR[r.outcome]} variant="light">
                          {t(`outcomes.${r.outcome}`)}
                        </Badge>
                        {r.error && (
                          <Code block mt={4} aria-label={t('error')}>
                            {r.error.split('\n')[0]}
                          </Code>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.server}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryView>
    </Stack>
  );
}
