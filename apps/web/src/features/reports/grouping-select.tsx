import type { ReportGrouping } from '@hoanhap/domain/report-grouping';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './grouping-i18n.ts';

/** The grouping in a page's address (`grouping=period`), today's units otherwise. */
export const groupingOf = (params: URLSearchParams): ReportGrouping =>
  params.get('grouping') === 'period' ? 'period' : 'today';

/** Only the non-default grouping goes into a query, so today's addresses stay as they were. */
export const groupingQuery = (g: ReportGrouping | undefined) => (g === 'period' ? { grouping: g } : {});

/** "Theo đơn vị hiện nay" / "Theo đơn vị của kỳ báo cáo". */
export function GroupingSelect(p: { value: ReportGrouping; onChange: (g: ReportGrouping) => void }) {
  const { t } = useTranslation('reports');
  return (
    <Select
      label={t('grouping.label')}
      description={p.value === 'period' ? t('grouping.hint') : undefined}
      data={[
        { value: 'today', label: t('grouping.today') },
        { value: 'period', label: t('grouping.period') },
      ]}
      value={p.value}
      allowDeselect={false}
      onChange={(v) => v && p.onChange(v as ReportGrouping)}
      data-testid="grouping-select"
      w={260}
    />
  );
}
