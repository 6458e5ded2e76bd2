import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import { admit, awaitingAdmission, board } from './admissions.service.ts';
import { exportBoard } from './board-export.ts';
import { createClass, listClasses } from './classes.service.ts';
import { admissionOut, eventOut, termOut } from './facility.presenter.ts';
import {
  admissionSchema,
  boardExportQuery,
  boardQuery,
  classSchema,
  eventsQuery,
  facilityParams,
  groupSchema,
  labourSchema,
  periodQuery,
  sessionSchema,
  yearQuery,
} from './facility.schema.ts';
import { dashboard, dashboardOut, figuresOut, yearlyFigures } from './figures.service.ts';
import { listEvents, recordFacilityEvent } from './records.service.ts';

export const classOut = z
  .object({
    id: z.string(),
    facilityId: z.string(),
    trade: z.string(),
    teacher: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    learners: z.array(
      z.object({
        admissionId: z.string(),
        enrolledOn: z.string(),
        certificateNumber: z.string().nullable(),
        certificateDate: z.string().nullable(),
      }),
    ),
    version: z.number(),
  })
  .meta({ id: 'VocationalClass' });

export const awaitingOut = z.object({
  items: z.array(
    z.object({
      episodeId: z.string(),
      personId: z.string(),
      fullName: z.string(),
      birthYear: z.number().nullable(),
      episodeType: z.string(),
      startDate: z.string(),
      plannedEnd: z.string().nullable(),
      documentNumber: z.string().nullable(),
    }),
  ),
});

const boardOut = z.object({
  facilityId: z.string(),
  today: z.string(),
  residents: z.array(
    z.object({
      admissionId: z.string(),
      personId: z.string(),
      fullName: z.string(),
      basis: z.string(),
      admittedOn: z.string(),
      stage: z.number(),
      area: z.string().nullable(),
      bed: z.string().nullable(),
      term: termOut,
      absence: z.object({ kind: z.string(), from: z.string() }).nullable(),
      noticeSent: z.boolean(),
      noKnownResidence: z.boolean(),
      version: z.number(),
    }),
  ),
  /** Residents the filters select (the page holds `residents`), and every resident of the facility. */
  total: z.number(),
  count: z.number(),
  offset: z.number(),
  byStage: z.record(z.string(), z.number()),
  upcomingReleases: z.array(
    z.object({
      admissionId: z.string(),
      fullName: z.string(),
      plannedRelease: z.string(),
      noticeSent: z.boolean(),
    }),
  ),
  absences: z.array(
    z.object({ admissionId: z.string(), fullName: z.string(), kind: z.string(), from: z.string() }),
  ),
});

/** Facility-wide routes: admissions, the residents board, classes, labour, sessions, groups, figures. */
export async function facilityRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['facility'];
  const params = facilityParams;
  const base = '/api/facility-ops/:facilityId';

  app.post(
    `${base}/admissions`,
    {
      schema: {
        operationId: 'admitResident',
        tags,
        summary: 'Tiếp nhận học viên / Admit a resident',
        description:
          'On a voluntary contract, a compulsory order or pending management placing the person here.',
        params,
        body: admissionSchema,
        response: { 201: admissionOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await admit(deps, requireActor(req), req.params.facilityId, req.body)),
  );
  app.get(
    `${base}/residents`,
    {
      schema: {
        operationId: 'listResidents',
        tags,
        summary: 'Bảng theo dõi học viên / Residents board',
        params,
        querystring: boardQuery,
        response: { 200: boardOut },
      },
    },
    async (req) => board(deps, requireActor(req), req.params.facilityId, req.query),
  );
  app.get(
    `${base}/residents/export`,
    {
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
      schema: {
        operationId: 'exportResidents',
        tags,
        summary: 'Xuất bảng theo dõi học viên (xlsx, csv) / Export the residents board',
        params,
        querystring: boardExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportBoard(deps, requireActor(req), req.params.facilityId, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.get(
    `${base}/awaiting`,
    {
      schema: {
        operationId: 'listAwaitingAdmission',
        tags,
        summary: 'Chờ tiếp nhận / Awaiting admission',
        description:
          'Open contracts, court orders and pending managements placing people here, whose person is not admitted.',
        params,
        response: { 200: awaitingOut },
      },
    },
    async (req) => awaitingAdmission(deps, requireActor(req), req.params.facilityId),
  );
  app.post(
    `${base}/classes`,
    {
      schema: {
        operationId: 'openFacilityClass',
        tags,
        summary: 'Mở lớp học nghề / Open a vocational class',
        params,
        body: classSchema,
        response: { 201: classOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createClass(deps, requireActor(req), req.params.facilityId, req.body)),
  );
  app.get(
    `${base}/classes`,
    {
      schema: {
        operationId: 'listFacilityClasses',
        tags,
        summary: 'Lớp học nghề / Vocational classes',
        params,
        querystring: periodQuery,
        response: { 200: z.object({ items: z.array(classOut) }) },
      },
    },
    async (req) => listClasses(deps, requireActor(req), req.params.facilityId, req.query),
  );
  for (const [path, operationId, kind, body, summary] of [
    ['labour', 'recordLabour', 'labour', labourSchema, 'Lao động trị liệu / Labour therapy'],
    [
      'sessions',
      'recordFacilitySession',
      'session',
      sessionSchema,
      'Buổi tư vấn, giáo dục / Counselling or education session',
    ],
    ['groups', 'recordSelfManagementGroup', 'group', groupSchema, 'Tổ tự quản / Self-management group'],
  ] as const) {
    app.post(
      `${base}/${path}`,
      { schema: { operationId, tags, summary, params, body, response: { 201: eventOut } } },
      async (req, reply) =>
        reply.status(201).send(
          await recordFacilityEvent(deps, requireActor(req), req.params.facilityId, {
            kind,
            input: req.body,
          } as never),
        ),
    );
  }
  app.get(
    `${base}/events`,
    {
      schema: {
        operationId: 'listFacilityEvents',
        tags,
        summary: 'Sổ theo dõi của cơ sở / Facility register',
        description: 'Never includes health records.',
        params,
        querystring: eventsQuery,
        response: { 200: z.object({ items: z.array(eventOut) }) },
      },
    },
    async (req) => listEvents(deps, requireActor(req), req.params.facilityId, req.query),
  );
  app.get(
    `${base}/dashboard`,
    {
      schema: {
        operationId: 'getFacilityDashboard',
        tags,
        summary: 'Bảng tổng hợp của cơ sở / Facility dashboard',
        params,
        querystring: periodQuery,
        response: { 200: dashboardOut },
      },
    },
    async (req) => dashboard(deps, requireActor(req), req.params.facilityId, req.query),
  );
  app.get(
    `${base}/figures`,
    {
      schema: {
        operationId: 'getFacilityFigures',
        tags,
        summary: 'Số liệu năm của cơ sở / Yearly figures',
        params,
        querystring: yearQuery,
        response: { 200: figuresOut },
      },
    },
    async (req) => yearlyFigures(deps, requireActor(req), req.params.facilityId, req.query.year),
  );
}
