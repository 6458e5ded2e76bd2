import { REGIMES } from '@hoanhap/domain/legal-regimes';
import type { ReportGrouping } from '@hoanhap/domain/report-grouping';
import { Anchor, Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { BarChart, TargetBar } from './charts.tsx';
import { type Period, PeriodFilter, periodFromParams, periodToParams, rangeOf } from './period-filter.tsx';
import { ProvinceMap } from './province-map.tsx';
import './cutoff-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { PageTitle } from '../../components/record-list.tsx';
import { GroupingSelect, groupingOf, groupingQuery } from './grouping-select.tsx';
import {
  cutoffSettings,
  type Disaggregation,
  type Figure,
  formatTarget,
  formatValue,
  nameOf,
  tx,
  useBreakdown,
  useByUnit,
  useCatalogue,
  useCutoff,
  useDashboard,
  useTrend,
} from './reports-api.ts';
import { TasksPanel } from './tasks-panel.tsx';
import { ownUnit, UnitSelect, useUnitNames } from './unit-select.tsx';

export const SECTIONS = [
  'people',
  'pathways',
  'dossiers',
  'post_rehab',
  'facility',
  'community',
  'targets',
] as const;

/** Link to the records behind a figure, keeping the period, unit and grouping. */
export function recordsHref(
  id: string,
  unit: string,
  from: string,
  to: string,
  part = 'numerator',
  grouping: ReportGrouping = 'today',
) {
  const q = new URLSearchParams({ unit, from, to });
  if (part !== 'numerator') q.set('part', part);
  if (grouping === 'period') q.set('grouping', grouping);
  return `/indicators/${id}/records?${q}`;
}

function FigureCard({
  f,
  unit,
  from,
  to,
  grouping,
}: {
  f: Figure;
  unit: string;
  from: string;
  to: string;
  grouping: ReportGrouping;
}) {
  const { t } = useTranslation('reports');
  const name = nameOf(f);
  const value = formatValue(f.value, f.kind);
  return (
    <Card withBorder padding="sm" data-testid={`figure-${f.indicatorId}`}>
      <Stack gap={4}>
        <Text size="sm">{name}</Text>
        {f.pending ? (
          <Text size="sm" c="dark.6" title={t('dashboard.pendingHint')}>
            — {t('dashboard.pending')}
          </Text>
        ) : (
          <Anchor
            component={Link}
            to={recordsHref(f.indicatorId, unit, from, to, 'numerator', grouping)}
            fz={24}
            fw={700}
            aria-label={`${value} — ${t('dashboard.openRecords', { name })}`}
            data-testid={`figure-value-${f.indicatorId}`}
          >
            {value}
          </Anchor>
        )}
        {f.kind === 'ratio' && !f.pending && (
          <Text size="xs" c="dark.6">
            {t('dashboard.ratioOf', { num: formatValue(f.numerator), den: formatValue(f.denominator) })}
          </Text>
        )}
        {f.target && (
          <Group gap={6}>
            <Text size="xs" c="dark.6">
              {t('dashboard.targetText', { value: formatTarget(f.target, f.kind) })}
            </Text>
            {f.meetsTarget !== null && (
              <Badge size="xs" color={f.meetsTarget ? 'teal.9' : 'red.9'} variant="filled">
                {f.meetsTarget ? t('dashboard.met') : t('dashboard.notMet')}
              </Badge>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Figures of a unit for a period, grouped by section, each opening its records; charts below. */
export function DashboardPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('dashboard.title'));
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const cutoff = useCutoff();
  // Until the national cut-off setting is known the period is not (a failed request falls back to the 15th).
  const settings = cutoffSettings(cutoff.data);
  const period = periodFromParams(params, settings);
  const unit = params.get('unit') ?? ownUnit(me);
  const range = rangeOf(period);
  const grouping = groupingOf(params);
  const dash = useDashboard({ unit, ...range, ...groupingQuery(grouping) }, !cutoff.isPending);
  const catalogue = useCatalogue();

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const setPeriod = (p: Period) => {
    const next = new URLSearchParams(params);
    next.delete('cutoff');
    for (const [k, v] of Object.entries(periodToParams(p))) next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <PageTitle title={t('dashboard.title')} />
      {can(me, 'tasks.read') && <TasksPanel />}
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <UnitSelect me={me} value={unit} onChange={(u) => update({ unit: u })} />
          {!cutoff.isPending && <PeriodFilter value={period} onChange={setPeriod} settings={settings} />}
          <GroupingSelect value={grouping} onChange={(g) => update({ grouping: g })} />
        </Group>
        <Group gap="md" mt="xs">
          <Text size="sm" data-testid="dashboard-range">
            {t('dashboard.range', { from: formatDate(range.from), to: formatDate(range.to) })}
          </Text>
          {can(me, 'reports.settings') && (
            <Anchor component={Link} to="/reporting-cutoff" size="sm">
              {t('cutoff.settingLink')}
            </Anchor>
          )}
        </Group>
      </Paper>
      {(cutoff.isPending || dash.isPending) && <InlineLoader />}
      {dash.isError && <ErrorState error={dash.error} onRetry={() => dash.refetch()} />}
      {dash.data && dash.data.figures.length === 0 && (
        <Text data-testid="dashboard-empty">{t('dashboard.empty')}</Text>
      )}
      {dash.data && dash.data.figures.length > 0 && (
        <>
          <Text
            size="sm"
            c={dash.data.stale ? 'orange.9' : 'dimmed'}
            role={dash.data.stale ? 'status' : undefined}
            data-testid="dashboard-computed-at"
          >
            {t(dash.data.stale ? 'dashboard.stale' : 'dashboard.computedAt', {
              at: formatDateTime(dash.data.computedAt),
            })}
          </Text>
          {dash.data.figures.every((f) => !f.value) && (
            <Text size="sm" data-testid="dashboard-no-records">
              {t('dashboard.noRecords')}
            </Text>
          )}
          <Charts
            figures={dash.data.figures}
            unitKind={dash.data.unit.kind}
            unit={unit}
            period={period}
            from={range.from}
            to={range.to}
            grouping={grouping}
            chart={params.get('chart')}
            onChart={(id) => update({ chart: id })}
            onUnit={(code) => update({ unit: code })}
            disaggregations={new Map((catalogue.data?.items ?? []).map((i) => [i.id, i.disaggregations]))}
          />
          {SECTIONS.map((s) => {
            const figures = dash.data.figures.filter((f) => f.section === s);
            if (!figures.length) return null;
            return (
              <section key={s} aria-labelledby={`sec-${s}`}>
                <Title order={2} size="h4" id={`sec-${s}`} mb="xs">
                  {t(`section.${s}`)}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                  {figures.map((f) => (
                    <FigureCard
                      key={f.indicatorId}
                      f={f}
                      unit={unit}
                      from={range.from}
                      to={range.to}
                      grouping={grouping}
                    />
                  ))}
                </SimpleGrid>
              </section>
            );
          })}
        </>
      )}
    </Stack>
  );
}

function Charts(p: {
  figures: Figure[];
  unitKind: string;
  unit: string;
  period: Period;
  from: string;
  to: string;
  grouping: ReportGrouping;
  chart: string | null;
  onChart: (id: string) => void;
  onUnit: (code: string) => void;
  disaggregations: Map<string, Disaggregation[]>;
}) {
  const { t } = useTranslation('reports');
  const me = useSession();
  const names = useUnitNames(me, p.unitKind === 'province' ? p.unit : null);
  const computable = p.figures.filter((f) => !f.pending);
  const chosen = computable.find((f) => f.indicatorId === p.chart) ?? computable[0];
  const id = chosen?.indicatorId ?? null;
  const trend = useTrend(id, {
    unit: p.unit,
    periodKind: p.period.kind,
    year: p.period.year,
    cutoffDay: p.period.customCutoff ? p.period.cutoffDay : undefined,
    ...groupingQuery(p.grouping),
  });
  const canCompare =
    (p.unitKind === 'province' || p.unitKind === 'nation' || p.unitKind === 'area') &&
    !!id &&
    (p.disaggregations.get(id) ?? []).includes('unit');
  const byUnit = useByUnit(
    id,
    { unit: p.unit, from: p.from, to: p.to, ...groupingQuery(p.grouping) },
    canCompare,
  );
  const targets = computable.filter((f) => f.kind === 'ratio' && f.target && f.target.value <= 100);
  if (!chosen) return null;
  const kind = chosen.kind;
  return (
    <Panel id="charts-title" p="sm" gap="0" title={t('dashboard.charts')}>
      <Select
        label={t('dashboard.chartIndicator')}
        data={computable.map((f) => ({ value: f.indicatorId, label: nameOf(f) }))}
        value={chosen.indicatorId}
        searchable
        allowDeselect={false}
        maw={520}
        onChange={(v) => v && p.onChart(v)}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="sm">
        <div>
          <Title order={3} size="h5">
            {t('dashboard.trend', { year: p.period.year })}
          </Title>
          {trend.isPending && <InlineLoader />}
          {trend.isError && <ErrorState error={trend.error} />}
          {trend.data && (
            <BarChart
              testId="chart-trend"
              title={`${nameOf(chosen)} — ${t('dashboard.trend', { year: p.period.year })}`}
              bars={trend.data.points.map((pt) => ({
                key: String(pt.index),
                label: tx(pt.label),
                value: pt.value,
                display: formatValue(pt.value, kind),
              }))}
              target={chosen.target?.value ?? null}
              targetLabel={chosen.target ? formatTarget(chosen.target, kind) : undefined}
            />
          )}
        </div>
        <div>
          <Title order={3} size="h5">
            {t('dashboard.comparison')}
          </Title>
          {!canCompare && (
            <Text size="sm" c="dark.6">
              {t('dashboard.noChildren')}
            </Text>
          )}
          {canCompare && byUnit.isPending && <InlineLoader />}
          {canCompare && byUnit.isError && <ErrorState error={byUnit.error} />}
          {canCompare && byUnit.data && byUnit.data.groups.length === 0 && (
            <Text size="sm" c="dark.6">
              {t('dashboard.noRecords')}
            </Text>
          )}
          {canCompare && byUnit.data && byUnit.data.groups.length > 0 && (
            <BarChart
              testId="chart-units"
              category={t('dashboard.unit')}
              title={`${nameOf(chosen)} — ${t('dashboard.comparison')}`}
              bars={byUnit.data.groups.map((g) => ({
                key: g.key,
                label: names.get(g.key) ?? g.key,
                value: g.value,
                display: formatValue(g.value, kind),
              }))}
              target={chosen.target?.value ?? null}
              targetLabel={chosen.target ? formatTarget(chosen.target, kind) : undefined}
            />
          )}
        </div>
      </SimpleGrid>
      {p.unitKind === 'nation' && byUnit.data && (
        <div>
          <Title order={3} size="h5" mt="md">
            {t('dashboard.map')}
          </Title>
          <ProvinceMap
            title={`${nameOf(chosen)} — ${t('dashboard.map')}`}
            values={new Map(byUnit.data.groups.map((g) => [g.key, g.value]))}
            display={(v) => formatValue(v, kind)}
            onPick={p.onUnit}
            missing={kind === 'ratio' ? null : 0}
          />
        </div>
      )}
      <Breakdown
        figure={chosen}
        supported={(p.disaggregations.get(chosen.indicatorId) ?? []).filter((d) => d !== 'unit')}
        unit={p.unit}
        from={p.from}
        to={p.to}
        grouping={p.grouping}
      />
      <Title order={3} size="h5" mt="md">
        {t('dashboard.progress')}
      </Title>
      {targets.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('dashboard.noTargets')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="chart-targets">
          {targets.map((f) => (
            <TargetBar
              key={f.indicatorId}
              label={nameOf(f)}
              value={f.value}
              display={formatValue(f.value, 'ratio')}
              target={f.target!.value}
              targetText={t('dashboard.targetText', { value: formatTarget(f.target, 'ratio') })}
              met={f.meetsTarget}
            />
          ))}
        </SimpleGrid>
      )}
    </Panel>
  );
}

const regimeName = new Map(REGIMES.map((r) => [r.id as string, r.name]));

/** The chosen indicator broken down by sex, age group, substance or legal basis. */
function Breakdown(p: {
  figure: Figure;
  supported: Disaggregation[];
  unit: string;
  from: string;
  to: string;
  grouping: ReportGrouping;
}) {
  const { t } = useTranslation('reports');
  const [choice, setChoice] = useState<string | null>(null);
  const by = p.supported.find((d) => d === choice) ?? p.supported[0] ?? null;
  const answer = useBreakdown(p.figure.indicatorId, {
    unit: p.unit,
    from: p.from,
    to: p.to,
    by,
    ...groupingQuery(p.grouping),
  });
  const label = (key: string) =>
    by === 'legal_basis' && regimeName.has(key) ? tx(regimeName.get(key)) : t(`breakdown.key.${key}`, key);
  return (
    <div>
      <Title order={3} size="h5" mt="md">
        {t('breakdown.title')}
      </Title>
      {!by ? (
        <Text size="sm" c="dark.6">
          {t('breakdown.empty')}
        </Text>
      ) : (
        <>
          <Select
            label={t('breakdown.by')}
            data={p.supported.map((d) => ({ value: d, label: t(`catalogue.dis.${d}`) }))}
            value={by}
            allowDeselect={false}
            maw={260}
            onChange={setChoice}
          />
          {answer.isPending && <InlineLoader />}
          {answer.isError && <ErrorState error={answer.error} />}
          {answer.data && answer.data.groups.length === 0 && (
            <Text size="sm" c="dark.6">
              {t('dashboard.noRecords')}
            </Text>
          )}
          {answer.data && answer.data.groups.length > 0 && (
            <BarChart
              testId="chart-breakdown"
              category={t(`catalogue.dis.${by}`)}
              title={`${nameOf(p.figure)} — ${t('breakdown.by')} ${t(`catalogue.dis.${by}`).toLowerCase()}`}
              bars={answer.data.groups.map((g) => ({
                key: g.key,
                label: label(g.key),
                value: g.value,
                display: formatValue(g.value, p.figure.kind),
              }))}
            />
          )}
          {by === 'substance' && (
            <Text size="xs" c="dark.6">
              {t('breakdown.multi')}
            </Text>
          )}
        </>
      )}
    </div>
  );
}
