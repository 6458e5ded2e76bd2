import { z } from 'zod';

// Answers of the routes in work.routes.ts (their success schemas in the OpenAPI contract).

export const logContactOut = z.object({
  id: z.string(),
  personId: z.string(),
  contactDate: z.string(),
  kind: z.string(),
  outcome: z.string(),
  note: z.string().nullable(),
  nextContactDate: z.string().nullable(),
  taskId: z.string().nullable(),
  closedTasks: z.number(),
});
