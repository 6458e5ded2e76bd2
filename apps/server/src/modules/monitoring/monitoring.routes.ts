import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, listOf } from '../../platform/http/schemas.ts';
import { measureOut } from './monitoring.presenter.ts';
import { eventCreateSchema, measureCreateSchema, measureUpdateSchema } from './monitoring.schema.ts';
import { createMeasure, getMeasure, listMeasures, recordEvent, updateMeasure } from './monitoring.service.ts';

export async function monitoringRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['monitoring']);

  api.get(
    '/api/people/:id/monitoring',
    {
      operationId: 'listMonitoring',
      summary: 'Biện pháp giám sát điện tử của một người / Electronic monitoring measures of a person',
      params: idParams,
      ok: listOf(measureOut),
    },
    ({ actor, params }) => listMeasures(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/monitoring',
    {
      operationId: 'createMonitoring',
      summary: 'Ghi nhận quyết định áp dụng giám sát điện tử / Record an electronic monitoring measure',
      description:
        'Law 120/2025/QH15 Art. 12: decided by the head of commune police for a person in community rehab, on substitution therapy or under post-rehab management; refused (422, rule cited) otherwise or before 01/07/2026.',
      params: idParams,
      body: measureCreateSchema,
      created: measureOut,
    },
    ({ actor, params, body }) => createMeasure(deps, actor, params.id, body),
  );
  api.get(
    '/api/monitoring/:id',
    {
      operationId: 'getMonitoring',
      summary: 'Xem biện pháp giám sát điện tử / View a monitoring measure',
      params: idParams,
      ok: measureOut,
    },
    ({ actor, params }) => getMeasure(deps, actor, params.id),
  );
  api.put(
    '/api/monitoring/:id',
    {
      operationId: 'updateMonitoring',
      summary: 'Sửa biện pháp giám sát điện tử / Correct a monitoring measure',
      params: idParams,
      body: measureUpdateSchema,
      ok: measureOut,
    },
    ({ actor, params, body }) => updateMeasure(deps, actor, params.id, body),
  );
  api.post(
    '/api/monitoring/:id/events',
    {
      operationId: 'recordMonitoringEvent',
      summary:
        'Ghi nhận vi phạm, can thiệp thiết bị, hư hỏng, gỡ bỏ / Record a breach, tampering, fault or removal',
      params: idParams,
      body: eventCreateSchema,
      created: measureOut,
    },
    ({ actor, params, body }) => recordEvent(deps, actor, params.id, body),
  );
}
