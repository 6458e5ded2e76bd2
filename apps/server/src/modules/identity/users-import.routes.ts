import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { authorize } from '../../platform/policy.ts';
import { MAX_IMPORT_BYTES } from '../imports/imports.parse.ts';
import { readUpload } from '../imports/imports.routes.ts';
import {
  commitUsersImportOut,
  listUsersImportsOut,
  previewUsersImportOut,
  undoUsersImportOut,
} from './users-import.out.ts';
import { analyseUsersFile, commitUsersFile, listUsersImports, undoUsersImport } from './users-import.ts';

/** Import of staff accounts from a sheet: /api/users/import/{preview,commit} (multipart field "file"). */
export async function usersImportRoutes(root: FastifyInstance, deps: AppDeps) {
  await root.register(multipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0, parts: 1, fieldSize: 1024 },
  });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  app.post(
    '/api/users/import/preview',
    {
      schema: {
        operationId: 'previewUsersImport',
        tags,
        summary: 'Xem trước tệp người dùng / Preview a users sheet (multipart field "file")',
        description: 'Columns: username, name, role, unit (code or name), phone. Nothing is written.',
        consumes: ['multipart/form-data'],
        response: { 200: previewUsersImportOut },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'users.manage');
      const file = await readUpload(req);
      return analyseUsersFile(deps, file.filename, file.data);
    },
  );

  app.post(
    '/api/users/import/commit',
    {
      schema: {
        operationId: 'commitUsersImport',
        tags,
        summary:
          'Tạo các tài khoản của tệp (một giao dịch) / Create the accounts of the sheet (one transaction)',
        description:
          'Refused while any row has an error, unless skipErrors=true: then the valid rows are created and the rows in ' +
          'error skipped (listed in `skipped`). One-time passwords are returned once, also as CSV. The batch can be ' +
          'undone by its author within 7 days while none of its accounts has logged in.',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({
          skipErrors: z
            .enum(['true', 'false'])
            .default('false')
            .describe('Create the valid rows and skip the rows in error'),
        }),
        response: { 201: commitUsersImportOut },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      const file = await readUpload(req);
      return reply.status(201).send(
        await commitUsersFile(deps, actor, file.filename, file.data, {
          skipErrors: req.query.skipErrors === 'true',
        }),
      );
    },
  );

  app.get(
    '/api/users/imports',
    {
      schema: {
        operationId: 'listUsersImports',
        tags,
        summary: 'Các lần nhập người dùng của tôi / My users imports (most recent first)',
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: listUsersImportsOut },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return listUsersImports(deps, actor, req.query.page, req.query.pageSize);
    },
  );

  app.post(
    '/api/users/imports/:id/undo',
    {
      schema: {
        operationId: 'undoUsersImport',
        tags,
        summary:
          'Hủy một lần nhập người dùng / Undo a users import (its author, 7 days, accounts never used)',
        params: z.strictObject({ id: z.string().uuid() }),
        response: { 200: undoUsersImportOut },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      return undoUsersImport(deps, actor, req.params.id);
    },
  );
}
