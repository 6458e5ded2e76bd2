import type { ImportField } from '@hoanhap/domain/import/headers';
import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ACCEPTED, type Decision, getImport, MAX_IMPORT_MB, uploadList } from './imports-api.ts';
import './imports-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { PageTitle } from '../../components/record-list.tsx';
import { fieldError, problem } from './import-kit.ts';
import { MappingStep, SplitStep } from './import-mapping.tsx';
import { PreviewStep } from './import-preview.tsx';
import { CommitStep, RecentImports, ResultStep } from './import-result.tsx';

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
        <PageTitle title={t('title')} />
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
      <PageTitle title={t('title')} intro={t('intro')} />
      <Text size="sm" fw={500}>
        {t('unit', { name: me.user.scopeName ?? target.code })}
      </Text>

      {(!b || b.status === 'preview') && (
        <Panel id="import-upload" title="1. {t('steps.upload')}">
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
        </Panel>
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
