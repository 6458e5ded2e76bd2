import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { InlineLoader } from '../../app/page-states.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { commitImport, type Decision, type ImportBatch, listImports, undoImport } from './imports-api.ts';
import './imports-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { UNDO_DAYS } from './import-kit.ts';
import { defaultDecision } from './import-preview.tsx';

// The last steps of an import: commit, its result (with undo), and the recent imports.

export function CommitStep({
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
    <Panel id="import-commit" gap="0" title={<>5. {t('commitTitle')}</>}>
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
    </Panel>
  );
}

export function ResultStep({
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

export function RecentImports() {
  const { t } = useTranslation('imports');
  // The author's own batches from the server (recent first): reopen a preview left half-way, or undo.
  const q = useQuery({ queryKey: ['imports', 'list'], queryFn: () => listImports(1, 10), staleTime: 0 });
  if (q.isPending) return <InlineLoader />;
  if (q.isError || !q.data.items.length) return null;
  return (
    <Panel id="import-recent" gap="0" title={t('recentTitle')}>
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
    </Panel>
  );
}
