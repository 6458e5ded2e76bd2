import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { identityRepo } from '../modules/identity/identity.repo.ts';
import { sessionIdOf } from '../modules/identity/identity.service.ts';
import { AppError, Errors } from './errors.ts';
import type { Actor, Role } from './policy.ts';
import { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'hn_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
}

// API routes an anonymous caller may reach; every other /api route answers 401 before anything else.
export const PUBLIC_API_ROUTES = new Set(['/api/health', '/api/openapi.json', '/api/auth/login']);

// Routes a user who must still change the first password may reach.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/auth/me',
  '/api/auth/logout',
  '/api/auth/password',
  // the second factor comes first (platform/second-factor.ts)
  '/api/auth/totp/verify',
]);

/**
 * Resolves the session cookie to an actor on every API request, expires idle sessions,
 * and checks the CSRF header on every state-changing request of a logged-in user.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);
  // Sessions read once per SESSION_CACHE_MS rather than per request (platform/session-cache.ts).
  const sessions = new SessionCache(deps.config.sessionCacheMs);
  sessions.watch(deps.database.changes);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const { db } = deps.database;
    const sid = sessionIdOf(token);
    const now = deps.now();
    const s = await sessions.find(db, sid, now.getTime());
    if (!s?.active) return;
    const idleMs = deps.config.sessionIdleMinutes * 60_000;
    if (now.getTime() - new Date(s.last_seen_at).getTime() > idleMs) {
      sessions.forget(sid);
      await identityRepo.deleteSession(db, sid);
      return;
    }
    // A write per request would cost more than it tells, so last_seen_at is touched only when it is older than
    // a sixtieth of the idle window (at most a minute, at least a second). Touching once a minute whatever the
    // window ended a 1-minute session up to a minute early: active at 0:50, refused at 1:40 (issue 16).
    if (now.getTime() - new Date(s.last_seen_at).getTime() >= touchEveryMs(idleMs)) {
      await identityRepo.touchSession(db, sid, now.toISOString());
      sessions.touched(sid, now.toISOString());
    }
    req.actor = {
      userId: s.user_id,
      username: s.username,
      role: s.role as Role,
      scopeKind: s.scope_kind,
      scopeCode: s.scope_code,
      ip: req.ip,
    };
    req.sessionId = sid;
    req.csrfToken = s.csrf_token;
    req.mustChangePassword = !!s.must_change_password;
    req.secondFactor = s.second_factor as typeof req.secondFactor;
  });

  // Authentication, CSRF and the forced password change are checked here, right after the session is
  // resolved and before the body is even parsed: an anonymous caller gets 401 (a caller without the CSRF token
  // 403) on every API route, never a 400 that describes the route's schema.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (!req.actor) {
      if (PUBLIC_API_ROUTES.has(req.routeOptions.url ?? '')) return;
      throw Errors.unauthenticated();
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError('csrf_failed', 403, {
        vi: 'Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang.',
        en: 'Invalid request token (CSRF). Reload the page.',
      });
    }
    const path = req.url.split('?')[0];
    if (req.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
      throw new AppError('password_change_required', 403, {
        vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục',
        en: 'You must change your password before continuing',
      });
    }
  });
}

/** How stale last_seen_at may get: the error on the idle expiry, small against the idle window. */
export const touchEveryMs = (idleMs: number) => Math.min(60_000, Math.max(1_000, Math.floor(idleMs / 60)));

/** The logged-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw Errors.unauthenticated();
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}
