import { isIsoDate } from '@hoanhap/domain/iso-date';
import { ROLE_IDS } from '@hoanhap/domain/legal-basis';
import { REGIMES, type RegimeId, RULE_SHAPES, type RuleKey } from '@hoanhap/domain/legal-regimes';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from '@hoanhap/domain/lunar-calendar';
import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD) / Invalid date (YYYY-MM-DD)' })
  .describe('Date, YYYY-MM-DD');

const ruleKeys = Object.keys(RULE_SHAPES) as [RuleKey, ...RuleKey[]];
const regimeIds = REGIMES.map((r) => r.id) as [RegimeId, ...RegimeId[]];

const ruleKeySchema = z.enum(ruleKeys, { message: 'Quy tắc không tồn tại / Unknown rule' });
const regimeIdSchema = z.enum(regimeIds, { message: 'Chế độ pháp lý không tồn tại / Unknown legal regime' });

const reasonSchema = z
  .string({ message: 'Cần lý do / A reason is required' })
  .trim()
  .min(1, { message: 'Cần lý do / A reason is required' })
  .max(2000);

const yearSchema = z.coerce
  .number()
  .int()
  .min(LUNAR_MIN_YEAR)
  .max(LUNAR_MAX_YEAR)
  .describe(`Solar year, ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);

const shortText = z.string().trim().min(1).max(40).optional();

/** A legal basis as entered: the instrument in Vietnamese (English optional), article, clause, chapter. */
export const basisInSchema = z.strictObject(
  {
    instrument: z.strictObject(
      {
        vi: z
          .string({ message: 'Cần tên văn bản / The instrument is required' })
          .trim()
          .min(1, { message: 'Cần tên văn bản / The instrument is required' })
          .max(300),
        en: z.string().trim().max(300).optional(),
      },
      { message: 'Cần văn bản làm căn cứ / The instrument is required' },
    ),
    article: shortText,
    clause: shortText,
    chapter: shortText,
  },
  { message: 'Cần căn cứ pháp lý / A legal basis is required' },
);

export const overrideCreateSchema = z.strictObject({
  ruleKey: ruleKeySchema,
  /** Checked against RULE_SHAPES in the service (400 naming `value` or `value.<key>`). */
  value: z
    .unknown()
    .optional()
    .describe(
      'number, boolean, role id, null (when the rule allows it) or an object of numbers; may be left out when `authority` is given (the rule keeps its value)',
    ),
  authority: z
    .enum(ROLE_IDS, { message: 'Chức danh không tồn tại / Unknown role' })
    .nullish()
    .describe('Role deciding (and signing the decision) from effectiveFrom on; absent keeps the rule’s own'),
  effectiveFrom: isoDateSchema.describe('First day the value applies, YYYY-MM-DD'),
  regimeId: regimeIdSchema
    .nullish()
    .describe('Limit the override to one regime; without it, it also carries into later regimes'),
  reason: reasonSchema,
  basis: basisInSchema,
});
export type OverrideCreateInput = z.infer<typeof overrideCreateSchema>;

export const overrideRevokeSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: reasonSchema,
});
export type OverrideRevokeInput = z.infer<typeof overrideRevokeSchema>;

export const overrideQuerySchema = z.strictObject({
  ruleKey: ruleKeySchema.optional(),
  status: z.enum(['active', 'revoked', 'all']).default('all'),
});
export type OverrideQuery = z.infer<typeof overrideQuerySchema>;

export const rulesQuerySchema = z.strictObject({
  date: isoDateSchema.optional().describe('Date of the act, YYYY-MM-DD; today (Vietnam) when absent'),
});

export const yearQuerySchema = z.strictObject({
  year: yearSchema.optional(),
});

export const adjustmentCreateSchema = z.strictObject({
  date: isoDateSchema,
  kind: z.enum(['day_off', 'working_day']),
  reason: reasonSchema.describe('Shown as the name of the day, e.g. "Nghỉ bù Quốc khánh theo Thông báo …"'),
});
export type AdjustmentCreateInput = z.infer<typeof adjustmentCreateSchema>;

/** Optional: a DELETE may come without a body (Fastify then gives null). */
export const adjustmentDeleteSchema = z
  .strictObject({ reason: z.string().trim().max(2000).optional() })
  .nullish();

// ---- outputs ----

const textOut = z.object({ vi: z.string(), en: z.string() });
const ruleValueOut = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.null(),
  z.record(z.string(), z.number()),
]);
const basisOut = z.object({
  instrument: textOut,
  article: z.string().optional(),
  clause: z.string().optional(),
  chapter: z.string().optional(),
  citation: textOut,
});

const ruleOut = z.object({
  key: z.string(),
  label: textOut,
  value: ruleValueOut,
  unit: z.string(),
  unitLabel: textOut,
  basis: z.array(basisOut),
  authority: z.object({ id: z.string(), name: textOut }).nullable(),
  forms: z.array(z.object({ number: z.string(), instrument: textOut, title: textOut })),
  verify: z.boolean(),
  note: textOut.nullable(),
  shape: z.object({
    type: z.enum(['number', 'boolean', 'string', 'object']),
    keys: z.array(z.string()).optional(),
    keyLabels: z.record(z.string(), textOut).optional(),
    nullable: z.boolean(),
  }),
});

const regimeRefOut = z.object({ id: z.string(), from: z.string(), to: z.string().nullable(), name: textOut });

export const regimesOut = z.object({
  items: z.array(regimeRefOut.extend({ rules: z.array(ruleOut) })),
  roles: z.array(z.object({ id: z.string(), name: textOut })),
});

export const rulesInForceOut = z.object({
  date: z.string(),
  regime: regimeRefOut,
  rules: z.array(
    ruleOut.extend({
      defaultValue: ruleValueOut,
      defaultBasis: z.array(basisOut),
      overridden: z.boolean(),
      overriddenBy: z
        .object({
          id: strOrNull,
          effectiveFrom: z.string(),
          reason: z.string(),
          basis: basisOut,
          regimeId: strOrNull,
        })
        .nullable(),
    }),
  ),
});

export const overrideOut = z
  .object({
    id: z.string(),
    ruleKey: z.string(),
    ruleLabel: textOut,
    value: ruleValueOut,
    /** False when the override changes only the authority (value is then null and unused). */
    changesValue: z.boolean(),
    authority: z.object({ id: z.string(), name: textOut }).nullable(),
    effectiveFrom: z.string(),
    regimeId: strOrNull,
    reason: z.string(),
    basis: basisOut,
    status: z.enum(['active', 'revoked']),
    createdBy: strOrNull,
    createdAt: z.string(),
    revokedAt: strOrNull,
    revokedBy: strOrNull,
    revokeReason: strOrNull,
    version: z.number(),
  })
  .meta({ id: 'RuleOverride' });

export const adjustmentOut = z
  .object({
    id: z.string(),
    date: z.string(),
    kind: z.enum(['day_off', 'working_day']),
    reason: z.string(),
    createdBy: strOrNull,
    createdAt: z.string(),
  })
  .meta({ id: 'CalendarAdjustment' });

export const holidaysOut = z.object({
  year: z.number(),
  holidays: z.array(
    z.object({
      date: z.string(),
      id: z.string(),
      kind: z.enum(['holiday', 'compensatory', 'official', 'adjustment']),
      name: textOut,
      adjustmentId: strOrNull,
    }),
  ),
  /** Make-up working days: the Government's schedule (adjustmentId null) and the administrator's. */
  workingDays: z.array(
    z.object({ date: z.string(), reason: z.string(), adjustmentId: z.string().nullable() }),
  ),
  /** The Government's published schedule of the year, with its source (swapped days off and make-up days). */
  official: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['day_off', 'working_day']),
      name: textOut,
      source: z.object({ title: textOut, url: z.string() }),
    }),
  ),
  adjustments: z.array(adjustmentOut),
});
