import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { authorize } from '../../platform/policy.ts';
import { MAX_IMPORT_BYTES } from '../imports/imports.parse.ts';
import { readUpload } from '../imports/imports.routes.ts';
import { analyseUsersFile, commitUsersFile } from './users-import.ts';

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
        tags,
        summary: 'Xem trước tệp người dùng / Preview a users sheet (multipart field "file")',
        description: 'Columns: username, name, role, unit (code or name), phone. Nothing is written.',
        consumes: ['multipart/form-data'],
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
        tags,
        summary:
          'Tạo các tài khoản của tệp (một giao dịch) / Create the accounts of the sheet (one transaction)',
        description: 'Refused while any row has an error. One-time passwords are returned once, also as CSV.',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'users.manage');
      const file = await readUpload(req);
      return reply.status(201).send(await commitUsersFile(deps, actor, file.filename, file.data));
    },
  );
}
