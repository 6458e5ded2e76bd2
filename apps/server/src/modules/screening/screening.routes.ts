import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import * as counselling from './counselling.service.ts';
import * as determinations from './determinations.service.ts';
import * as tests from './drug-tests.service.ts';
import { counsellingOut, determinationOut, drugTestOut } from './screening.presenter.ts';
import {
  counsellingCreateSchema,
  determinationCreateSchema,
  drugTestCreateSchema,
} from './screening.schema.ts';

export async function screeningRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().min(1).max(64) });
  const tags = ['screening'];

  app.get(
    '/api/people/:id/drug-tests',
    {
      schema: {
        operationId: 'listDrugTests',
        tags,
        summary: 'Các lần xét nghiệm / Drug tests of a person',
        params,
        response: { 200: z.object({ items: z.array(drugTestOut) }) },
      },
    },
    async (req) => tests.listDrugTests(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/drug-tests',
    {
      schema: {
        operationId: 'createDrugTest',
        tags,
        summary: 'Ghi nhận xét nghiệm / Record a drug test',
        params,
        body: drugTestCreateSchema,
        response: { 201: drugTestOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tests.createDrugTest(deps, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/people/:id/addiction-determinations',
    {
      schema: {
        operationId: 'listAddictionDeterminations',
        tags,
        summary: 'Kết quả xác định tình trạng nghiện / Addiction determinations',
        params,
        response: { 200: z.object({ items: z.array(determinationOut) }) },
      },
    },
    async (req) => determinations.listDeterminations(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/addiction-determinations',
    {
      schema: {
        operationId: 'createAddictionDetermination',
        tags,
        summary: 'Ghi nhận xác định tình trạng nghiện (Mẫu 04) / Record an addiction determination',
        params,
        body: determinationCreateSchema,
        response: { 201: determinationOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await determinations.createDetermination(deps, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/people/:id/counselling-sessions',
    {
      schema: {
        operationId: 'listCounsellingSessions',
        tags,
        summary: 'Các buổi tư vấn / Counselling sessions of a person',
        params,
        response: { 200: z.object({ items: z.array(counsellingOut) }) },
      },
    },
    async (req) => counselling.listCounselling(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/counselling-sessions',
    {
      schema: {
        operationId: 'createCounsellingSession',
        tags,
        summary: 'Ghi nhận buổi tư vấn / Record a counselling session',
        body: counsellingCreateSchema,
        response: { 201: counsellingOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await counselling.createCounselling(deps, requireActor(req), req.body)),
  );
}
