import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, listOf } from '../../platform/http/schemas.ts';
import {
  adjustmentCreateSchema,
  adjustmentDeleteSchema,
  adjustmentOut,
  holidaysOut,
  overrideCreateSchema,
  overrideOut,
  overrideQuerySchema,
  overrideRevokeSchema,
  regimesOut,
  rulesInForceOut,
  rulesQuerySchema,
  yearQuerySchema,
} from './legal.schema.ts';
import * as svc from './legal.service.ts';

/** Legal regimes and rules, their administrator overrides, and the working-day calendar. */
export async function legalRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['legal']);

  api.get(
    '/api/legal/regimes',
    {
      operationId: 'listLegalRegimes',
      summary: 'Các chế độ pháp lý và quy định / Legal regimes and their rules',
      ok: regimesOut,
    },
    (_call) => svc.listRegimes(),
  );

  api.get(
    '/api/legal/rules',
    {
      operationId: 'getLegalRules',
      summary: 'Quy định có hiệu lực vào một ngày / Rules in force on a date',
      querystring: rulesQuerySchema,
      ok: rulesInForceOut,
    },
    ({ query }) => svc.rulesInForce(deps, query.date),
  );

  api.get(
    '/api/legal/overrides',
    {
      operationId: 'listRuleOverrides',
      summary: 'Các thay đổi quy định / Rule overrides',
      querystring: overrideQuerySchema,
      ok: listOf(overrideOut),
    },
    ({ query }) => svc.listOverrides(deps, query),
  );

  api.post(
    '/api/legal/overrides',
    {
      operationId: 'createRuleOverride',
      summary: 'Thay đổi một quy định từ một ngày / Override a rule from a date',
      body: overrideCreateSchema,
      created: overrideOut,
    },
    ({ actor, body }) => svc.createOverride(deps, actor, body),
  );

  api.post(
    '/api/legal/overrides/:id/revoke',
    {
      operationId: 'revokeRuleOverride',
      summary: 'Thu hồi thay đổi quy định / Revoke a rule override',
      params: idParams,
      body: overrideRevokeSchema,
      ok: overrideOut,
    },
    ({ actor, params, body }) => svc.revokeOverride(deps, actor, params.id, body),
  );

  api.get(
    '/api/calendar/holidays',
    {
      operationId: 'listHolidays',
      tags: ['calendar'],
      summary: 'Ngày nghỉ lễ, nghỉ bù và điều chỉnh trong năm / Holidays and adjustments of a year',
      querystring: yearQuerySchema,
      ok: holidaysOut,
    },
    ({ query }) => svc.holidaysOfYear(deps, query.year),
  );

  api.get(
    '/api/calendar/adjustments',
    {
      operationId: 'listCalendarAdjustments',
      tags: ['calendar'],
      summary: 'Điều chỉnh lịch nghỉ / Calendar adjustments',
      querystring: yearQuerySchema,
      ok: listOf(adjustmentOut),
    },
    ({ query }) => svc.listAdjustments(deps, query.year),
  );

  api.post(
    '/api/calendar/adjustments',
    {
      operationId: 'createCalendarAdjustment',
      tags: ['calendar'],
      summary: 'Thêm ngày nghỉ hoặc ngày làm bù / Add a day off or a make-up working day',
      body: adjustmentCreateSchema,
      created: adjustmentOut,
    },
    ({ actor, body }) => svc.createAdjustment(deps, actor, body),
  );

  api.delete(
    '/api/calendar/adjustments/:id',
    {
      operationId: 'deleteCalendarAdjustment',
      tags: ['calendar'],
      summary: 'Xoá điều chỉnh lịch nghỉ / Delete a calendar adjustment',
      params: idParams,
      body: adjustmentDeleteSchema,
      noContent: true,
    },
    ({ actor, params, body }) => svc.deleteAdjustment(deps, actor, params.id, body?.reason),
  );
}
