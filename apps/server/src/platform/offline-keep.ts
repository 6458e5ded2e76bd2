import type { FastifyInstance } from 'fastify';
import { mayKeepOnDevice } from './policy.ts';

/**
 * Which read answers the phone may keep for reading offline (issue 15). The server decides, per answer, with the
 * header `Offline-Keep: 1`; the service worker (apps/web/public/sw.js) keeps only answers that carry it and drops
 * its copy of any that does not. Kept: the session, the volunteer's people and tasks, an officer's work list and
 * the pages of the people of their commune they open — only for the field roles of a commune that never read
 * the health class (policy.ts `mayKeepOnDevice`), and only 200 answers (already cut to the user's scope and
 * field classes by the routes themselves).
 */
export const OFFLINE_KEEP_HEADER = 'offline-keep';
export const KEPT_ROUTES = new Set([
  '/api/community/my-people',
  '/api/community/my-people/:id',
  '/api/community/my-tasks',
  '/api/tasks/mine',
  '/api/people/:id',
  '/api/people/:id/timeline',
  '/api/people/:id/episodes',
  '/api/people/:id/monitoring',
  '/api/people/:id/substance-declarations',
]);

export function registerOfflineKeep(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || reply.statusCode !== 200) return payload;
    const route = req.routeOptions.url ?? '';
    // The session itself: the app opens offline with it (it holds no record of a person).
    if (route === '/api/auth/me' && req.actor) reply.header(OFFLINE_KEEP_HEADER, '1');
    else if (KEPT_ROUTES.has(route) && req.actor && mayKeepOnDevice(req.actor))
      reply.header(OFFLINE_KEEP_HEADER, '1');
    return payload;
  });
}
