import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { uploadRoutes } from '../../platform/http/route-helpers.ts';
import { MAX_IMPORT_BYTES } from '../imports/imports.parse.ts';
import {
  commitUsersImportOut,
  listUsersImportsOut,
  previewUsersImportOut,
  undoUsersImportOut,
} from './users-import.out.ts';
import { analyseUsersFile, commitUsersFile, listUsersImports, undoUsersImport } from './users-import.ts';

/** Import of staff accounts from a sheet: /api/users/import/{preview,commit} (multipart field "file"). */
export async function usersImportRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = await uploadRoutes(root, ['users'], MAX_IMPORT_BYTES);

  api.post(
    '/api/users/import/preview',
    {
      operationId: 'previewUsersImport',
      requires: 'users.manage',
      summary: 'Xem trước tệp người dùng / Preview a users sheet (multipart field "file")',
      description: 'Columns: username, name, role, unit (code or name), phone. Nothing is written.',
      upload: true,
      ok: previewUsersImportOut,
    },
    async ({ upload }) => {
      const file = await upload();
      return analyseUsersFile(deps, file.filename, file.data);
    },
  );

  api.post(
    '/api/users/import/commit',
    {
      operationId: 'commitUsersImport',
      requires: 'users.manage',
      summary:
        'Tạo các tài khoản của tệp (một giao dịch) / Create the accounts of the sheet (one transaction)',
      description:
        'Refused while any row has an error, unless skipErrors=true: then the valid rows are created and the rows in ' +
        'error skipped (listed in `skipped`). One-time passwords are returned once, also as CSV. The batch can be ' +
        'undone by its author within 7 days while none of its accounts has logged in.',
      upload: true,
      querystring: z.strictObject({
        skipErrors: z
          .enum(['true', 'false'])
          .default('false')
          .describe('Create the valid rows and skip the rows in error'),
      }),
      created: commitUsersImportOut,
    },
    async ({ actor, query, upload }) => {
      const file = await upload();
      return commitUsersFile(deps, actor, file.filename, file.data, {
        skipErrors: query.skipErrors === 'true',
      });
    },
  );

  api.get(
    '/api/users/imports',
    {
      operationId: 'listUsersImports',
      requires: 'users.manage',
      summary: 'Các lần nhập người dùng của tôi / My users imports (most recent first)',
      querystring: z.strictObject({
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      ok: listUsersImportsOut,
    },
    ({ actor, query }) => listUsersImports(deps, actor, query.page, query.pageSize),
  );

  api.post(
    '/api/users/imports/:id/undo',
    {
      operationId: 'undoUsersImport',
      requires: 'users.manage',
      summary: 'Hủy một lần nhập người dùng / Undo a users import (its author, 7 days, accounts never used)',
      params: z.strictObject({ id: z.string().uuid() }),
      ok: undoUsersImportOut,
    },
    ({ actor, params }) => undoUsersImport(deps, actor, params.id),
  );
}
