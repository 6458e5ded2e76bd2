/**
 * The one error type. Every failure the client sees is an AppError with a stable code,
 * an HTTP status and a message in Vietnamese and English; the error handler maps it to
 * application/problem+json.
 */
export type Messages = { vi: string; en: string };
export type FieldError = { field: string; rule: string; messages: Messages };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: Messages,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messages.en);
  }
}

export const Errors = {
  validation: (fields: FieldError[]) =>
    new AppError('validation_failed', 400, { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }, fields),
  badRequest: (code: string, messages: Messages, fields: FieldError[] = []) =>
    new AppError(code, 400, messages, fields),
  unauthenticated: () =>
    new AppError('unauthenticated', 401, {
      vi: 'Bạn cần đăng nhập',
      en: 'You must log in',
    }),
  forbidden: (
    messages: Messages = {
      vi: 'Bạn không có quyền thực hiện thao tác này',
      en: 'You are not allowed to do this',
    },
  ) => new AppError('forbidden', 403, messages),
  notFound: (what: Messages) =>
    new AppError('not_found', 404, { vi: `Không tìm thấy ${what.vi}`, en: `${what.en} not found` }),
  conflict: (code: string, messages: Messages, extra: Record<string, unknown> = {}) =>
    new AppError(code, 409, messages, [], extra),
  staleVersion: (current: unknown) =>
    new AppError(
      'stale_version',
      409,
      {
        vi: 'Bản ghi đã được người khác sửa trong lúc bạn chỉnh sửa. Hãy xem thay đổi và thử lại.',
        en: 'The record was changed by someone else while you were editing. Review the changes and try again.',
      },
      [],
      { current },
    ),
  unprocessable: (code: string, messages: Messages, extra: Record<string, unknown> = {}) =>
    new AppError(code, 422, messages, [], extra),
  tooMany: (messages: Messages) => new AppError('too_many_requests', 429, messages),
};
