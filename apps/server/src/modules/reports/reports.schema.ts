import { BLOCKS, DISAGGREGATIONS } from '@hoanhap/domain/indicators';
import { isoDate } from '@hoanhap/domain/person-schema';
import { REPORT_GROUPINGS } from '@hoanhap/domain/report-grouping';
import { CUTOFF_DAY_MAX, REPORT_PERIOD_KINDS } from '@hoanhap/domain/reporting-periods';
import { z } from 'zod';
import { RECORD_SORTS } from './blocks.repo.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1).describe('The version this change was based on');
const unit = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .describe(
    "'VN' the nation, a 2-digit province code, a 5-digit commune code, or a facility id; default: your scope",
  );

const grouping = z
  .enum(REPORT_GROUPINGS)
  .optional()
  .describe(
    "Units the period's records are grouped by: 'today' (default; today's units) or 'period' (the units of the period: a person in the commune they lived in at its end)",
  );

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const rangeQuery = z
  .strictObject({ unit: unit.optional(), from: isoDate, to: isoDate, grouping })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'Ngày cuối phải sau ngày đầu / to must not be before from',
  });

export const valueQuery = z
  .strictObject({
    unit: unit.optional(),
    from: isoDate,
    to: isoDate,
    by: z.enum(DISAGGREGATIONS).optional(),
    grouping,
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    message: 'Ngày cuối phải sau ngày đầu / to must not be before from',
  });

const drillBase = {
  unit: unit.optional(),
  from: isoDate,
  to: isoDate,
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  sort: z.enum(RECORD_SORTS).default('date').describe('Order of the list (ties by record)'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  grouping,
};
const fromBeforeTo = {
  path: ['to'],
  message: 'Ngày cuối phải sau ngày đầu / to must not be before from',
};

export const recordsQuery = z
  .strictObject({
    ...drillBase,
    limit: z.coerce
      .number({ error: 'Cần một số / a number is required' })
      .int()
      .min(1, { error: 'Từ 1 đến 1000 dòng mỗi trang / 1 to 1000 rows a page' })
      .max(1000, { error: 'Từ 1 đến 1000 dòng mỗi trang / 1 to 1000 rows a page' })
      .default(100),
    offset: z.coerce
      .number({ error: 'Cần một số / a number is required' })
      .int()
      .min(0, { error: 'Không được âm / must not be negative' })
      .default(0),
  })
  .refine((q) => q.from <= q.to, fromBeforeTo);

export const recordsExportQuery = z
  .strictObject({ ...drillBase, format: z.enum(['xlsx', 'csv']) })
  .refine((q) => q.from <= q.to, fromBeforeTo);

const blockRef = z.strictObject({
  block: z.enum(BLOCKS.map((b) => b.id) as [string, ...string[]]),
  params: z.record(z.string().max(40), z.string().max(60)).optional(),
});

const bilingual = z.strictObject({ vi: text(300), en: text(300) });

export const indicatorBody = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/, {
    error: 'Mã gồm chữ thường, số, gạch dưới / lower-case letters, digits, _',
  }),
  vi: text(300),
  en: text(300),
  kind: z.enum(['count', 'ratio']),
  numerator: blockRef,
  denominator: blockRef.optional(),
  disaggregations: z.array(z.enum(DISAGGREGATIONS)).max(DISAGGREGATIONS.length).default([]),
  target: z
    .strictObject({
      op: z.enum(['gte', 'lte']),
      value: z.number().min(0).max(1e9),
      by: z.string().max(20).optional(),
      source: bilingual,
    })
    .optional(),
  source: bilingual,
  definition: z
    .strictObject({ vi: text(1000), en: text(1000) })
    .optional()
    .describe('What exactly is counted / Định nghĩa'),
  section: z
    .enum(['people', 'pathways', 'dossiers', 'post_rehab', 'facility', 'community', 'targets'])
    .default('targets'),
});

const narrative = z.strictObject({
  summary: z.string().trim().max(20000).optional(),
  difficulties: z.string().trim().max(20000).optional(),
  directions: z.string().trim().max(20000).optional(),
  proposals: z.string().trim().max(20000).optional(),
});

export const createReportBody = z.strictObject({
  unit: unit.optional(),
  periodKind: z.enum(REPORT_PERIOD_KINDS),
  year: z.number().int().min(2000).max(2100),
  index: z.number().int().min(1).max(12).default(1),
  cutoffDay: z
    .number()
    .int()
    .min(1)
    .max(CUTOFF_DAY_MAX)
    .optional()
    .describe('Cut-off day; default: the national setting for the period (15: 15th → 14th)'),
  narrative: narrative.optional(),
  grouping,
});

export const narrativeBody = z.strictObject({ version, narrative });
export const versionBody = z.strictObject({ version });
export const returnBody = z.strictObject({ version, comment: text(5000) });
export const approveBody = z.strictObject({ version, comment: z.string().trim().max(5000).optional() });

/** A periodic report's steps (periodic.service.ts writes only these; the table keeps them as text). */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;

export const listReportsQuery = z.strictObject({
  unit: unit.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

export const submissionsQuery = z.strictObject({
  unit: unit.optional(),
  periodKind: z.enum(REPORT_PERIOD_KINDS),
  year: z.coerce.number().int().min(2000).max(2100),
  index: z.coerce.number().int().min(1).max(12).default(1),
});

export const exportQuery = z.strictObject({
  format: z.enum(['xlsx', 'pdf', 'docx', 'json', 'csv', 'adx']),
});

export const trendQuery = z.strictObject({
  unit: unit.optional(),
  periodKind: z.enum(REPORT_PERIOD_KINDS),
  year: z.coerce.number().int().min(2000).max(2100),
  cutoffDay: z.coerce.number().int().min(1).max(CUTOFF_DAY_MAX).optional(),
  grouping,
});

export const drugFreeQuery = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

export const drugFreeBody = z.strictObject({
  communeCode: z.string().regex(/^\d{5}$/, { error: 'Mã xã gồm 5 chữ số / a 5-digit commune code' }),
  recognisedOn: isoDate,
  decisionNumber: text(60),
  decidedBy: text(200).describe('Who decided, e.g. Chủ tịch UBND tỉnh'),
  validUntil: isoDate.optional(),
  notes: z.string().trim().max(2000).optional(),
});

export const drugFreeRevokeBody = z.strictObject({ version, revokedOn: isoDate, reason: text(2000) });

export const cutoffBody = z.strictObject({
  day: z
    .number({ error: 'Cần một số / a number is required' })
    .int({ error: 'Cần số nguyên / a whole number is required' })
    .min(1, { error: 'Ngày chốt từ 1 đến 28 / the cut-off day must be 1..28' })
    .max(CUTOFF_DAY_MAX, { error: 'Ngày chốt từ 1 đến 28 / the cut-off day must be 1..28' })
    .describe(
      'Cut-off day: a period runs from this day of the month before to the day before it (1: calendar months)',
    ),
  effectiveFrom: isoDate.describe('From this date on (YYYY-MM-DD)'),
  reason: text(2000),
  version: z.number().int().min(0).describe('The number of settings this change was based on'),
});
