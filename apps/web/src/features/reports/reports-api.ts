import type { ReportPeriodKind } from '@hoanhap/domain/reporting-periods';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { ResponseOf } from '../../api/schema.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Calls to /api/indicators, /api/dashboard and /api/reports, their response shapes, and number formatting
// (vi-VN grouping, ratios as percentages, an empty denominator or a pending block shown as "—").

/** One computed indicator, as the dashboard, a value and a report carry it. */
export type Figure = ResponseOf<'getDashboard'>['figures'][number];
export type Text2 = { vi: string; en: string };
export type UnitRef = { kind: 'nation' | 'province' | 'commune' | 'facility'; code: string; name: string };
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type Narrative = { summary?: string; difficulties?: string; directions?: string; proposals?: string };

export type Dashboard = {
  unit: UnitRef;
  from: string;
  to: string;
  figures: Figure[];
  /** When the figures were computed; `stale`: a national-scale figure shown while it is recomputed. */
  computedAt: string;
  stale: boolean;
};
export type ValueAnswer = {
  unit: UnitRef;
  figure: Figure;
  groups: { key: string; value: number | null; numerator: number | null; denominator: number | null }[];
};
export type TrendAnswer = {
  unit: UnitRef;
  target: Figure['target'];
  points: { index: number; label: Text2; from: string; to: string; value: number | null }[];
};
export type RecordItem = {
  recordId: string;
  personId: string | null;
  fullName: string | null;
  sex: string | null;
  birthYear: number | null;
  communeCode: string | null;
  facilityId: string | null;
  date: string | null;
  quantity: number | null;
};
export type RecordSort = 'date' | 'name' | 'birth_year' | 'sex' | 'commune';
export type RecordsQuery = {
  unit?: string;
  from: string;
  to: string;
  part: string;
  sort: RecordSort;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** 'period': grouped by the units of the period (default today's). */
  grouping?: string;
};
export type RecordsAnswer = {
  pending: boolean;
  total: number | null;
  limit: number;
  offset: number;
  items: RecordItem[];
};

export type CatalogueItem = {
  id: string;
  vi: string;
  en: string;
  kind: 'count' | 'ratio';
  section: string;
  numerator: { block: string; params?: Record<string, string> };
  denominator: { block: string; params?: Record<string, string> } | null;
  disaggregations: string[];
  target: Figure['target'];
  source: Text2;
  /** What exactly is counted, where the reading is easy to mistake. */
  definition?: Text2;
  custom: boolean;
  computable: boolean;
};
export type BlockItem = {
  id: string;
  vi: string;
  en: string;
  pending: boolean;
  params: { name: string; values: string[] }[];
};
export type Catalogue = { items: CatalogueItem[]; blocks: BlockItem[] };

export type ReportListItem = {
  id: string;
  unitKind: string;
  unitCode: string;
  unitName?: string;
  periodKind: ReportPeriodKind;
  year: number;
  index: number;
  from: string;
  to: string;
  status: ReportStatus;
  version: number;
};

export type Report = {
  id: string;
  unit: UnitRef & { provinceCode: string | null };
  periodKind: ReportPeriodKind;
  year: number;
  index: number;
  cutoffDay: number;
  label: Text2;
  from: string;
  to: string;
  status: ReportStatus;
  /** The units the figures are grouped by: today's or the period's. */
  grouping: 'today' | 'period';
  narrative: Narrative;
  reviewComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  frozen: boolean;
  frozenAt: string | null;
  figures: Figure[];
  children: { code: string; name: string; values: { indicatorId: string; value: number | null }[] }[];
  currentFigures: Figure[] | null;
  differences: { indicatorId: string; frozen: number | null; current: number | null }[];
  version: number;
};

export type Submissions = {
  items: {
    code: string;
    name: string;
    kind: string;
    status: ReportStatus | 'not_started';
    submittedAt: string | null;
    reportId: string | null;
    unitsSubmitted: number | null;
    unitsApproved: number | null;
  }[];
};

const DAY = 24 * 60 * 60 * 1000;

export function useCatalogue() {
  return useQuery({
    queryKey: ['indicators'],
    queryFn: () => api.get<Catalogue>('/api/indicators'),
    staleTime: DAY,
  });
}

export function useDashboard(
  q: { unit?: string; from: string; to: string; grouping?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: ['dashboard', q],
    queryFn: () => api.get<Dashboard>('/api/dashboard', q),
    enabled,
  });
}

export function useTrend(
  id: string | null,
  // Without cutoffDay the server cuts each period at the national setting in force for it.
  q: { unit?: string; periodKind: string; year: number; cutoffDay?: number; grouping?: string },
) {
  return useQuery({
    queryKey: ['trend', id, q],
    queryFn: () => api.get<TrendAnswer>(`/api/indicators/${id}/trend`, q),
    enabled: !!id,
  });
}

export function useByUnit(
  id: string | null,
  q: { unit?: string; from: string; to: string; grouping?: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['by-unit', id, q],
    queryFn: () => api.get<ValueAnswer>(`/api/indicators/${id}/value`, { ...q, by: 'unit' }),
    enabled: !!id && enabled,
  });
}

export function useBreakdown(
  id: string | null,
  q: { unit?: string; from: string; to: string; by: string | null; grouping?: string },
) {
  return useQuery({
    queryKey: ['breakdown', id, q],
    queryFn: () => api.get<ValueAnswer>(`/api/indicators/${id}/value`, q),
    enabled: !!id && !!q.by,
  });
}

/** One page of the records behind a figure (the server pages, sorts and audits it). */
export function useRecords(id: string, q: RecordsQuery) {
  return useQuery({
    queryKey: ['records', id, q],
    queryFn: () => api.get<RecordsAnswer>(`/api/indicators/${id}/records`, q),
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

export function useFigure(id: string, q: { unit?: string; from: string; to: string; grouping?: string }) {
  return useQuery({
    queryKey: ['value', id, q],
    queryFn: () => api.get<ValueAnswer>(`/api/indicators/${id}/value`, q),
  });
}

export function useReports() {
  return useQuery({
    queryKey: ['reports'],
    queryFn: () => api.get<{ items: ReportListItem[] }>('/api/reports'),
  });
}

export function useReport(id: string) {
  return useQuery({ queryKey: ['report', id], queryFn: () => api.get<Report>(`/api/reports/${id}`) });
}

export function useSubmissions(q: { periodKind: string; year: number; index: number }, enabled: boolean) {
  return useQuery({
    queryKey: ['submissions', q],
    queryFn: () => api.get<Submissions>('/api/reports/submissions', q),
    enabled,
  });
}

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

export type CutoffInfo = {
  today: string;
  day: number;
  effectiveFrom: string | null;
  default: { day: number };
  history: {
    id: string;
    day: number;
    effectiveFrom: string;
    reason: string;
    createdAt: string;
    createdBy: string | null;
    inForce: boolean;
  }[];
  version: number;
};

/** The national cut-off setting (GET /api/reporting-cutoff); the history is what cutoffDayForPeriod reads. */
export function useCutoff() {
  return useQuery({
    queryKey: ['reporting-cutoff'],
    queryFn: () => api.get<CutoffInfo>('/api/reporting-cutoff'),
    staleTime: 5 * 60_000,
  });
}

/** The settings as the domain functions take them (recording order). */
export const cutoffSettings = (info: CutoffInfo | undefined) =>
  (info?.history ?? []).map((h) => ({ day: h.day, effectiveFrom: h.effectiveFrom }));
