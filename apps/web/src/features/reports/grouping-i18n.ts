import { GROUPING_LABELS } from '@hoanhap/domain/report-grouping';
import i18next from 'i18next';

// The units a period's figures are grouped by (namespace 'reports', key 'grouping'): today's units (default) or
// those of the reporting period (a person who moved since counts where they lived then).

i18next.addResourceBundle(
  'vi',
  'reports',
  {
    grouping: {
      label: 'Nhóm số liệu',
      today: GROUPING_LABELS.today.vi,
      period: GROUPING_LABELS.period.vi,
      hint: 'Theo đơn vị của kỳ báo cáo: người đã chuyển nơi ở, xã/phường đã sáp nhập sau kỳ vẫn được tính ở đơn vị của kỳ đó.',
      shown: 'Số liệu {{grouping}}',
    },
  },
  true,
  true,
);
i18next.addResourceBundle(
  'en',
  'reports',
  {
    grouping: {
      label: 'Group figures',
      today: GROUPING_LABELS.today.en,
      period: GROUPING_LABELS.period.en,
      hint: 'By the units of the period: people who moved and communes merged after it still count in the unit of that period.',
      shown: 'Figures {{grouping}}',
    },
  },
  true,
  true,
);
