import { Anchor, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatValue, nameOf, useFigure, useRecords } from './reports-api.ts';
import { ownUnit, useUnitNames } from './unit-select.tsx';

/** The records behind one figure (numerator or denominator), within the viewer's scope. */
export function RecordsPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? ownUnit(me);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const part = params.get('part') === 'denominator' ? 'denominator' : 'numerator';
  const figure = useFigure(id, { unit, from, to });
  const records = useRecords(id, { unit, from, to, part });
  const names = useUnitNames(me, null);
  const f = figure.data?.figure;
  usePageTitle(f ? nameOf(f) : t('drill.title'));

  return (
    <Stack>
      <Anchor component={Link} to="/dashboard" size="sm">
        ← {t('drill.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('drill.title')}
      </Title>
      {figure.isError && <ErrorState error={figure.error} />}
      {f && (
        <Stack gap={2}>
          <Text fw={600} data-testid="drill-indicator">
            {nameOf(f)}
          </Text>
          <Text size="sm">
            {figure.data?.unit.name} · {formatDate(from)} – {formatDate(to)}
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
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set('part', v);
            setParams(next, { replace: true });
          }}
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
          <Group>
            <Text size="sm" data-testid="drill-total">
              {t('drill.total', { n: new Intl.NumberFormat('vi-VN').format(records.data.total ?? 0) })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('drill.name')}</Table.Th>
                  <Table.Th scope="col">{t('drill.sex')}</Table.Th>
                  <Table.Th scope="col">{t('drill.birthYear')}</Table.Th>
                  <Table.Th scope="col">{t('drill.commune')}</Table.Th>
                  <Table.Th scope="col">{t('drill.date')}</Table.Th>
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
        </>
      )}
    </Stack>
  );
}
