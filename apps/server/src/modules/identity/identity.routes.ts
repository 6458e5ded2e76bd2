import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, SESSION_COOKIE, setSessionCookie } from '../../platform/auth.ts';
import { Errors } from '../../platform/errors.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { idParams, listOf, strOrNull } from '../../platform/http/schemas.ts';
import { abilitiesOf } from '../../platform/policy.ts';
import { getFirstStepsOut } from './identity.out.ts';
import { identityRepo } from './identity.repo.ts';
import {
  changePasswordBody,
  createUserBody,
  loginBody,
  meOut,
  updateUserBody,
  userOut,
} from './identity.schema.ts';
import * as svc from './identity.service.ts';
import { DEVICE_COOKIE } from './totp.service.ts';

export async function identityRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const api = apiRoutes(root, ['users']);

  const me = async (req: any) => {
    const actor = requireActor(req);
    const user = await identityRepo.findUserById(deps.database.db, actor.userId);
    if (!user) throw Errors.unauthenticated();
    return {
      user: await svc.presentUser(deps.database.db, user),
      csrfToken: req.csrfToken!,
      abilities: abilitiesOf(actor),
      secondFactor: req.secondFactor ?? 'ok',
    };
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' },
        problems: [401, 423, 429],
      },
      schema: {
        operationId: 'logIn',
        tags: ['auth'],
        summary: 'Đăng nhập / Log in',
        body: loginBody,
        response: { 200: meOut },
      },
    },
    async (req, reply) => {
      const { token, user, secondFactor } = await svc.login(
        deps,
        req.body.username,
        req.body.password,
        req.ip,
        {
          deviceToken: req.cookies[DEVICE_COOKIE],
          userAgent: req.headers['user-agent'] ?? null,
        },
      );
      req.secondFactor = secondFactor;
      setSessionCookie(reply, req, token);
      const s = await identityRepo.findSession(deps.database.db, svc.sessionIdOf(token));
      req.actor = {
        userId: user.id,
        username: user.username,
        role: user.role as any,
        scopeKind: user.scope_kind,
        scopeCode: user.scope_code,
        ip: req.ip,
      };
      req.csrfToken = s!.csrf_token;
      return me(req);
    },
  );

  api.post(
    '/api/auth/logout',
    {
      operationId: 'logOut',
      tags: ['auth'],
      summary: 'Đăng xuất / Log out',
      noContent: true,
    },
    async ({ actor, req, reply }) => {
      await svc.logout(deps, actor, req.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'Người dùng hiện tại / Current user',
        response: { 200: meOut },
      },
    },
    me,
  );

  api.post(
    '/api/auth/password',
    {
      operationId: 'changePassword',
      tags: ['auth'],
      summary: 'Đổi mật khẩu / Change password',
      body: changePasswordBody,
      noContent: true,
    },
    ({ actor, body, req }) =>
      svc.changePassword(deps, actor, body.currentPassword, body.newPassword, req.sessionId!),
  );

  const sessionOut = z.object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: strOrNull,
    browser: strOrNull,
    os: strOrNull,
  });

  api.get(
    '/api/auth/sessions',
    {
      operationId: 'listMySessions',
      tags: ['auth'],
      summary: 'Các phiên đăng nhập của tôi / My active sessions',
      ok: listOf(sessionOut),
    },
    async ({ actor, req }) => ({ items: await svc.mySessions(deps, actor, req.sessionId!) }),
  );

  api.delete(
    '/api/auth/sessions/:id',
    {
      operationId: 'endMySession',
      tags: ['auth'],
      summary: 'Kết thúc một phiên đăng nhập của tôi / End one of my sessions',
      params: z.strictObject({ id: z.string().min(1).max(128) }),
      noContent: true,
    },
    async ({ actor, params, req, reply }) => {
      await svc.endMySession(deps, actor, params.id);
      if (params.id === req.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  );

  const listQuery = z.strictObject({
    q: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

  api.get(
    '/api/users',
    {
      operationId: 'listUsers',
      requires: 'users.manage',
      summary: 'Danh sách người dùng / List users',
      querystring: listQuery,
      ok: listOf(userOut),
    },
    async ({ query }) => {
      const rows = await identityRepo.listUsers(deps.database.db, query);
      return { items: await Promise.all(rows.map((u) => svc.presentUser(deps.database.db, u))) };
    },
  );

  api.post(
    '/api/users',
    {
      operationId: 'createUser',
      requires: 'users.manage',
      summary: 'Tạo người dùng / Create a user',
      body: createUserBody,
      created: z.object({ user: userOut, initialPassword: z.string().optional() }),
    },
    async ({ actor, body }) => {
      const { user, password } = await svc.createUser(deps, actor, body);
      return { user: await svc.presentUser(deps.database.db, user), initialPassword: password };
    },
  );

  api.patch(
    '/api/users/:id',
    {
      operationId: 'updateUser',
      requires: 'users.manage',
      summary: 'Sửa người dùng / Update a user',
      params: idParams,
      body: updateUserBody,
      ok: userOut,
    },
    ({ actor, params, body }) => svc.updateUser(deps, actor, params.id, body),
  );

  api.post(
    '/api/users/:id/reset-password',
    {
      operationId: 'resetUserPassword',
      requires: 'users.manage',
      summary: 'Đặt lại mật khẩu / Reset password',
      params: idParams,
      ok: z.object({ initialPassword: z.string() }),
    },
    async ({ actor, params }) => ({ initialPassword: await svc.resetPassword(deps, actor, params.id) }),
  );

  api.post(
    '/api/users/:id/unlock',
    {
      operationId: 'unlockUser',
      requires: 'users.manage',
      summary: 'Mở khoá tài khoản bị khoá do đăng nhập sai / Unlock an account locked by failed logins',
      params: idParams,
      ok: userOut,
    },
    ({ actor, params }) => svc.unlockUser(deps, actor, params.id),
  );

  api.post(
    '/api/users/:id/end-sessions',
    {
      operationId: 'endUserSessions',
      requires: 'users.manage',
      summary: 'Kết thúc mọi phiên đăng nhập của người dùng / End all sessions of a user',
      params: idParams,
      ok: z.object({ ended: z.number() }),
    },
    ({ actor, params }) => svc.endUserSessions(deps, actor, params.id),
  );

  api.get(
    '/api/setup/first-steps',
    {
      operationId: 'getFirstSteps',
      summary: 'Các bước đầu của quản trị viên / First steps of a new administrator',
      description:
        'Computed from real counts in the actor’s scope (the nation, or their province): facilities, users, ' +
        'people, the report cut-off setting; each step says whether the actor may do it.',
      ok: getFirstStepsOut,
    },
    ({ actor }) => svc.firstSteps(deps, actor),
  );
}
