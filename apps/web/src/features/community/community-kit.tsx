import { Alert, Button, Card, Group, type OptionsFilter, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ComponentProps, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useFields } from '../../components/form-fields.ts';
import {
  FormModal as BaseFormModal,
  checker as baseChecker,
  type Draft,
  type Errors,
} from '../../components/form-kit.tsx';
import { problemText, serverFieldErrors } from '../../field/field-kit.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useCommunityWrite, usePeopleOptions } from './community-api.ts';
import './community-i18n.ts';

// Small pieces shared by the community pages: dates typed as dd/mm/yyyy, the server's field errors next to
// their fields, forms in dialogs, sections.

export { tx } from '../../components/form-kit.tsx';
// Dates and the server's field errors: the same helpers as the volunteer's light pages.
export { dmyIn, serverFieldErrors, todayDmy, todayIso } from '../../field/field-kit.tsx';
export type { Draft, Errors };

/** A dialog's state as the page that opens it holds it. */
export type DialogState = { opened: boolean; onClose: () => void };

/** The shared checks (required texts, dd/mm/yyyy dates) plus counts, keyed by the API field name. */
export function checker(t: (k: string) => string) {
  const base = baseChecker(t);
  return {
    ...base,
    count(key: string, value: string | number): number | undefined {
      if (value === '' || value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) base.errors[key] = t('common.invalidNumber');
      return n;
    },
  };
}

export type Checker = ReturnType<typeof checker>;

/**
 * A community form that creates something: its fields (bound to inputs), the write, and `submit`, which runs
 * the client checks while making the request body (`build`), sends it, and on success clears the form and
 * calls `onDone`; the server's field errors land under their fields. In a dialog (`state` given),
 * `dialog(build)` is the FormModal's props: open/close, busy, the server's problem, and a submit that closes
 * the dialog once saved (or calls `onDone` instead).
 */
export function useCommunityForm<F extends object, B>(
  initial: F | (() => F),
  send: (body: B) => Promise<unknown>,
  state: DialogState = { opened: true, onClose: () => {} },
) {
  const { t } = useTranslation('community');
  const form = useFields(initial);
  const write = useCommunityWrite(send);
  type Build = (f: F, c: Checker) => Draft<B>;
  const submit = (build: Build, onDone?: () => void) => {
    const c = checker(t);
    const body = build(form.f, c);
    form.setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(body as B, {
      onSuccess: () => {
        form.reset();
        onDone?.();
      },
      onError: (e) => form.setErrors(serverFieldErrors(e)),
    });
  };
  const dialog = (build: Build, onDone = state.onClose) => ({
    ...state,
    onSubmit: () => submit(build, onDone),
    busy: write.isPending,
    error: write.error,
  });
  return { ...form, write, submit, dialog };
}

/** The server already filtered the people by the search text: show every option it sent. */
const keepAll: OptionsFilter = ({ options }) => options;

/**
 * Finding a person of the commune by name in a Select: the search text (sent 300 ms after the last key), the
 * people found, and the props that make the Select searchable by the server's answer. Nothing is asked while
 * `enabled` is false (a closed dialog).
 */
export function usePersonSearch(enabled = true) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const people = usePeopleOptions(enabled ? debounced : '__none__');
  return {
    people,
    clear: () => setSearch(''),
    selectProps: {
      searchable: true,
      searchValue: search,
      onSearchChange: setSearch,
      filter: keepAll,
    },
  };
}

/**
 * The server's refusal shown above the buttons; field errors that a field of the form already shows (`shown`)
 * are left to that field.
 */
export function Problem({ error, shown = [] }: { error: unknown; shown?: string[] }) {
  const p = problemText(error, shown);
  if (!p) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="server-problem">
      <Text size="sm" fw={500}>
        {p.detail}
      </Text>
      {p.rest.map((f) => (
        <Text size="sm" key={`${f.field}|${f.message}`}>
          {f.field}: {f.message}
        </Text>
      ))}
    </Alert>
  );
}

export function Section({
  title,
  children,
  action,
  testId,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" component="section" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/**
 * A dated entry of a list (an activity, a club meeting, a contact): its date in bold with what heads it on the
 * same line, then its details.
 */
export function DatedCard({
  date,
  head,
  children,
  testId,
}: {
  date: string;
  head: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="sm" component="li" data-testid={testId}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {formatDate(date)}
        </Text>
        {head}
      </Group>
      {children}
    </Card>
  );
}

/** A form in a dialog: fields, the server's problem (unless every error shows under its field), Cancel / Save. */
export function FormModal({
  shown,
  ...p
}: Omit<ComponentProps<typeof BaseFormModal>, 'fields' | 'problem'> & { shown?: string[] }) {
  return <BaseFormModal {...p} problem={<Problem error={p.error} shown={shown} />} />;
}

/** The record as it is now, when a save was refused because someone else changed it first (409). */
export function staleCurrent<T>(error: unknown): T | null {
  return error instanceof ApiError && error.code === 'stale_version' && error.body.current
    ? (error.body.current as T)
    : null;
}

/**
 * Shown when a save met a newer version: the values saved by the other person, and a button that loads them
 * into the form (with their version) so the officer can re-apply their change and save again.
 */
export function StaleNotice({ rows, onLoad }: { rows: [string, string][]; onLoad: () => void }) {
  const { t } = useTranslation('community');
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="stale-notice"
      title={t('edit.staleTitle')}
    >
      <Text size="sm">{t('edit.staleBody')}</Text>
      <Stack gap={0} component="dl" my="xs">
        {rows.map(([k, v]) => (
          <Group key={k} gap={4} wrap="wrap">
            <Text component="dt" size="sm" fw={600}>
              {k}:
            </Text>
            <Text component="dd" size="sm" m={0}>
              {v || '—'}
            </Text>
          </Group>
        ))}
      </Stack>
      <Button size="xs" variant="light" onClick={onLoad} data-testid="stale-load">
        {t('edit.staleLoad')}
      </Button>
    </Alert>
  );
}
