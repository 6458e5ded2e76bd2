import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { Errors } from '../../platform/errors.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { abilitiesOf, type Role, secondFactorRequired } from '../../platform/policy.ts';
import { identityRepo } from './identity.repo.ts';
import { meOut } from './identity.schema.ts';
import { presentUser } from './identity.service.ts';
import * as totp from './totp.service.ts';

const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'Mã gồm 6 chữ số / The code has 6 digits' });

/** Second factor (TOTP) routes: the user's own enrolment and code step, and an administrator's reset. */
export async function totpRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['auth']);
  const limit = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };

  api.get(
    '/api/auth/totp',
    {
      operationId: 'getMyTotp',
      summary: 'Xác thực hai bước của tôi / My two-step verification',
      ok: z.object({
        enrolled: z.boolean(),
        required: z.boolean(),
        recoveryCodesLeft: z.number(),
        rememberedDevices: z.number(),
        rememberDeviceDays: z.number(),
      }),
    },
    ({ actor }) => totp.secondFactorStatus(deps, actor),
  );

  api.post(
    '/api/auth/totp/enrol',
    {
      operationId: 'enrolTotp',
      summary: 'Bắt đầu bật xác thực hai bước / Start two-step set-up',
      description: 'A new secret, shown once: as a QR code (SVG data URL) and as text to type in.',
      ok: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }),
      config: limit,
    },
    ({ actor }) => totp.startEnrolment(deps, actor),
  );

  api.post(
    '/api/auth/totp/confirm',
    {
      operationId: 'confirmTotp',
      summary: 'Xác nhận bật xác thực hai bước / Confirm two-step set-up',
      description: 'Checks a first code; returns 10 recovery codes, shown this once only.',
      body: z.strictObject({ code: codeSchema }),
      ok: z.object({ recoveryCodes: z.array(z.string()) }),
      config: limit,
    },
    ({ actor, body, req }) => totp.confirmEnrolment(deps, actor, req.sessionId!, body.code),
  );

  api.post(
    '/api/auth/totp/verify',
    {
      operationId: 'verifyTotp',
      summary: 'Nhập mã xác thực khi đăng nhập / The code step of a login',
      body: z
        .strictObject({
          code: codeSchema.optional(),
          recoveryCode: z.string().trim().min(8).max(40).optional(),
          rememberDevice: z.boolean().default(false),
        })
        .refine((b) => !!b.code !== !!b.recoveryCode, {
          error: 'Nhập mã xác thực hoặc một mã khôi phục / Enter a code or one recovery code',
          path: ['code'],
        }),
      ok: meOut.extend({ recoveryCodesLeft: z.number().optional() }),
      config: limit,
    },
    async ({ actor, body, req, reply }) => {
      const r = await totp.verifySecondFactor(deps, actor, req.sessionId!, {
        ...body,
        deviceLabel: req.headers['user-agent'],
      });
      if (r.deviceToken) {
        reply.setCookie(totp.DEVICE_COOKIE, r.deviceToken, {
          path: '/api/auth',
          httpOnly: true,
          sameSite: 'strict',
          secure: req.protocol === 'https',
          maxAge: deps.config.rememberDeviceDays * 86_400,
        });
      }
      return { ...(await meOf(req)), secondFactor: 'ok' as const, recoveryCodesLeft: r.recoveryCodesLeft };
    },
  );

  api.post(
    '/api/auth/totp/forget-devices',
    {
      operationId: 'forgetTotpDevices',
      summary: 'Quên các thiết bị đã ghi nhớ / Forget remembered devices',
      noContent: true,
    },
    async ({ actor, reply }) => {
      await totp.forgetDevices(deps, actor);
      reply.clearCookie(totp.DEVICE_COOKIE, { path: '/api/auth' });
    },
  );

  api.get(
    '/api/users/:id/totp',
    {
      operationId: 'getUserTotp',
      requires: 'users.manage',
      tags: ['users'],
      summary: 'Xác thực hai bước của người dùng / A user’s two-step verification',
      params: idParams,
      ok: z.object({ enrolled: z.boolean(), required: z.boolean() }),
    },
    async ({ params }) => {
      const user = await identityRepo.findUserById(deps.database.db, params.id);
      if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
      return {
        enrolled: await totp.hasSecondFactor(deps.database.db, user.id),
        required: secondFactorRequired(user.role as Role),
      };
    },
  );

  api.post(
    '/api/users/:id/totp/reset',
    {
      operationId: 'resetUserTotp',
      requires: 'users.manage',
      tags: ['users'],
      summary: 'Đặt lại xác thực hai bước / Reset a user’s two-step verification',
      description: 'Removes the secret, recovery codes and remembered devices; ends the user’s sessions.',
      params: idParams,
      noContent: true,
    },
    async ({ actor, params }) => {
      await totp.resetSecondFactor(deps, actor, params.id);
    },
  );

  async function meOf(req: FastifyRequest) {
    const actor = requireActor(req);
    const user = await identityRepo.findUserById(deps.database.db, actor.userId);
    if (!user) throw Errors.unauthenticated();
    return {
      user: await presentUser(deps.database.db, user),
      csrfToken: req.csrfToken!,
      abilities: abilitiesOf(actor),
    };
  }
}
