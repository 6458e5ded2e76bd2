import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { measureOut } from './monitoring.presenter.ts';
import { eventCreateSchema, measureCreateSchema, measureUpdateSchema } from './monitoring.schema.ts';
import { createMeasure, getMeasure, listMeasures, recordEvent, updateMeasure } from './monitoring.service.ts';

export async function monitoringRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().min(1).max(64) });
  const tags = ['monitoring'];

  app.get(
    '/api/people/:id/monitoring',
    {
      schema: {
        operationId: 'listMonitoring',
        tags,
        summary: 'Biện pháp giám sát điện tử của một người / Electronic monitoring measures of a person',
        params,
        response: { 200: z.object({ items: z.array(measureOut) }) },
      },
    },
    async (req) => listMeasures(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/monitoring',
    {
      schema: {
        operationId: 'createMonitoring',
        tags,
        summary: 'Ghi nhận quyết định áp dụng giám sát điện tử / Record an electronic monitoring measure',
        description:
          'Law 120/2025/QH15 Art. 12: decided by the head of commune police for a person in community rehab, on substitution therapy or under post-rehab management; refused (422, rule cited) otherwise or before 01/07/2026.',
        params,
        body: measureCreateSchema,
        response: { 201: measureOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createMeasure(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    '/api/monitoring/:id',
    {
      schema: {
        operationId: 'getMonitoring',
        tags,
        summary: 'Xem biện pháp giám sát điện tử / View a monitoring measure',
        params,
        response: { 200: measureOut },
      },
    },
    async (req) => getMeasure(deps, requireActor(req), req.params.id),
  );
  app.put(
    '/api/monitoring/:id',
    {
      schema: {
        operationId: 'updateMonitoring',
        tags,
        summary: 'Sửa biện pháp giám sát điện tử / Correct a monitoring measure',
        params,
        body: measureUpdateSchema,
        response: { 200: measureOut },
      },
    },
    async (req) => updateMeasure(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/monitoring/:id/events',
    {
      schema: {
        operationId: 'recordMonitoringEvent',
        tags,
        summary:
          'Ghi nhận vi phạm, can thiệp thiết bị, hư hỏng, gỡ bỏ / Record a breach, tampering, fault or removal',
        params,
        body: eventCreateSchema,
        response: { 201: measureOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordEvent(deps, requireActor(req), req.params.id, req.body)),
  );
}
