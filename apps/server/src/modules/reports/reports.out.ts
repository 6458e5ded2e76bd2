import { REPORT_PERIOD_KINDS } from '@hoanhap/domain/reporting-periods';
import { z } from 'zod';
import { bilingual, listOf, numOrNull, strOrNull } from '../../platform/http/schemas.ts';
import { REPORT_STATUSES } from './reports.schema.ts';

// Answers of the routes in reports.routes.ts (their success schemas in the OpenAPI contract). The pieces several
// answers share — a figure, its target, the unit it is of, a block reference — are stated once here.

/** What a figure can be broken down by. */
const disaggregation = z
  .enum(['sex', 'age_group', 'unit', 'substance', 'legal_basis'])
  .meta({ id: 'Disaggregation' });
/** Whether figures count the period's records or the people as they are today. */
const grouping = z.enum(['period', 'today']).meta({ id: 'FigureGrouping' });
/** A building block of an indicator, with its parameters. */
const blockRef = z
  .object({ block: z.string(), params: z.record(z.string(), z.string()).optional() })
  .meta({ id: 'BlockRef' });
const reportStatus = z.string().pipe(z.enum(REPORT_STATUSES));

/** A figure's target: at least (`gte`) or at most (`lte`) a value, with its source. */
const targetOut = z
  .object({
    op: z.enum(['gte', 'lte']),
    value: z.number(),
    by: z.string().optional(),
    source: bilingual,
  })
  .meta({ id: 'FigureTarget' });

/** The value of a ratio or count, with its parts (null where the figure has none). */
const valueParts = {
  value: numOrNull,
  numerator: numOrNull,
  denominator: numOrNull,
};

/** One indicator's figure for a unit and period. */
const figureOut = z
  .object({
    indicatorId: z.string(),
    vi: z.string(),
    en: z.string(),
    kind: z.enum(['count', 'ratio']),
    section: z.string(),
    ...valueParts,
    target: targetOut.nullable().optional(),
    meetsTarget: z.boolean().nullable(),
    pending: z.boolean(),
  })
  .meta({ id: 'Figure' });

/** The unit a computed figure is of. */
const figureUnitOut = z
  .object({
    kind: z.enum(['province', 'commune', 'nation', 'facility', 'area']),
    code: z.string(),
    name: z.string(),
  })
  .meta({ id: 'FigureUnit' });

/** What every computed answer starts with: when it was computed, and whether a write has come since. */
const computed = { computedAt: z.string(), stale: z.boolean(), unit: figureUnitOut };

export const indicatorOut = z
  .object({
    denominator: blockRef.nullable(),
    target: targetOut.nullable(),
    custom: z.boolean(),
    computable: z.boolean(),
    id: z.string(),
    vi: z.string(),
    en: z.string(),
    kind: z.enum(['count', 'ratio']),
    numerator: blockRef,
    disaggregations: z.array(disaggregation).readonly(),
    source: bilingual,
    definition: bilingual.optional(),
    section: z.enum(['people', 'dossiers', 'facility', 'community', 'pathways', 'post_rehab', 'targets']),
  })
  .meta({ id: 'Indicator' });

export const reportOut = z
  .object({
    id: z.string(),
    unit: z.object({
      provinceName: z.string().optional(),
      ...figureUnitOut.shape,
      provinceCode: strOrNull,
    }),
    periodKind: z.enum(REPORT_PERIOD_KINDS),
    year: z.number(),
    index: z.number(),
    cutoffDay: z.number(),
    label: bilingual,
    from: z.string(),
    to: z.string(),
    grouping,
    status: reportStatus,
    narrative: z.object({
      summary: z.string().optional(),
      difficulties: z.string().optional(),
      directions: z.string().optional(),
      proposals: z.string().optional(),
    }),
    reviewComment: strOrNull,
    submittedAt: strOrNull,
    reviewedAt: strOrNull,
    frozen: z.boolean(),
    frozenAt: strOrNull,
    figures: z.array(figureOut),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        values: z.array(z.object({ indicatorId: z.string(), value: z.number().nullable() })),
      }),
    ),
    currentFigures: z.array(figureOut).nullable(),
    differences: z.array(
      z.object({ indicatorId: z.string(), frozen: z.number().nullable(), current: z.number().nullable() }),
    ),
    version: z.number(),
  })
  .meta({ id: 'PeriodicReport' });

