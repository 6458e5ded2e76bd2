import createClient, { type Middleware } from 'openapi-fetch';
import { currentLang } from '../i18n/i18n.ts';
import type { paths } from './schema.gen.ts';

/** One field's problem as the server reports it (message already in the request's language). */
export type FieldProblem = { field: string; message: string; rule?: string };

/** An application/problem+json failure: stable code, localised detail, field errors, and any extra members. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${status}`;
    super(detail);
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : `http_${status}`;
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    this.body = body;
  }
}

/** What a failure says: the server's localised detail when it answered, else the browser's message. */
export const errorDetail = (error: unknown) =>
  error instanceof ApiError ? error.detail : String((error as Error)?.message ?? error);

let csrfToken: string | null = null;

/** Remembered from /api/auth/me or the login response; sent on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** The path parameters of an operation on one record (`/…/{id}`), for the typed client's calls. */
export const pathId = (id: string) => ({ params: { path: { id } } });

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const networkError = () =>
  new ApiError(0, {
    code: 'network_error',
    detail:
      currentLang() === 'vi'
        ? 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'
        : 'Cannot reach the server. Check the network and try again.',
  });

// What every request carries: the problem+json it may answer, the user's language, and on a write the CSRF
// token of the session (the contract's `csrf` security scheme).
const contractHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json, application/problem+json');
    request.headers.set('Accept-Language', currentLang());
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/**
 * The client generated from the API contract (docs/openapi.json → schema.gen.ts): paths, parameters, bodies and
 * answers are typed by the server's OpenAPI document. Use it through `call()`, which returns the data or throws
 * the ApiError of the problem+json answer: `await call(client.GET('/api/units/{code}', { params: { path: { code } } }))`.
 */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(contractHeaders);

/** Sends a write that may be retried (offline outbox): the server applies it once per key. */
export const idempotencyHeader = (key: string) => ({ 'Idempotency-Key': key });

/** The data of a typed call, or its failure as an ApiError (status 0 when the server cannot be reached). */
export async function call<T>(sent: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await sent;
  } catch {
    throw networkError();
  }
  if (!answer.response.ok) {
    const body = answer.error;
    throw new ApiError(
      answer.response.status,
      body && typeof body === 'object' ? (body as Record<string, unknown>) : { detail: String(body ?? '') },
    );
  }
  return answer.data as T;
}

/** Sends a request the old way (no contract check) and reads its answer; errors as in `call`. */
async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  idempotencyKey?: string,
  extra?: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLang(),
    // [offline] The outbox's Based-On / Applied-Over (server platform/based-on.ts).
    ...extra,
  };
  // The server applies a write with a key once, however often it is sent (the offline outbox retries).
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  // A file upload (FormData) gets its multipart boundary from the browser.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!res.ok) throw new ApiError(res.status, (data ?? {}) as Record<string, unknown>);
  return data as T;
}

export const api = {
  /** A multipart/form-data POST (a file upload). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  /** A write that may be sent more than once (offline outbox): applied once by the server. */
  send: <T>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
    idempotencyKey: string,
    headers?: Record<string, string>,
  ) => request<T>(method, path, body, idempotencyKey, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};
