import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
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
  const app = root.withTypeProvider<ZodTypeProvider>();
  const idParams = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/facilities',
    {
      schema: {
        operationId: 'listFacilities',
        tags: ['org'],
        summary: 'Danh sách cơ sở / Facilities',
        querystring: facilityQuerySchema,
        response: {
          200: z.object({
            items: z.array(facilityOut),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.listFacilities(deps, req.query);
    },
  );

  app.post(
    '/api/facilities',
    {
      schema: {
        operationId: 'createFacility',
        tags: ['org'],
        summary: 'Thêm cơ sở / Create a facility',
        body: facilityCreateSchema,
        response: { 201: facilityOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createFacility(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/facilities/:id',
    {
      schema: {
        operationId: 'getFacility',
        tags: ['org'],
        summary: 'Xem cơ sở / A facility',
        params: idParams,
        response: { 200: facilityOut },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.getFacility(deps, req.params.id);
    },
  );

  app.patch(
    '/api/facilities/:id',
    {
      schema: {
        operationId: 'updateFacility',
        tags: ['org'],
        summary: 'Sửa cơ sở / Update a facility',
        params: idParams,
        body: facilityUpdateSchema,
        response: { 200: facilityOut },
      },
    },
    async (req) => svc.updateFacility(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/facilities/:id/licences',
    {
      schema: {
        operationId: 'addFacilityLicence',
        tags: ['org'],
        summary: 'Thêm giấy phép hoạt động (cơ sở tư nhân) / Add an operating licence (private facility)',
        params: idParams,
        body: licenceSchema,
        response: { 201: facilityOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addLicence(deps, requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/facilities/:id/licences/:licenceId',
    {
      schema: {
        operationId: 'updateFacilityLicence',
        tags: ['org'],
        summary: 'Sửa giấy phép hoạt động / Correct an operating licence',
        params: z.strictObject({ id: z.string().min(1).max(64), licenceId: z.string().min(1).max(64) }),
        body: licenceUpdateSchema,
        response: { 200: facilityOut },
      },
    },
    async (req) => svc.updateLicence(deps, requireActor(req), req.params.id, req.params.licenceId, req.body),
  );
}
