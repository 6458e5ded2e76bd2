import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
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
  const app = root.withTypeProvider<ZodTypeProvider>();
  const idParams = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/legal/regimes',
    {
      schema: {
        operationId: 'listLegalRegimes',
        tags: ['legal'],
        summary: 'Các chế độ pháp lý và quy định / Legal regimes and their rules',
        response: { 200: regimesOut },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.listRegimes();
    },
  );

  app.get(
    '/api/legal/rules',
    {
      schema: {
        operationId: 'getLegalRules',
        tags: ['legal'],
        summary: 'Quy định có hiệu lực vào một ngày / Rules in force on a date',
        querystring: rulesQuerySchema,
        response: { 200: rulesInForceOut },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.rulesInForce(deps, req.query.date);
    },
  );

  app.get(
    '/api/legal/overrides',
    {
      schema: {
        operationId: 'listRuleOverrides',
        tags: ['legal'],
        summary: 'Các thay đổi quy định / Rule overrides',
        querystring: overrideQuerySchema,
        response: { 200: z.object({ items: z.array(overrideOut) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.listOverrides(deps, req.query);
    },
  );

  app.post(
    '/api/legal/overrides',
    {
      schema: {
        operationId: 'createRuleOverride',
        tags: ['legal'],
        summary: 'Thay đổi một quy định từ một ngày / Override a rule from a date',
        body: overrideCreateSchema,
        response: { 201: overrideOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createOverride(deps, requireActor(req), req.body)),
  );

  app.post(
    '/api/legal/overrides/:id/revoke',
    {
      schema: {
        operationId: 'revokeRuleOverride',
        tags: ['legal'],
        summary: 'Thu hồi thay đổi quy định / Revoke a rule override',
        params: idParams,
        body: overrideRevokeSchema,
        response: { 200: overrideOut },
      },
    },
    async (req) => svc.revokeOverride(deps, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/calendar/holidays',
    {
      schema: {
        operationId: 'listHolidays',
        tags: ['calendar'],
        summary: 'Ngày nghỉ lễ, nghỉ bù và điều chỉnh trong năm / Holidays and adjustments of a year',
        querystring: yearQuerySchema,
        response: { 200: holidaysOut },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.holidaysOfYear(deps, req.query.year);
    },
  );

  app.get(
    '/api/calendar/adjustments',
    {
      schema: {
        operationId: 'listCalendarAdjustments',
        tags: ['calendar'],
        summary: 'Điều chỉnh lịch nghỉ / Calendar adjustments',
        querystring: yearQuerySchema,
        response: { 200: z.object({ items: z.array(adjustmentOut) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return svc.listAdjustments(deps, req.query.year);
    },
  );

  app.post(
    '/api/calendar/adjustments',
    {
      schema: {
        operationId: 'createCalendarAdjustment',
        tags: ['calendar'],
        summary: 'Thêm ngày nghỉ hoặc ngày làm bù / Add a day off or a make-up working day',
        body: adjustmentCreateSchema,
        response: { 201: adjustmentOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createAdjustment(deps, requireActor(req), req.body)),
  );

  app.delete(
    '/api/calendar/adjustments/:id',
    {
      schema: {
        operationId: 'deleteCalendarAdjustment',
        tags: ['calendar'],
        summary: 'Xoá điều chỉnh lịch nghỉ / Delete a calendar adjustment',
        params: idParams,
        body: adjustmentDeleteSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await svc.deleteAdjustment(deps, requireActor(req), req.params.id, req.body?.reason);
      return reply.status(204).send(null);
    },
  );
}
