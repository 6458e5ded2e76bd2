import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
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
  app.get(
    '/api/units',
    {
      schema: {
        operationId: 'listUnits',
        tags: ['org'],
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
        response: { 200: z.object({ items: z.array(unitOut) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.listUnits(deps, req.query);
    },
  );

  app.get(
    '/api/units/resolve-legacy',
    {
      schema: {
        operationId: 'resolveLegacyUnit',
        tags: ['org'],
        summary: 'Tra địa chỉ cũ (trước 01/07/2025) / Resolve a pre-July-2025 address',
        querystring: z.strictObject({
          province: z.string().max(100).optional().describe('Old province name'),
          district: z.string().max(100).optional().describe('Old district name'),
          commune: z.string().min(1).max(100).describe('Old commune name, or its 5-digit code'),
        }),
        response: { 200: z.object({ candidates: z.array(legacyCandidateOut) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.resolveLegacy(deps, req.query);
    },
  );

  app.get(
    '/api/units/:code',
    {
      schema: {
        operationId: 'getUnit',
        tags: ['org'],
        summary: 'Một đơn vị và lịch sử / A unit and its history',
        params: z.strictObject({ code: z.string().regex(/^(\d{2}|\d{5})$/) }),
        response: { 200: unitDetailOut },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.getUnit(deps, req.params.code);
    },
  );

  app.get(
    '/api/unit-updates',
    {
      schema: {
        operationId: 'listUnitUpdates',
        tags: ['org'],
        summary: 'Các lần cập nhật đơn vị hành chính / Dated updates of units',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                effectiveDate: z.string(),
                source: z.string(),
                appliedAt: z.string(),
                appliedBy: z.string().nullable(),
                summary: z.record(z.string(), z.unknown()),
              }),
            ),
            total: z.number(),
          }),
        },
      },
    },
    async (req) => svc.listUnitUpdates(deps, requireActor(req), req.query),
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
