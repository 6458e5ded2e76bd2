import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { correctEvent, correctIntake, voidEvent } from './corrections.service.ts';
import { admissionOut, eventOut, healthRecordOut } from './facility.presenter.ts';
import { eventCorrectionSchema, idParams, intakeCorrectionSchema, voidSchema } from './facility.schema.ts';

/** Corrections of mistaken entries: an admission's intake record, a register event; voids of an event. */
export async function correctionsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['facility'];
  const params = idParams;
  const eventOrHealth = z.union([healthRecordOut, eventOut]);

  app.put(
    '/api/admissions/:id/intake',
    {
      schema: {
        operationId: 'correctIntake',
        tags,
        summary: 'Sửa biên bản tiếp nhận / Correct the intake record',
        params,
        body: intakeCorrectionSchema,
        response: { 200: admissionOut },
      },
    },
    async (req) => correctIntake(deps, requireActor(req), req.params.id, req.body),
  );
  app.put(
    '/api/facility-events/:id',
    {
      schema: {
        operationId: 'correctFacilityEvent',
        tags,
        summary: 'Sửa bản ghi nhập nhầm / Correct a register event (health records: medical staff only)',
        params,
        body: eventCorrectionSchema,
        response: { 200: eventOrHealth },
      },
    },
    async (req) => correctEvent(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/facility-events/:id/void',
    {
      schema: {
        operationId: 'voidFacilityEvent',
        tags,
        summary: 'Hủy bỏ bản ghi nhập nhầm / Void an event entered by mistake (kept in history, not counted)',
        params,
        body: voidSchema,
        response: { 200: eventOrHealth },
      },
    },
    async (req) => voidEvent(deps, requireActor(req), req.params.id, req.body),
  );
}
