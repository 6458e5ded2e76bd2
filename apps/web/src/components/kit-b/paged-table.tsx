import { Button, Pagination, Table, Text, UnstyledButton } from '@mantine/core';

// The pieces of a list the server filters, sorts and pages (the facility's residents board, the records behind a
// figure): a sortable column heading, the page controls, the export links and the "shown" range. Texts come
// from the caller's namespace under one prefix (`board.sortBy`, `drill.sortBy`…), so each page keeps its own
// wording.

type T = (key: string, options?: Record<string, unknown>) => string;
export type SortDir = 'asc' | 'desc';

/** The page sizes a paged list offers. */
export const PAGE_SIZES = ['50', '100', '200', '500'];

/** A count in vi-VN notation (1.234). */
export const fmtCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** The order after clicking a column: the same column flips its direction, another starts ascending. */
const nextDir = <K,>(key: K, sort: K, dir: SortDir): SortDir =>
  key === sort && dir === 'asc' ? 'desc' : 'asc';

/** The "rows x–y of z" line of the page shown (`<prefix>.shown`), in vi-VN notation. */
export function ShownCount(p: {
  page: number;
  size: number;
  rows: number;
  total: number;
  t: T;
  prefix: string;
}) {
  return (
    <Text size="sm" data-testid={`${p.prefix}-shown`}>
      {p.t(`${p.prefix}.shown`, {
        from: fmtCount((p.page - 1) * p.size + 1),
        to: fmtCount((p.page - 1) * p.size + p.rows),
        total: fmtCount(p.total),
      })}
    </Text>
  );
}

/** A column heading that sorts by its column; `aria-sort` and the button's name say the current order. */
export function SortHeader<K extends string>(p: {
  column: K;
  label: string;
  sort: K;
  dir: SortDir;
  /** The column clicked and its new direction (the same column flips, another starts ascending). */
  onSort: (column: K, dir: SortDir) => void;
  t: T;
  prefix: string;
}) {
  const on = p.sort === p.column;
  return (
    <Table.Th scope="col" aria-sort={on ? (p.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => p.onSort(p.column, nextDir(p.column, p.sort, p.dir))}
        fw={600}
        fz="sm"
        data-testid={`${p.prefix}-sort-${p.column}`}
        aria-label={`${p.t(`${p.prefix}.sortBy`, { column: p.label })}${
          on ? ` (${p.t(p.dir === 'asc' ? `${p.prefix}.ascending` : `${p.prefix}.descending`)})` : ''
        }`}
      >
        {p.label} {on ? (p.dir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

/** The page controls, shown when there is more than one page; every control named in the page's language. */
export function PageNav(p: {
  /** All rows selected, and how many a page shows. */
  total: number;
  size: number;
  page: number;
  onChange: (page: number) => void;
  t: T;
  prefix: string;
  mt?: string;
}) {
  const pages = Math.max(1, Math.ceil(p.total / p.size));
  if (pages <= 1) return null;
  return (
    <Pagination
      mt={p.mt}
      total={pages}
      value={Math.min(p.page, pages)}
      onChange={p.onChange}
      withEdges
      getControlProps={(control) => ({ 'aria-label': p.t(`${p.prefix}.control.${control}`) })}
      getItemProps={(n) => ({ 'aria-label': p.t(`${p.prefix}.page`, { n }) })}
      aria-label={p.t(`${p.prefix}.pages`)}
      data-testid={`${p.prefix}-pages`}
    />
  );
}

/** Download links of the whole selection, in the order shown, as Excel and as CSV (audited as an export). */
export function ExportLinks(p: {
  href: (format: 'xlsx' | 'csv') => string;
  t: T;
  prefix: string;
  title?: string;
}) {
  return (['xlsx', 'csv'] as const).map((format) => (
    <Button
      key={format}
      component="a"
      variant="default"
      size="xs"
      href={p.href(format)}
      download
      data-testid={`${p.prefix}-export-${format}`}
      title={p.title}
    >
      {p.t(format === 'xlsx' ? `${p.prefix}.exportXlsx` : `${p.prefix}.exportCsv`)}
    </Button>
  ));
}
