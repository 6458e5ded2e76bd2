import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { heads, PageHeader, Pager, RecordTable } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type AddressValue, CommunePicker } from '../org/commune-picker.tsx';
import { usePeopleSearch } from './people-api.ts';
import { PEOPLE_EXPORT_NS } from './people-export-i18n.ts';
import { PERSON_STATUS_CODES, StatusBadge, useStatusLabel } from './status-badge.tsx';

const PAGE_SIZE = 20;

/** Search (diacritics optional), filters by commune and status, pages of 20. State lives in the URL. */
/** The export buttons: file format and its label's key. */
const EXPORTS = [
  ['xlsx', 'excel'],
  ['csv', 'csv'],
] as const;

export function PeopleListPage() {
  const { t } = useTranslation();
  const { t: tx } = useTranslation(PEOPLE_EXPORT_NS);
  usePageTitle(t('people.title'));
  const me = useSession();
  const statusLabel = useStatusLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const communeCode = params.get('commune') ?? '';
  const provinceCode = params.get('province') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const pushSearch = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 300);

  const result = usePeopleSearch({
    q: q || undefined,
    communeCode: communeCode || undefined,
    status: status || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const mayCreate = can(me, 'people.create');
  const scopeKind = me.user.scopeKind;
  const showCommuneFilter = scopeKind === 'nation' || scopeKind === 'province';
  const filtered = !!(q || communeCode || status);
  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // The export takes the filters of the list as they are in the URL (the server applies the role's scope).
  const exportUrl = (format: 'xlsx' | 'csv') => {
    const qs = new URLSearchParams({ format });
    if (q) qs.set('q', q);
    if (communeCode) qs.set('communeCode', communeCode);
    if (status) qs.set('status', status);
    return `/api/people/export?${qs}`;
  };

  const area: AddressValue = {
    provinceCode: scopeKind === 'province' ? me.user.scopeCode : provinceCode || null,
    communeCode: communeCode || null,
    detail: '',
  };

  return (
    <Stack>
      <PageHeader
        title={t('people.title')}
        action={
          mayCreate && (
            <Button component={Link} to="/people/new">
              {t('people.create')}
            </Button>
          )
        }
      />

      <Paper withBorder p="md">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            pushSearch.cancel();
            update({ q: search.trim() || null });
          }}
        >
          <SimpleGrid cols={{ base: 1, md: showCommuneFilter ? 3 : 2 }}>
            <TextInput
              label={t('people.searchLabel')}
              placeholder={t('people.searchPlaceholder')}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                pushSearch(e.currentTarget.value);
              }}
            />
            {showCommuneFilter && (
              <CommunePicker
                value={area}
                lockedProvinceCode={scopeKind === 'province' ? me.user.scopeCode : null}
                onChange={(v) => update({ province: v.provinceCode, commune: v.communeCode })}
                clearable
              />
            )}
            <Select
              label={t('people.statusFilter')}
              placeholder={t('common.all')}
              data={PERSON_STATUS_CODES.map((s) => ({ value: s, label: statusLabel(s) }))}
              value={status || null}
              onChange={(v) => update({ status: v })}
              clearable
            />
          </SimpleGrid>
          {filtered && (
            <Button
              variant="subtle"
              size="xs"
              mt="sm"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </form>
      </Paper>

      {result.isPending ? (
        <InlineLoader />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : total === 0 ? (
        <Alert color={filtered ? 'gray' : 'blue'} data-testid="people-empty">
          {filtered
            ? t('people.noMatch')
            : mayCreate
              ? t('people.emptyCanCreate')
              : t('people.emptyReadOnly')}
        </Alert>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" aria-live="polite">
              {result.data?.totalCapped
                ? t('common.resultCountCapped', { count: total })
                : t('common.resultCount', { count: total })}
            </Text>
            <Group gap="xs" role="group" aria-label={tx('exportGroup')}>
              {EXPORTS.map(([format, label]) => (
                <Button
                  key={format}
                  component="a"
                  variant="default"
                  size="xs"
                  href={exportUrl(format)}
                  download
                  title={tx('exportHint')}
                  data-testid={`people-export-${format}`}
                >
                  {tx(label)}
                </Button>
              ))}
            </Group>
          </Group>
          <PeopleTable items={result.data.items} />
          <Pager pages={pages} page={page} onChange={(p) => update({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}

function PeopleTable({ items }: { items: Person[] }) {
  const { t } = useTranslation();
  return (
    <RecordTable
      minWidth={640}
      striped
      highlightOnHover
      data-testid="people-table"
      head={heads(t, 'people.col', ['fullName', 'birth', 'sex', 'commune', 'status'])}
    >
      {items.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
              {p.fullName}
            </Anchor>
            {p.otherNames?.length ? (
              <Text size="xs" c="dimmed">
                {p.otherNames.join(', ')}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>{p.birthDate ? formatDate(p.birthDate) : p.birthYear}</Table.Td>
          <Table.Td>{t(`person.${p.sex}`)}</Table.Td>
          <Table.Td>
            {p.currentAddress.communeName ?? p.currentAddress.communeCode}
            {p.currentAddress.provinceName ? `, ${p.currentAddress.provinceName}` : ''}
          </Table.Td>
          <Table.Td>
            <StatusBadge status={p.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}