export const cutoffOut = z
  .object({
    today: z.string(),
    day: z.number(),
    effectiveFrom: strOrNull,
    default: z.object({
      day: z.literal(15),
      basis: z.object({ instrument: bilingual, article: z.string() }),
      verify: z.boolean(),
    }),
    history: z.array(
      z.object({
        id: z.string(),
        day: z.number(),
        effectiveFrom: z.string(),
        reason: z.string(),
        createdAt: z.string(),
        createdBy: strOrNull,
        inForce: z.boolean(),
      }),
    ),
    version: z.number(),
  })
  .meta({ id: 'ReportingCutoff' });

export const drugFreeCommuneOut = z
  .object({
    id: z.string(),
    communeCode: z.string(),
    communeName: strOrNull,
    provinceCode: z.string(),
    recognisedOn: z.string(),
    decisionNumber: z.string(),
    decidedBy: z.string(),
    validUntil: strOrNull,
    revokedOn: strOrNull,
    revokeReason: strOrNull,
    notes: strOrNull,
    status: z.string(),
    version: z.number(),
  })
  .meta({ id: 'DrugFreeCommune' });

export const listIndicatorsOut = z.object({
  items: z.array(indicatorOut),
  blocks: z.array(
    z.object({
      pending: z.boolean(),
      id: z.string(),
      vi: z.string(),
      en: z.string(),
      source: z.enum([
        'reports',
        'people',
        'dossiers',
        'episodes',
        'facility',
        'community',
        'screening',
        'pending',
      ]),
      measure: z.enum(['units', 'people', 'records', 'sum']),
      params: z.array(z.object({ name: z.string(), values: z.array(z.string()).readonly() })).readonly(),
      disaggregations: z.array(disaggregation).readonly(),
      stock: z.boolean().optional(),
      sensitive: z.enum(['health']).optional(),
    }),
  ),
});

export const getIndicatorValueOut = z.object({
  ...computed,
  from: z.string(),
  to: z.string(),
  grouping,
  figure: figureOut,
  by: disaggregation.nullable(),
  groups: z.array(z.object({ key: z.string(), ...valueParts })),
});

export const listIndicatorRecordsOut = z.object({
  items: z.array(
    z.object({
      recordId: z.string(),
      personId: strOrNull,
      fullName: strOrNull,
      sex: strOrNull,
      birthYear: numOrNull,
      communeCode: strOrNull,
      facilityId: strOrNull,
      date: strOrNull,
      quantity: z.number(),
    }),
  ),
  limit: z.number(),
  offset: z.number(),
  sort: z.enum(['date', 'name', 'commune', 'sex', 'birth_year']),
  dir: z.enum(['asc', 'desc']),
  indicatorId: z.string(),
  part: z.enum(['numerator', 'denominator']),
  pending: z.boolean(),
  grouping,
  total: numOrNull,
});

export const getIndicatorTrendOut = z.object({
  ...computed,
  indicatorId: z.string(),
  target: targetOut.nullable(),
  points: z.array(
    z.object({ ...valueParts, from: z.string(), to: z.string(), index: z.number(), label: bilingual }),
  ),
});

export const getDashboardOut = z.object({
  ...computed,
  from: z.string(),
  to: z.string(),
  grouping,
  figures: z.array(figureOut),
});

export const listReportsOut = listOf(
  z.object({
    id: z.string(),
    unitKind: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    periodKind: z.string().pipe(z.enum(REPORT_PERIOD_KINDS)),
    year: z.number(),
    index: z.number(),
    from: z.string(),
    to: z.string(),
    status: reportStatus,
    version: z.number(),
  }),
);

/**
 * A unit's row in the list of who has reported; a province's row counts its communes' reports (the counts are
 * null on the rows of a province's communes). One row shape, so that a generated client reads every row alike.
 */
const submissionRow = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string().pipe(z.enum([...REPORT_STATUSES, 'not_started'])),
  submittedAt: strOrNull,
  reportId: strOrNull,
  unitsSubmitted: numOrNull,
  unitsApproved: numOrNull,
});

export const listReportSubmissionsOut = z.object({
  unit: z.union([
    z.object({ kind: z.literal('nation'), code: z.string() }),
    z.object({ kind: z.literal('province'), code: z.string() }),
  ]),
  items: z.array(submissionRow),
});

export const listDrugFreeCommunesOut = listOf(drugFreeCommuneOut);
