import type { FastifyInstance } from 'fastify';
import { requestsInFlight } from '../../db/report-runner.ts';

/**
 * Counts the requests being served, for the report runner: a dashboard's statements take the spare cores only
 * while no other request is being served (db/report-runner.ts). A request ends when its response is finished or
 * its connection closed, whichever comes first (once).
 */
export function registerRequestsInFlight(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    requestsInFlight.start();
    reply.raw.once('close', requestsInFlight.end);
  });
}
