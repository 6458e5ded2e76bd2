import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import * as asg from './assignments.service.ts';
import {
  assignmentOut,
  gapsOut,
  modelOut,
  ruleStateOut,
  teamOut,
  volunteerDetailOut,
  volunteerOut,
} from './community.out.ts';
import {
  assignmentCreateSchema,
  assignmentEndSchema,
  assignmentQuerySchema,
  idParams,
  modelProvincesQuery,
  modelQuery,
  ruleSetSchema,
  teamCreateSchema,
  teamUpdateSchema,
  unitQuery,
  volunteerCreateSchema,
  volunteerQuerySchema,
  volunteerUpdateSchema,
} from './teams.schema.ts';
import * as svc from './teams.service.ts';

const tags = ['community'];
const accountOut = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  volunteerId: z.string().nullable(),
});

const provinceModelOut = z.object({
  asOf: z.string(),
  rule: z.object({ minVolunteersWithPeople: z.number(), minPeoplePerVolunteer: z.number() }),
  provinces: z.array(
    z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      communes: z.number(),
      teams: z.number(),
      withModel: z.number(),
    }),
  ),
  communes: z.number(),
  withModel: z.number(),
});

/** Teams, volunteers, assignments and the volunteer-model figures. */
export async function teamsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/community/teams',
    {
      schema: {
        operationId: 'createTeam',
        response: { 201: teamOut },
        tags,
        summary: 'Thành lập đội CTXH tình nguyện / Create the volunteer team',
        body: teamCreateSchema,
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createTeam(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/teams',
    {
      schema: {
        operationId: 'listTeams',
        response: { 200: z.object({ items: z.array(teamOut) }) },
        tags,
        summary: 'Các đội tình nguyện / Volunteer teams',
        querystring: unitQuery,
      },
    },
    async (req) => svc.listTeams(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/teams/:id',
    {
      schema: {
        operationId: 'getTeam',
        response: { 200: teamOut },
        tags,
        summary: 'Đội tình nguyện và thành viên / A team and its members',
        params: idParams,
      },
    },
    async (req) => svc.getTeam(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/community/teams/:id',
    {
      schema: {
        operationId: 'updateTeam',
        response: { 200: teamOut },
        tags,
        summary: 'Sửa đội, chọn đội trưởng / Update a team, set its leader',
        params: idParams,
        body: teamUpdateSchema,
      },
    },
    async (req) => svc.updateTeam(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/community/volunteers',
    {
      schema: {
        operationId: 'createVolunteer',
        response: { 201: volunteerDetailOut },
        tags,
        summary: 'Thêm tình nguyện viên / Add a volunteer',
        body: volunteerCreateSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createVolunteer(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/volunteers',
    {
      schema: {
        operationId: 'listVolunteers',
        response: { 200: z.object({ items: z.array(volunteerOut) }) },
        tags,
        summary: 'Tình nguyện viên / Volunteers',
        querystring: volunteerQuerySchema,
      },
    },
    async (req) => svc.listVolunteers(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/volunteers/:id',
    {
      schema: {
        operationId: 'getVolunteer',
        response: { 200: volunteerDetailOut },
        tags,
        summary: 'Tình nguyện viên / A volunteer',
        params: idParams,
      },
    },
    async (req) => svc.getVolunteer(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/community/volunteers/:id',
    {
      schema: {
        operationId: 'updateVolunteer',
        response: { 200: volunteerDetailOut },
        tags,
        summary: 'Sửa, cho nghỉ, gắn tài khoản / Update, deactivate, link an account',
        params: idParams,
        body: volunteerUpdateSchema,
      },
    },
    async (req) => svc.updateVolunteer(deps, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/community/volunteer-accounts',
    {
      schema: {
        operationId: 'listVolunteerAccounts',
        response: { 200: z.object({ items: z.array(accountOut) }) },
        tags,
        summary: 'Tài khoản tình nguyện viên của xã / Volunteer accounts of the commune',
      },
    },
    async (req) => svc.volunteerAccounts(deps, requireActor(req)),
  );

  app.post(
    '/api/community/assignments',
    {
      schema: {
        operationId: 'createAssignment',
        response: { 201: assignmentOut },
        tags,
        summary: 'Phân công giúp đỡ / Assign a person to a volunteer',
        body: assignmentCreateSchema,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await asg.createAssignment(deps, requireActor(req), req.body)),
  );
  app.post(
    '/api/community/assignments/:id/end',
    {
      schema: {
        operationId: 'endAssignment',
        response: { 200: assignmentOut },
        tags,
        summary: 'Kết thúc phân công / End an assignment',
        params: idParams,
        body: assignmentEndSchema,
      },
    },
    async (req) => asg.endAssignment(deps, requireActor(req), req.params.id, req.body),
  );
  app.get(
    '/api/community/assignments',
    {
      schema: {
        operationId: 'listAssignments',
        response: { 200: z.object({ items: z.array(assignmentOut) }) },
        tags,
        summary: 'Phân công / Assignments',
        querystring: assignmentQuerySchema,
      },
    },
    async (req) => asg.listAssignments(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/assignment-gaps',
    {
      schema: {
        operationId: 'listAssignmentGaps',
        response: { 200: gapsOut },
        tags,
        summary: 'Tình nguyện viên chưa giúp đỡ ai / Volunteers without a person (gap list)',
        querystring: unitQuery,
      },
    },
    async (req) => asg.assignmentGaps(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/community/volunteer-model',
    {
      schema: {
        operationId: 'listVolunteerModelCommunes',
        response: { 200: modelOut },
        tags,
        summary: 'Xã có mô hình tình nguyện viên (theo ngày) / Communes with the volunteer model (on a date)',
        querystring: modelQuery,
      },
    },
    async (req) => svc.volunteerModel(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/volunteer-model/provinces',
    {
      schema: {
        operationId: 'listVolunteerModelProvinces',
        response: { 200: provinceModelOut },
        tags,
        summary: 'Mô hình tình nguyện viên theo tỉnh / The volunteer model by province',
        querystring: modelProvincesQuery,
      },
    },
    async (req) => svc.volunteerModelByProvince(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/volunteer-model/rule',
    {
      schema: {
        operationId: 'getVolunteerModelRule',
        response: { 200: ruleStateOut },
        tags,
        summary: 'Tiêu chí mô hình / The volunteer-model rule',
      },
    },
    async (req) => {
      requireActor(req);
      return svc.getRule(deps);
    },
  );
  app.put(
    '/api/community/volunteer-model/rule',
    {
      schema: {
        operationId: 'setVolunteerModelRule',
        response: { 200: ruleStateOut },
        tags,
        summary: 'Đặt tiêu chí mô hình / Set the volunteer-model rule',
        body: ruleSetSchema,
      },
    },
    async (req) => svc.setRule(deps, requireActor(req), req.body),
  );
}
