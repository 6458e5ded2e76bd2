import multipart from '@fastify/multipart';
import { IMPORT_FIELDS } from '@hoanhap/domain/import/headers';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import {
  importBatchOut,
  listImportsOut,
  saveImportMappingOut,
  undoImportOut,
  uploadPeopleImportOut,
} from './imports.out.ts';
import { MAX_IMPORT_BYTES } from './imports.parse.ts';
import * as svc from './imports.service.ts';

const tags = ['imports'];
const idParams = z.strictObject({ id: z.string().uuid() });
const fieldOrNull = z.enum(IMPORT_FIELDS).nullable();

const jsonParam = <T extends z.ZodType>(schema: T, field: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return schema.parse(JSON.parse(s)) as z.infer<T>;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `${field}: JSON không hợp lệ / invalid JSON`,
          path: [field],
        });
        return z.NEVER;
      }
    });

const uploadQuery = z
  .strictObject({
    communeCode: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    mapping: jsonParam(z.array(fieldOrNull).max(200), 'mapping').describe(
      'JSON array: the field of each column (null = not imported); default: proposed or saved mapping',
    ),
    choices: jsonParam(z.record(z.string(), z.string().regex(/^\d{5}$/)), 'choices').describe(
      'JSON object: old (split) commune code → the new commune picked',
    ),
  })
  .refine((q) => !q.communeCode !== !q.provinceCode, {
    message: 'Cần đúng một trong communeCode hoặc provinceCode / exactly one of communeCode or provinceCode',
    path: ['communeCode'],
  });

/** Import of people lists: /api/imports. Multipart uploads are enabled in this plugin's scope only. */
export async function importsRoutes(root: FastifyInstance, deps: AppDeps) {
  await root.register(multipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0, parts: 1, fieldSize: 1024 },
  });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/imports/people',
    {
      schema: {
        operationId: 'uploadPeopleImport',
        tags,
        summary: 'Tải lên danh sách để xem trước / Upload a list for preview (multipart field "file")',
        description:
          '.xlsx, .xls or .csv up to 20 MB and 20,000 rows; nothing is written to the people registry until commit.',
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        response: { 201: uploadPeopleImportOut },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await readUpload(req);
      const q = req.query;
      const out = await svc.previewUpload(deps, actor, {
        fileName: file.filename,
        data: file.data,
        target: q.communeCode
          ? { kind: 'commune', code: q.communeCode }
          : { kind: 'province', code: q.provinceCode! },
        mapping: q.mapping,
        choices: q.choices,
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        operationId: 'listImports',
        tags,
        summary: 'Các lô nhập của tôi, mới nhất trước / My import batches, the most recent first',
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: listImportsOut },
      },
    },
    async (req) => svc.listImports(deps, requireActor(req), req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        operationId: 'getImport',
        tags,
        summary: 'Một lô nhập / An import batch',
        params: idParams,
        response: { 200: importBatchOut },
      },
    },
    async (req) => svc.getImport(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        operationId: 'commitImport',
        tags,
        summary: 'Ghi lô nhập (một giao dịch) / Commit the import (one transaction)',
        params: idParams,
        body: z
          .strictObject({
            decisions: z
              .record(z.string().regex(/^\d+$/), z.enum(['create', 'merge', 'skip']))
              .optional()
              .describe('Per row number: create, merge into the existing record, or skip'),
          })
          .optional(),
        response: { 200: importBatchOut },
      },
    },
    async (req) => {
      const decisions = Object.fromEntries(
        Object.entries(req.body?.decisions ?? {}).map(([k, v]) => [Number(k), v]),
      );
      return svc.commitImport(deps, requireActor(req), req.params.id, decisions);
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      schema: {
        operationId: 'undoImport',
        tags,
        summary: 'Hủy lô nhập (trong 7 ngày) / Undo the import (within 7 days)',
        params: idParams,
        response: { 200: undoImportOut },
      },
    },
    async (req) => svc.undoImport(deps, requireActor(req), req.params.id),
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    {
      config: { fileResponse: [FILE_TYPES.xlsx] },
      schema: {
        operationId: 'getImportErrorsXlsx',
        tags,
        summary: 'Tệp Excel các dòng lỗi / The rows in error as Excel',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { data, fileName } = await svc.importErrorsFile(deps, requireActor(req), req.params.id);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="errors.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('cache-control', 'no-store')
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(data);
    },
  );

  app.post(
    '/api/imports/mappings',
    {
      schema: {
        operationId: 'saveImportMapping',
        tags,
        summary: 'Lưu cách ghép cột cho tệp cùng mẫu / Save a column mapping for files of the same shape',
        body: z.strictObject({
          signature: z.string().min(1).max(5000),
          name: z.string().trim().min(1).max(120),
          mapping: z.array(fieldOrNull).max(200),
        }),
        response: { 201: saveImportMappingOut },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!actor.scopeCode) throw Errors.forbidden();
      const id = await svc.saveMapping(deps, actor, req.body.signature, req.body.name, req.body.mapping);
      return reply.status(201).send({ id });
    },
  );
}

export async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 415, {
      vi: 'Cần gửi tệp dạng multipart/form-data (trường "file")',
      en: 'Send the file as multipart/form-data (field "file")',
    });
  let part: Awaited<ReturnType<typeof req.file>>;
  try {
    part = await req.file();
    if (!part)
      throw new AppError('file_required', 400, { vi: 'Thiếu tệp tải lên', en: 'No file was uploaded' }, [
        { field: 'file', rule: 'required', messages: { vi: 'Thiếu tệp', en: 'File missing' } },
      ]);
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (e) {
    if ((e as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('file_too_large', 413, {
        vi: 'Tệp quá lớn: tối đa 20 MB',
        en: 'File too large: at most 20 MB',
      });
    throw e;
  }
}
