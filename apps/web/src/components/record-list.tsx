import { Checkbox, Group, Pagination, Stack, Table, type TableProps, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, InlineLoader } from '../app/page-states.tsx';

/**
 * A list loaded from the server with its states: a spinner while it loads, the error with a retry button, the
 * empty text (what to do next) when there is nothing, otherwise what `children` makes of the items.
 */
export function QueryList<T>({
  q,
  empty,
  emptyTestId,
  children,
}: {
  q: UseQueryResult<T[]>;
  empty: ReactNode;
  emptyTestId?: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryView q={q}>
      {(items) => (
        <Listed items={items} empty={empty} emptyTestId={emptyTestId}>
          {children}
        </Listed>
      )}
    </QueryView>
  );
}

/** What a request brings, once it has: a spinner while it loads, its error with a retry button. */
export function QueryView<T>({ q, children }: { q: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return <>{children(q.data)}</>;
}

/** Records already at hand: the empty text (what to do next) when there are none, else `children(items)`. */
export function Listed<T>({
  items,
  empty,
  emptyTestId,
  children,
}: {
  items: T[];
  empty: ReactNode;
  emptyTestId?: string;
  children: (items: T[]) => ReactNode;
}) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={emptyTestId}>
        {empty}
      </Text>
    );
  return <>{children(items)}</>;
}

/** The records of a list as an unstyled <ul> (each card is an <li>), one under the other. */
export function CardList({ gap = 'xs', children }: { gap?: string | number; children: ReactNode }) {
  return (
    <Stack gap={gap} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

/** The page's heading with its main action (e.g. "Add") on the same line. */
export function PageHeader({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Title order={1} size="h2">
        {title}
      </Title>
      {action}
    </Group>
  );
}

/** The page's heading and (when it has one) the sentence under it that says what the page is for. */
export function PageTitle({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <>
      <Title order={1} size="h2">
        {title}
      </Title>
      {intro && <Text size="sm">{intro}</Text>}
    </>
  );
}

/** Several choices ticked from a list (attendees, staff): a labelled checkbox group, one per line. */
export function CheckList({
  options,
  ...group
}: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Checkbox.Group {...group}>
      <Stack gap={6} mt={4}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/**
 * Column headings named by their keys under one prefix of the page's texts: `heads(t, 'audit', ['at', 'who'])`
 * for t('audit.at'), t('audit.who'); an empty prefix takes the keys as they are. A `false` key (a column shown
 * only on a condition, or none) is `false`, and RecordTable leaves it out.
 */
export const heads = (t: (key: string) => string, prefix: string, keys: (string | false | undefined)[]) =>
  keys.map((k) => (k ? t(prefix ? `${prefix}.${k}` : k) : false));

/** A column whose heading is `false` (a condition not met) is left out. */
const shown = (h: ReactNode) => h !== false && h !== null && h !== undefined;

/**
 * A table of records: its column headings (scope="col") and its rows; wide tables scroll sideways on a phone
 * (`minWidth`). The other props go to the Mantine Table (striped, data-testid…).
 */
export function RecordTable({
  head,
  minWidth,
  children,
  ...table
}: TableProps & { head: ReactNode[]; minWidth?: number; 'data-testid'?: string }) {
  const grid = (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {head.filter(shown).map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, in this order
            <Table.Th key={i} scope="col">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{grid}</Table.ScrollContainer> : grid;
}

/** The page numbers under a paged list, with spoken labels; nothing when there is one page. */
export function Pager({
  pages,
  page,
  onChange,
}: {
  pages: number;
  page: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination')}>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({
          'aria-label': control === 'previous' ? t('common.previous') : t('common.next'),
        })}
        getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
      />
    </nav>
  );
}
