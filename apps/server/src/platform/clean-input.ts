import { cleanDeep } from '@hoanhap/domain/text-safety';
import type { FastifyInstance } from 'fastify';

/**
 * The one place text input is cleaned (issue 16): before validation, every string of the JSON body, the query
 * and the path loses its control characters (tab and line feed kept) and bidirectional overrides. Uploaded
 * files are cleaned where they are read (imports.parse.ts readTable).
 */
export function registerInputCleaning(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (req.body && typeof req.body === 'object') req.body = cleanDeep(req.body);
    else if (typeof req.body === 'string') req.body = cleanDeep(req.body);
    if (req.query) req.query = cleanDeep(req.query);
    if (req.params) req.params = cleanDeep(req.params);
  });
}
