import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { listJobRuns } from './job-runs.service.ts';

const runOut = z.object({
  id: z.string(),
  job: z.string(),
  slot: z.string(),
  server: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(['running', 'ok', 'failed', 'interrupted']),
  error: z.string().nullable(),
});

/** The record of background job runs across every server (platform/jobs.ts), for administrators. */
export async function jobRunsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/admin/job-runs',
    {
      schema: {
        operationId: 'listJobRuns',
        tags: ['system'],
        summary: 'Các lần chạy công việc nền / Background job runs',
        description:
          'Every run of a background job on any server of this database, newest first: which server ran it, when, and how it ended. System administrators and national officers.',
        querystring: z.strictObject({
          job: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(runOut) }) },
      },
    },
    async (req) => ({ items: await listJobRuns(deps, requireActor(req), req.query) }),
  );
}
