import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, listOf } from '../../platform/http/schemas.ts';
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
  const api = apiRoutes(root, ['screening']);

  api.get(
    '/api/people/:id/drug-tests',
    {
      operationId: 'listDrugTests',
      summary: 'Các lần xét nghiệm / Drug tests of a person',
      params: idParams,
      ok: listOf(drugTestOut),
    },
    ({ actor, params }) => tests.listDrugTests(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/drug-tests',
    {
      operationId: 'createDrugTest',
      summary: 'Ghi nhận xét nghiệm / Record a drug test',
      params: idParams,
      body: drugTestCreateSchema,
      created: drugTestOut,
    },
    ({ actor, params, body }) => tests.createDrugTest(deps, actor, params.id, body),
  );

  api.get(
    '/api/people/:id/addiction-determinations',
    {
      operationId: 'listAddictionDeterminations',
      summary: 'Kết quả xác định tình trạng nghiện / Addiction determinations',
      params: idParams,
      ok: listOf(determinationOut),
    },
    ({ actor, params }) => determinations.listDeterminations(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/addiction-determinations',
    {
      operationId: 'createAddictionDetermination',
      summary: 'Ghi nhận xác định tình trạng nghiện (Mẫu 04) / Record an addiction determination',
      params: idParams,
      body: determinationCreateSchema,
      created: determinationOut,
    },
    ({ actor, params, body }) => determinations.createDetermination(deps, actor, params.id, body),
  );

  api.get(
    '/api/people/:id/counselling-sessions',
    {
      operationId: 'listCounsellingSessions',
      summary: 'Các buổi tư vấn / Counselling sessions of a person',
      params: idParams,
      ok: listOf(counsellingOut),
    },
    ({ actor, params }) => counselling.listCounselling(deps, actor, params.id),
  );
  api.post(
    '/api/counselling-sessions',
    {
      operationId: 'createCounsellingSession',
      summary: 'Ghi nhận buổi tư vấn / Record a counselling session',
      body: counsellingCreateSchema,
      created: counsellingOut,
    },
    ({ actor, body }) => counselling.createCounselling(deps, actor, body),
  );
}
