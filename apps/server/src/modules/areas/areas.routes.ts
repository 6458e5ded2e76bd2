import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { areaOut, listAreasOut, listLegacyDistrictsOut } from './areas.out.ts';
import {
  areaCreateBody,
  areaDeleteBody,
  areaIdParams,
  areaListQuery,
  areaUpdateBody,
  legacyDistrictsQuery,
} from './areas.schema.ts';
import * as svc from './areas.service.ts';

const tags = ['reports'];

/** Areas (/api/areas): named sets of communes of a province, reported on as units (`unit=area:<id>`). */
export async function areasRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/areas',
    {
      schema: {
        operationId: 'listAreas',
        tags,
        summary: 'Khu vực của tỉnh / Areas of a province',
        querystring: areaListQuery,
        response: { 200: listAreasOut },
      },
    },
    async (req) => svc.listAreas(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/areas/legacy-districts',
    {
      schema: {
        operationId: 'listLegacyDistricts',
        tags,
        summary: 'Huyện cũ (trước 01/07/2025) và các xã hiện nay / Old districts and their current communes',
        querystring: legacyDistrictsQuery,
        response: { 200: listLegacyDistrictsOut },
      },
    },
    async (req) => svc.legacyDistricts(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/areas/:id',
    {
      schema: {
        operationId: 'getArea',
        tags,
        summary: 'Một khu vực / One area',
        params: areaIdParams,
        response: { 200: areaOut },
      },
    },
    async (req) => svc.getArea(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/areas',
    {
      schema: {
        operationId: 'createArea',
        tags,
        summary: 'Tạo khu vực / Create an area',
        body: areaCreateBody,
        response: { 201: areaOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createArea(deps, requireActor(req), req.body)),
  );
  app.put(
    '/api/areas/:id',
    {
      schema: {
        operationId: 'updateArea',
        tags,
        summary: 'Sửa khu vực / Edit an area',
        params: areaIdParams,
        body: areaUpdateBody,
        response: { 200: areaOut },
      },
    },
    async (req) => svc.updateArea(deps, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/areas/:id',
    {
      schema: {
        operationId: 'deleteArea',
        tags,
        summary: 'Xoá khu vực / Delete an area',
        params: areaIdParams,
        body: areaDeleteBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await svc.deleteArea(deps, requireActor(req), req.params.id, req.body.version);
      return reply.status(204).send(null);
    },
  );
}
