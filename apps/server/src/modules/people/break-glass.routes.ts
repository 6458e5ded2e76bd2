import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, strOrNull } from '../../platform/http/schemas.ts';
import * as svc from './break-glass.service.ts';
import { personOut } from './people.presenter.ts';

export const BREAK_GLASS_REASON_MIN = 15;

export const breakGlassBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(BREAK_GLASS_REASON_MIN, {
      error: `Lý do cần ít nhất ${BREAK_GLASS_REASON_MIN} ký tự / The reason needs at least ${BREAK_GLASS_REASON_MIN} characters`,
    })
    .max(500),
});

/** Need-to-know routes: opening one person's identity with a reason, and the auditor's list of such reads. */
export async function breakGlassRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['people']);

  api.post(
    '/api/people/:id/break-glass',
    {
      operationId: 'breakGlass',
      summary: 'Xem thông tin định danh (nêu lý do) / Open identity with a reason',
      description:
        'National and province officers only: the reason is kept and audited; the identity stays open to them for BREAK_GLASS_MINUTES.',
      params: idParams,
      body: breakGlassBody,
      created: z.object({ person: personOut, expiresAt: z.string() }),
    },
    ({ actor, params, body }) => svc.breakGlass(deps, actor, params.id, body.reason),
  );

  api.get(
    '/api/people/:id/identity',
    {
      operationId: 'getPersonIdentity',
      summary: 'Thông tin định danh / A person’s identity',
      description:
        'Refused (403 break_glass_required) to a national or province officer without an open reason.',
      params: idParams,
      ok: personOut,
    },
    ({ actor, params }) => svc.readIdentity(deps, actor, params.id),
  );

  api.get(
    '/api/audit/break-glass',
    {
      operationId: 'listBreakGlassReads',
      tags: ['audit'],
      summary: 'Các lần xem thông tin định danh có lý do / Identity reads with a reason',
      querystring: z.strictObject({
        username: z.string().max(64).optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      ok: z.object({
        total: z.number(),
        items: z.array(
          z.object({
            id: z.string(),
            userId: z.string(),
            username: z.string(),
            role: z.string(),
            personId: z.string(),
            personName: strOrNull,
            provinceCode: z.string(),
            reason: z.string(),
            ip: strOrNull,
            grantedAt: z.string(),
            expiresAt: z.string(),
          }),
        ),
      }),
    },
    ({ actor, query }) => svc.listBreakGlass(deps, actor, query),
  );
}
