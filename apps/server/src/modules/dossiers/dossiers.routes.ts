import { isoDate } from '@hoanhap/domain/person-schema';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { uploadRoutes } from '../../platform/http/route-helpers.ts';
import { listOf } from '../../platform/http/schemas.ts';
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

/** Compulsory-rehab dossiers: /api/dossiers. Multipart uploads are enabled in this plugin's scope only. */
export async function dossierRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = await uploadRoutes(root, ['dossiers'], MAX_UPLOAD_BYTES);

  api.get(
    '/api/dossiers',
    {
      operationId: 'listDossiers',
      summary: 'Danh sách hồ sơ đề nghị cai nghiện bắt buộc / List compulsory-rehab dossiers',
      querystring: listQuery,
      ok: listOut,
    },
    ({ actor, query }) => svc.listDossiers(deps, actor, query),
  );

  api.get(
    '/api/dossiers/rules',
    {
      operationId: 'getDossierRules',
      summary: 'Quy định áp dụng cho hồ sơ theo ngày / Dossier rules in force on a date',
      querystring: z.strictObject({ date: isoDate }),
      ok: getDossierRulesOut,
    },
    ({ actor, query }) => svc.dossierRules(deps, actor, query.date),
  );

  api.post(
    '/api/dossiers',
    {
      operationId: 'createDossier',
      summary: 'Lập hồ sơ đề nghị / Create a dossier',
      body: createBody,
      created: dossierOut,
    },
    ({ actor, body }) => svc.createDossier(deps, actor, body),
  );

  api.get(
    '/api/dossiers/:id',
    {
      operationId: 'getDossier',
      summary: 'Xem hồ sơ đề nghị / View a dossier',
      params: idParams,
      ok: dossierOut,
    },
    ({ actor, params }) => svc.getDossier(deps, actor, params.id),
  );

  api.post(
    '/api/dossiers/:id/persons',
    {
      operationId: 'addDossierPerson',
      summary: 'Thêm người vào hồ sơ / Add a person',
      params: idParams,
      body: addPersonBody,
      ok: dossierOut,
    },
    ({ actor, params, body }) => svc.addPerson(deps, actor, params.id, body),
  );

  api.delete(
    '/api/dossiers/:id/persons/:personId',
    {
      operationId: 'removeDossierPerson',
      summary: 'Bỏ người khỏi hồ sơ / Remove a person',
      params: personParams,
      querystring: z.strictObject({ version: z.coerce.number().int().min(1) }),
      ok: dossierOut,
    },
    ({ actor, params, query }) => svc.removePerson(deps, actor, params.id, params.personId, query.version),
  );

  api.get(
    '/api/dossiers/:id/documents',
    {
      operationId: 'listDossierDocuments',
      summary: 'Danh sách tài liệu / List documents',
      params: idParams,
      ok: listOf(documentOut),
    },
    ({ actor, params }) => svc.listDocuments(deps, actor, params.id),
  );

  api.post(
    '/api/dossiers/:id/documents',
    {
      operationId: 'uploadDossierDocument',
      summary: 'Tải lên tài liệu (multipart, trường "file") / Upload a document (multipart field "file")',
      description: 'PDF, JPG, PNG or DOCX, at most 10 MB; personId and kind in the query string.',
      upload: true,
      params: idParams,
      querystring: uploadQuery,
      created: documentOut,
    },
    ({ actor, params, query, upload }) => svc.uploadDocument(deps, actor, params.id, query, upload),
  );

  api.get(
    '/api/dossiers/:id/documents/:documentId',
    {
      operationId: 'downloadDossierDocument',
      summary: 'Tải xuống tài liệu / Download a document',
      params: documentParams,
      config: { fileResponse: [FILE_TYPES.any] },
    },
    async ({ actor, params, reply }) => {
      const { doc, data } = await svc.downloadDocument(deps, actor, params.id, params.documentId);
      return reply
        .header('content-disposition', attachmentHeader(doc.original_name))
        .header('cache-control', 'no-store')
        .header('x-content-sha256', doc.sha256)
        .type(doc.mime_type)
        .send(data);
    },
  );

  api.get(
    '/api/dossiers/:id/cover-list.:format',
    {
      operationId: 'getDossierCoverList',
      summary: 'Danh mục tài liệu hồ sơ (DOCX/PDF) / Dossier cover list',
      params: z.strictObject({ id: z.string().min(1).max(64), format: z.enum(['docx', 'pdf']) }),
      config: { fileResponse: [FILE_TYPES.pdf, FILE_TYPES.docx] },
    },
    async ({ actor, params, reply }) => {
      const f = await dossierCoverList(deps, actor, params.id, params.format);
      return reply
        .header('content-disposition', attachmentHeader(f.fileName))
        .header('cache-control', 'no-store')
        .type(f.contentType)
        .send(f.body);
    },
  );

  api.delete(
    '/api/dossiers/:id/documents/:documentId',
    {
      operationId: 'removeDossierDocument',
      summary: 'Bỏ tài liệu khỏi hồ sơ / Remove a document',
      params: documentParams,
      ok: dossierOut,
    },
    ({ actor, params }) => svc.removeDocument(deps, actor, params.id, params.documentId),
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
    api.post(
      `/api/dossiers/:id/${path}`,
      {
        operationId,
        summary,
        params: idParams,
        body,
        ok: dossierOut,
      },
      ({ actor, params, body }) => (run as any)(deps, actor, params.id, body),
    );
  }
}
