import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { listOf, pageQuery, strOrNull } from '../../platform/http/schemas.ts';
import { facilitiesRoutes } from './facilities.routes.ts';
import {
  isoDateSchema,
  legacyCandidateOut,
  unitDetailOut,
  unitOut,
  unitUpdateOut,
  unitUpdateSchema,
} from './org.schema.ts';
import * as svc from './org.service.ts';

export async function orgRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const api = apiRoutes(root, ['org']);
  api.get(
    '/api/units',
    {
      operationId: 'listUnits',
      summary: 'Đơn vị hành chính / Administrative units',
      querystring: z.strictObject({
        level: z.enum(['province', 'commune']).default('province'),
        provinceCode: z
          .string()
          .regex(/^\d{2}$/)
          .optional(),
        q: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(100),
        on: isoDateSchema.optional().describe('Units in force on this date (history); default: now'),
      }),
      ok: listOf(unitOut),
    },
    ({ query }) => svc.listUnits(deps, query),
  );

  api.get(
    '/api/units/resolve-legacy',
    {
      operationId: 'resolveLegacyUnit',
      summary: 'Tra địa chỉ cũ (trước 01/07/2025) / Resolve a pre-July-2025 address',
      querystring: z.strictObject({
        province: z.string().max(100).optional().describe('Old province name'),
        district: z.string().max(100).optional().describe('Old district name'),
        commune: z.string().min(1).max(100).describe('Old commune name, or its 5-digit code'),
      }),
      ok: z.object({ candidates: z.array(legacyCandidateOut) }),
    },
    ({ query }) => svc.resolveLegacy(deps, query),
  );

  api.get(
    '/api/units/:code',
    {
      operationId: 'getUnit',
      summary: 'Một đơn vị và lịch sử / A unit and its history',
      params: z.strictObject({ code: z.string().regex(/^(\d{2}|\d{5})$/) }),
      ok: unitDetailOut,
    },
    ({ params }) => svc.getUnit(deps, params.code),
  );

  api.get(
    '/api/unit-updates',
    {
      operationId: 'listUnitUpdates',
      summary: 'Các lần cập nhật đơn vị hành chính / Dated updates of units',
      querystring: z.strictObject({
        ...pageQuery(50, 200),
      }),
      ok: z.object({
        items: z.array(
          z.object({
            id: z.string(),
            effectiveDate: z.string(),
            source: z.string(),
            appliedAt: z.string(),
            appliedBy: strOrNull,
            summary: z.record(z.string(), z.unknown()),
          }),
        ),
        total: z.number(),
      }),
    },
    ({ actor, query }) => svc.listUnitUpdates(deps, actor, query),
  );

  app.post(
    '/api/unit-updates',
    {
      schema: {
        operationId: 'applyUnitUpdate',
        tags: ['org'],
        summary: 'Áp dụng thay đổi đơn vị hành chính có ngày hiệu lực / Apply a dated update of units',
        body: unitUpdateSchema,
        response: { 200: unitUpdateOut, 201: unitUpdateOut },
      },
    },
    async (req, reply) => {
      const result = await svc.applyUnitUpdate(deps, requireActor(req), req.body);
      return reply.status(result.id ? 201 : 200).send(result);
    },
  );

  await facilitiesRoutes(root, deps);
}
