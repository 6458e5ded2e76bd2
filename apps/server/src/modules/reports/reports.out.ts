import { z } from 'zod';

// Answers of the routes in reports.routes.ts (their success schemas in the OpenAPI contract).

export const indicatorOut = z
  .object({
    denominator: z
      .object({ block: z.string(), params: z.record(z.string(), z.string()).optional() })
      .nullable(),
    target: z
      .object({
        op: z.enum(['gte', 'lte']),
        value: z.number(),
        by: z.string().optional(),
        source: z.object({ vi: z.string(), en: z.string() }),
      })
      .nullable(),
    custom: z.boolean(),
    computable: z.boolean(),
    id: z.string(),
    vi: z.string(),
    en: z.string(),
    kind: z.enum(['count', 'ratio']),
    numerator: z.object({ block: z.string(), params: z.record(z.string(), z.string()).optional() }),
    disaggregations: z.array(z.enum(['sex', 'age_group', 'unit', 'substance', 'legal_basis'])).readonly(),
    source: z.object({ vi: z.string(), en: z.string() }),
    definition: z.object({ vi: z.string(), en: z.string() }).optional(),
    section: z.enum(['people', 'dossiers', 'facility', 'community', 'pathways', 'post_rehab', 'targets']),
  })
  .meta({ id: 'Indicator' });

export const reportOut = z
  .object({
    id: z.string(),
    unit: z.object({
      provinceName: z.string().optional(),
      kind: z.enum(['province', 'commune', 'nation', 'facility', 'area']),
      code: z.string(),
      name: z.string(),
      provinceCode: z.string().nullable(),
    }),
    periodKind: z.enum(['month', 'quarter', 'half_year', 'nine_months', 'year']),
    year: z.number(),
    index: z.number(),
    cutoffDay: z.number(),
    label: z.object({ vi: z.string(), en: z.string() }),
    from: z.string(),
    to: z.string(),
    grouping: z.enum(['period', 'today']),
    status: z.string(),
    narrative: z.object({
      summary: z.string().optional(),
      difficulties: z.string().optional(),
      directions: z.string().optional(),
      proposals: z.string().optional(),
    }),
    reviewComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    frozen: z.boolean(),
    frozenAt: z.string().nullable(),
    figures: z.array(
      z.object({
        indicatorId: z.string(),
        vi: z.string(),
        en: z.string(),
        kind: z.enum(['count', 'ratio']),
        section: z.string(),
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        target: z
          .object({
            op: z.enum(['gte', 'lte']),
            value: z.number(),
            by: z.string().optional(),
            source: z.object({ vi: z.string(), en: z.string() }),
          })
          .nullable()
          .optional(),
        meetsTarget: z.boolean().nullable(),
        pending: z.boolean(),
      }),
    ),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        values: z.array(z.object({ indicatorId: z.string(), value: z.number().nullable() })),
      }),
    ),
    currentFigures: z
      .array(
        z.object({
          indicatorId: z.string(),
          vi: z.string(),
          en: z.string(),
          kind: z.enum(['count', 'ratio']),
          section: z.string(),
          value: z.number().nullable(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          target: z
            .object({
              op: z.enum(['gte', 'lte']),
              value: z.number(),
              by: z.string().optional(),
              source: z.object({ vi: z.string(), en: z.string() }),
            })
            .nullable()
            .optional(),
          meetsTarget: z.boolean().nullable(),
          pending: z.boolean(),
        }),
      )
      .nullable(),
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
    effectiveFrom: z.string().nullable(),
    default: z.object({
      day: z.literal(15),
      basis: z.object({ instrument: z.object({ vi: z.string(), en: z.string() }), article: z.string() }),
      verify: z.boolean(),
    }),
    history: z.array(
      z.object({
        id: z.string(),
        day: z.number(),
        effectiveFrom: z.string(),
        reason: z.string(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
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
    communeName: z.string().nullable(),
    provinceCode: z.string(),
    recognisedOn: z.string(),
    decisionNumber: z.string(),
    decidedBy: z.string(),
    validUntil: z.string().nullable(),
    revokedOn: z.string().nullable(),
    revokeReason: z.string().nullable(),
    notes: z.string().nullable(),
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
      disaggregations: z.array(z.enum(['sex', 'age_group', 'unit', 'substance', 'legal_basis'])).readonly(),
      stock: z.boolean().optional(),
      sensitive: z.enum(['health']).optional(),
    }),
  ),
});

