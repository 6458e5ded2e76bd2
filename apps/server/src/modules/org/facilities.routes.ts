import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams } from '../../platform/http/schemas.ts';
import {
  facilityCreateSchema,
  facilityOut,
  facilityQuerySchema,
  facilityUpdateSchema,
  licenceSchema,
  licenceUpdateSchema,
} from './facilities.schema.ts';
import * as svc from './facilities.service.ts';

export async function facilitiesRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['org']);

  api.get(
    '/api/facilities',
    {
      operationId: 'listFacilities',
      summary: 'Danh sách cơ sở / Facilities',
      querystring: facilityQuerySchema,
      ok: z.object({
        items: z.array(facilityOut),
        total: z.number(),
        limit: z.number(),
        offset: z.number(),
      }),
    },
    ({ query }) => svc.listFacilities(deps, query),
  );

  api.post(
    '/api/facilities',
    {
      operationId: 'createFacility',
      summary: 'Thêm cơ sở / Create a facility',
      body: facilityCreateSchema,
      created: facilityOut,
    },
    ({ actor, body }) => svc.createFacility(deps, actor, body),
  );

  api.get(
    '/api/facilities/:id',
    {
      operationId: 'getFacility',
      summary: 'Xem cơ sở / A facility',
      params: idParams,
      ok: facilityOut,
    },
    ({ params }) => svc.getFacility(deps, params.id),
  );

  api.patch(
    '/api/facilities/:id',
    {
      operationId: 'updateFacility',
      summary: 'Sửa cơ sở / Update a facility',
      params: idParams,
      body: facilityUpdateSchema,
      ok: facilityOut,
    },
    ({ actor, params, body }) => svc.updateFacility(deps, actor, params.id, body),
  );

  api.post(
    '/api/facilities/:id/licences',
    {
      operationId: 'addFacilityLicence',
      summary: 'Thêm giấy phép hoạt động (cơ sở tư nhân) / Add an operating licence (private facility)',
      params: idParams,
      body: licenceSchema,
      created: facilityOut,
    },
    ({ actor, params, body }) => svc.addLicence(deps, actor, params.id, body),
  );

  api.patch(
    '/api/facilities/:id/licences/:licenceId',
    {
      operationId: 'updateFacilityLicence',
      summary: 'Sửa giấy phép hoạt động / Correct an operating licence',
      params: z.strictObject({ id: z.string().min(1).max(64), licenceId: z.string().min(1).max(64) }),
      body: licenceUpdateSchema,
      ok: facilityOut,
    },
    ({ actor, params, body }) => svc.updateLicence(deps, actor, params.id, params.licenceId, body),
  );
}
