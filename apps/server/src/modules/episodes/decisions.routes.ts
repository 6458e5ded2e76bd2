import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import {
  createDecision,
  decisionCreateSchema,
  decisionOut,
  decisionUpdateSchema,
  getDecision,
  updateDecision,
} from './decisions.service.ts';

// Decisions as records of their own: one decision naming several people, entered once.
export async function decisionsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().min(1).max(64) });
  const tags = ['episodes'];

  app.post(
    '/api/decisions',
    {
      schema: {
        operationId: 'createDecision',
        tags,
        summary: 'Ghi nhận một quyết định cho nhiều người / Enter one decision naming several people',
        description:
          'One episode per person, each checked like a single decision; all or nothing, a refusal names the person (personIds.i).',
        body: decisionCreateSchema,
        response: { 201: decisionOut },
      },
    },
    async (req, reply) => reply.status(201).send(await createDecision(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/decisions/:id',
    {
      schema: {
        operationId: 'getDecision',
        tags,
        summary: 'Một quyết định và những người được nêu tên / A decision and the people it names',
        params,
        response: { 200: decisionOut },
      },
    },
    async (req) => getDecision(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/decisions/:id',
    {
      schema: {
        operationId: 'updateDecision',
        tags,
        summary: 'Sửa số, người ký của quyết định / Correct the number or signer of a decision',
        params,
        body: decisionUpdateSchema,
        response: { 200: decisionOut },
      },
    },
    async (req) => updateDecision(deps, requireActor(req), req.params.id, req.body),
  );
}
