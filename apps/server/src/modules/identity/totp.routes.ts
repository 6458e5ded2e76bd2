import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { Errors } from '../../platform/errors.ts';
import { abilitiesOf, authorize, type Role, secondFactorRequired } from '../../platform/policy.ts';
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
  const app = root.withTypeProvider<ZodTypeProvider>();
  const limit = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/api/auth/totp',
    {
      schema: {
        operationId: 'getMyTotp',
        tags: ['auth'],
        summary: 'Xác thực hai bước của tôi / My two-step verification',
        response: {
          200: z.object({
            enrolled: z.boolean(),
            required: z.boolean(),
            recoveryCodesLeft: z.number(),
            rememberedDevices: z.number(),
            rememberDeviceDays: z.number(),
          }),
        },
      },
    },
    async (req) => totp.secondFactorStatus(deps, requireActor(req)),
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: limit,
      schema: {
        operationId: 'enrolTotp',
        tags: ['auth'],
        summary: 'Bắt đầu bật xác thực hai bước / Start two-step set-up',
        description: 'A new secret, shown once: as a QR code (SVG data URL) and as text to type in.',
        response: { 200: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (req) => totp.startEnrolment(deps, requireActor(req)),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: limit,
      schema: {
        operationId: 'confirmTotp',
        tags: ['auth'],
        summary: 'Xác nhận bật xác thực hai bước / Confirm two-step set-up',
        description: 'Checks a first code; returns 10 recovery codes, shown this once only.',
        body: z.strictObject({ code: codeSchema }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req) => totp.confirmEnrolment(deps, requireActor(req), req.sessionId!, req.body.code),
  );

  app.post(
    '/api/auth/totp/verify',
    {
      config: limit,
      schema: {
        operationId: 'verifyTotp',
        tags: ['auth'],
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
        response: { 200: meOut.extend({ recoveryCodesLeft: z.number().optional() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const r = await totp.verifySecondFactor(deps, actor, req.sessionId!, {
        ...req.body,
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

  app.post(
    '/api/auth/totp/forget-devices',
    {
      schema: {
        operationId: 'forgetTotpDevices',
        tags: ['auth'],
        summary: 'Quên các thiết bị đã ghi nhớ / Forget remembered devices',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await totp.forgetDevices(deps, requireActor(req));
      reply.clearCookie(totp.DEVICE_COOKIE, { path: '/api/auth' });
      return reply.status(204).send(null);
    },
  );

  const idParams = z.strictObject({ id: z.string().min(1).max(64) });

  app.get(
    '/api/users/:id/totp',
    {
      schema: {
        operationId: 'getUserTotp',
        tags: ['users'],
        summary: 'Xác thực hai bước của người dùng / A user’s two-step verification',
        params: idParams,
        response: { 200: z.object({ enrolled: z.boolean(), required: z.boolean() }) },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'users.manage');
      const user = await identityRepo.findUserById(deps.database.db, req.params.id);
      if (!user) throw Errors.notFound({ vi: 'người dùng', en: 'User' });
      return {
        enrolled: await totp.hasSecondFactor(deps.database.db, user.id),
        required: secondFactorRequired(user.role as Role),
      };
    },
  );

  app.post(
    '/api/users/:id/totp/reset',
    {
      schema: {
        operationId: 'resetUserTotp',
        tags: ['users'],
        summary: 'Đặt lại xác thực hai bước / Reset a user’s two-step verification',
        description: 'Removes the secret, recovery codes and remembered devices; ends the user’s sessions.',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      await totp.resetSecondFactor(deps, actor, req.params.id);
      return reply.status(204).send(null);
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
