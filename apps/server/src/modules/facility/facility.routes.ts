import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type ApiRoutes, apiRoutes, sendFile } from '../../platform/http/route-helpers.ts';
import { listOf, numOrNull, strOrNull } from '../../platform/http/schemas.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import type { Actor } from '../../platform/policy.ts';
import { admit, awaitingAdmission, board } from './admissions.service.ts';
import { exportBoard } from './board-export.ts';
import { createClass, listClasses } from './classes.service.ts';
import { admissionOut, eventOut, termOut } from './facility.presenter.ts';

type EventOut = z.input<typeof eventOut>;

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
        certificateNumber: strOrNull,
        certificateDate: strOrNull,
      }),
    ),
    version: z.number(),
  })
  .meta({ id: 'VocationalClass' });

export const awaitingOut = listOf(
  z.object({
    episodeId: z.string(),
    personId: z.string(),
    fullName: z.string(),
    birthYear: numOrNull,
    episodeType: z.string(),
    startDate: z.string(),
    plannedEnd: strOrNull,
    documentNumber: strOrNull,
  }),
);

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
      area: strOrNull,
      bed: strOrNull,
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

/** An event route: its path under the base, operationId, the kind of event, its body and summary. */
type EventRoute = readonly [
  path: string,
  operationId: string,
  kind: string,
  body: z.ZodType,
  summary: string,
];

/** One POST route per kind of event (of a facility, of a resident's stay), each recording an event of its kind. */
export function eventRoutes<P extends z.ZodType>(
  api: ApiRoutes,
  base: string,
  params: P,
  events: readonly EventRoute[],
  record: (actor: Actor, params: z.output<P>, event: { kind: string; input: unknown }) => Promise<EventOut>,
) {
  for (const [path, operationId, kind, body, summary] of events)
    api.post(
      `${base}/${path}`,
      { operationId, summary, params, body, created: eventOut },
      ({ actor, params, body }) => record(actor, params as z.output<P>, { kind, input: body }),
    );
}

/** Facility-wide routes: admissions, the residents board, classes, labour, sessions, groups, figures. */
export async function facilityRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['facility']);
  const params = facilityParams;

  api.post(
    '/api/facility-ops/:facilityId/admissions',
    {
      operationId: 'admitResident',
      summary: 'Tiếp nhận học viên / Admit a resident',
      description:
        'On a voluntary contract, a compulsory order or pending management placing the person here.',
      params,
      body: admissionSchema,
      created: admissionOut,
    },
    ({ actor, params, body }) => admit(deps, actor, params.facilityId, body),
  );
  api.get(
    '/api/facility-ops/:facilityId/residents',
    {
      operationId: 'listResidents',
      summary: 'Bảng theo dõi học viên / Residents board',
      params,
      querystring: boardQuery,
      ok: boardOut,
    },
    ({ actor, params, query }) => board(deps, actor, params.facilityId, query),
  );
  api.get(
    '/api/facility-ops/:facilityId/residents/export',
    {
      operationId: 'exportResidents',
      summary: 'Xuất bảng theo dõi học viên (xlsx, csv) / Export the residents board',
      params,
      querystring: boardExportQuery,
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
    },
    async ({ actor, params, query, reply }) => {
      const file = await exportBoard(deps, actor, params.facilityId, query);
      return sendFile(reply, file);
    },
  );
  api.get(
    '/api/facility-ops/:facilityId/awaiting',
    {
      operationId: 'listAwaitingAdmission',
      summary: 'Chờ tiếp nhận / Awaiting admission',
      description:
        'Open contracts, court orders and pending managements placing people here, whose person is not admitted.',
      params,
      ok: awaitingOut,
    },
    ({ actor, params }) => awaitingAdmission(deps, actor, params.facilityId),
  );
  api.post(
    '/api/facility-ops/:facilityId/classes',
    {
      operationId: 'openFacilityClass',
      summary: 'Mở lớp học nghề / Open a vocational class',
      params,
      body: classSchema,
      created: classOut,
    },
    ({ actor, params, body }) => createClass(deps, actor, params.facilityId, body),
  );
  api.get(
    '/api/facility-ops/:facilityId/classes',
    {
      operationId: 'listFacilityClasses',
      summary: 'Lớp học nghề / Vocational classes',
      params,
      querystring: periodQuery,
      ok: listOf(classOut),
    },
    ({ actor, params, query }) => listClasses(deps, actor, params.facilityId, query),
  );
  eventRoutes(
    api,
    '/api/facility-ops/:facilityId',
    params,
    [
      ['labour', 'recordLabour', 'labour', labourSchema, 'Lao động trị liệu / Labour therapy'],
      [
        'sessions',
        'recordFacilitySession',
        'session',
        sessionSchema,
        'Buổi tư vấn, giáo dục / Counselling or education session',
      ],
      ['groups', 'recordSelfManagementGroup', 'group', groupSchema, 'Tổ tự quản / Self-management group'],
    ],
    (actor, p, event) => recordFacilityEvent(deps, actor, p.facilityId, event as never),
  );
  api.get(
    '/api/facility-ops/:facilityId/events',
    {
      operationId: 'listFacilityEvents',
      summary: 'Sổ theo dõi của cơ sở / Facility register',
      description: 'Never includes health records.',
      params,
      querystring: eventsQuery,
      ok: listOf(eventOut),
    },
    ({ actor, params, query }) => listEvents(deps, actor, params.facilityId, query),
  );
  api.get(
    '/api/facility-ops/:facilityId/dashboard',
    {
      operationId: 'getFacilityDashboard',
      summary: 'Bảng tổng hợp của cơ sở / Facility dashboard',
      params,
      querystring: periodQuery,
      ok: dashboardOut,
    },
    ({ actor, params, query }) => dashboard(deps, actor, params.facilityId, query),
  );
  api.get(
    '/api/facility-ops/:facilityId/figures',
    {
      operationId: 'getFacilityFigures',
      summary: 'Số liệu năm của cơ sở / Yearly figures',
      params,
      querystring: yearQuery,
      ok: figuresOut,
    },
    ({ actor, params, query }) => yearlyFigures(deps, actor, params.facilityId, query.year),
  );
}
