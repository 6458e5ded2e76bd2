import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
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
  const app = root.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: z.string().min(1).max(64) });
  const tags = ['episodes'];

  app.get(
    '/api/people/:id/episodes',
    {
      schema: {
        operationId: 'listPersonEpisodes',
        tags,
        summary: 'Các giai đoạn quản lý, cai nghiện / Episodes of a person',
        params,
        response: { 200: z.object({ items: z.array(episodeOut) }) },
      },
    },
    async (req) => svc.listEpisodes(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/episodes',
    {
      schema: {
        operationId: 'openEpisode',
        tags,
        summary: 'Mở giai đoạn / Open an episode',
        description: 'Checked against the rules in force; planned end, regime and authority are computed.',
        params,
        body: episodeCreateSchema,
        response: { 201: episodeOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createEpisode(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    '/api/people/:id/timeline',
    {
      schema: {
        operationId: 'getPersonTimeline',
        tags,
        summary: 'Quá trình của một người / Timeline of a person',
        params,
        response: { 200: timelineOut },
      },
    },
    async (req) => getTimeline(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/people/:id/transfer',
    {
      schema: {
        operationId: 'transferPerson',
        tags,
        summary: 'Chuyển hồ sơ sang xã khác / Transfer to another commune',
        params,
        body: transferSchema,
        response: { 201: transferOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await transferPerson(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/transfers/:id/receive',
    {
      schema: {
        operationId: 'receiveTransfer',
        tags,
        summary: 'Tiếp nhận hồ sơ chuyển đến / Receive a transferred record',
        params,
        response: { 200: transferOut },
      },
    },
    async (req) => receiveTransfer(deps, requireActor(req), req.params.id),
  );

  app.get(
    '/api/episodes/:id',
    {
      schema: {
        operationId: 'getEpisode',
        tags,
        summary: 'Xem giai đoạn / View an episode',
        params,
        response: { 200: episodeOut },
      },
    },
    async (req) => svc.getEpisode(deps, requireActor(req), req.params.id),
  );
  app.put(
    '/api/episodes/:id',
    {
      schema: {
        operationId: 'updateEpisode',
        tags,
        summary: 'Sửa giai đoạn / Update an episode',
        params,
        body: episodeUpdateSchema,
        response: { 200: episodeOut },
      },
    },
    async (req) => svc.updateEpisode(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/episodes/:id/close',
    {
      schema: {
        operationId: 'closeEpisode',
        tags,
        summary: 'Kết thúc giai đoạn / Close an episode with an outcome',
        params,
        body: episodeCloseSchema,
        response: { 200: episodeOut },
      },
    },
    async (req) => acts.closeEpisode(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/episodes/:id/certificate',
    {
      schema: {
        operationId: 'issueEpisodeCertificate',
        tags,
        summary: 'Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 54) / Completion certificate',
        params,
        body: certificateSchema,
        response: { 200: episodeOut },
      },
    },
    async (req) => acts.issueCertificate(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/episodes/:id/contacts',
    {
      schema: {
        operationId: 'recordEpisodeContact',
        tags,
        summary: 'Ghi nhận gặp gỡ, tiếp xúc / Record a contact',
        params,
        body: contactSchema,
        response: { 201: contactOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await acts.recordContact(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    '/api/episodes/:id/documents/:file',
    {
      config: { fileResponse: [FILE_TYPES.pdf, FILE_TYPES.docx] },
      schema: {
        operationId: 'getEpisodeDocument',
        tags,
        summary: 'Văn bản của giai đoạn (DOCX, PDF) / Official document of an episode',
        description: `file: <kind>.docx or <kind>.pdf, kind one of ${DOCUMENT_KINDS.join(', ')}`,
        params: z.strictObject({
          id: z.string().min(1).max(64),
          file: z.string().regex(new RegExp(`^(${DOCUMENT_KINDS.join('|')})\\.(docx|pdf)$`), {
            error: 'Tên văn bản không hợp lệ / Unknown document',
          }),
        }),
      },
    },
    async (req, reply) => {
      const [kind, format] = req.params.file.split('.') as [EpisodeDocumentKind, 'docx' | 'pdf'];
      const doc = await episodeDocument(deps, requireActor(req), req.params.id, kind, format);
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', `attachment; filename="${doc.fileName}"`)
        .send(doc.body);
    },
  );
  app.post(
    '/api/episodes/:id/schedule',
    {
      schema: {
        operationId: 'scheduleEpisodeTask',
        tags,
        summary: 'Hẹn xét nghiệm hoặc gặp gỡ / Schedule a test or contact',
        params,
        body: scheduleSchema,
        response: { 201: taskOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await acts.scheduleNext(deps, requireActor(req), req.params.id, req.body)),
  );
}
