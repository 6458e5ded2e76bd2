import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { strOrNull } from '../../platform/http/schemas.ts';
import * as svc from './tasks.service.ts';

const textOut = z.object({ vi: z.string(), en: z.string() });
export const taskOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    label: textOut,
    personId: z.string(),
    personName: z.string().optional(),
    episodeId: strOrNull,
    responsibleRole: z.string(),
    unit: z.object({ kind: z.string(), code: z.string() }),
    assigneeUserId: strOrNull,
    dueDate: z.string(),
    dueAt: strOrNull,
    ruleKey: strOrNull,
    status: z.string(),
    timing: z.enum(['overdue', 'today', 'upcoming']).nullable(),
    closedAt: strOrNull,
    closedBy: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    source: z.object({ type: z.string(), id: z.string().nullable() }),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });

export async function tasksRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['tasks']);
  api.get(
    '/api/tasks/mine',
    {
      operationId: 'listMyTasks',
      summary: 'Việc cần làm của tôi / My work list',
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(svc.TASKS_PAGE.max).optional(),
        /** The `next` of the previous page. */
        after: z.string().max(200).optional(),
      }),
      ok: z.object({
        today: z.string(),
        overdue: z.array(taskOut),
        dueToday: z.array(taskOut),
        upcoming: z.array(taskOut),
        /** Every open task by timing (first page only). */
        counts: z.object({ overdue: z.number(), today: z.number(), upcoming: z.number() }).nullable(),
        next: strOrNull,
      }),
    },
    ({ actor, query }) => svc.myTasks(deps, actor, query),
  );
}
