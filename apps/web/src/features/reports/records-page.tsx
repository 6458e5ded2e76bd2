import { Anchor, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import {
  ExportLinks,
  fmtCount,
  PAGE_SIZES,
  PageNav,
  ShownCount,
  SortHeader,
} from '../../components/kit-b/paged-table.tsx';
import { PageTitle } from '../../components/record-list.tsx';
import { formatDate } from '../../i18n/format.ts';
import { groupingOf, groupingQuery } from './grouping-select.tsx';
import {
  formatValue,
  nameOf,
  type RecordSort,
  recordsExportUrl,
  useFigure,
  useRecords,
} from './reports-api.ts';
import { ownUnit, useUnitNames } from './unit-select.tsx';

const SORTS: readonly RecordSort[] = ['name', 'sex', 'birth_year', 'commune', 'date'];
const SORT_LABEL: Record<RecordSort, string> = {
  name: 'drill.name',
  sex: 'drill.sex',
  birth_year: 'drill.birthYear',
  commune: 'drill.commune',
  date: 'drill.date',
};

/**
 * The records behind one figure (numerator or denominator), within the viewer's scope: paged and sorted by the
 * server (a national figure may hold hundreds of thousands of people), exportable whole to Excel or CSV. The
 * page, its size and the order live in the address, so a list can be shared and reloaded as it was.
 */
export function RecordsPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? ownUnit(me);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const part = params.get('part') === 'denominator' ? 'denominator' : 'numerator';
  const sortParam = params.get('sort') as RecordSort | null;
  const sort: RecordSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'date';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const size = PAGE_SIZES.includes(params.get('size') ?? '') ? Number(params.get('size')) : 100;
  const pageNo = Math.max(1, Number(params.get('page')) || 1);
  const grouping = groupingOf(params);
  const figure = useFigure(id, { unit, from, to, ...groupingQuery(grouping) });
  const records = useRecords(id, {
    unit,
    from,
    to,
    ...groupingQuery(grouping),
    part,
    sort,
    dir,
    limit: size,
    offset: (pageNo - 1) * size,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v == null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const sortBy = (key: RecordSort, next: 'asc' | 'desc') => set({ sort: key, dir: next, page: null });
  const total = records.data?.total ?? 0;
  const header = (key: RecordSort) => (
    <SortHeader
      key={key}
      column={key}
      label={t(SORT_LABEL[key])}
      sort={sort}
      dir={dir}
      onSort={sortBy}
      t={t}
      prefix="drill"
    />
  );
  const names = useUnitNames(me, null);
  const f = figure.data?.figure;
  usePageTitle(f ? nameOf(f) : t('drill.title'));

  return (
    <Stack>
      <Anchor component={Link} to="/dashboard" size="sm">
        ← {t('drill.back')}
      </Anchor>
      <PageTitle title={t('drill.title')} />
      {figure.isError && <ErrorState error={figure.error} />}
      {f && (
        <Stack gap={2}>
          <Text fw={600} data-testid="drill-indicator">
            {nameOf(f)}
          </Text>
          <Text size="sm">
            {figure.data?.unit.name} · {formatDate(from)} – {formatDate(to)} ·{' '}
            <span data-testid="drill-grouping">{t(`grouping.${grouping}`)}</span>
          </Text>
          <Text size="xl" fw={700} data-testid="drill-value">
            {formatValue(f.value, f.kind)}
          </Text>
          {f.kind === 'ratio' && (
            <Text size="sm">
              {t('drill.numerator')}: {formatValue(f.numerator)} · {t('drill.denominator')}:{' '}
              {formatValue(f.denominator)}
            </Text>
          )}
        </Stack>
      )}
      {f?.kind === 'ratio' && (
        <SegmentedControl
          aria-label={t('drill.title')}
          value={part}
          data={[
            { value: 'numerator', label: t('drill.numerator') },
            { value: 'denominator', label: t('drill.denominator') },
          ]}
          onChange={(v) => set({ part: v, page: null })}
          maw={320}
        />
      )}
      {records.isPending && <InlineLoader />}
      {records.isError && <ErrorState error={records.error} onRetry={() => records.refetch()} />}
      {records.data?.pending && <Text data-testid="drill-pending">{t('drill.pending')}</Text>}
      {records.data && !records.data.pending && records.data.items.length === 0 && (
        <Text data-testid="drill-empty">{t('drill.empty')}</Text>
      )}
      {records.data && records.data.items.length > 0 && (
        <>
          <Paper withBorder p="sm" component="section" aria-labelledby="drill-export-title">
            <Title order={2} size="h5" id="drill-export-title" mb={4}>
              {t('drill.export')}
            </Title>
            <Group gap="xs">
              <ExportLinks
                href={(format) =>
                  recordsExportUrl(
                    id,
                    { unit, from, to, part, sort, dir, ...groupingQuery(grouping) },
                    format,
                  )
                }
                t={t}
                prefix="drill"
              />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('drill.exportNote')}
            </Text>
          </Paper>
          <Group justify="space-between">
            <Group gap="xs">
              <Text size="sm" data-testid="drill-total">
                {t('drill.total', { n: fmtCount(total) })}
              </Text>
              <ShownCount
                page={pageNo}
                size={size}
                rows={records.data.items.length}
                total={total}
                t={t}
                prefix="drill"
              />
            </Group>
            <Select
              label={t('drill.pageSize')}
              data={PAGE_SIZES}
              value={String(size)}
              onChange={(v) => v && set({ size: v, page: null })}
              allowDeselect={false}
              w={140}
              size="xs"
              data-testid="drill-page-size"
            />
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>
                  {SORTS.map(header)}
                  <Table.Th scope="col">{t('drill.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.data.items.map((r) => (
                  <Table.Tr key={`${r.recordId}-${r.personId ?? ''}`} data-testid="drill-row">
                    <Table.Td>
                      {r.personId ? (
                        <Anchor component={Link} to={`/people/${r.personId}`}>
                          {r.fullName ?? r.personId}
                        </Anchor>
                      ) : (
                        <Text size="sm">
                          {r.fullName ?? `${t('drill.record')} ${r.recordId.slice(0, 8)}`}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.sex === 'male'
                        ? t('drill.male')
                        : r.sex === 'female'
                          ? t('drill.female')
                          : (r.sex ?? '')}
                    </Table.Td>
                    <Table.Td>{r.birthYear ?? ''}</Table.Td>
                    <Table.Td>{r.communeCode ? (names.get(r.communeCode) ?? r.communeCode) : ''}</Table.Td>
                    <Table.Td>{formatDate(r.date)}</Table.Td>
                    <Table.Td>
                      {r.quantity === null || r.quantity === 1 ? '' : formatValue(r.quantity)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageNav
            total={total}
            size={size}
            page={pageNo}
            onChange={(n) => set({ page: String(n) })}
            t={t}
            prefix="drill"
          />
        </>
      )}
    </Stack>
  );
}
