import { personCreateSchema, personUpdateSchema } from '@hoanhap/domain/person-schema';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes, sendFile } from '../../platform/http/route-helpers.ts';
import { idParams, pageQuery } from '../../platform/http/schemas.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import { personOut } from './people.presenter.ts';
import * as svc from './people.service.ts';
import { exportPeople } from './people-export.ts';
import { personSummaryPdf } from './people-summary.ts';

export async function peopleRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['people']);

  api.get(
    '/api/people',
    {
      operationId: 'searchPeople',
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
        ...pageQuery(20, 100),
      }),
      ok: z.object({
        items: z.array(personOut),
        total: z.number(),
        totalCapped: z
          .boolean()
          .describe('A name search counts at most 1,000 matches: true when there are more than `total`'),
        limit: z.number(),
        offset: z.number(),
      }),
    },
    ({ actor, query }) => svc.searchPeople(deps, actor, query),
  );

  api.get(
    '/api/people/export',
    {
      operationId: 'exportPeople',
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
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
    },
    async ({ actor, query, reply }) => {
      const { format, ...filters } = query;
      const file = await exportPeople(deps, actor, format, filters);
      return sendFile(reply, file);
    },
  );

  api.get(
    '/api/people/:id/summary',
    {
      operationId: 'getPersonSummaryPdf',
      summary: 'Phiếu tóm tắt hồ sơ (PDF, A4) / Printable person summary (PDF, A4)',
      params: idParams,
      config: { fileResponse: [FILE_TYPES.pdf] },
    },
    async ({ actor, params, reply }) => {
      const file = await personSummaryPdf(deps, actor, params.id);
      return sendFile(reply, file, 'inline');
    },
  );

  api.post(
    '/api/people',
    {
      operationId: 'createPerson',
      summary: 'Lập hồ sơ / Create a person',
      body: personCreateSchema,
      created: personOut,
    },
    ({ actor, body }) => svc.createPerson(deps, actor, body),
  );

  api.get(
    '/api/people/:id',
    {
      operationId: 'getPerson',
      summary: 'Xem hồ sơ / View a person',
      params: idParams,
      ok: personOut,
    },
    ({ actor, params }) => svc.getPerson(deps, actor, params.id),
  );

  api.put(
    '/api/people/:id',
    {
      operationId: 'updatePerson',
      summary: 'Sửa hồ sơ / Update a person',
      params: idParams,
      body: personUpdateSchema,
      ok: personOut,
    },
    ({ actor, params, body }) => svc.updatePerson(deps, actor, params.id, body),
  );
}
