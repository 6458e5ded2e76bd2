import { z } from 'zod';

const messages = z.object({ vi: z.string(), en: z.string() }).meta({
  id: 'Messages',
  description: 'Một thông điệp bằng tiếng Việt và tiếng Anh / A message in Vietnamese and English',
});

/**
 * The body of every error answer (application/problem+json, RFC 9457), as platform/error-handler.ts sends it:
 * a stable `code`, the message in the request's language (`title`, `detail`) and in both (`messages`), the
 * field errors, and members particular to the error (e.g. `current` with a stale version, `candidates` with a
 * possible duplicate).
 */
export const problemSchema = z
  .looseObject({
    type: z.string().describe('urn:hoanhap:error:<code>'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed, stale_version'),
    detail: z.string(),
    messages,
    errors: z.array(
      z.object({
        field: z.string().describe('The field the rule applies to, e.g. birthDate or (body)'),
        rule: z.string(),
        message: z.string(),
        messages,
      }),
    ),
  })
  .meta({ id: 'Problem', description: 'Lỗi / An error (application/problem+json)' });

export type Problem = z.infer<typeof problemSchema>;
