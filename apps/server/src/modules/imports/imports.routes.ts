import { IMPORT_FIELDS } from '@hoanhap/domain/import/headers';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { Errors } from '../../platform/errors.ts';
import { uploadRoutes } from '../../platform/http/route-helpers.ts';
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
  const api = await uploadRoutes(root, ['imports'], MAX_IMPORT_BYTES);

  api.post(
    '/api/imports/people',
    {
      operationId: 'uploadPeopleImport',
      summary: 'Tải lên danh sách để xem trước / Upload a list for preview (multipart field "file")',
      description:
        '.xlsx, .xls or .csv up to 20 MB and 20,000 rows; nothing is written to the people registry until commit.',
      upload: true,
      querystring: uploadQuery,
      created: uploadPeopleImportOut,
    },
    async ({ actor, query, upload }) => {
      const file = await upload();
      return svc.previewUpload(deps, actor, {
        fileName: file.filename,
        data: file.data,
        target: query.communeCode
          ? { kind: 'commune', code: query.communeCode }
          : { kind: 'province', code: query.provinceCode! },
        mapping: query.mapping,
        choices: query.choices,
      });
    },
  );

  api.get(
    '/api/imports',
    {
      operationId: 'listImports',
      summary: 'Các lô nhập của tôi, mới nhất trước / My import batches, the most recent first',
      querystring: z.strictObject({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      ok: listImportsOut,
    },
    ({ actor, query }) => svc.listImports(deps, actor, query.page, query.pageSize),
  );

  api.get(
    '/api/imports/:id',
    {
      operationId: 'getImport',
      summary: 'Một lô nhập / An import batch',
      params: idParams,
      ok: importBatchOut,
    },
    ({ actor, params }) => svc.getImport(deps, actor, params.id),
  );

  api.post(
    '/api/imports/:id/commit',
    {
      operationId: 'commitImport',
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
      ok: importBatchOut,
    },
    ({ actor, params, body }) => {
      const decisions = Object.fromEntries(
        Object.entries(body?.decisions ?? {}).map(([k, v]) => [Number(k), v]),
      );
      return svc.commitImport(deps, actor, params.id, decisions);
    },
  );

  api.post(
    '/api/imports/:id/undo',
    {
      operationId: 'undoImport',
      summary: 'Hủy lô nhập (trong 7 ngày) / Undo the import (within 7 days)',
      params: idParams,
      ok: undoImportOut,
    },
    ({ actor, params }) => svc.undoImport(deps, actor, params.id),
  );

  api.get(
    '/api/imports/:id/errors.xlsx',
    {
      operationId: 'getImportErrorsXlsx',
      summary: 'Tệp Excel các dòng lỗi / The rows in error as Excel',
      params: idParams,
      config: { fileResponse: [FILE_TYPES.xlsx] },
    },
    async ({ actor, params, reply }) => {
      const { data, fileName } = await svc.importErrorsFile(deps, actor, params.id);
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

  api.post(
    '/api/imports/mappings',
    {
      operationId: 'saveImportMapping',
      summary: 'Lưu cách ghép cột cho tệp cùng mẫu / Save a column mapping for files of the same shape',
      body: z.strictObject({
        signature: z.string().min(1).max(5000),
        name: z.string().trim().min(1).max(120),
        mapping: z.array(fieldOrNull).max(200),
      }),
      created: saveImportMappingOut,
    },
    async ({ actor, body }) => {
      if (!actor.scopeCode) throw Errors.forbidden();
      const id = await svc.saveMapping(deps, actor, body.signature, body.name, body.mapping);
      return { id };
    },
  );
}