export const getIndicatorValueOut = z.object({
  computedAt: z.string(),
  stale: z.boolean(),
  unit: z.object({
    kind: z.enum(['province', 'commune', 'nation', 'facility', 'area']),
    code: z.string(),
    name: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  grouping: z.enum(['period', 'today']),
  figure: z.object({
    indicatorId: z.string(),
    vi: z.string(),
    en: z.string(),
    kind: z.enum(['count', 'ratio']),
    section: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    target: z
      .object({
        op: z.enum(['gte', 'lte']),
        value: z.number(),
        by: z.string().optional(),
        source: z.object({ vi: z.string(), en: z.string() }),
      })
      .nullable()
      .optional(),
    meetsTarget: z.boolean().nullable(),
    pending: z.boolean(),
  }),
  by: z.enum(['sex', 'age_group', 'unit', 'substance', 'legal_basis']).nullable(),
  groups: z.array(
    z.object({
      key: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
    }),
  ),
});

export const listIndicatorRecordsOut = z.object({
  items: z.array(
    z.object({
      recordId: z.string(),
      personId: z.string().nullable(),
      fullName: z.string().nullable(),
      sex: z.string().nullable(),
      birthYear: z.number().nullable(),
      communeCode: z.string().nullable(),
      facilityId: z.string().nullable(),
      date: z.string().nullable(),
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
  grouping: z.enum(['period', 'today']),
  total: z.number().nullable(),
});

export const getIndicatorTrendOut = z.object({
  computedAt: z.string(),
  stale: z.boolean(),
  unit: z.object({
    kind: z.enum(['province', 'commune', 'nation', 'facility', 'area']),
    code: z.string(),
    name: z.string(),
  }),
  indicatorId: z.string(),
  target: z
    .object({
      op: z.enum(['gte', 'lte']),
      value: z.number(),
      by: z.string().optional(),
      source: z.object({ vi: z.string(), en: z.string() }),
    })
    .nullable(),
  points: z.array(
    z.object({
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      from: z.string(),
      to: z.string(),
      index: z.number(),
      label: z.object({ vi: z.string(), en: z.string() }),
    }),
  ),
});

export const getDashboardOut = z.object({
  computedAt: z.string(),
  stale: z.boolean(),
  unit: z.object({
    kind: z.enum(['province', 'commune', 'nation', 'facility', 'area']),
    code: z.string(),
    name: z.string(),
  }),
  from: z.string(),
  to: z.string(),
  grouping: z.enum(['period', 'today']),
  figures: z.array(
    z.object({
      indicatorId: z.string(),
      vi: z.string(),
      en: z.string(),
      kind: z.enum(['count', 'ratio']),
      section: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      target: z
        .object({
          op: z.enum(['gte', 'lte']),
          value: z.number(),
          by: z.string().optional(),
          source: z.object({ vi: z.string(), en: z.string() }),
        })
        .nullable()
        .optional(),
      meetsTarget: z.boolean().nullable(),
      pending: z.boolean(),
    }),
  ),
});

export const listReportsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      unitKind: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      periodKind: z.string(),
      year: z.number(),
      index: z.number(),
      from: z.string(),
      to: z.string(),
      status: z.string(),
      version: z.number(),
    }),
  ),
});

export const listReportSubmissionsOut = z.object({
  unit: z.union([
    z.object({ kind: z.literal('nation'), code: z.string() }),
    z.object({ kind: z.literal('province'), code: z.string() }),
  ]),
  items: z.union([
    z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        status: z.string(),
        submittedAt: z.string().nullable(),
        reportId: z.string().nullable(),
        unitsSubmitted: z.number(),
        unitsApproved: z.number(),
      }),
    ),
    z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        status: z.string(),
        submittedAt: z.string().nullable(),
        reportId: z.string().nullable(),
        unitsSubmitted: z.null(),
        unitsApproved: z.null(),
      }),
    ),
  ]),
});

export const listDrugFreeCommunesOut = z.object({ items: z.array(drugFreeCommuneOut) });
