import {
  type CutoffSetting,
  cutoffDayForPeriod,
  periodContaining,
  periodLabel,
  periodRange,
  REPORT_PERIOD_KINDS,
  type ReportPeriodKind,
} from '@hoanhap/domain/reporting-periods';
import { Anchor, Group, NumberInput, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n/i18n.ts';
import './reports-i18n.ts';
import './cutoff-i18n.ts';

// The period of a dashboard or report: kind, year, index and cut-off day, kept in the URL so that a link to a
// figure or a drill-down names its period. The cut-off day follows the national setting in force for the period
// (cutoffDayForPeriod; 15 without one) unless the user picks another (`customCutoff`, then kept in the URL).

export type Period = {
  kind: ReportPeriodKind;
  year: number;
  index: number;
  cutoffDay: number;
  customCutoff?: boolean;
};

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

/** The period of a kind that contains today under the national settings (the year so far for 9 months in Oct–Dec). */
export function currentPeriod(
  kind: ReportPeriodKind = 'month',
  settings: readonly CutoffSetting[] = [],
): Period {
  // The day in force today decides which period today belongs to; the period then takes its own setting.
  const today = todayIso();
  const found = periodContaining(kind, today, cutoffDayForPeriod(settings, 'month', ...yearMonth(today)));
  const year = found?.year ?? new Date().getFullYear();
  const index = found?.index ?? 1;
  return { kind, year, index, cutoffDay: cutoffDayForPeriod(settings, kind, year, index) };
}

const yearMonth = (iso: string): [number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];

/** Reads a period from URL parameters, falling back to the current month. */
export function periodFromParams(params: URLSearchParams, settings: readonly CutoffSetting[] = []): Period {
  const kind = params.get('kind') as ReportPeriodKind | null;
  const base = currentPeriod(kind && REPORT_PERIOD_KINDS.includes(kind) ? kind : 'month', settings);
  const year = Number(params.get('year')) || base.year;
  const index = Math.min(PERIOD_COUNT[base.kind], Math.max(1, Number(params.get('index')) || base.index));
  const cutoff = Number(params.get('cutoff'));
  const custom = cutoff >= 1 && cutoff <= 28;
  const cutoffDay = custom ? cutoff : cutoffDayForPeriod(settings, base.kind, year, index);
  return { kind: base.kind, year, index, cutoffDay, customCutoff: custom };
}

/** URL parameters of a period; `cutoff` only when the user chose a day other than the national setting. */
export const periodToParams = (p: Period): Record<string, string> => ({
  kind: p.kind,
  year: String(p.year),
  index: String(p.index),
  ...(p.customCutoff ? { cutoff: String(p.cutoffDay) } : {}),
});

export const rangeOf = (p: Period) => periodRange(p.kind, p.year, p.index, p.cutoffDay);
export const labelOf = (p: Period) => periodLabel(p.kind, p.year, p.index)[currentLang()];

/**
 * Kind, year, period and cut-off day selectors. Without a day of their own, periods take the national setting
 * in force for them (`settings`); typing a day makes it the user's choice until they go back to the setting.
 */
export function PeriodFilter({
  value,
  onChange,
  settings = [],
}: {
  value: Period;
  onChange: (p: Period) => void;
  settings?: readonly CutoffSetting[];
}) {
  const { t } = useTranslation('reports');
  const indexes = Array.from({ length: PERIOD_COUNT[value.kind] }, (_, i) => i + 1);
  const settingDay = (p: Omit<Period, 'cutoffDay'>) => cutoffDayForPeriod(settings, p.kind, p.year, p.index);
  // A change of kind, year or period: the cut-off day follows the setting unless the user chose one.
  const change = (p: Period) =>
    onChange(p.customCutoff ? p : { ...p, cutoffDay: settingDay(p), customCutoff: false });
  const national = settingDay(value);
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
          change({ ...value, kind, index: Math.min(value.index, PERIOD_COUNT[kind]) });
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
          if (year >= 2000 && year <= 2100) change({ ...value, year });
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
          onChange={(i) => i && change({ ...value, index: Number(i) })}
        />
      )}
      <Stack gap={2}>
        <NumberInput
          label={t('dashboard.cutoffDay')}
          description={value.cutoffDay === national ? t('cutoff.fromSetting') : t('cutoff.custom')}
          value={value.cutoffDay}
          min={1}
          max={28}
          w={170}
          onChange={(d) => {
            const day = Number(d);
            if (day >= 1 && day <= 28 && day !== value.cutoffDay)
              onChange({ ...value, cutoffDay: day, customCutoff: day !== national });
          }}
        />
        {value.cutoffDay !== national && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => onChange({ ...value, cutoffDay: national, customCutoff: false })}
          >
            {t('cutoff.useSetting', { day: national })}
          </Anchor>
        )}
      </Stack>
    </Group>
  );
}
