import { z } from 'zod';

// Schema pieces many routes share, so that each states them once.

/** `/…/:id` of a record whose id is a text id (uuid or legacy). */
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/** The answer of a plain list route: `{ items: [...] }`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The answer of a paged list route: one page of `items` and the total over all pages. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(item) });

/** The paging fields of a list query (`limit` rows from `offset`), to spread into its schema. */
export const pageQuery = (defaultLimit: number, maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

// The field types answers repeat most, named once (an answer's schema then reads as its list of fields).
/** A text in Vietnamese and English. */
export const bilingual = z.object({ vi: z.string(), en: z.string() });
/** A text field that may be empty (null). */
export const strOrNull = z.string().nullable();
/** A number field that may be empty (null). */
export const numOrNull = z.number().nullable();
