import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes, sendFile } from '../../platform/http/route-helpers.ts';
import { idParams, listOf } from '../../platform/http/schemas.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import { taskOut } from '../tasks/tasks.routes.ts';
import * as acts from './episode-acts.service.ts';
import { DOCUMENT_KINDS, type EpisodeDocumentKind, episodeDocument } from './episode-documents.service.ts';
import { contactOut, episodeOut } from './episodes.presenter.ts';
import {
  certificateSchema,
  contactSchema,
  episodeCloseSchema,
  episodeCreateSchema,
  episodeUpdateSchema,
  scheduleSchema,
  transferSchema,
} from './episodes.schema.ts';
import * as svc from './episodes.service.ts';
import { getTimeline, timelineOut } from './timeline.service.ts';
import { receiveTransfer, transferOut, transferPerson } from './transfers.service.ts';

export async function episodesRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['episodes']);

  api.get(
    '/api/people/:id/episodes',
    {
      operationId: 'listPersonEpisodes',
      summary: 'Các giai đoạn quản lý, cai nghiện / Episodes of a person',
      params: idParams,
      ok: listOf(episodeOut),
    },
    ({ actor, params }) => svc.listEpisodes(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/episodes',
    {
      operationId: 'openEpisode',
      summary: 'Mở giai đoạn / Open an episode',
      description: 'Checked against the rules in force; planned end, regime and authority are computed.',
      params: idParams,
      body: episodeCreateSchema,
      created: episodeOut,
    },
    ({ actor, params, body }) => svc.createEpisode(deps, actor, params.id, body),
  );
  api.get(
    '/api/people/:id/timeline',
    {
      operationId: 'getPersonTimeline',
      summary: 'Quá trình của một người / Timeline of a person',
      params: idParams,
      ok: timelineOut,
    },
    ({ actor, params }) => getTimeline(deps, actor, params.id),
  );
  api.post(
    '/api/people/:id/transfer',
    {
      operationId: 'transferPerson',
      summary: 'Chuyển hồ sơ sang xã khác / Transfer to another commune',
      params: idParams,
      body: transferSchema,
      created: transferOut,
    },
    ({ actor, params, body }) => transferPerson(deps, actor, params.id, body),
  );
  api.post(
    '/api/transfers/:id/receive',
    {
      operationId: 'receiveTransfer',
      summary: 'Tiếp nhận hồ sơ chuyển đến / Receive a transferred record',
      params: idParams,
      ok: transferOut,
    },
    ({ actor, params }) => receiveTransfer(deps, actor, params.id),
  );

  api.get(
    '/api/episodes/:id',
    {
      operationId: 'getEpisode',
      summary: 'Xem giai đoạn / View an episode',
      params: idParams,
      ok: episodeOut,
    },
    ({ actor, params }) => svc.getEpisode(deps, actor, params.id),
  );
  api.put(
    '/api/episodes/:id',
    {
      operationId: 'updateEpisode',
      summary: 'Sửa giai đoạn / Update an episode',
      params: idParams,
      body: episodeUpdateSchema,
      ok: episodeOut,
    },
    ({ actor, params, body }) => svc.updateEpisode(deps, actor, params.id, body),
  );
  api.post(
    '/api/episodes/:id/close',
    {
      operationId: 'closeEpisode',
      summary: 'Kết thúc giai đoạn / Close an episode with an outcome',
      params: idParams,
      body: episodeCloseSchema,
      ok: episodeOut,
    },
    ({ actor, params, body }) => acts.closeEpisode(deps, actor, params.id, body),
  );
  api.post(
    '/api/episodes/:id/certificate',
    {
      operationId: 'issueEpisodeCertificate',
      summary: 'Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 54) / Completion certificate',
      params: idParams,
      body: certificateSchema,
      ok: episodeOut,
    },
    ({ actor, params, body }) => acts.issueCertificate(deps, actor, params.id, body),
  );
  api.post(
    '/api/episodes/:id/contacts',
    {
      operationId: 'recordEpisodeContact',
      summary: 'Ghi nhận gặp gỡ, tiếp xúc / Record a contact',
      params: idParams,
      body: contactSchema,
      created: contactOut,
    },
    ({ actor, params, body }) => acts.recordContact(deps, actor, params.id, body),
  );
  api.get(
    '/api/episodes/:id/documents/:file',
    {
      operationId: 'getEpisodeDocument',
      summary: 'Văn bản của giai đoạn (DOCX, PDF) / Official document of an episode',
      description: `file: <kind>.docx or <kind>.pdf, kind one of ${DOCUMENT_KINDS.join(', ')}`,
      params: z.strictObject({
        id: z.string().min(1).max(64),
        file: z.string().regex(new RegExp(`^(${DOCUMENT_KINDS.join('|')})\\.(docx|pdf)$`), {
          error: 'Tên văn bản không hợp lệ / Unknown document',
        }),
      }),
      config: { fileResponse: [FILE_TYPES.pdf, FILE_TYPES.docx] },
    },
    async ({ actor, params, reply }) => {
      const [kind, format] = params.file.split('.') as [EpisodeDocumentKind, 'docx' | 'pdf'];
      const doc = await episodeDocument(deps, actor, params.id, kind, format);
      return sendFile(reply, { contentType: doc.contentType, filename: doc.fileName, body: doc.body });
    },
  );
  api.post(
    '/api/episodes/:id/schedule',
    {
      operationId: 'scheduleEpisodeTask',
      summary: 'Hẹn xét nghiệm hoặc gặp gỡ / Schedule a test or contact',
      params: idParams,
      body: scheduleSchema,
      created: taskOut,
    },
    ({ actor, params, body }) => acts.scheduleNext(deps, actor, params.id, body),
  );
}
