import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { correctEvent, correctIntake, voidEvent } from './corrections.service.ts';
import { admissionOut, eventOut, healthRecordOut } from './facility.presenter.ts';
import { eventCorrectionSchema, idParams, intakeCorrectionSchema, voidSchema } from './facility.schema.ts';

/** Corrections of mistaken entries: an admission's intake record, a register event; voids of an event. */
export async function correctionsRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['facility']);
  const params = idParams;
  const eventOrHealth = z.union([healthRecordOut, eventOut]);

  api.put(
    '/api/admissions/:id/intake',
    {
      operationId: 'correctIntake',
      summary: 'Sửa biên bản tiếp nhận / Correct the intake record',
      params,
      body: intakeCorrectionSchema,
      ok: admissionOut,
    },
    ({ actor, params, body }) => correctIntake(deps, actor, params.id, body),
  );
  api.put(
    '/api/facility-events/:id',
    {
      operationId: 'correctFacilityEvent',
      summary: 'Sửa bản ghi nhập nhầm / Correct a register event (health records: medical staff only)',
      params,
      body: eventCorrectionSchema,
      ok: eventOrHealth,
    },
    ({ actor, params, body }) => correctEvent(deps, actor, params.id, body),
  );
  api.post(
    '/api/facility-events/:id/void',
    {
      operationId: 'voidFacilityEvent',
      summary: 'Hủy bỏ bản ghi nhập nhầm / Void an event entered by mistake (kept in history, not counted)',
      params,
      body: voidSchema,
      ok: eventOrHealth,
    },
    ({ actor, params, body }) => voidEvent(deps, actor, params.id, body),
  );
}
