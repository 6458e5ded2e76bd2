import swagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { createJsonSchemaTransformObject, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { PUBLIC_API_ROUTES, SESSION_COOKIE } from './auth.ts';
import { problemSchema } from './problem.ts';

/**
 * The OpenAPI document is the contract between the server and its clients (the web app's generated client,
 * partners' systems). Each route states only what is its own — `operationId`, `tags`, its zod schemas, and in
 * `config` the errors particular to it or the file it sends; everything every route shares is filled in here,
 * in the document only (the runtime schemas are untouched, so error bodies are never re-serialised):
 * - the security requirement: the session cookie, plus the `x-csrf-token` header on writes; `security: []` on
 *   the public routes (PUBLIC_API_ROUTES);
 * - the error responses, all `application/problem+json` bodies of the one `Problem` schema the error handler
 *   sends: 400 (input), 401 and 403 (authenticated routes), 404 (a path with an id), 409 and 422 (authenticated
 *   writes: a stale version or a conflict, an idempotency key in use or reused), and whatever `config.problems`
 *   adds;
 * - a file response (`config.fileResponse: [media types]`) as a binary body.
 * Named components come from zod `.meta({ id })`; those no operation reaches are left out.
 * platform/openapi-contract.test.ts fails, naming the route and what to add, when a route lacks any of this.
 */

/** HTTP statuses an error response may be declared with (each an application/problem+json body). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Error statuses this route answers besides the standard ones (see platform/openapi.ts). */
    problems?: readonly ProblemStatus[];
    /** The route answers a file of one of these media types instead of JSON. */
    fileResponse?: readonly string[];
  }
}

/** Media types of the files routes send, for `config.fileResponse`. */
export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  any: 'application/octet-stream',
} as const;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/Problem';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// One shared response per status (components.responses), each an application/problem+json body of `Problem`.
const PROBLEM_RESPONSES: Record<ProblemStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable',
  423: 'Locked',
  429: 'TooManyRequests',
};

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Dữ liệu không hợp lệ / Invalid input (the fields and rules are in `errors`)',
  401: 'Chưa đăng nhập / Not logged in',
  403: 'Không có quyền, thiếu mã CSRF hoặc bước xác thực / Not allowed, missing CSRF token or second factor',
  404: 'Không tìm thấy / Not found',
  409: 'Xung đột: bản ghi đã đổi hoặc yêu cầu đang xử lý / Conflict: stale version or request in progress',
  413: 'Quá lớn / Too large',
  415: 'Kiểu nội dung không được hỗ trợ / Unsupported media type',
  422: 'Không thực hiện được theo quy tắc / Refused by a rule',
  423: 'Tài khoản bị khóa / Account locked',
  429: 'Quá nhiều yêu cầu / Too many requests',
};

type ApiKeyScheme = { type: 'apiKey'; in: 'cookie' | 'header'; name: string; description: string };

export const SECURITY_SCHEMES: Record<'session' | 'csrf', ApiKeyScheme> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Phiên đăng nhập (cookie httpOnly do POST /api/auth/login đặt) / Session cookie set by login',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'Mã CSRF của phiên (trường csrfToken của /api/auth/me), bắt buộc với mọi thao tác ghi / ' +
      'The session’s CSRF token (csrfToken of /api/auth/me), required on every write',
  },
};

type RouteLike = Pick<RouteOptions, 'method' | 'url'> & { config?: unknown };

