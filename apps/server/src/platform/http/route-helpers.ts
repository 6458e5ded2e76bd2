import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
} from 'fastify';
import { z } from 'zod';
import { requireActor } from '../auth.ts';
import { type Action, type Actor, authorize } from '../policy.ts';
import { acceptUploads, type UploadedFile } from './uploads.ts';

/**
 * How an authenticated API route is declared. Nearly every route is the same few steps — the actor or 401,
 * the parsed input, one service call, the answer with its status — so a route states only what is its own:
 *
 *   api.post('/api/areas', { operationId: 'createArea', summary: '…', body: areaCreateBody, created: areaOut },
 *     ({ actor, body }) => svc.createArea(deps, actor, body));
 *
 * The answer's schema and status come from one of `ok` (200), `created` (201) or `noContent` (204, the handler's
 * value is dropped); a route that sends a file states `config: { fileResponse }` and answers with `sendFile`.
 * The OpenAPI document gets the same schema object a hand-written route would give it (platform/openapi.ts
 * adds security and error responses). Public routes (login, health) are not declared here: they have no actor.
 */

type Zod = z.ZodType;
type Parsed<S> = S extends Zod ? z.output<S> : undefined;
type Answer<S> = S extends Zod ? z.input<S> : unknown;

/** What a route states in the contract: its names, its input schemas and its answer. */
export interface Endpoint<P, Q, B, O> {
  operationId: string;
  summary: string;
  description?: string;
  /** The action the actor must be granted (platform/policy), checked before anything else; else 403. */
  requires?: Action;
  /** Instead of the routes' shared tags. */
  tags?: string[];
  params?: P;
  querystring?: Q;
  body?: B;
  /** The body is one uploaded file (multipart/form-data, field "file"), read with `call.upload()`; only on the
   *  declarers of `uploadRoutes`. */
  upload?: true;
  /** 200 with this body. */
  ok?: O;
  /** 201 with this body. */
  created?: O;
  /** 204 without a body. */
  noContent?: true;
  config?: FastifyContextConfig;
}

/** The request as a route's handler sees it: the logged-in actor and the parsed input. */
export interface Call<P, Q, B> {
  actor: Actor;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  req: FastifyRequest;
  reply: FastifyReply;
  /** The uploaded file of a route that states `upload: true` (415, 400 or 413 when there is none). */
  upload: () => Promise<UploadedFile>;
}

type Handler<P, Q, B, O> = (call: Call<P, Q, B>) => Promise<Answer<O>> | Answer<O>;

type Declare = <
  P extends Zod | undefined = undefined,
  Q extends Zod | undefined = undefined,
  B extends Zod | undefined = undefined,
  O extends Zod | undefined = undefined,
>(
  url: string,
  endpoint: Endpoint<P, Q, B, O>,
  handle: Handler<P, Q, B, O>,
) => void;

export interface ApiRoutes {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
}

/** The route declarers of one module, its operations tagged `tags` unless a route says otherwise. */
export function apiRoutes(
  root: FastifyInstance,
  tags: string[],
  readUpload?: (req: FastifyRequest) => Promise<UploadedFile>,
): ApiRoutes {
  const declarer =
    (method: HTTPMethods): Declare =>
    (url, endpoint, handle) => {
      const { operationId, summary, description, upload, params, querystring, body, ok, created, noContent } =
        endpoint;
      const status = created ? 201 : noContent ? 204 : 200;
      const answer = created ?? ok ?? (noContent ? z.null() : undefined);
      root.route({
        method,
        url,
        ...(endpoint.config && { config: endpoint.config }),
        schema: {
          operationId,
          tags: endpoint.tags ?? tags,
          summary,
          ...(description && { description }),
          ...(upload && { consumes: ['multipart/form-data'] }),
          ...(params && { params }),
          ...(querystring && { querystring }),
          ...(body && { body }),
          ...(answer && { response: { [status]: answer } }),
        },
        handler: async (req, reply) => {
          const call = { actor: requireActor(req), params: req.params, query: req.query, body: req.body };
          if (endpoint.requires) authorize(call.actor, endpoint.requires);
          const read = () => {
            if (!upload || !readUpload) throw new Error(`${operationId} does not take an upload`);
            return readUpload(req);
          };
          const result = await handle({ ...call, req, reply, upload: read } as never);
          // a handler that sent its own answer (a file) returns the reply
          if (result === reply) return reply;
          if (status === 200) return result;
          return reply.status(status).send(status === 204 ? null : result);
        },
      });
    };
  return {
    get: declarer('GET'),
    post: declarer('POST'),
    put: declarer('PUT'),
    patch: declarer('PATCH'),
    delete: declarer('DELETE'),
  };
}

/**
 * The route declarers of a module whose routes take an upload: multipart is enabled in this plugin's scope only,
 * one file of at most `maxBytes` (platform/http/uploads.ts).
 */
export async function uploadRoutes(
  root: FastifyInstance,
  tags: string[],
  maxBytes: number,
): Promise<ApiRoutes> {
  return apiRoutes(root, tags, await acceptUploads(root, maxBytes));
}

/** A file the route answers with: its media type and the name the browser saves it under. */
export interface FileAnswer {
  contentType: string;
  filename: string;
  body: Buffer | Uint8Array | string;
}

/** Sends a file as a download (`attachment`) or to be shown in the browser (`inline`). */
export function sendFile(
  reply: FastifyReply,
  file: FileAnswer,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .send(file.body);
}
