import { Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { DateField } from '../../components/date-field.tsx';
import { heads, Pager, PageTitle, QueryView, RecordTable } from '../../components/record-list.tsx';
import { en } from '../../i18n/en.ts';
import { formatDateTime, parseDmy } from '../../i18n/format.ts';
import { vi } from '../../i18n/vi.ts';

const PAGE_SIZE = 50;

type Filters = { username: string; entityId: string; from: string; to: string };
const noFilters: Filters = { username: '', entityId: '', from: '', to: '' };

// Action codes contain dots, which i18next reads as nesting: look them up directly.
function actionLabel(lang: string, action: string): string {
  const dict: Record<string, string> = lang === 'en' ? en.auditActions : vi.auditActions;
  return dict[action] ?? action;
}

function detailsText(d: unknown): string {
  if (d == null) return '';
  const s = JSON.stringify(d);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

/** Auditors: who did what to which record, when and from where; filters by user, record and dates. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [errors, setErrors] = useState<Partial<Filters>>({});
  const [page, setPage] = useState(1);

  const query = {
    username: applied.username.trim() || undefined,
    entityId: applied.entityId.trim() || undefined,
    from: applied.from ? (parseDmy(applied.from) ?? undefined) : undefined,
    to: applied.to ? (parseDmy(applied.to) ?? undefined) : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const log = useQuery({
    queryKey: ['audit', query],
    queryFn: () => call(client.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    const errs: Partial<Filters> = {};
    if (draft.from.trim() && !parseDmy(draft.from)) errs.from = t('common.invalidDate');
    if (draft.to.trim() && !parseDmy(draft.to)) errs.to = t('common.invalidDate');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setApplied(draft);
    setPage(1);
  }

  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Stack>
      <PageTitle title={t('audit.title')} />
      <Paper withBorder p="md">
        <form onSubmit={apply} noValidate role="search">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t('audit.username')}
              value={draft.username}
              onChange={(e) => setDraft({ ...draft, username: e.currentTarget.value })}
              autoCapitalize="none"
            />
            <TextInput
              label={t('audit.entityId')}
              value={draft.entityId}
              onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })}
            />
            <DateField
              label={t('audit.from')}
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
              error={errors.from}
            />
            <DateField
              label={t('audit.to')}
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
              error={errors.to}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(noFilters);
                setApplied(noFilters);
                setErrors({});
                setPage(1);
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Group>
        </form>
      </Paper>
      <QueryView q={log}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('audit.empty')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('common.resultCount', { count: total })}
              </Text>
              <RecordTable
                minWidth={900}
                striped
                data-testid="audit-table"
                verticalSpacing="xs"
                head={heads(t, 'audit', ['at', 'user', 'action', 'entity', 'ip', 'details'])}
              >
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, true)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {e.username ?? t('common.none')}
                      </Text>
                      {e.role && (
                        <Text size="xs" c="dimmed">
                          {i18n.exists(`roles.${e.role}`) ? t(`roles.${e.role}`) : e.role}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {actionLabel(i18n.language, e.action)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {i18n.exists(`entityTypes.${e.entityType}`)
                          ? t(`entityTypes.${e.entityType}`)
                          : e.entityType}
                      </Text>
                      {e.entityId && (
                        <Code fz="xs" style={{ wordBreak: 'break-all' }}>
                          {e.entityId}
                        </Code>
                      )}
                    </Table.Td>
                    <Table.Td>{e.ip ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-word' }}>
                        {e.reason ? `${e.reason} ` : ''}
                        {detailsText(e.details)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </RecordTable>
              <Pager pages={pages} page={page} onChange={setPage} />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
