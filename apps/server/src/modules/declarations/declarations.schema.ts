import { DECLARED_SUBSTANCES } from '@hoanhap/domain/declaration-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

// Inputs of a declaration of substances used and their source (Law 120/2025/QH15). The date, the 'other' name
// and the person's birth are checked by the service with declarationProblems (shared with the web form).

export const declarationCreateSchema = z.strictObject({
  declaredOn: isoDate.describe('Day the person made the declaration'),
  substances: z
    .array(z.enum(DECLARED_SUBSTANCES))
    .min(1, { error: 'Chọn ít nhất một chất ma túy đã sử dụng / Choose at least one substance used' })
    .max(DECLARED_SUBSTANCES.length)
    .describe('Substances the person declared using'),
  otherSubstance: z
    .string()
    .trim()
    .max(120)
    .optional()
    .describe("Name of the substance when 'other' is listed"),
  source: z
    .string()
    .trim()
    .min(1, { error: 'Ghi nguồn gốc chất ma túy / State where the substances were obtained' })
    .max(1000)
    .describe('Where and from whom the person obtained them, as declared'),
  notes: z.string().trim().max(2000).optional(),
});
export type DeclarationCreateInput = z.infer<typeof declarationCreateSchema>;

/** A correction: the whole declaration again, with the version it was read at. */
export const declarationUpdateSchema = declarationCreateSchema.extend({
  version: z.number().int().min(1).describe('Version read before editing (409 when stale)'),
});
export type DeclarationUpdateInput = z.infer<typeof declarationUpdateSchema>;