/** The security requirement of a route: none when public, the cookie for reads, cookie and CSRF for writes. */
export function securityOf(method: string, url: string): Array<Record<string, string[]>> {
  if (PUBLIC_API_ROUTES.has(url)) return [];
  return WRITE_METHODS.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

/** The error statuses a route answers, from what it is (public or not, a write, an id in its path). */
export function problemStatusesOf(
  method: string,
  url: string,
  input: { hasInput: boolean; extra?: readonly ProblemStatus[] },
): ProblemStatus[] {
  const set = new Set<ProblemStatus>(input.extra ?? []);
  const isPublic = PUBLIC_API_ROUTES.has(url);
  if (!isPublic || input.hasInput) set.add(400);
  if (!isPublic) {
    set.add(401);
    set.add(403);
    if (WRITE_METHODS.has(method)) {
      // the idempotency layer (platform/idempotency.ts): a key in use (409) or reused for another request (422)
      set.add(409);
      set.add(422);
    }
  }
  if (url.includes(':')) set.add(404);
  return [...set].sort((a, b) => a - b);
}

const fileResponseOf = (types: readonly string[]) => ({
  description: 'Tệp / File',
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});

// The components in the document's own dialect (the library writes them as JSON Schema 2020-12 by default).
const jsonSchemaTransformObject = createJsonSchemaTransformObject({
  zodToJsonConfig: { target: 'openapi-3.0' },
});

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** Per route: the zod schemas as JSON Schema, then the shared security and error responses. */
function contractTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input) as { schema: Record<string, unknown>; url: string };
  const schema = out.schema;
  if (!schema || schema.hide || !input.url.startsWith('/api/')) return out;
  const route = (input as unknown as { route: RouteLike }).route;
  const method = String(Array.isArray(route.method) ? route.method[0] : route.method).toUpperCase();
  const config = (route.config ?? {}) as {
    problems?: readonly ProblemStatus[];
    fileResponse?: readonly string[];
  };
  if (config.fileResponse)
    schema.response = { ...(schema.response as object), 200: fileResponseOf(config.fileResponse) };
  const hasInput = Boolean(schema.body || schema.querystring || schema.params);
  // Carried to contractTransformObject, which turns them into references to the shared responses.
  schema[PROBLEMS_KEY] = problemStatusesOf(method, input.url, { hasInput, extra: config.problems });
  schema.security ??= securityOf(method, input.url);
  return out;
}

const PROBLEMS_KEY = 'x-problems';

type Operation = { responses?: Record<string, unknown>; [PROBLEMS_KEY]?: ProblemStatus[] };
type Doc = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
};

/**
 * The error responses as references to the shared ones, and the named zod schemas as components, keeping only
 * those the paths reach (directly or through another).
 */
function contractTransformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = jsonSchemaTransformObject(input) as Doc;
  for (const item of Object.values(doc.paths ?? {}))
    for (const op of Object.values(item)) {
      const statuses = op[PROBLEMS_KEY];
      if (!statuses) continue;
      delete op[PROBLEMS_KEY];
      op.responses ??= {};
      for (const status of statuses)
        op.responses[String(status)] ??= { $ref: `#/components/responses/${PROBLEM_RESPONSES[status]}` };
    }
  const responses = Object.fromEntries(
    (Object.keys(PROBLEM_RESPONSES) as unknown as ProblemStatus[]).map((status) => [
      PROBLEM_RESPONSES[status],
      {
        description: PROBLEM_DESCRIPTIONS[status],
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
      },
    ]),
  );
  const all = doc.components?.schemas ?? {};
  const reached = new Set<string>();
  const visit = (node: unknown) => {
    const text = JSON.stringify(node);
    for (const m of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = m[1]!;
      if (reached.has(name) || !(name in all)) continue;
      reached.add(name);
      visit(all[name]);
    }
  };
  visit(doc.paths);
  visit(responses);
  const schemas = Object.fromEntries(
    Object.keys(all)
      .filter((k) => reached.has(k))
      .sort()
      .map((k) => [k, all[k]]),
  );
  return { ...doc, components: { ...doc.components, schemas, responses } };
}

/** Registers @fastify/swagger with the contract's transforms; the document is served at /api/openapi.json. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  // Referenced by every error response; registered here so that its component exists however routes change.
  void problemSchema;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Hòa Nhập API',
        version,
        description:
          'Quản lý cai nghiện và sau cai nghiện ma túy / Drug rehabilitation and post-rehabilitation management. ' +
          'Every error is an application/problem+json body (schema Problem) with a stable `code` and the message ' +
          'in Vietnamese and English (`messages`); field errors are in `errors`.',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: contractTransform as never,
    transformObject: contractTransformObject as never,
  });
}
