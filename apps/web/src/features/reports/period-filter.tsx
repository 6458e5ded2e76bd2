import {
  periodContaining,
  periodLabel,
  periodRange,
  REPORT_PERIOD_KINDS,
  type ReportPeriodKind,
} from '@hoanhap/domain/reporting-periods';
import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n/i18n.ts';
import './reports-i18n.ts';

// The period of a dashboard or report: kind, year, index and cut-off day (default the 15th), kept in the
// URL so that a link to a figure or a drill-down names its period.

export type Period = { kind: ReportPeriodKind; year: number; index: number; cutoffDay: number };

export const PERIOD_COUNT: Record<ReportPeriodKind, number> = {
  month: 12,
  quarter: 4,
  half_year: 2,
  nine_months: 1,
  year: 1,
};

const todayIso = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** The period of a kind that contains today (the year so far for 9 months in Oct–Dec). */
export function currentPeriod(kind: ReportPeriodKind = 'month', cutoffDay = 15): Period {
  const found = periodContaining(kind, todayIso(), cutoffDay);
  return found
    ? { kind, year: found.year, index: found.index, cutoffDay }
    : { kind, year: new Date().getFullYear(), index: 1, cutoffDay };
}

/** Reads a period from URL parameters, falling back to the current month. */
export function periodFromParams(params: URLSearchParams): Period {
  const kind = params.get('kind') as ReportPeriodKind | null;
  const base = currentPeriod(kind && REPORT_PERIOD_KINDS.includes(kind) ? kind : 'month');
  const year = Number(params.get('year')) || base.year;
  const index = Math.min(PERIOD_COUNT[base.kind], Math.max(1, Number(params.get('index')) || base.index));
  const cutoff = Number(params.get('cutoff'));
  const cutoffDay = cutoff >= 1 && cutoff <= 28 ? cutoff : base.cutoffDay;
  return { kind: base.kind, year, index, cutoffDay };
}

export const periodToParams = (p: Period) => ({
  kind: p.kind,
  year: String(p.year),
  index: String(p.index),
  cutoff: String(p.cutoffDay),
});

export const rangeOf = (p: Period) => periodRange(p.kind, p.year, p.index, p.cutoffDay);
export const labelOf = (p: Period) => periodLabel(p.kind, p.year, p.index)[currentLang()];

/** Kind, year, period and cut-off day selectors. */
export function PeriodFilter({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation('reports');
  const indexes = Array.from({ length: PERIOD_COUNT[value.kind] }, (_, i) => i + 1);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('dashboard.periodKind')}
        data={REPORT_PERIOD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        w={130}
        onChange={(k) => {
          if (!k) return;
          const kind = k as ReportPeriodKind;
          onChange({ ...value, kind, index: Math.min(value.index, PERIOD_COUNT[kind]) });
        }}
      />
      <NumberInput
        label={t('dashboard.year')}
        value={value.year}
        min={2000}
        max={2100}
        w={100}
        onChange={(y) => {
          const year = Number(y);
          if (year >= 2000 && year <= 2100) onChange({ ...value, year });
        }}
      />
      {indexes.length > 1 && (
        <Select
          label={t('dashboard.index')}
          data={indexes.map((i) => ({
            value: String(i),
            label: periodLabel(value.kind, value.year, i)[currentLang()],
          }))}
          value={String(value.index)}
          allowDeselect={false}
          w={190}
          onChange={(i) => i && onChange({ ...value, index: Number(i) })}
        />
      )}
      <NumberInput
        label={t('dashboard.cutoffDay')}
        value={value.cutoffDay}
        min={1}
        max={28}
        w={130}
        onChange={(d) => {
          const day = Number(d);
          if (day >= 1 && day <= 28) onChange({ ...value, cutoffDay: day });
        }}
      />
    </Group>
  );
}
