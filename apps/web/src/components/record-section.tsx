import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, InlineLoader } from '../app/page-states.tsx';
import { RecordTable } from './record-list.tsx';

/**
 * The dialog a record section has open (null: none) and the note that the last save went through: opening a
 * dialog hides the note, a save closes the dialog and shows it (`saved` gives RecordSection's prop).
 */
export function useRecordDialog<D>() {
  const [dialog, setDialog] = useState<D | null>(null);
  const [saved, setSaved] = useState(false);
  return {
    dialog,
    open: (d: D) => {
      setSaved(false);
      setDialog(d);
    },
    close: () => setDialog(null),
    done: () => {
      setDialog(null);
      setSaved(true);
    },
    saved: (text: ReactNode, testId: string) => ({
      shown: saved,
      text,
      testId,
      onClose: () => setSaved(false),
    }),
  };
}

/**
 * A section of a person's page that lists one kind of record in a table (declarations, monitoring measures…):
 * its heading and introduction, the "add" button for those who may write, the note that a save went through,
 * the list's loading, error and empty states (with what to do next), and the table. A page states only its
 * texts, columns and rows; its dialogs come as `children`, after the table.
 */
export function RecordSection<T>({
  id,
  testId,
  title,
  intro,
  add,
  saved,
  q,
  empty,
  table,
  row,
  children,
}: {
  /** The heading's id (`${id}-title` labels the section). */
  id: string;
  testId: string;
  title: ReactNode;
  intro: ReactNode;
  /** The add button (shown to writers only: pass null otherwise). */
  add: { label: ReactNode; onClick: () => void } | null;
  /** The confirmation of the last save, until closed. */
  saved: { shown: boolean; text: ReactNode; testId: string; onClose: () => void };
  q: UseQueryResult<T[]>;
  /** The empty list's text and the next step. */
  empty: { text: ReactNode; next: ReactNode };
  table: { minWidth: number; testId: string; head: ReactNode[] };
  row: (item: T) => ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id={`${id}-title`}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </Stack>
        {add && (
          <Button variant="light" onClick={add.onClick}>
            {add.label}
          </Button>
        )}
      </Group>
      {saved.shown && (
        <Alert
          color="green"
          role="status"
          mb="sm"
          data-testid={saved.testId}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={saved.onClose}
        >
          {saved.text}
        </Alert>
      )}
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <Stack gap={2}>
          <Text size="sm">{empty.text}</Text>
          <Text size="sm" c="dimmed">
            {empty.next}
          </Text>
        </Stack>
      ) : (
        <RecordTable minWidth={table.minWidth} data-testid={table.testId} head={table.head}>
          {q.data.map(row)}
        </RecordTable>
      )}
      {children}
    </Paper>
  );
}

/**
 * Someone saved the record since this form loaded it (a 409 answer): says which version is current, with a
 * button that loads it (the form then starts again from it).
 */
export function StaleRecordAlert({
  testId,
  text,
  loadLabel,
  onLoad,
}: {
  testId: string;
  text: string;
  loadLabel: string;
  onLoad: () => void;
}) {
  return (
    <Alert color="orange" role="alert" data-testid={testId}>
      <Stack gap="xs">
        <Text size="sm">{text}</Text>
        <Group>
          <Button size="xs" variant="light" onClick={onLoad}>
            {loadLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
