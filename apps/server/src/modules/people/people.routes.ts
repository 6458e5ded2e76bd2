import { personCreateSchema, personUpdateSchema } from '@hoanhap/domain/person-schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import { personOut } from './people.presenter.ts';
import * as svc from './people.service.ts';
import { exportPeople } from './people-export.ts';
import { personSummaryPdf } from './people-summary.ts';

export async function peopleRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const idParams = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/people',
    {
      schema: {
        operationId: 'searchPeople',
        tags: ['people'],
        summary: 'Tìm kiếm hồ sơ / Search people',
        querystring: z.strictObject({
          q: z
            .string()
            .max(120)
            .optional()
            .describe('Name, other name or 12-digit citizen ID; diacritics ignored'),
          communeCode: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          status: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(personOut),
            total: z.number(),
            totalCapped: z
              .boolean()
              .describe('A name search counts at most 1,000 matches: true when there are more than `total`'),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (req) => svc.searchPeople(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/people/export',
    {
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
      schema: {
        operationId: 'exportPeople',
        tags: ['people'],
        summary:
          'Xuất danh sách (xlsx, csv), cùng cột với tệp nhập / Export the list (xlsx, csv), import columns',
        querystring: z.strictObject({
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
          q: z.string().max(120).optional(),
          communeCode: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          status: z.string().max(40).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await exportPeople(deps, requireActor(req), format, filters);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/people/:id/summary',
    {
      config: { fileResponse: [FILE_TYPES.pdf] },
      schema: {
        operationId: 'getPersonSummaryPdf',
        tags: ['people'],
        summary: 'Phiếu tóm tắt hồ sơ (PDF, A4) / Printable person summary (PDF, A4)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const file = await personSummaryPdf(deps, requireActor(req), req.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/people',
    {
      schema: {
        operationId: 'createPerson',
        tags: ['people'],
        summary: 'Lập hồ sơ / Create a person',
        body: personCreateSchema,
        response: { 201: personOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createPerson(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        operationId: 'getPerson',
        tags: ['people'],
        summary: 'Xem hồ sơ / View a person',
        params: idParams,
        response: { 200: personOut },
      },
    },
    async (req) => svc.getPerson(deps, requireActor(req), req.params.id),
  );

  app.put(
    '/api/people/:id',
    {
      schema: {
        operationId: 'updatePerson',
        tags: ['people'],
        summary: 'Sửa hồ sơ / Update a person',
        params: idParams,
        body: personUpdateSchema,
        response: { 200: personOut },
      },
    },
    async (req) => svc.updatePerson(deps, requireActor(req), req.params.id, req.body),
  );
}
