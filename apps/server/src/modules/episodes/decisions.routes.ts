import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams } from '../../platform/http/schemas.ts';
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
  const api = apiRoutes(root, ['episodes']);

  api.post(
    '/api/decisions',
    {
      operationId: 'createDecision',
      summary: 'Ghi nhận một quyết định cho nhiều người / Enter one decision naming several people',
      description:
        'One episode per person, each checked like a single decision; all or nothing, a refusal names the person (personIds.i).',
      body: decisionCreateSchema,
      created: decisionOut,
    },
    ({ actor, body }) => createDecision(deps, actor, body),
  );
  api.get(
    '/api/decisions/:id',
    {
      operationId: 'getDecision',
      summary: 'Một quyết định và những người được nêu tên / A decision and the people it names',
      params: idParams,
      ok: decisionOut,
    },
    ({ actor, params }) => getDecision(deps, actor, params.id),
  );
  api.patch(
    '/api/decisions/:id',
    {
      operationId: 'updateDecision',
      summary: 'Sửa số, người ký của quyết định / Correct the number or signer of a decision',
      params: idParams,
      body: decisionUpdateSchema,
      ok: decisionOut,
    },
    ({ actor, params, body }) => updateDecision(deps, actor, params.id, body),
  );
}
