import {
  Alert,
  Anchor,
  Badge,
  Button,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useCommunes } from '../../api/units.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import {
  type Decision,
  errorsFileUrl,
  type ImportBatch,
  type ImportRow,
  type RowResult,
} from './imports-api.ts';
import './imports-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { heads, RecordTable } from '../../components/record-list.tsx';
import { RESULT_COLOR, RESULTS, SHOWN_ROWS } from './import-kit.ts';

// The preview of an import: each row's result, and the decisions on possible duplicates.

export function useCommuneNames(target: { kind: string; code: string }, batch: ImportBatch) {
  const me = useSession();
  const communes = useCommunes(target.kind === 'province' ? target.code : null);
  return useMemo(() => {
    const m = new Map<string, string>();
    if (target.kind === 'commune' && me.user.scopeName) m.set(target.code, me.user.scopeName);
    for (const u of batch.summary.unresolved) for (const c of u.candidates) m.set(c.code, c.name);
    for (const c of communes.data ?? []) m.set(c.code, c.name);
    return m;
  }, [target, batch, communes.data, me.user.scopeName]);
}

export function PreviewStep({
  batch,
  target,
  decisions,
  setDecision,
}: {
  batch: ImportBatch;
  target: { kind: string; code: string };
  decisions: Record<number, Decision>;
  setDecision: (row: number, d: Decision) => void;
}) {
  const { t } = useTranslation('imports');
  const [filter, setFilter] = useState<RowResult | ''>('');
  const names = useCommuneNames(target, batch);
  const counts = useMemo(() => {
    const c = Object.fromEntries(RESULTS.map((r) => [r, 0])) as Record<RowResult, number>;
    for (const r of batch.rows) c[r.result]++;
    return c;
  }, [batch.rows]);
  const pending = batch.rows.filter((r) => r.result !== 'error' && !r.communeCode).length;
  const rows = filter ? batch.rows.filter((r) => r.result === filter) : batch.rows;
  const errorRows = batch.rows.filter((r) => r.result === 'error');
  return (
    <Panel id="import-preview" title="4. {t('previewTitle')}">
      <SimpleGrid cols={{ base: 2, md: 7 }} mb="md" data-testid="import-counts">
        <Count label={t('counts.rows')} value={batch.rows.length} id="rows" />
        {RESULTS.map((r) => (
          <Count key={r} label={t(`counts.${r}`)} value={counts[r]} id={r} />
        ))}
        <Count label={t('counts.pending')} value={pending} id="pending" />
      </SimpleGrid>

      {batch.rows.length === 0 ? (
        <Alert color="yellow">{t('noDataRows')}</Alert>
      ) : (
        <>
          <Paper withBorder p="sm" mb="md" component="section" aria-labelledby="import-errors">
            <Title order={3} size="h5" id="import-errors">
              {t('errorsTitle', { count: errorRows.length })}
            </Title>
            {errorRows.length === 0 ? (
              <Text size="sm">{t('errorsNone')}</Text>
            ) : (
              <>
                <Text size="sm">{t('errorsHint')}</Text>
                <ul data-testid="import-errors">
                  {errorRows.flatMap((r) =>
                    r.errors.map((e) => (
                      <li key={`${r.row}-${e.column}-${e.rule}`}>
                        <Text size="sm">
                          {t('errorLine', {
                            row: e.row,
                            column: e.column,
                            message: currentLang() === 'vi' ? e.message : e.messageEn,
                            rule: e.rule,
                          })}
                        </Text>
                      </li>
                    )),
                  )}
                </ul>
                <Button component="a" href={errorsFileUrl(batch.id)} download variant="default">
                  {t('downloadErrors')}
                </Button>
              </>
            )}
          </Paper>

          <DuplicatesStep batch={batch} decisions={decisions} set={setDecision} />

          <Select
            label={t('filter')}
            data={[
              { value: '', label: t('filterAll') },
              ...RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) })),
            ]}
            value={filter}
            onChange={(v) => setFilter((v ?? '') as RowResult | '')}
            allowDeselect={false}
            maw={260}
            mb="sm"
          />
          {rows.length === 0 ? (
            <Text size="sm">{t('noRows')}</Text>
          ) : (
            <RecordTable
              minWidth={900}
              striped
              withTableBorder
              data-testid="import-rows"
              head={heads(t, '', [
                'row',
                'name',
                'birthYear',
                'citizenId',
                'oldCommune',
                'commune',
                'status',
                'detail',
              ])}
            >
              {rows.slice(0, SHOWN_ROWS).map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.fullName}</Table.Td>
                  <Table.Td>{r.birthYear ?? ''}</Table.Td>
                  <Table.Td>{r.citizenId ?? ''}</Table.Td>
                  <Table.Td>{r.oldCommune?.name ?? ''}</Table.Td>
                  <Table.Td>
                    {r.communeCode
                      ? (names.get(r.communeCode) ?? r.communeCode)
                      : r.candidates.length
                        ? t('pendingCommune')
                        : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RESULT_COLOR[r.result]} variant="filled">
                      {t(`result.${r.result}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowDetail r={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )}
          {rows.length > SHOWN_ROWS && (
            <Text size="sm" mt="xs">
              {t('moreRows', { shown: SHOWN_ROWS, total: rows.length })}
            </Text>
          )}
        </>
      )}
    </Panel>
  );
}

export function RowDetail({ r }: { r: ImportRow }) {
  const { t } = useTranslation('imports');
  if (r.errors.length)
    return (
      <Text size="xs" c="red.9">
        {r.errors.map((e) => `${e.column}: ${currentLang() === 'vi' ? e.message : e.messageEn}`).join('; ')}
      </Text>
    );
  if (r.duplicateOfRow) return <Text size="xs">{t('dupOfRow', { row: r.duplicateOfRow })}</Text>;
  if (r.existing) return <Text size="xs">{t('sameAs', { name: r.existing.fullName })}</Text>;
  return null;
}

export function Count({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <Paper withBorder p="xs" data-testid={`count-${id}`}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

export const defaultDecision = (r: ImportRow): Decision => (r.result === 'new' ? 'create' : 'merge');

export function DuplicatesStep({
  batch,
  decisions,
  set,
}: {
  batch: ImportBatch;
  decisions: Record<number, Decision>;
  set: (row: number, d: Decision) => void;
}) {
  const { t } = useTranslation('imports');
  const dups = batch.rows.filter(
    (r) => r.result === 'existing' || r.result === 'possible_duplicate' || r.result === 'duplicate_in_file',
  );
  const byRow = new Map(batch.rows.map((r) => [r.row, r]));
  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-labelledby="import-dups">
      <Title order={3} size="h5" id="import-dups">
        {t('dupTitle', { count: dups.length })}
      </Title>
      {dups.length === 0 ? (
        <Text size="sm">{t('dupNone')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('dupHint')}</Text>
          {dups.slice(0, SHOWN_ROWS).map((r) => (
            <Paper key={r.row} withBorder p="xs" data-testid={`dup-${r.row}`}>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <RowCard title={t('inFile', { row: r.row })} r={r} />
                {r.existing ? (
                  <ExistingCard id={r.existing.id} name={r.existing.fullName} />
                ) : r.duplicateOfRow && byRow.get(r.duplicateOfRow) ? (
                  <RowCard
                    title={t('earlierRow', { row: r.duplicateOfRow })}
                    r={byRow.get(r.duplicateOfRow)!}
                  />
                ) : (
                  <div />
                )}
                <div>
                  <Text size="sm" id={`decision-${r.row}`} fw={500} mb={4}>
                    {t('decisionFor', { row: r.row })}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={`decision-${r.row}`}
                    data={(['create', 'merge', 'skip'] as const).map((d) => ({
                      value: d,
                      label: t(`decision.${d}`),
                    }))}
                    value={decisions[r.row] ?? defaultDecision(r)}
                    onChange={(v) => set(r.row, v as Decision)}
                  />
                </div>
              </SimpleGrid>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function RowCard({ title, r }: { title: string; r: ImportRow }) {
  const { t } = useTranslation('imports');
  return (
    <div>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="sm">{r.fullName}</Text>
      <Text size="xs">
        {t('birthYear')}: {r.birthYear ?? '—'} · {t('citizenId')}: {r.citizenId ?? '—'}
      </Text>
      {r.address && <Text size="xs">{r.address}</Text>}
    </div>
  );
}

export function ExistingCard({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('imports');
  const person = useQuery({
    queryKey: ['people', id],
    queryFn: () => call(client.GET('/api/people/{id}', { params: { path: { id } } })),
  });
  const p = person.data;
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('inRecords')}
      </Text>
      <Anchor component={Link} to={`/people/${id}`} size="sm" aria-label={t('openRecord', { name })}>
        {p?.fullName ?? name}
      </Anchor>
      {p && (
        <>
          <Text size="xs">
            {t('birthYear')}: {p.birthDate ? formatDate(p.birthDate) : p.birthYear} · {t('citizenId')}:{' '}
            {p.citizenId ?? '—'}
          </Text>
          <Text size="xs">{p.currentAddress.communeName ?? p.currentAddress.communeCode}</Text>
        </>
      )}
    </div>
  );
}
