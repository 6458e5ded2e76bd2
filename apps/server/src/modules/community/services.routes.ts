import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import * as clubs from './clubs.service.ts';
import * as partners from './partners.service.ts';
import {
  clubOut,
  getPersonSupportOut,
  getTrainingShareOut,
  listClubsOut,
  listPartnersOut,
  listReferralsOut,
  listTrainingsOut,
  partnerOut,
  referralOut,
  trainingOut,
} from './services.out.ts';
import { personSupport } from './support.service.ts';
import { idParams } from './teams.schema.ts';
import * as training from './training.service.ts';

const tags = ['community'];

/** Clubs, partners and referrals, training records, and a person's support received. */
export async function servicesRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/community/clubs',
    {
      schema: {
        operationId: 'createClub',
        tags,
        summary: 'Thành lập CLB / Create a club',
        body: clubs.clubCreateSchema,
        response: { 201: clubOut },
      },
    },
    async (req, reply) => reply.status(201).send(await clubs.createClub(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/clubs',
    {
      schema: {
        operationId: 'listClubs',
        tags,
        summary: 'Câu lạc bộ / Clubs',
        querystring: clubs.clubQuerySchema,
        response: { 200: listClubsOut },
      },
    },
    async (req) => clubs.listClubs(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/clubs/:id',
    {
      schema: {
        operationId: 'getClub',
        tags,
        summary: 'CLB, thành viên, sinh hoạt / A club, members, meetings',
        params: idParams,
        response: { 200: clubOut },
      },
    },
    async (req) => clubs.getClub(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/community/clubs/:id',
    {
      schema: {
        operationId: 'updateClub',
        tags,
        summary: 'Sửa CLB / Update a club',
        params: idParams,
        body: clubs.clubUpdateSchema,
        response: { 200: clubOut },
      },
    },
    async (req) => clubs.updateClub(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/community/clubs/:id/members',
    {
      schema: {
        operationId: 'addClubMember',
        tags,
        summary: 'Thêm thành viên / Add a member',
        params: idParams,
        body: clubs.memberCreateSchema,
        response: { 201: clubOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await clubs.addMember(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/community/clubs/:id/members/:memberId/leave',
    {
      schema: {
        operationId: 'leaveClub',
        tags,
        summary: 'Thành viên rời CLB / A member leaves',
        params: z.strictObject({ id: z.string().min(1).max(64), memberId: z.string().min(1).max(64) }),
        body: clubs.memberLeaveSchema,
        response: { 200: clubOut },
      },
    },
    async (req) =>
      clubs.memberLeaves(deps, requireActor(req), req.params.id, req.params.memberId, req.body.leftOn),
  );
  app.post(
    '/api/community/clubs/:id/meetings',
    {
      schema: {
        operationId: 'recordClubMeeting',
        tags,
        summary: 'Ghi buổi sinh hoạt / Record a meeting',
        params: idParams,
        body: clubs.meetingCreateSchema,
        response: { 201: clubOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await clubs.addMeeting(deps, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/community/partners',
    {
      schema: {
        operationId: 'createPartner',
        tags,
        summary: 'Thêm đối tác / Add a partner',
        body: partners.partnerCreateSchema,
        response: { 201: partnerOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await partners.createPartner(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/partners',
    {
      schema: {
        operationId: 'listPartners',
        tags,
        summary: 'Đối tác / Partners',
        querystring: partners.partnerQuerySchema,
        response: { 200: listPartnersOut },
      },
    },
    async (req) => partners.listPartners(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/partners/:id',
    {
      schema: {
        operationId: 'getPartner',
        tags,
        summary: 'Đối tác / A partner',
        params: idParams,
        response: { 200: partnerOut },
      },
    },
    async (req) => partners.getPartner(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/community/partners/:id',
    {
      schema: {
        operationId: 'updatePartner',
        tags,
        summary: 'Sửa đối tác / Update a partner',
        params: idParams,
        body: partners.partnerUpdateSchema,
        response: { 200: partnerOut },
      },
    },
    async (req) => partners.updatePartner(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/community/referrals',
    {
      schema: {
        operationId: 'createReferral',
        tags,
        summary: 'Giới thiệu dịch vụ / Refer a person',
        body: partners.referralCreateSchema,
        response: { 201: referralOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await partners.createReferral(deps, requireActor(req), req.body)),
  );
  app.post(
    '/api/community/referrals/:id/status',
    {
      schema: {
        operationId: 'moveReferral',
        tags,
        summary: 'Cập nhật trạng thái, kết quả / Move a referral, record its result',
        params: idParams,
        body: partners.referralStatusSchema,
        response: { 200: referralOut },
      },
    },
    async (req) => partners.moveReferral(deps, requireActor(req), req.params.id, req.body),
  );
  app.get(
    '/api/community/referrals',
    {
      schema: {
        operationId: 'listReferrals',
        tags,
        summary: 'Giới thiệu dịch vụ / Referrals',
        querystring: partners.referralQuerySchema,
        response: { 200: listReferralsOut },
      },
    },
    async (req) => partners.listReferrals(deps, requireActor(req), req.query),
  );

  app.post(
    '/api/community/trainings',
    {
      schema: {
        operationId: 'createTraining',
        tags,
        summary: 'Ghi lớp tập huấn / Record a training',
        body: training.trainingCreateSchema,
        response: { 201: trainingOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await training.createTraining(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/trainings',
    {
      schema: {
        operationId: 'listTrainings',
        tags,
        summary: 'Tập huấn / Trainings',
        querystring: training.trainingQuerySchema,
        response: { 200: listTrainingsOut },
      },
    },
    async (req) => training.listTrainings(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/training-staff',
    {
      schema: {
        operationId: 'listTrainingStaff',
        tags,
        summary: 'Cán bộ có thể ghi tham dự tập huấn / Staff who may attend a training',
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string() })),
          }),
        },
      },
    },
    async (req) => training.trainingStaff(deps, requireActor(req)),
  );
  app.get(
    '/api/community/training-share',
    {
      schema: {
        operationId: 'getTrainingShare',
        tags,
        summary: 'Tỷ lệ cán bộ, tình nguyện viên được tập huấn / Share trained',
        querystring: training.trainingQuerySchema,
        response: { 200: getTrainingShareOut },
      },
    },
    async (req) => training.trainingShare(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/people/:id/support',
    {
      schema: {
        operationId: 'getPersonSupport',
        tags,
        summary: 'Hỗ trợ đã nhận / Support a person received',
        params: idParams,
        response: { 200: getPersonSupportOut },
      },
    },
    async (req) => personSupport(deps, requireActor(req), req.params.id),
  );
}
