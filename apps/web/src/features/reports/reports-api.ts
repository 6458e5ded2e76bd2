import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, client, pathId, withQuery } from '../../api/client.ts';
import type { BodyOf, operations, ResponseOf, Schemas } from '../../api/schema.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Calls to /api/indicators, /api/dashboard and /api/reports, their response shapes, and number formatting
// (vi-VN grouping, ratios as percentages, an empty denominator or a pending block shown as "—").

/** The query an operation takes, by its operationId. */
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** One computed indicator, as the dashboard, a value and a report carry it. */
export type Figure = Schemas['Figure'];
export type Text2 = { vi: string; en: string };
export type Dashboard = ResponseOf<'getDashboard'>;
export type UnitRef = Dashboard['unit'];
export type ValueAnswer = ResponseOf<'getIndicatorValue'>;
export type TrendAnswer = ResponseOf<'getIndicatorTrend'>;
export type RecordsAnswer = ResponseOf<'listIndicatorRecords'>;
export type RecordItem = RecordsAnswer['items'][number];
export type RecordSort = RecordsAnswer['sort'];
/** A page of the records behind a figure; `grouping` 'period': grouped by the units of the period. */
export type RecordsQuery = QueryOf<'listIndicatorRecords'> &
  Required<Pick<QueryOf<'listIndicatorRecords'>, 'part' | 'sort' | 'dir' | 'limit' | 'offset'>>;

export type Catalogue = ResponseOf<'listIndicators'>;
export type CatalogueItem = Catalogue['items'][number];
export type BlockItem = Catalogue['blocks'][number];
export type Disaggregation = CatalogueItem['disaggregations'][number];

export type ReportListItem = ResponseOf<'listReports'>['items'][number];
export type Report = Schemas['PeriodicReport'];
export type ReportStatus = Report['status'];
export type Narrative = Report['narrative'];
export type Submissions = ResponseOf<'listReportSubmissions'>;
export type CutoffInfo = Schemas['ReportingCutoff'];

type Range = QueryOf<'getDashboard'>;

/** A query without its empty values: an unset filter (`unit=`) is left out, not sent empty. */
const present = <Q extends object>(q: Q): Q =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== '')) as Q;

const DAY = 24 * 60 * 60 * 1000;

type ValueQuery = QueryOf<'getIndicatorValue'>;
const indicatorValue = (id: string | null, query: ValueQuery) =>
  call(
    client.GET('/api/indicators/{id}/value', { params: { path: { id: id ?? '' }, query: present(query) } }),
  );

export function useCatalogue() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: () => call(client.GET('/api/indicators')),
    staleTime: DAY,
  });
}

export function useDashboard(q: Range, enabled = true) {
  return useQuery({
    queryKey: ['dashboard', q],
    queryFn: () => call(client.GET('/api/dashboard', { params: { query: present(q) } })),
    enabled,
  });
}

export function useTrend(
  id: string | null,
  // Without cutoffDay the server cuts each period at the national setting in force for it.
  q: QueryOf<'getIndicatorTrend'>,
) {
  return useQuery({
    queryKey: ['trend', id, q],
    queryFn: () =>
      call(
        client.GET('/api/indicators/{id}/trend', { params: { path: { id: id ?? '' }, query: present(q) } }),
      ),
    enabled: !!id,
  });
}

export function useByUnit(id: string | null, q: Range, enabled: boolean) {
  return useQuery({
    queryKey: ['by-unit', id, q],
    queryFn: () => indicatorValue(id, { ...q, by: 'unit' }),
    enabled: !!id && enabled,
  });
}

export function useBreakdown(id: string | null, q: Range & { by: ValueQuery['by'] | null }) {
  return useQuery({
    queryKey: ['breakdown', id, q],
    queryFn: () => indicatorValue(id, { ...q, by: q.by ?? undefined }),
    enabled: !!id && !!q.by,
  });
}

/** One page of the records behind a figure (the server pages, sorts and audits it). */
export function useRecords(id: string, q: RecordsQuery) {
  return useQuery({
    queryKey: ['records', id, q],
    queryFn: () =>
      call(client.GET('/api/indicators/{id}/records', { params: { path: { id }, query: present(q) } })),
    placeholderData: keepPreviousData,
  });
}

/** The download address of every record behind a figure, in the order shown (audited as an export). */
export function recordsExportUrl(
  id: string,
  q: Omit<RecordsQuery, 'limit' | 'offset'>,
  format: 'xlsx' | 'csv',
) {
  return withQuery(`/api/indicators/${id}/records/export`, { ...q, format });
}

export function useFigure(id: string, q: Range) {
  return useQuery({
    queryKey: ['value', id, q],
    queryFn: () => indicatorValue(id, q),
  });
}

export function useReports() {
  return useQuery({
    queryKey: ['reports'],
    queryFn: () => call(client.GET('/api/reports')),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: () => call(client.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
}

export function useSubmissions(q: QueryOf<'listReportSubmissions'>, enabled: boolean) {
  return useQuery({
    queryKey: ['submissions', q],
    queryFn: () => call(client.GET('/api/reports/submissions', { params: { query: present(q) } })),
    enabled,
  });
}

/** The writes of the reports area (bodies and answers typed by the contract). */
export const reportsApi = {
  createReport: (body: BodyOf<'createReport'>) => call(client.POST('/api/reports', { body })),
  updateNarrative: (id: string, body: BodyOf<'updateReport'>) =>
    call(client.PUT('/api/reports/{id}', { ...pathId(id), body })),
  submit: (id: string, body: BodyOf<'submitReport'>) =>
    call(client.POST('/api/reports/{id}/submit', { ...pathId(id), body })),
  approve: (id: string, body: BodyOf<'approveReport'>) =>
    call(client.POST('/api/reports/{id}/approve', { ...pathId(id), body })),
  return: (id: string, body: BodyOf<'returnReport'>) =>
    call(client.POST('/api/reports/{id}/return', { ...pathId(id), body })),
  setCutoff: (body: BodyOf<'setReportingCutoff'>) => call(client.POST('/api/reporting-cutoff', { body })),
  createIndicator: (body: BodyOf<'createIndicator'>) => call(client.POST('/api/indicators', { body })),
};

const numberFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A count or a percentage in vi-VN notation; null (empty denominator, no data) is "—". */
export function formatValue(value: number | null | undefined, kind: 'count' | 'ratio' = 'count'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return kind === 'ratio' ? `${numberFmt.format(value)} %` : numberFmt.format(value);
}

/** A target as text, e.g. "≥ 80 %". */
export function formatTarget(target: Figure['target'], kind: 'count' | 'ratio'): string {
  if (!target) return '';
  return `${target.op === 'gte' ? '≥' : '≤'} ${formatValue(target.value, kind)}`;
}

/** The { vi, en } text in the UI language. */
export const tx = (t: Text2 | null | undefined) => (t ? t[currentLang()] : '');
/** An indicator's name in the UI language. */
export const nameOf = (f: { vi: string; en: string }) => (currentLang() === 'vi' ? f.vi : f.en);

/** The national cut-off setting (GET /api/reporting-cutoff); the history is what cutoffDayForPeriod reads. */
export function useCutoff() {
  return useQuery({
    queryKey: ['reporting-cutoff'],
    queryFn: () => call(client.GET('/api/reporting-cutoff')),
    staleTime: 5 * 60_000,
  });
}

/** The settings as the domain functions take them (recording order). */
export const cutoffSettings = (info: CutoffInfo | undefined) =>
  (info?.history ?? []).map((h) => ({ day: h.day, effectiveFrom: h.effectiveFrom }));
