import { DOSSIER_STATUSES, dossierStatusLabels } from '@hoanhap/domain/dossier-rules';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { call, client } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import { DossierCreateForm } from './dossier-create.tsx';
import './dossiers-i18n.ts';
import { PageHeader, RecordTable } from '../../components/record-list.tsx';
import { type DossierStatus, useDossiers } from './dossiers-api.ts';
import { tx } from './form-kit.tsx';

/**
 * The compulsory-rehab dossiers in the user's scope, by name and status; the police open new ones here
 * (or from a person's page: /dossiers?new=<personId> opens the form with that person).
 */
export function DossiersPage() {
  const { t } = useTranslation('dossiers');
  usePageTitle(t('list.title'));
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const newFor = params.get('new');
  const [creating, setCreating] = useState(newFor !== null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useDossiers({
    q: q.trim() || undefined,
    status: (status || undefined) as DossierStatus | undefined,
    offset,
  });
  const initial = useQuery({
    queryKey: ['people', 'one', newFor],
    queryFn: () => call(client.GET('/api/people/{id}', { params: { path: { id: newFor ?? '' } } })),
    enabled: !!newFor,
  });
  const writes = can(me, 'dossiers.write');
  const lang = currentLang();
  const closeCreate = () => {
    setCreating(false);
    if (newFor) setParams({}, { replace: true });
  };

  return (
    <Stack>
      <PageHeader
        title={t('list.title')}
        action={writes && <Button onClick={() => setCreating(true)}>{t('list.new')}</Button>}
      />
      <Group align="flex-end">
        <TextInput
          label={t('list.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
          w={320}
        />
        <NativeSelect
          label={t('list.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setOffset(0);
          }}
          data={[
            { value: '', label: t('list.all') },
            ...DOSSIER_STATUSES.map((s) => ({ value: s, label: dossierStatusLabels[lang][s] })),
          ]}
        />
      </Group>
      {list.isPending ? (
        <InlineLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Alert color="gray" data-testid="dossiers-empty">
          {writes ? t('list.empty') : t('list.emptyRead')}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('list.total', { count: list.data.total })}
          </Text>
          <RecordTable
            data-testid="dossiers-table"
            verticalSpacing="xs"
            head={[t('list.persons'), t('list.preparedOn'), t('list.status'), t('list.hearing')]}
          >
            {list.data.items.map((d) => (
              <Table.Tr key={d.id} data-testid="dossier-row">
                <Table.Td>
                  <Anchor component={Link} to={`/dossiers/${d.id}`}>
                    {d.persons.map((p) => p.fullName).join(', ')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(d.preparedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={700} c="blue.9" span>
                    {tx(d.statusLabel)}
                  </Text>
                </Table.Td>
                <Table.Td>{d.hearingDate ? formatDate(d.hearingDate) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
          {list.data.total > 20 && (
            <Group>
              <Button
                variant="default"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - 20))}
              >
                {t('list.prev')}
              </Button>
              <Button
                variant="default"
                disabled={offset + 20 >= list.data.total}
                onClick={() => setOffset(offset + 20)}
              >
                {t('list.next')}
              </Button>
            </Group>
          )}
        </>
      )}
      {creating && writes && (!newFor || initial.data) && (
        <DossierCreateForm
          opened
          initial={initial.data ?? null}
          onClose={closeCreate}
          onDone={(d) => navigate(`/dossiers/${d.id}`)}
        />
      )}
    </Stack>
  );
}
