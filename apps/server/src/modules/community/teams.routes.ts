import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { listOf, strOrNull } from '../../platform/http/schemas.ts';
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

const accountOut = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  volunteerId: strOrNull,
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
  const api = apiRoutes(root, ['community']);

  api.post(
    '/api/community/teams',
    {
      operationId: 'createTeam',
      summary: 'Thành lập đội CTXH tình nguyện / Create the volunteer team',
      body: teamCreateSchema,
      created: teamOut,
    },
    ({ actor, body }) => svc.createTeam(deps, actor, body),
  );
  api.get(
    '/api/community/teams',
    {
      operationId: 'listTeams',
      summary: 'Các đội tình nguyện / Volunteer teams',
      querystring: unitQuery,
      ok: listOf(teamOut),
    },
    ({ actor, query }) => svc.listTeams(deps, actor, query),
  );
  api.get(
    '/api/community/teams/:id',
    {
      operationId: 'getTeam',
      summary: 'Đội tình nguyện và thành viên / A team and its members',
      params: idParams,
      ok: teamOut,
    },
    ({ actor, params }) => svc.getTeam(deps, actor, params.id),
  );
  api.patch(
    '/api/community/teams/:id',
    {
      operationId: 'updateTeam',
      summary: 'Sửa đội, chọn đội trưởng / Update a team, set its leader',
      params: idParams,
      body: teamUpdateSchema,
      ok: teamOut,
    },
    ({ actor, params, body }) => svc.updateTeam(deps, actor, params.id, body),
  );

  api.post(
    '/api/community/volunteers',
    {
      operationId: 'createVolunteer',
      summary: 'Thêm tình nguyện viên / Add a volunteer',
      body: volunteerCreateSchema,
      created: volunteerDetailOut,
    },
    ({ actor, body }) => svc.createVolunteer(deps, actor, body),
  );
  api.get(
    '/api/community/volunteers',
    {
      operationId: 'listVolunteers',
      summary: 'Tình nguyện viên / Volunteers',
      querystring: volunteerQuerySchema,
      ok: listOf(volunteerOut),
    },
    ({ actor, query }) => svc.listVolunteers(deps, actor, query),
  );
  api.get(
    '/api/community/volunteers/:id',
    {
      operationId: 'getVolunteer',
      summary: 'Tình nguyện viên / A volunteer',
      params: idParams,
      ok: volunteerDetailOut,
    },
    ({ actor, params }) => svc.getVolunteer(deps, actor, params.id),
  );
  api.patch(
    '/api/community/volunteers/:id',
    {
      operationId: 'updateVolunteer',
      summary: 'Sửa, cho nghỉ, gắn tài khoản / Update, deactivate, link an account',
      params: idParams,
      body: volunteerUpdateSchema,
      ok: volunteerDetailOut,
    },
    ({ actor, params, body }) => svc.updateVolunteer(deps, actor, params.id, body),
  );

  api.get(
    '/api/community/volunteer-accounts',
    {
      operationId: 'listVolunteerAccounts',
      summary: 'Tài khoản tình nguyện viên của xã / Volunteer accounts of the commune',
      ok: listOf(accountOut),
    },
    ({ actor }) => svc.volunteerAccounts(deps, actor),
  );

  api.post(
    '/api/community/assignments',
    {
      operationId: 'createAssignment',
      summary: 'Phân công giúp đỡ / Assign a person to a volunteer',
      body: assignmentCreateSchema,
      created: assignmentOut,
    },
    ({ actor, body }) => asg.createAssignment(deps, actor, body),
  );
  api.post(
    '/api/community/assignments/:id/end',
    {
      operationId: 'endAssignment',
      summary: 'Kết thúc phân công / End an assignment',
      params: idParams,
      body: assignmentEndSchema,
      ok: assignmentOut,
    },
    ({ actor, params, body }) => asg.endAssignment(deps, actor, params.id, body),
  );
  api.get(
    '/api/community/assignments',
    {
      operationId: 'listAssignments',
      summary: 'Phân công / Assignments',
      querystring: assignmentQuerySchema,
      ok: listOf(assignmentOut),
    },
    ({ actor, query }) => asg.listAssignments(deps, actor, query),
  );
  api.get(
    '/api/community/assignment-gaps',
    {
      operationId: 'listAssignmentGaps',
      summary: 'Tình nguyện viên chưa giúp đỡ ai / Volunteers without a person (gap list)',
      querystring: unitQuery,
      ok: gapsOut,
    },
    ({ actor, query }) => asg.assignmentGaps(deps, actor, query),
  );

  api.get(
    '/api/community/volunteer-model',
    {
      operationId: 'listVolunteerModelCommunes',
      summary: 'Xã có mô hình tình nguyện viên (theo ngày) / Communes with the volunteer model (on a date)',
      querystring: modelQuery,
      ok: modelOut,
    },
    ({ actor, query }) => svc.volunteerModel(deps, actor, query),
  );
  api.get(
    '/api/community/volunteer-model/provinces',
    {
      operationId: 'listVolunteerModelProvinces',
      summary: 'Mô hình tình nguyện viên theo tỉnh / The volunteer model by province',
      querystring: modelProvincesQuery,
      ok: provinceModelOut,
    },
    ({ actor, query }) => svc.volunteerModelByProvince(deps, actor, query),
  );
  api.get(
    '/api/community/volunteer-model/rule',
    {
      operationId: 'getVolunteerModelRule',
      summary: 'Tiêu chí mô hình / The volunteer-model rule',
      ok: ruleStateOut,
    },
    (_call) => svc.getRule(deps),
  );
  api.put(
    '/api/community/volunteer-model/rule',
    {
      operationId: 'setVolunteerModelRule',
      summary: 'Đặt tiêu chí mô hình / Set the volunteer-model rule',
      body: ruleSetSchema,
      ok: ruleStateOut,
    },
    ({ actor, body }) => svc.setRule(deps, actor, body),
  );
}
