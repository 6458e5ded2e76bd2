import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '@hoanhap/domain/import/headers';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import type { Person } from '../../api/types.ts';
import { useCommunes } from '../../api/units.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import {
  ACCEPTED,
  commitImport,
  type Decision,
  errorsFileUrl,
  getImport,
  type ImportBatch,
  type ImportRow,
  listImports,
  MAX_IMPORT_MB,
  type RowResult,
  saveMapping,
  undoImport,
  uploadList,
} from './imports-api.ts';
import './imports-i18n.ts';

const RESULTS: RowResult[] = ['new', 'existing', 'possible_duplicate', 'duplicate_in_file', 'error'];
const RESULT_COLOR: Record<RowResult, string> = {
  new: 'teal.9',
  existing: 'blue.9',
  possible_duplicate: 'pink.9',
  duplicate_in_file: 'grape.9',
  error: 'red.9',
};
const SHOWN_ROWS = 200;
const UNDO_DAYS = 7;

const fieldError = (e: unknown, name: string) =>
  e instanceof ApiError ? e.errors.find((x) => x.field === name)?.message : undefined;
/** The server's message when it names no field of the form (those are shown next to their field). */
const problem = (e: unknown, fields: string[]) =>
  e instanceof ApiError
    ? e.errors.some((x) => fields.includes(x.field))
      ? null
      : e.detail
    : e
      ? String((e as Error).message ?? e)
      : null;

/**
 * The officer's import journey: upload a commune's list, correct the proposed column mapping (and save it),
 * pick the new commune of each split old commune once, read the preview (errors by row, column and rule,
 * their Excel; duplicates side by side with create / merge / skip), write it after a confirmation, and undo it
 * within 7 days. The batch id is kept in the address (?batch=), so a closed browser comes back to it.
 */
export function ImportPage() {
  const { t } = useTranslation('imports');
  usePageTitle(t('title'));
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const qc = useQueryClient();
  const target =
    (me.user.scopeKind === 'commune' || me.user.scopeKind === 'province') && me.user.scopeCode
      ? { kind: me.user.scopeKind, code: me.user.scopeCode }
      : null;
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[] | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [signature, setSignature] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});

  const batch = useQuery({
    queryKey: ['imports', batchId],
    queryFn: () => getImport(batchId!),
    enabled: !!batchId,
    retry: false,
  });

  const upload = useMutation({
    mutationFn: (v: {
      mapping?: (ImportField | null)[];
      choices?: Record<string, string>;
      again?: boolean;
    }) => uploadList(file!, target!, v.mapping, v.choices),
    onSuccess: (b) => {
      qc.setQueryData(['imports', b.id], b);
      setMapping(b.mapping);
      setSignature(b.signature ?? null);
      setHeaderRow(b.headerRow ?? null);
      setDecisions({});
      void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
      setParams({ batch: b.id });
    },
  });

  const startUpload = () => {
    if (!file) return setFileProblem(t('fileRequired'));
    if (!/\.(xlsx|xls|csv)$/i.test(file.name)) return setFileProblem(t('fileType'));
    if (file.size > MAX_IMPORT_MB * 1024 * 1024)
      return setFileProblem(t('fileTooLarge', { size: (file.size / 1048576).toFixed(1), mb: MAX_IMPORT_MB }));
    setFileProblem(null);
    setChoices({});
    upload.mutate({});
  };

  const reset = () => {
    setFile(null);
    setMapping(null);
    setChoices({});
    setSignature(null);
    setHeaderRow(null);
    setDecisions({});
    upload.reset();
    setParams({});
  };

  if (!target)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Alert color="gray">{t('noUnit')}</Alert>
      </Stack>
    );

  const b = batch.data;
  // A file the server refuses as a whole (too large, too many rows, another type, no header row) is a problem of the file field.
  const fileRefused =
    upload.error instanceof ApiError &&
    [413, 415, 422].includes(upload.error.status) &&
    !upload.error.errors.length
      ? upload.error.detail
      : undefined;
  const uploadFieldError = fileProblem ?? fieldError(upload.error, 'file') ?? fileRefused;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text size="sm">{t('intro')}</Text>
      <Text size="sm" fw={500}>
        {t('unit', { name: me.user.scopeName ?? target.code })}
      </Text>

      {(!b || b.status === 'preview') && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-upload">
          <Title order={2} size="h4" id="import-upload" mb="sm">
            1. {t('steps.upload')}
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              startUpload();
            }}
          >
            <Group align="flex-end">
              <FileInput
                label={t('file')}
                description={t('fileHint', { mb: MAX_IMPORT_MB })}
                accept={ACCEPTED}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setFileProblem(null);
                }}
                error={uploadFieldError}
                style={{ flex: 1 }}
                data-testid="import-file"
              />
              <Button type="submit" loading={upload.isPending}>
                {t('upload')}
              </Button>
            </Group>
          </form>
          {upload.isPending && (
            <Text size="sm" role="status" mt="xs">
              {t('uploading')}
            </Text>
          )}
          {!uploadFieldError && problem(upload.error, ['file', 'mapping']) && (
            <Alert color="red" role="alert" mt="sm">
              {problem(upload.error, ['file', 'mapping'])}
            </Alert>
          )}
          {!batchId && !upload.isPending && (
            <Text size="sm" mt="sm" data-testid="import-empty">
              {t('emptyStart')}
            </Text>
          )}
        </Paper>
      )}

      {!batchId && <RecentImports />}

      {batchId && batch.isPending && <InlineLoader />}
      {batchId &&
        batch.isError &&
        (batch.error instanceof ApiError && batch.error.status === 404 ? (
          <Alert color="gray">{t('notFound')}</Alert>
        ) : (
          <ErrorState error={batch.error} onRetry={() => batch.refetch()} />
        ))}

      {b && b.status === 'preview' && (
        <>
          <Text size="sm" data-testid="import-file-name">
            {t('fileName', { name: b.fileName, row: headerRow ?? '—' })}
          </Text>
          {!file && (
            <Alert color="yellow" role="status">
              {t('mappingNeedsFile')}
            </Alert>
          )}
          <MappingStep
            batch={b}
            mapping={mapping ?? b.mapping}
            onChange={setMapping}
            canApply={!!file}
            busy={upload.isPending}
            error={fieldError(upload.error, 'mapping')}
            onApply={() => upload.mutate({ mapping: mapping ?? b.mapping, choices, again: true })}
            signature={signature}
          />
          <SplitStep
            batch={b}
            choices={choices}
            onChoose={(old, code) => setChoices((c) => ({ ...c, [old]: code }))}
            canApply={!!file}
            busy={upload.isPending}
            onApply={() => upload.mutate({ mapping: mapping ?? b.mapping, choices, again: true })}
          />
          <PreviewStep
            batch={b}
            target={target}
            decisions={decisions}
            setDecision={(row, d) => setDecisions((x) => ({ ...x, [row]: d }))}
          />
          <CommitStep
            batch={b}
            decisions={decisions}
            onCommitted={(nb) => qc.setQueryData(['imports', nb.id], nb)}
          />
        </>
      )}

      {b && b.status !== 'preview' && (
        <ResultStep batch={b} onUndone={() => batch.refetch()} onAnother={reset} />
      )}
    </Stack>
  );
}

