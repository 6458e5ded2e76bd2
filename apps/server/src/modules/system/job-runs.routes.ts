import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { listOf, strOrNull } from '../../platform/http/schemas.ts';
import { listJobRuns } from './job-runs.service.ts';

const runOut = z.object({
  id: z.string(),
  job: z.string(),
  slot: z.string(),
  server: z.string(),
  startedAt: z.string(),
  endedAt: strOrNull,
  outcome: z.enum(['running', 'ok', 'failed', 'interrupted']),
  error: strOrNull,
});

/** The record of background job runs across every server (platform/jobs.ts), for administrators. */
export async function jobRunsRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['system']);
  api.get(
    '/api/admin/job-runs',
    {
      operationId: 'listJobRuns',
      summary: 'Các lần chạy công việc nền / Background job runs',
      description:
        'Every run of a background job on any server of this database, newest first: which server ran it, when, and how it ended. System administrators and national officers.',
      querystring: z.strictObject({
        job: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      ok: listOf(runOut),
    },
    async ({ actor, query }) => ({ items: await listJobRuns(deps, actor, query) }),
  );
}
