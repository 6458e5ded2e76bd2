import { z } from 'zod';
import { strOrNull } from '../../platform/http/schemas.ts';

// Answers of the routes in work.routes.ts (their success schemas in the OpenAPI contract).

export const logContactOut = z.object({
  id: z.string(),
  personId: z.string(),
  contactDate: z.string(),
  kind: z.string(),
  outcome: z.string(),
  note: strOrNull,
  nextContactDate: strOrNull,
  taskId: strOrNull,
  closedTasks: z.number(),
});
