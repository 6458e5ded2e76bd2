import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, SESSION_COOKIE, setSessionCookie } from '../../platform/auth.ts';
import { Errors } from '../../platform/errors.ts';
import { abilitiesOf, authorize } from '../../platform/policy.ts';
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

  app.post(
    '/api/auth/logout',
    {
      schema: {
        operationId: 'logOut',
        tags: ['auth'],
        summary: 'Đăng xuất / Log out',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.logout(deps, actor, req.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
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

  app.post(
    '/api/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Đổi mật khẩu / Change password',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.changePassword(deps, actor, req.body.currentPassword, req.body.newPassword, req.sessionId!);
      return reply.status(204).send(null);
    },
  );

  const sessionOut = z.object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    browser: z.string().nullable(),
    os: z.string().nullable(),
  });

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        operationId: 'listMySessions',
        tags: ['auth'],
        summary: 'Các phiên đăng nhập của tôi / My active sessions',
        response: { 200: z.object({ items: z.array(sessionOut) }) },
      },
    },
    async (req) => ({ items: await svc.mySessions(deps, requireActor(req), req.sessionId!) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        operationId: 'endMySession',
        tags: ['auth'],
        summary: 'Kết thúc một phiên đăng nhập của tôi / End one of my sessions',
        params: z.strictObject({ id: z.string().min(1).max(128) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.endMySession(deps, actor, req.params.id);
      if (req.params.id === req.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  const listQuery = z.strictObject({
    q: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  });

  app.get(
    '/api/users',
    {
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        summary: 'Danh sách người dùng / List users',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(userOut) }) },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'users.manage');
      const rows = await identityRepo.listUsers(deps.database.db, req.query);
      return { items: await Promise.all(rows.map((u) => svc.presentUser(deps.database.db, u))) };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        summary: 'Tạo người dùng / Create a user',
        body: createUserBody,
        response: { 201: z.object({ user: userOut, initialPassword: z.string().optional() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      const { user, password } = await svc.createUser(deps, actor, req.body);
      return reply
        .status(201)
        .send({ user: await svc.presentUser(deps.database.db, user), initialPassword: password });
    },
  );

  const idParams = z.strictObject({ id: z.string().min(1).max(64) });

  app.patch(
    '/api/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags: ['users'],
        summary: 'Sửa người dùng / Update a user',
        params: idParams,
        body: updateUserBody,
        response: { 200: userOut },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return svc.updateUser(deps, actor, req.params.id, req.body);
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        operationId: 'resetUserPassword',
        tags: ['users'],
        summary: 'Đặt lại mật khẩu / Reset password',
        params: idParams,
        response: { 200: z.object({ initialPassword: z.string() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return { initialPassword: await svc.resetPassword(deps, actor, req.params.id) };
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        operationId: 'unlockUser',
        tags: ['users'],
        summary: 'Mở khoá tài khoản bị khoá do đăng nhập sai / Unlock an account locked by failed logins',
        params: idParams,
        response: { 200: userOut },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return svc.unlockUser(deps, actor, req.params.id);
    },
  );

  app.post(
    '/api/users/:id/end-sessions',
    {
      schema: {
        operationId: 'endUserSessions',
        tags: ['users'],
        summary: 'Kết thúc mọi phiên đăng nhập của người dùng / End all sessions of a user',
        params: idParams,
        response: { 200: z.object({ ended: z.number() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return svc.endUserSessions(deps, actor, req.params.id);
    },
  );

  app.get(
    '/api/setup/first-steps',
    {
      schema: {
        operationId: 'getFirstSteps',
        tags: ['users'],
        summary: 'Các bước đầu của quản trị viên / First steps of a new administrator',
        description:
          'Computed from real counts in the actor’s scope (the nation, or their province): facilities, users, ' +
          'people, the report cut-off setting; each step says whether the actor may do it.',
        response: { 200: getFirstStepsOut },
      },
    },
    async (req) => svc.firstSteps(deps, requireActor(req)),
  );
}
