import multipart from '@fastify/multipart';
import { isoDate } from '@hoanhap/domain/person-schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import { dossierCoverList } from './dossier-cover.service.ts';
import { attachmentHeader, MAX_UPLOAD_BYTES } from './dossiers.files.ts';
import { getDossierRulesOut } from './dossiers.out.ts';
import {
  acceptBody,
  addPersonBody,
  closeReadingBody,
  createBody,
  decideBody,
  documentOut,
  documentParams,
  dossierOut,
  executeBody,
  hearingBody,
  idParams,
  listOut,
  listQuery,
  notifyBody,
  personParams,
  submitBody,
  uploadQuery,
} from './dossiers.schema.ts';
import * as svc from './dossiers.service.ts';

const tags = ['dossiers'];

/** Compulsory-rehab dossiers: /api/dossiers. Multipart uploads are enabled in this plugin's scope only. */
export async function dossierRoutes(root: FastifyInstance, deps: AppDeps) {
  await root.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1, fieldSize: 1024 },
  });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/dossiers',
    {
      schema: {
        operationId: 'listDossiers',
        tags,
        summary: 'Danh sách hồ sơ đề nghị cai nghiện bắt buộc / List compulsory-rehab dossiers',
        querystring: listQuery,
        response: { 200: listOut },
      },
    },
    async (req) => svc.listDossiers(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/dossiers/rules',
    {
      schema: {
        operationId: 'getDossierRules',
        tags,
        summary: 'Quy định áp dụng cho hồ sơ theo ngày / Dossier rules in force on a date',
        querystring: z.strictObject({ date: isoDate }),
        response: { 200: getDossierRulesOut },
      },
    },
    async (req) => svc.dossierRules(deps, requireActor(req), req.query.date),
  );

  app.post(
    '/api/dossiers',
    {
      schema: {
        operationId: 'createDossier',
        tags,
        summary: 'Lập hồ sơ đề nghị / Create a dossier',
        body: createBody,
        response: { 201: dossierOut },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createDossier(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/dossiers/:id',
    {
      schema: {
        operationId: 'getDossier',
        tags,
        summary: 'Xem hồ sơ đề nghị / View a dossier',
        params: idParams,
        response: { 200: dossierOut },
      },
    },
    async (req) => svc.getDossier(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/dossiers/:id/persons',
    {
      schema: {
        operationId: 'addDossierPerson',
        tags,
        summary: 'Thêm người vào hồ sơ / Add a person',
        params: idParams,
        body: addPersonBody,
        response: { 200: dossierOut },
      },
    },
    async (req) => svc.addPerson(deps, requireActor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/dossiers/:id/persons/:personId',
    {
      schema: {
        operationId: 'removeDossierPerson',
        tags,
        summary: 'Bỏ người khỏi hồ sơ / Remove a person',
        params: personParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
        response: { 200: dossierOut },
      },
    },
    async (req) =>
      svc.removePerson(deps, requireActor(req), req.params.id, req.params.personId, req.query.version),
  );

  app.get(
    '/api/dossiers/:id/documents',
    {
      schema: {
        operationId: 'listDossierDocuments',
        tags,
        summary: 'Danh sách tài liệu / List documents',
        params: idParams,
        response: { 200: z.object({ items: z.array(documentOut) }) },
      },
    },
    async (req) => svc.listDocuments(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/dossiers/:id/documents',
    {
      schema: {
        operationId: 'uploadDossierDocument',
        tags,
        summary: 'Tải lên tài liệu (multipart, trường "file") / Upload a document (multipart field "file")',
        description: 'PDF, JPG, PNG or DOCX, at most 10 MB; personId and kind in the query string.',
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: uploadQuery,
        response: { 201: documentOut },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const doc = await svc.uploadDocument(deps, actor, req.params.id, req.query, () => readUpload(req));
      return reply.status(201).send(doc);
    },
  );

  app.get(
    '/api/dossiers/:id/documents/:documentId',
    {
      config: { fileResponse: [FILE_TYPES.any] },
      schema: {
        operationId: 'downloadDossierDocument',
        tags,
        summary: 'Tải xuống tài liệu / Download a document',
        params: documentParams,
      },
    },
    async (req, reply) => {
      const { doc, data } = await svc.downloadDocument(
        deps,
        requireActor(req),
        req.params.id,
        req.params.documentId,
      );
      return reply
        .header('content-disposition', attachmentHeader(doc.original_name))
        .header('cache-control', 'no-store')
        .header('x-content-sha256', doc.sha256)
        .type(doc.mime_type)
        .send(data);
    },
  );

  app.get(
    '/api/dossiers/:id/cover-list.:format',
    {
      config: { fileResponse: [FILE_TYPES.pdf, FILE_TYPES.docx] },
      schema: {
        operationId: 'getDossierCoverList',
        tags,
        summary: 'Danh mục tài liệu hồ sơ (DOCX/PDF) / Dossier cover list',
        params: z.strictObject({ id: z.string().min(1).max(64), format: z.enum(['docx', 'pdf']) }),
      },
    },
    async (req, reply) => {
      const f = await dossierCoverList(deps, requireActor(req), req.params.id, req.params.format);
      return reply
        .header('content-disposition', attachmentHeader(f.fileName))
        .header('cache-control', 'no-store')
        .type(f.contentType)
        .send(f.body);
    },
  );

  app.delete(
    '/api/dossiers/:id/documents/:documentId',
    {
      schema: {
        operationId: 'removeDossierDocument',
        tags,
        summary: 'Bỏ tài liệu khỏi hồ sơ / Remove a document',
        params: documentParams,
        response: { 200: dossierOut },
      },
    },
    async (req) => svc.removeDocument(deps, requireActor(req), req.params.id, req.params.documentId),
  );

  // The steps, one POST each.
  const steps = [
    [
      'notify',
      'notifyDossier',
      'Thông báo cho người bị đề nghị và gia đình / Notify the person and family',
      notifyBody,
      svc.notify,
    ],
    [
      'close-reading',
      'closeDossierReading',
      'Hết thời hạn đọc hồ sơ / Reading period over',
      closeReadingBody,
      svc.closeReading,
    ],
    ['submit', 'submitDossier', 'Chuyển hồ sơ đến Tòa án / Submit to the court', submitBody, svc.submit],
    ['accept', 'acceptDossier', 'Tòa án thụ lý / Court accepted', acceptBody, svc.accept],
    ['hearing', 'setDossierHearing', 'Lịch phiên họp / Hearing date', hearingBody, svc.scheduleHearing],
    ['decision', 'recordDossierDecision', 'Quyết định của Tòa án / Court decision', decideBody, svc.decide],
    [
      'execute',
      'executeDossier',
      'Thi hành và tiếp nhận / Execution and admission',
      executeBody,
      svc.execute,
    ],
  ] as const;
  for (const [path, operationId, summary, body, run] of steps) {
    app.post(
      `/api/dossiers/:id/${path}`,
      { schema: { operationId, tags, summary, params: idParams, body, response: { 200: dossierOut } } },
      // Each body schema matches its own step by construction.
      async (req) => (run as any)(deps, requireActor(req), req.params.id, req.body),
    );
  }
}

/** The one file of a multipart request, or a 4xx in both languages. */
async function readUpload(req: import('fastify').FastifyRequest): Promise<svc.IncomingFile> {
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', 415, {
      vi: 'Cần gửi tệp dạng multipart/form-data (trường "file")',
      en: 'Send the file as multipart/form-data (field "file")',
    });
  }
  let part: Awaited<ReturnType<typeof req.file>>;
  try {
    part = await req.file();
  } catch (e) {
    throw uploadError(e);
  }
  if (!part) {
    throw new AppError('file_required', 400, { vi: 'Thiếu tệp tải lên', en: 'No file was uploaded' }, [
      { field: 'file', rule: 'required', messages: { vi: 'Thiếu tệp', en: 'File missing' } },
    ]);
  }
  try {
    return { filename: part.filename, data: await part.toBuffer() };
  } catch (e) {
    throw uploadError(e);
  }
}

function uploadError(e: unknown): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', 413, {
      vi: `Tệp quá lớn (tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`,
      en: `File too large (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)`,
    });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('too_many_parts', 413, {
      vi: 'Chỉ gửi một tệp, không kèm trường khác',
      en: 'Send exactly one file and no other fields',
    });
  return e;
}