function fieldLabel(f: ImportField) {
  return FIELD_LABELS[f][currentLang()];
}

function MappingStep(p: {
  batch: ImportBatch;
  mapping: (ImportField | null)[];
  onChange: (m: (ImportField | null)[]) => void;
  canApply: boolean;
  busy: boolean;
  error?: string;
  onApply: () => void;
  signature: string | null;
}) {
  const { t } = useTranslation('imports');
  const [name, setName] = useState(p.batch.fileName.replace(/\.[^.]+$/, ''));
  const save = useMutation({ mutationFn: () => saveMapping(p.signature!, name.trim(), p.mapping) });
  const options = [
    { value: '', label: t('notImported') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  const changed = p.mapping.some((f, i) => f !== (p.batch.mapping[i] ?? null));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-mapping">
      <Title order={2} size="h4" id="import-mapping">
        2. {t('mappingTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('mappingHint')}
      </Text>
      <Table striped withTableBorder data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('column')}</Table.Th>
            <Table.Th scope="col">{t('field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.batch.labels.map((label, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
            <Table.Tr key={i}>
              <Table.Td>{label || `#${i + 1}`}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('fieldFor', { label: label || `#${i + 1}` })}
                  data={options}
                  value={p.mapping[i] ?? ''}
                  onChange={(v) => {
                    const next = [...p.mapping];
                    while (next.length < p.batch.labels.length) next.push(null);
                    next[i] = (v || null) as ImportField | null;
                    p.onChange(next);
                  }}
                  allowDeselect={false}
                  size="xs"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.error && (
        <Text size="sm" c="red.9" role="alert" mt="xs">
          {p.error}
        </Text>
      )}
      <Group mt="sm" align="flex-end">
        <Button
          onClick={p.onApply}
          disabled={!p.canApply}
          loading={p.busy}
          variant={changed ? 'filled' : 'default'}
        >
          {t('applyMapping')}
        </Button>
        {p.signature && (
          <>
            <TextInput
              label={t('mappingName')}
              description={t('mappingNameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(save.error, 'name')}
            />
            <Button
              variant="default"
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!name.trim()}
            >
              {t('saveMapping')}
            </Button>
          </>
        )}
      </Group>
      {save.isSuccess && (
        <Text size="sm" c="teal.9" role="status" mt="xs" data-testid="mapping-saved">
          {t('mappingSaved', { name: name.trim() })}
        </Text>
      )}
      {problem(save.error, ['name']) && (
        <Text size="sm" c="red.9" role="alert" mt="xs">
          {problem(save.error, ['name'])}
        </Text>
      )}
    </Paper>
  );
}

function SplitStep(p: {
  batch: ImportBatch;
  choices: Record<string, string>;
  onChoose: (oldCode: string, newCode: string) => void;
  canApply: boolean;
  busy: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation('imports');
  const [tried, setTried] = useState(false);
  const unresolved = p.batch.summary.unresolved;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-split">
      <Title order={2} size="h4" id="import-split">
        3. {t('splitTitle')}
      </Title>
      {unresolved.length === 0 ? (
        <Text size="sm" data-testid="split-none">
          {t('splitNone')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('splitHint')}</Text>
          {unresolved.map((u) => (
            <Select
              key={u.oldCommuneCode}
              label={t('splitPick', { name: u.oldCommuneName })}
              description={t('splitOld', { name: u.oldCommuneName, count: u.rows })}
              data={u.candidates.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
              value={p.choices[u.oldCommuneCode] ?? null}
              onChange={(v) => v && p.onChoose(u.oldCommuneCode, v)}
              error={tried && !p.choices[u.oldCommuneCode] ? t('splitRequired') : undefined}
              maw={520}
            />
          ))}
          <Group>
            <Button
              onClick={() => {
                setTried(true);
                if (unresolved.every((u) => p.choices[u.oldCommuneCode])) p.onApply();
              }}
              disabled={!p.canApply}
              loading={p.busy}
            >
              {t('applySplit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function useCommuneNames(target: { kind: string; code: string }, batch: ImportBatch) {
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

function PreviewStep({
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
    <Paper withBorder p="md" component="section" aria-labelledby="import-preview">
      <Title order={2} size="h4" id="import-preview" mb="sm">
        4. {t('previewTitle')}
      </Title>
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
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder data-testid="import-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('row')}</Table.Th>
                    <Table.Th scope="col">{t('name')}</Table.Th>
                    <Table.Th scope="col">{t('birthYear')}</Table.Th>
                    <Table.Th scope="col">{t('citizenId')}</Table.Th>
                    <Table.Th scope="col">{t('oldCommune')}</Table.Th>
                    <Table.Th scope="col">{t('commune')}</Table.Th>
                    <Table.Th scope="col">{t('status')}</Table.Th>
                    <Table.Th scope="col">{t('detail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {rows.length > SHOWN_ROWS && (
            <Text size="sm" mt="xs">
              {t('moreRows', { shown: SHOWN_ROWS, total: rows.length })}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}

function RowDetail({ r }: { r: ImportRow }) {
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

function Count({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <Paper withBorder p="xs" data-testid={`count-${id}`}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

const defaultDecision = (r: ImportRow): Decision => (r.result === 'new' ? 'create' : 'merge');

function DuplicatesStep({
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

function RowCard({ title, r }: { title: string; r: ImportRow }) {
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

function ExistingCard({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('imports');
  const person = useQuery({ queryKey: ['people', id], queryFn: () => api.get<Person>(`/api/people/${id}`) });
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

function CommitStep({
  batch,
  decisions,
  onCommitted,
}: {
  batch: ImportBatch;
  decisions: Record<number, Decision>;
  onCommitted: (b: ImportBatch) => void;
}) {
  const { t } = useTranslation('imports');
  const [open, setOpen] = useState(false);
  const commit = useMutation({
    mutationFn: () => commitImport(batch.id, decisions),
    onSuccess: (b) => {
      setOpen(false);
      onCommitted(b);
    },
  });
  const plan = { created: 0, merged: 0, skipped: 0 };
  for (const r of batch.rows) {
    if (r.result === 'error') continue;
    if (!r.communeCode) {
      plan.skipped++;
      continue;
    }
    const d = decisions[r.row] ?? defaultDecision(r);
    // A merge needs something to merge into; the server creates the row otherwise.
    if (d === 'skip') plan.skipped++;
    else if (d === 'merge' && (r.existing || r.duplicateOfRow)) plan.merged++;
    else plan.created++;
  }
  const pending = batch.rows.filter((r) => r.result !== 'error' && !r.communeCode).length;
  const errors = batch.rows.filter((r) => r.result === 'error').length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-commit">
      <Title order={2} size="h4" id="import-commit">
        5. {t('commitTitle')}
      </Title>
      <Text size="sm" data-testid="commit-plan">
        {t('commitPlan', { ...plan, errors })}
      </Text>
      {pending > 0 && (
        <Alert color="yellow" mt="sm" data-testid="commit-pending">
          {t('commitPending', { count: pending })}
        </Alert>
      )}
      <Button mt="sm" onClick={() => setOpen(true)} disabled={batch.rows.length === 0}>
        {t('commit')}
      </Button>
      {commit.isPending && (
        <Stack gap={4} mt="sm" role="status">
          <Text size="sm">{t('committing')}</Text>
          {/* One transaction on the server: the bar runs until its answer (no fake percentages). */}
          <Progress
            value={100}
            animated
            striped
            aria-label={t('progressLabel')}
            data-testid="commit-progress"
          />
        </Stack>
      )}
      {!open && commit.error && (
        <Alert color="red" role="alert" mt="sm">
          {commit.error instanceof ApiError ? commit.error.detail : String(commit.error)}
        </Alert>
      )}
      <ConfirmDialog
        opened={open}
        title={t('confirmTitle')}
        message={t('confirmMessage', { file: batch.fileName, ...plan })}
        confirmLabel={t('commit')}
        busy={commit.isPending}
        error={
          commit.error instanceof ApiError ? commit.error.detail : commit.error ? String(commit.error) : null
        }
        onConfirm={() => commit.mutate()}
        onClose={() => setOpen(false)}
      />
    </Paper>
  );
}

function ResultStep({
  batch,
  onUndone,
  onAnother,
}: {
  batch: ImportBatch;
  onUndone: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation('imports');
  const [open, setOpen] = useState(false);
  const undo = useMutation({
    mutationFn: () => undoImport(batch.id),
    onSuccess: () => {
      setOpen(false);
      onUndone();
    },
  });
  const s = batch.summary;
  const until = batch.committedAt
    ? formatDate(new Date(new Date(batch.committedAt).getTime() + UNDO_DAYS * 86_400_000).toISOString())
    : '';
  const undoable =
    batch.status === 'committed' &&
    !!batch.committedAt &&
    Date.now() - new Date(batch.committedAt).getTime() <= UNDO_DAYS * 86_400_000;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-result">
      {batch.status === 'committed' ? (
        <>
          <Title order={2} size="h4" id="import-result">
            {t('doneTitle')}
          </Title>
          <Text size="sm" data-testid="import-done">
            {t('doneSummary', {
              at: formatDateTime(batch.committedAt),
              created: s.created,
              merged: s.merged,
              skipped: s.skipped,
              errors: batch.rows.filter((r) => r.result === 'error').length,
            })}
          </Text>
          {undoable && (
            <Text size="sm" mt="xs">
              {t('undoHint', { until })}
            </Text>
          )}
        </>
      ) : (
        <>
          <Title order={2} size="h4" id="import-result">
            {t('undoneTitle')}
          </Title>
          <Text size="sm" data-testid="import-undone">
            {t('undoneSummary', { file: batch.fileName, at: formatDateTime(batch.undoneAt) })}
          </Text>
        </>
      )}
      <Group mt="sm">
        <Button component={Link} to="/people" variant="default">
          {t('seePeople')}
        </Button>
        {undoable && (
          <Button color="red.9" variant="outline" onClick={() => setOpen(true)}>
            {t('undo')}
          </Button>
        )}
        <Button variant="default" onClick={onAnother}>
          {t('another')}
        </Button>
      </Group>
      {!open && undo.error && (
        <Alert color="red" role="alert" mt="sm">
          {undo.error instanceof ApiError ? undo.error.detail : String(undo.error)}
        </Alert>
      )}
      <ConfirmDialog
        opened={open}
        danger
        title={t('undoTitle')}
        message={t('undoMessage', { created: s.created, merged: s.merged })}
        confirmLabel={t('undo')}
        busy={undo.isPending}
        error={undo.error instanceof ApiError ? undo.error.detail : undo.error ? String(undo.error) : null}
        onConfirm={() => undo.mutate()}
        onClose={() => setOpen(false)}
      />
    </Paper>
  );
}

function RecentImports() {
  const { t } = useTranslation('imports');
  // The author's own batches from the server (recent first): reopen a preview left half-way, or undo.
  const q = useQuery({ queryKey: ['imports', 'list'], queryFn: () => listImports(1, 10), staleTime: 0 });
  if (q.isPending) return <InlineLoader />;
  if (q.isError || !q.data.items.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-recent">
      <Title order={2} size="h4" id="import-recent">
        {t('recentTitle')}
      </Title>
      <Text size="sm">{t('recentHint')}</Text>
      <ul data-testid="import-recent">
        {q.data.items.map((x) => (
          <li key={x.id}>
            <Anchor component={Link} to={`/imports?batch=${x.id}`} size="sm">
              {t('recentItem', {
                file: x.fileName,
                at: formatDateTime(x.createdAt),
                status: t(`recentStatus.${x.status}`),
              })}
            </Anchor>
          </li>
        ))}
      </ul>
    </Paper>
  );
}
