import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import type { Actor } from '../../platform/policy.ts';
import { getAdmission, moveStage, setBed, setResidence } from './admissions.service.ts';
import { certify, enrol, recordAttendance } from './classes.service.ts';
import { correctionsRoutes } from './corrections.routes.ts';
import { admissionOut, eventOut, healthRecordOut } from './facility.presenter.ts';
import { classOut, eventRoutes } from './facility.routes.ts';
import {
  attendanceSchema,
  bedSchema,
  completionSchema,
  healthSchema,
  idParams,
  incidentSchema,
  learnersSchema,
  leaveSchema,
  releaseNoticeSchema,
  releaseSchema,
  residenceSchema,
  rewardSchema,
  stageMoveSchema,
  supportSchema,
  termChangeSchema,
  visitSchema,
} from './facility.schema.ts';
import { listHealth, recordHealth, recordResidentEvent } from './records.service.ts';
import { changeTerm, leave, release, sendReleaseNotice } from './term.service.ts';

type StayStep = (deps: AppDeps, actor: Actor, id: string, input: never) => Promise<unknown>;

/** The steps of a resident's stay (/api/admissions/:id/<path>), in the order they are registered. */
const STAY_STEPS = [
  {
    method: 'post',
    path: 'stages',
    operationId: 'moveAdmissionStage',
    summary: 'Chuyển giai đoạn / Move to the next stage',
    body: stageMoveSchema,
    run: moveStage as StayStep,
  },
  {
    method: 'put',
    path: 'bed',
    operationId: 'setAdmissionBed',
    summary: 'Bố trí khu, giường / Area and bed',
    body: bedSchema,
    run: setBed as StayStep,
  },
  {
    method: 'put',
    path: 'residence',
    operationId: 'setAdmissionResidence',
    summary: 'Không xác định được nơi cư trú / No known residence',
    description: 'Until the notice to the commune is sent; the release then hands over to the province.',
    body: residenceSchema,
    run: setResidence as StayStep,
  },
  {
    method: 'post',
    path: 'term-changes',
    operationId: 'recordTermChange',
    summary: 'Giảm thời hạn, ra sớm, hoãn, tạm đình chỉ, bỏ trốn, trở lại / Term changes',
    description: 'Each moves the planned release under the rules in force; refusals cite the rule (422).',
    body: termChangeSchema,
    run: changeTerm as StayStep,
  },
  {
    method: 'post',
    path: 'release-notice',
    operationId: 'sendReleaseNotice',
    summary: 'Thông báo cho xã trước khi ra cơ sở / Notice to the commune before release',
    body: releaseNoticeSchema,
    run: sendReleaseNotice as StayStep,
  },
  {
    method: 'post',
    path: 'release',
    operationId: 'releaseResident',
    summary: 'Ra cơ sở, bàn giao về xã / Release and handover',
    description:
      'Opens the post-rehab decision task at the receiving commune (the province when no residence is known).',
    body: releaseSchema,
    run: release as StayStep,
  },
  {
    method: 'post',
    path: 'departure',
    operationId: 'recordDeparture',
    summary: 'Rời cơ sở không hoàn thành / Departure without completion',
    description: 'After the episode was closed with its outcome; no handover, not counted as reintegrated.',
    body: leaveSchema,
    run: leave as StayStep,
  },
] as const;

/** Routes of one resident's stay (/api/admissions/:id) and of one vocational class. */
export async function residentsRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['facility']);
  const params = idParams;
  const base = '/api/admissions/:id';

  api.get(
    '/api/admissions/:id',
    {
      operationId: 'getAdmission',
      summary: 'Hồ sơ học viên tại cơ sở / A resident’s stay',
      description: 'Health records only for medical staff; others get their count.',
      params,
      ok: admissionOut,
    },
    ({ actor, params }) => getAdmission(deps, actor, params.id),
  );
  // The steps of a stay: one route each, all answering with the resident's stay.
  for (const step of STAY_STEPS)
    api[step.method](
      `${base}/${step.path}`,
      {
        operationId: step.operationId,
        summary: step.summary,
        ...('description' in step ? { description: step.description } : {}),
        params,
        body: step.body,
        ok: admissionOut,
      },
      async ({ actor, params, body }) => (await step.run(deps, actor, params.id, body as never)) as never,
    );
  eventRoutes(
    api,
    '/api/admissions/:id',
    params,
    [
      ['visits', 'recordVisit', 'visit', visitSchema, 'Thăm gặp / Family visit'],
      ['incidents', 'recordIncident', 'incident', incidentSchema, 'Vụ việc / Incident'],
      ['rewards', 'recordReward', 'reward', rewardSchema, 'Khen thưởng / Reward'],
      [
        'support',
        'recordFacilitySupport',
        'support',
        supportSchema,
        'Tư vấn việc làm, xuất khẩu lao động / Support service',
      ],
    ],
    (actor, p, event) => recordResidentEvent(deps, actor, p.id, event as never),
  );
  api.post(
    '/api/admissions/:id/health',
    {
      operationId: 'recordHealth',
      summary: 'Hồ sơ y tế / Health record (medical staff only)',
      params,
      body: healthSchema,
      created: healthRecordOut,
    },
    ({ actor, params, body }) => recordHealth(deps, actor, params.id, body),
  );
  api.get(
    '/api/admissions/:id/health',
    {
      operationId: 'listHealthRecords',
      summary: 'Hồ sơ y tế / Health records (medical staff only)',
      params,
      ok: z.object({ healthRecords: z.array(healthRecordOut) }),
    },
    ({ actor, params }) => listHealth(deps, actor, params.id),
  );

  api.post(
    '/api/facility-classes/:id/learners',
    {
      operationId: 'enrolLearners',
      summary: 'Ghi danh học viên / Enrol learners',
      params,
      body: learnersSchema,
      ok: classOut,
    },
    ({ actor, params, body }) => enrol(deps, actor, params.id, body),
  );
  api.post(
    '/api/facility-classes/:id/attendance',
    {
      operationId: 'recordAttendance',
      summary: 'Điểm danh / Attendance',
      params,
      body: attendanceSchema,
      created: eventOut,
    },
    ({ actor, params, body }) => recordAttendance(deps, actor, params.id, body),
  );
  api.post(
    '/api/facility-classes/:id/certificates',
    {
      operationId: 'issueClassCertificates',
      summary: 'Cấp chứng chỉ nghề / Completion certificate',
      params,
      body: completionSchema,
      ok: classOut,
    },
    ({ actor, params, body }) => certify(deps, actor, params.id, body),
  );
  await correctionsRoutes(root, deps);
}
