import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import type { Actor } from '../../platform/policy.ts';
import { getAdmission, moveStage, setBed, setResidence } from './admissions.service.ts';
import { certify, enrol, recordAttendance } from './classes.service.ts';
import { correctionsRoutes } from './corrections.routes.ts';
import { admissionOut, eventOut, healthRecordOut } from './facility.presenter.ts';
import { classOut } from './facility.routes.ts';
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
    method: 'POST',
    path: 'stages',
    operationId: 'moveAdmissionStage',
    summary: 'Chuyển giai đoạn / Move to the next stage',
    body: stageMoveSchema,
    run: moveStage as StayStep,
  },
  {
    method: 'PUT',
    path: 'bed',
    operationId: 'setAdmissionBed',
    summary: 'Bố trí khu, giường / Area and bed',
    body: bedSchema,
    run: setBed as StayStep,
  },
  {
    method: 'PUT',
    path: 'residence',
    operationId: 'setAdmissionResidence',
    summary: 'Không xác định được nơi cư trú / No known residence',
    description: 'Until the notice to the commune is sent; the release then hands over to the province.',
    body: residenceSchema,
    run: setResidence as StayStep,
  },
  {
    method: 'POST',
    path: 'term-changes',
    operationId: 'recordTermChange',
    summary: 'Giảm thời hạn, ra sớm, hoãn, tạm đình chỉ, bỏ trốn, trở lại / Term changes',
    description: 'Each moves the planned release under the rules in force; refusals cite the rule (422).',
    body: termChangeSchema,
    run: changeTerm as StayStep,
  },
  {
    method: 'POST',
    path: 'release-notice',
    operationId: 'sendReleaseNotice',
    summary: 'Thông báo cho xã trước khi ra cơ sở / Notice to the commune before release',
    body: releaseNoticeSchema,
    run: sendReleaseNotice as StayStep,
  },
  {
    method: 'POST',
    path: 'release',
    operationId: 'releaseResident',
    summary: 'Ra cơ sở, bàn giao về xã / Release and handover',
    description:
      'Opens the post-rehab decision task at the receiving commune (the province when no residence is known).',
    body: releaseSchema,
    run: release as StayStep,
  },
  {
    method: 'POST',
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
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['facility'];
  const params = idParams;
  const base = '/api/admissions/:id';

  app.get(
    base,
    {
      schema: {
        operationId: 'getAdmission',
        tags,
        summary: 'Hồ sơ học viên tại cơ sở / A resident’s stay',
        description: 'Health records only for medical staff; others get their count.',
        params,
        response: { 200: admissionOut },
      },
    },
    async (req) => getAdmission(deps, requireActor(req), req.params.id),
  );
  // The steps of a stay: one route each, all answering with the resident's stay.
  for (const step of STAY_STEPS)
    app.route({
      method: step.method,
      url: `${base}/${step.path}`,
      schema: {
        operationId: step.operationId,
        tags,
        summary: step.summary,
        ...('description' in step ? { description: step.description } : {}),
        params,
        body: step.body,
        response: { 200: admissionOut },
      },
      handler: async (req) =>
        (await step.run(deps, requireActor(req), req.params.id, req.body as never)) as never,
    });
  for (const [path, operationId, kind, body, summary] of [
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
  ] as const) {
    app.post(
      `${base}/${path}`,
      { schema: { operationId, tags, summary, params, body, response: { 201: eventOut } } },
      async (req, reply) =>
        reply.status(201).send(
          await recordResidentEvent(deps, requireActor(req), req.params.id, {
            kind,
            input: req.body,
          } as never),
        ),
    );
  }
  app.post(
    `${base}/health`,
    {
      schema: {
        operationId: 'recordHealth',
        tags,
        summary: 'Hồ sơ y tế / Health record (medical staff only)',
        params,
        body: healthSchema,
        response: { 201: healthRecordOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordHealth(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    `${base}/health`,
    {
      schema: {
        operationId: 'listHealthRecords',
        tags,
        summary: 'Hồ sơ y tế / Health records (medical staff only)',
        params,
        response: { 200: z.object({ healthRecords: z.array(healthRecordOut) }) },
      },
    },
    async (req) => listHealth(deps, requireActor(req), req.params.id),
  );

  const cls = '/api/facility-classes/:id';
  app.post(
    `${cls}/learners`,
    {
      schema: {
        operationId: 'enrolLearners',
        tags,
        summary: 'Ghi danh học viên / Enrol learners',
        params,
        body: learnersSchema,
        response: { 200: classOut },
      },
    },
    async (req) => enrol(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    `${cls}/attendance`,
    {
      schema: {
        operationId: 'recordAttendance',
        tags,
        summary: 'Điểm danh / Attendance',
        params,
        body: attendanceSchema,
        response: { 201: eventOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordAttendance(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    `${cls}/certificates`,
    {
      schema: {
        operationId: 'issueClassCertificates',
        tags,
        summary: 'Cấp chứng chỉ nghề / Completion certificate',
        params,
        body: completionSchema,
        response: { 200: classOut },
      },
    },
    async (req) => certify(deps, requireActor(req), req.params.id, req.body),
  );
  await correctionsRoutes(root, deps);
}
