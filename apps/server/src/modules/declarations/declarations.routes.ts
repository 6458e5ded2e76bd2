import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, listOf } from '../../platform/http/schemas.ts';
import { declarationOut } from './declarations.presenter.ts';
import { declarationCreateSchema, declarationUpdateSchema } from './declarations.schema.ts';
import { createDeclaration, listDeclarations, updateDeclaration } from './declarations.service.ts';

export async function declarationsRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['screening']);

  api.get(
    '/api/people/:id/substance-declarations',
    {
      operationId: 'listSubstanceDeclarations',
      summary:
        'Khai báo chất ma túy đã sử dụng và nguồn gốc / Declarations of substances used and their source',
      params: idParams,
      ok: listOf(declarationOut),
    },
    ({ actor, params }) => listDeclarations(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/substance-declarations',
    {
      operationId: 'createSubstanceDeclaration',
      summary: 'Ghi nhận khai báo chất ma túy và nguồn gốc / Record a declaration of substances and source',
      params: idParams,
      body: declarationCreateSchema,
      created: declarationOut,
    },
    ({ actor, params, body }) => createDeclaration(deps, actor, params.id, body),
  );
  api.put(
    '/api/substance-declarations/:id',
    {
      operationId: 'updateSubstanceDeclaration',
      summary: 'Sửa khai báo (theo phiên bản) / Correct a declaration (versioned)',
      params: idParams,
      body: declarationUpdateSchema,
      ok: declarationOut,
    },
    ({ actor, params, body }) => updateDeclaration(deps, actor, params.id, body),
  );
}
