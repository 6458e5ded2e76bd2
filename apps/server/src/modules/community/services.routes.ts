import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
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

/** Clubs, partners and referrals, training records, and a person's support received. */
export async function servicesRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['community']);

  api.post(
    '/api/community/clubs',
    {
      operationId: 'createClub',
      summary: 'Thành lập CLB / Create a club',
      body: clubs.clubCreateSchema,
      created: clubOut,
    },
    ({ actor, body }) => clubs.createClub(deps, actor, body),
  );
  api.get(
    '/api/community/clubs',
    {
      operationId: 'listClubs',
      summary: 'Câu lạc bộ / Clubs',
      querystring: clubs.clubQuerySchema,
      ok: listClubsOut,
    },
    ({ actor, query }) => clubs.listClubs(deps, actor, query),
  );
  api.get(
    '/api/community/clubs/:id',
    {
      operationId: 'getClub',
      summary: 'CLB, thành viên, sinh hoạt / A club, members, meetings',
      params: idParams,
      ok: clubOut,
    },
    ({ actor, params }) => clubs.getClub(deps, actor, params.id),
  );
  api.patch(
    '/api/community/clubs/:id',
    {
      operationId: 'updateClub',
      summary: 'Sửa CLB / Update a club',
      params: idParams,
      body: clubs.clubUpdateSchema,
      ok: clubOut,
    },
    ({ actor, params, body }) => clubs.updateClub(deps, actor, params.id, body),
  );
  api.post(
    '/api/community/clubs/:id/members',
    {
      operationId: 'addClubMember',
      summary: 'Thêm thành viên / Add a member',
      params: idParams,
      body: clubs.memberCreateSchema,
      created: clubOut,
    },
    ({ actor, params, body }) => clubs.addMember(deps, actor, params.id, body),
  );
  api.post(
    '/api/community/clubs/:id/members/:memberId/leave',
    {
      operationId: 'leaveClub',
      summary: 'Thành viên rời CLB / A member leaves',
      params: z.strictObject({ id: z.string().min(1).max(64), memberId: z.string().min(1).max(64) }),
      body: clubs.memberLeaveSchema,
      ok: clubOut,
    },
    ({ actor, params, body }) => clubs.memberLeaves(deps, actor, params.id, params.memberId, body.leftOn),
  );
  api.post(
    '/api/community/clubs/:id/meetings',
    {
      operationId: 'recordClubMeeting',
      summary: 'Ghi buổi sinh hoạt / Record a meeting',
      params: idParams,
      body: clubs.meetingCreateSchema,
      created: clubOut,
    },
    ({ actor, params, body }) => clubs.addMeeting(deps, actor, params.id, body),
  );

  api.post(
    '/api/community/partners',
    {
      operationId: 'createPartner',
      summary: 'Thêm đối tác / Add a partner',
      body: partners.partnerCreateSchema,
      created: partnerOut,
    },
    ({ actor, body }) => partners.createPartner(deps, actor, body),
  );
  api.get(
    '/api/community/partners',
    {
      operationId: 'listPartners',
      summary: 'Đối tác / Partners',
      querystring: partners.partnerQuerySchema,
      ok: listPartnersOut,
    },
    ({ actor, query }) => partners.listPartners(deps, actor, query),
  );
  api.get(
    '/api/community/partners/:id',
    {
      operationId: 'getPartner',
      summary: 'Đối tác / A partner',
      params: idParams,
      ok: partnerOut,
    },
    ({ actor, params }) => partners.getPartner(deps, actor, params.id),
  );
  api.patch(
    '/api/community/partners/:id',
    {
      operationId: 'updatePartner',
      summary: 'Sửa đối tác / Update a partner',
      params: idParams,
      body: partners.partnerUpdateSchema,
      ok: partnerOut,
    },
    ({ actor, params, body }) => partners.updatePartner(deps, actor, params.id, body),
  );

  api.post(
    '/api/community/referrals',
    {
      operationId: 'createReferral',
      summary: 'Giới thiệu dịch vụ / Refer a person',
      body: partners.referralCreateSchema,
      created: referralOut,
    },
    ({ actor, body }) => partners.createReferral(deps, actor, body),
  );
  api.post(
    '/api/community/referrals/:id/status',
    {
      operationId: 'moveReferral',
      summary: 'Cập nhật trạng thái, kết quả / Move a referral, record its result',
      params: idParams,
      body: partners.referralStatusSchema,
      ok: referralOut,
    },
    ({ actor, params, body }) => partners.moveReferral(deps, actor, params.id, body),
  );
  api.get(
    '/api/community/referrals',
    {
      operationId: 'listReferrals',
      summary: 'Giới thiệu dịch vụ / Referrals',
      querystring: partners.referralQuerySchema,
      ok: listReferralsOut,
    },
    ({ actor, query }) => partners.listReferrals(deps, actor, query),
  );

  api.post(
    '/api/community/trainings',
    {
      operationId: 'createTraining',
      summary: 'Ghi lớp tập huấn / Record a training',
      body: training.trainingCreateSchema,
      created: trainingOut,
    },
    ({ actor, body }) => training.createTraining(deps, actor, body),
  );
  api.get(
    '/api/community/trainings',
    {
      operationId: 'listTrainings',
      summary: 'Tập huấn / Trainings',
      querystring: training.trainingQuerySchema,
      ok: listTrainingsOut,
    },
    ({ actor, query }) => training.listTrainings(deps, actor, query),
  );
  api.get(
    '/api/community/training-staff',
    {
      operationId: 'listTrainingStaff',
      summary: 'Cán bộ có thể ghi tham dự tập huấn / Staff who may attend a training',
      ok: z.object({
        items: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string() })),
      }),
    },
    ({ actor }) => training.trainingStaff(deps, actor),
  );
  api.get(
    '/api/community/training-share',
    {
      operationId: 'getTrainingShare',
      summary: 'Tỷ lệ cán bộ, tình nguyện viên được tập huấn / Share trained',
      querystring: training.trainingQuerySchema,
      ok: getTrainingShareOut,
    },
    ({ actor, query }) => training.trainingShare(deps, actor, query),
  );

  api.get(
    '/api/people/:id/support',
    {
      operationId: 'getPersonSupport',
      summary: 'Hỗ trợ đã nhận / Support a person received',
      params: idParams,
      ok: getPersonSupportOut,
    },
    ({ actor, params }) => personSupport(deps, actor, params.id),
  );
}
