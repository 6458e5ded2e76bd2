import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, Errors } from './errors.ts';
import { fieldErrorsFromIssues } from './zod-messages.ts';

export function langOf(req: FastifyRequest): 'vi' | 'en' {
  const h = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(h) ? 'en' : 'vi';
}

// Fastify's own client errors (malformed JSON, wrong content type, body too large) are 4xx;
// translate them instead of letting them surface as English-only text.
function fromFastifyError(err: FastifyError): AppError | null {
  if (
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (err instanceof SyntaxError && err.statusCode === 400)
  ) {
    return Errors.badRequest(
      'malformed_json',
      { vi: 'Nội dung JSON không hợp lệ', en: 'Malformed JSON body' },
      [
        {
          field: '(body)',
          rule: 'json',
          messages: { vi: 'JSON không đọc được', en: 'JSON could not be parsed' },
        },
      ],
    );
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return Errors.badRequest('empty_body', { vi: 'Thiếu nội dung yêu cầu', en: 'Request body is empty' });
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('unsupported_media_type', 415, {
      vi: 'Kiểu nội dung không được hỗ trợ',
      en: 'Unsupported content type',
    });
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('body_too_large', 413, { vi: 'Nội dung quá lớn', en: 'Request body too large' });
  }
  if (err.statusCode === 429) {
    return Errors.tooMany({
      vi: 'Quá nhiều yêu cầu, hãy thử lại sau ít phút',
      en: 'Too many requests, try again in a few minutes',
    });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(String(err.code ?? 'bad_request').toLowerCase(), err.statusCode, {
      vi: 'Yêu cầu không hợp lệ',
      en: err.message,
    });
  }
  return null;
}

/** Maps every failure to application/problem+json in one place; unknown errors become a plain 500 with an id. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appErr: AppError | null = null;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err))
      appErr = Errors.validation(fieldErrorsFromIssues(err.validation as any[]));
    else if (err instanceof ZodError) appErr = Errors.validation(fieldErrorsFromIssues(err.issues));
    else appErr = fromFastifyError(err);
    if (!appErr) {
      const id = randomUUID();
      req.log.error({ err, errorId: id }, 'unhandled error');
      appErr = new AppError('internal_error', 500, {
        vi: `Lỗi hệ thống (mã ${id}). Hãy báo cho quản trị viên.`,
        en: `Internal error (id ${id}). Please tell the administrator.`,
      });
    }
    return sendProblem(req, reply, appErr);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return sendProblem(
        req,
        reply,
        new AppError('route_not_found', 404, { vi: 'Không có địa chỉ API này', en: 'No such API route' }),
      );
    }
    return reply.status(404).send('Not found');
  });
}

function sendProblem(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  const lang = langOf(req);
  return reply
    .status(e.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:hoanhap:error:${e.code}`,
      title: e.messages[lang],
      status: e.status,
      code: e.code,
      detail: e.messages[lang],
      messages: e.messages,
      errors: e.fields.map((f) => ({
        field: f.field,
        rule: f.rule,
        message: f.messages[lang],
        messages: f.messages,
      })),
      ...e.extra,
    });
}
