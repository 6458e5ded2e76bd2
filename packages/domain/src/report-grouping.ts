// How a period's figures are grouped into units (issue 13, "units over time"): by today's units (the default: a
// person counts in the commune they live in now; a commune merged into another counts in that one) or by the
// units of the period (a person counts in the commune they lived in at the period's end; a record in the unit it
// was recorded in).

export const REPORT_GROUPINGS = ['today', 'period'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** What each grouping is called on screens and in documents. */
export const GROUPING_LABELS: Record<ReportGrouping, { vi: string; en: string }> = {
  today: { vi: 'Theo đơn vị hiện nay', en: "By today's units" },
  period: { vi: 'Theo đơn vị của kỳ báo cáo', en: 'By the units of the reporting period' },
};
