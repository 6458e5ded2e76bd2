import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { declarationOut } from './declarations.presenter.ts';
import { declarationCreateSchema, declarationUpdateSchema } from './declarations.schema.ts';
import { createDeclaration, listDeclarations, updateDeclaration } from './declarations.service.ts';

export async function declarationsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().min(1).max(64) });
  const tags = ['screening'];

  app.get(
    '/api/people/:id/substance-declarations',
    {
      schema: {
        operationId: 'listSubstanceDeclarations',
        tags,
        summary:
          'Khai báo chất ma túy đã sử dụng và nguồn gốc / Declarations of substances used and their source',
        params,
        response: { 200: z.object({ items: z.array(declarationOut) }) },
      },
    },
    async (req) => listDeclarations(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/substance-declarations',
    {
      schema: {
        operationId: 'createSubstanceDeclaration',
        tags,
        summary: 'Ghi nhận khai báo chất ma túy và nguồn gốc / Record a declaration of substances and source',
        params,
        body: declarationCreateSchema,
        response: { 201: declarationOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDeclaration(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(
    '/api/substance-declarations/:id',
    {
      schema: {
        operationId: 'updateSubstanceDeclaration',
        tags,
        summary: 'Sửa khai báo (theo phiên bản) / Correct a declaration (versioned)',
        params,
        body: declarationUpdateSchema,
        response: { 200: declarationOut },
      },
    },
    async (req) => updateDeclaration(deps, requireActor(req), req.params.id, req.body),
  );
}
