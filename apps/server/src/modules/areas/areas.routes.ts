import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { areaOut, listAreasOut, listLegacyDistrictsOut } from './areas.out.ts';
import {
  areaCreateBody,
  areaDeleteBody,
  areaListQuery,
  areaUpdateBody,
  legacyDistrictsQuery,
} from './areas.schema.ts';
import * as svc from './areas.service.ts';

/** Areas (/api/areas): named sets of communes of a province, reported on as units (`unit=area:<id>`). */
export async function areasRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['reports']);
  api.get(
    '/api/areas',
    {
      operationId: 'listAreas',
      summary: 'Khu vực của tỉnh / Areas of a province',
      querystring: areaListQuery,
      ok: listAreasOut,
    },
    ({ actor, query }) => svc.listAreas(deps, actor, query),
  );
  api.get(
    '/api/areas/legacy-districts',
    {
      operationId: 'listLegacyDistricts',
      summary: 'Huyện cũ (trước 01/07/2025) và các xã hiện nay / Old districts and their current communes',
      querystring: legacyDistrictsQuery,
      ok: listLegacyDistrictsOut,
    },
    ({ actor, query }) => svc.legacyDistricts(deps, actor, query),
  );
  api.get(
    '/api/areas/:id',
    { operationId: 'getArea', summary: 'Một khu vực / One area', params: idParams, ok: areaOut },
    ({ actor, params }) => svc.getArea(deps, actor, params.id),
  );
  api.post(
    '/api/areas',
    {
      operationId: 'createArea',
      summary: 'Tạo khu vực / Create an area',
      body: areaCreateBody,
      created: areaOut,
    },
    ({ actor, body }) => svc.createArea(deps, actor, body),
  );
  api.put(
    '/api/areas/:id',
    {
      operationId: 'updateArea',
      summary: 'Sửa khu vực / Edit an area',
      params: idParams,
      body: areaUpdateBody,
      ok: areaOut,
    },
    ({ actor, params, body }) => svc.updateArea(deps, actor, params.id, body),
  );
  api.delete(
    '/api/areas/:id',
    {
      operationId: 'deleteArea',
      summary: 'Xoá khu vực / Delete an area',
      params: idParams,
      body: areaDeleteBody,
      noContent: true,
    },
    ({ actor, params, body }) => svc.deleteArea(deps, actor, params.id, body.version),
  );
}
