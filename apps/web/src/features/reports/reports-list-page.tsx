import type { ReportGrouping } from '@hoanhap/domain/report-grouping';
import { periodLabel, periodRange } from '@hoanhap/domain/reporting-periods';
import { Anchor, Badge, Button, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { Panel } from '../../components/panel.tsx';
import { heads, PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import { useAreas } from './areas-api.ts';
import { GroupingSelect, groupingQuery } from './grouping-select.tsx';
import { currentPeriod, type Period, PeriodFilter } from './period-filter.tsx';
import { ReportDialog } from './report-dialog.tsx';
import {
  cutoffSettings,
  type ReportStatus,
  reportsApi,
  useCutoff,
  useReports,
  useSubmissions,
} from './reports-api.ts';
import { ownUnit } from './unit-select.tsx';

const STATUS_COLOR: Record<string, string> = {
  draft: 'gray.8',
  submitted: 'blue.9',
  returned: 'red.9',
  approved: 'teal.9',
  not_started: 'gray.7',
};

export function StatusBadge({ status }: { status: ReportStatus | 'not_started' }) {
  const { t } = useTranslation('reports');
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-testid="report-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Periodic reports in the viewer's scope, a form to create one, and who has reported for a period. */
export function ReportsListPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('reports.title'));
  const me = useSession();
  const list = useReports();
  const [creating, setCreating] = useState(false);
  // Each unit prepares its own report (the server refuses others).
  const mayCreate = can(me, 'reports.submit');
  const reviewer = me.user.scopeKind === 'nation' || me.user.scopeKind === 'province';

  return (
    <Stack>
      <PageHeader
        title={t('reports.title')}
        action={mayCreate && <Button onClick={() => setCreating(true)}>{t('reports.create')}</Button>}
      />
      <QueryView q={list}>
        {({ items }) =>
          items.length === 0 ? (
            <Text data-testid="reports-empty">
              {mayCreate ? t('reports.empty') : t('reports.emptyReader')}
            </Text>
          ) : (
            <RecordTable
              minWidth={640}
              striped
              data-testid="reports-table"
              head={[t('reports.period'), t('reports.unit'), t('reports.dates'), t('reports.status')]}
            >
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/${r.id}`}>
                      {periodLabel(r.periodKind, r.year, r.index)[currentLang()]}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.unitName ?? r.unitCode}</Table.Td>
                  <Table.Td>
                    {formatDate(r.from)} – {formatDate(r.to)}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )
        }
      </QueryView>
      {reviewer && <SubmissionsPanel />}
      {creating && <CreateReportModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function CreateReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('reports');
  const me = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const settings = cutoffSettings(useCutoff().data);
  const [chosen, setPeriod] = useState<Period | null>(null);
  // Until the user picks a period, the current month under the national cut-off setting.
  const period = chosen ?? currentPeriod('month', settings);
  // A province officer may also prepare the report of one of the province's areas.
  const areas = useAreas(me.user.scopeKind === 'province');
  const [unit, setUnit] = useState(ownUnit(me));
  const [grouping, setGrouping] = useState<ReportGrouping>('today');
  const range = periodRange(period.kind, period.year, period.index, period.cutoffDay);
  const create = useMutation({
    mutationFn: () =>
      reportsApi.createReport({
        unit,
        periodKind: period.kind,
        year: period.year,
        index: period.index,
        // Without a day of the user's own, the server applies the national setting for the period.
        ...(period.customCutoff ? { cutoffDay: period.cutoffDay } : {}),
        ...groupingQuery(grouping),
      }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${r.id}`);
    },
  });
  // A report of the same unit and period exists already: a link to it.
  const existing = create.error instanceof ApiError && typeof create.error.body.reportId === 'string' && (
    <>
      {' '}
      <Anchor component={Link} to={`/reports/${create.error.body.reportId}`}>
        {t('reports.openExisting')}
      </Anchor>
    </>
  );
  return (
    <ReportDialog
      title={t('reports.createTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={() => create.mutate()}
      error={create.error}
      problemExtra={existing}
      busy={create.isPending}
      submitLabel={t('reports.create')}
    >
      {areas.data?.length ? (
        <Select
          label={t('reports.unit')}
          data={[
            { value: ownUnit(me), label: me.user.scopeName ?? ownUnit(me) },
            ...areas.data.map((a) => ({ value: a.unit, label: `${t('dashboard.area')}: ${a.name}` })),
          ]}
          value={unit}
          allowDeselect={false}
          onChange={(v) => v && setUnit(v)}
        />
      ) : (
        <Text size="sm">
          {t('reports.unit')}: <b>{me.user.scopeName ?? unit}</b>
        </Text>
      )}
      <PeriodFilter value={period} onChange={setPeriod} settings={settings} />
      <GroupingSelect value={grouping} onChange={setGrouping} />
      <Text size="sm">
        {t('dashboard.range', { from: formatDate(range.from), to: formatDate(range.to) })}
      </Text>
    </ReportDialog>
  );
}

function SubmissionsPanel() {
  const { t } = useTranslation('reports');
  const settings = cutoffSettings(useCutoff().data);
  const [chosen, setPeriod] = useState<Period | null>(null);
  const period = chosen ?? currentPeriod('month', settings);
  const subs = useSubmissions({ periodKind: period.kind, year: period.year, index: period.index }, true);
  const nation = subs.data?.items.some((i) => i.unitsSubmitted !== null);
  return (
    <Panel id="subs-title" p="sm" gap="0" title={t('reports.submissions')}>
      <Text size="sm" mb="xs">
        {t('reports.submissionsHint')}
      </Text>
      <PeriodFilter value={period} onChange={setPeriod} settings={settings} />
      {subs.isPending && <InlineLoader />}
      {subs.isError && <ErrorState error={subs.error} />}
      {subs.data && subs.data.items.length === 0 && <Text size="sm">{t('reports.noSubmissions')}</Text>}
      {subs.data && subs.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560} mt="sm">
          <RecordTable
            data-testid="submissions-table"
            head={heads(t, 'reports', [
              'unit',
              'status',
              'submittedAt',
              nation && 'unitsSubmitted',
              nation && 'unitsApproved',
            ])}
          >
            {subs.data.items.map((i) => (
              <Table.Tr key={i.code} data-testid={`submission-${i.code}`}>
                <Table.Td>
                  {i.reportId ? (
                    <Anchor component={Link} to={`/reports/${i.reportId}`}>
                      {i.name}
                    </Anchor>
                  ) : (
                    i.name
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(i.submittedAt)}</Table.Td>
                {nation && <Table.Td>{i.unitsSubmitted ?? ''}</Table.Td>}
                {nation && <Table.Td>{i.unitsApproved ?? ''}</Table.Td>}
              </Table.Tr>
            ))}
          </RecordTable>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
