import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';

// Answers of the routes in identity.routes.ts (their success schemas in the OpenAPI contract).

export const getFirstStepsOut = z.object({
  scope: z.object({ kind: z.string(), code: z.string().nullable() }),
  steps: z.array(z.object({ done: z.boolean(), key: z.string(), count: z.number(), canAct: z.boolean() })),
  next: strOrNull,
});
