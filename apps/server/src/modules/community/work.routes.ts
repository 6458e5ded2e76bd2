import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes } from '../../platform/http/route-helpers.ts';
import { listOf, strOrNull } from '../../platform/http/schemas.ts';
import * as act from './activities.service.ts';
import { activityOut, contactOut, reportOut } from './community.out.ts';
import * as con from './contacts.service.ts';
import { idParams } from './teams.schema.ts';
import { logContactOut } from './work.out.ts';

const textOut = z.object({ vi: z.string(), en: z.string() });

// The exact shape a volunteer account receives about one of its people: name, contact, address, the current
// pathway and its dates, drug tests only as due/done, and (in the detail) the volunteer's own notes.
export const myPersonOut = z.object({
  id: z.string(),
  version: z.number(),
  fullName: z.string(),
  phone: strOrNull,
  address: z.object({
    communeName: strOrNull,
    provinceName: strOrNull,
    detail: strOrNull,
  }),
  pathway: z
    .object({
      type: z.string(),
      label: textOut,
      startDate: z.string(),
      plannedEndDate: strOrNull,
    })
    .nullable(),
  drugTest: z.object({
    status: z.enum(['due', 'done', 'none']),
    dueDate: strOrNull,
    doneOn: strOrNull,
  }),
  nextContactDate: strOrNull,
});
export const myPersonDetailOut = myPersonOut.extend({
  notes: z.array(
    z.object({
      id: z.string(),
      contactDate: z.string(),
      kind: z.string(),
      outcome: z.string(),
      note: strOrNull,
      nextContactDate: strOrNull,
    }),
  ),
});
const myTaskOut = z.object({
  id: z.string(),
  kind: z.string(),
  label: textOut,
  personId: z.string(),
  personName: z.string(),
  dueDate: z.string(),
  timing: z.enum(['overdue', 'today', 'upcoming']),
});

/** Contacts, the volunteer's own pages, team activities and the team report. */
export async function workRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['community']);

  api.get(
    '/api/community/my-people',
    {
      operationId: 'listMyPeople',
      summary: 'Người tôi giúp đỡ / My people (volunteer)',
      ok: listOf(myPersonOut),
    },
    ({ actor }) => con.myPeople(deps, actor),
  );
  api.get(
    '/api/community/my-people/:id',
    {
      operationId: 'getMyPerson',
      summary: 'Người tôi giúp đỡ / One of my people (volunteer)',
      params: idParams,
      ok: myPersonDetailOut,
    },
    ({ actor, params }) => con.myPerson(deps, actor, params.id),
  );
  api.get(
    '/api/community/my-tasks',
    {
      operationId: 'listMyFollowUps',
      summary: 'Việc của tôi / My follow-ups (volunteer)',
      ok: z.object({ today: z.string(), items: z.array(myTaskOut) }),
    },
    ({ actor }) => con.myTasks(deps, actor),
  );

  api.post(
    '/api/community/contacts',
    {
      operationId: 'logContact',
      summary: 'Ghi nhận liên hệ, hỗ trợ / Log a contact',
      body: con.contactCreateSchema,
      created: logContactOut,
    },
    ({ actor, body }) => con.logContact(deps, actor, body),
  );
  api.get(
    '/api/community/contacts',
    {
      operationId: 'listContacts',
      summary: 'Nhật ký liên hệ / Contact log',
      querystring: con.contactQuerySchema,
      ok: z.object({ items: z.array(contactOut), limit: z.number(), offset: z.number() }),
    },
    ({ actor, query }) => con.listContacts(deps, actor, query),
  );

  api.post(
    '/api/community/activities',
    {
      operationId: 'createActivity',
      summary: 'Ghi hoạt động của đội / Record a team activity',
      body: act.activityCreateSchema,
      created: activityOut,
    },
    ({ actor, body }) => act.createActivity(deps, actor, body),
  );
  api.get(
    '/api/community/activities',
    {
      operationId: 'listActivities',
      summary: 'Hoạt động của đội / Team activities',
      querystring: act.activityQuerySchema,
      ok: z.object({
        items: z.array(activityOut),
        total: z.number(),
        limit: z.number(),
        offset: z.number(),
      }),
    },
    ({ actor, query }) => act.listActivities(deps, actor, query),
  );
  api.get(
    '/api/community/activities/:id',
    {
      operationId: 'getActivity',
      summary: 'Hoạt động / An activity',
      params: idParams,
      ok: activityOut,
    },
    ({ actor, params }) => act.getActivity(deps, actor, params.id),
  );
  api.patch(
    '/api/community/activities/:id',
    {
      operationId: 'updateActivity',
      summary: 'Sửa hoạt động / Update an activity',
      params: idParams,
      body: act.activityUpdateSchema,
      ok: activityOut,
    },
    ({ actor, params, body }) => act.updateActivity(deps, actor, params.id, body),
  );
  api.get(
    '/api/community/report',
    {
      operationId: 'getTeamReport',
      summary: 'Báo cáo hoạt động đội tình nguyện / Team report for a period',
      querystring: act.reportQuerySchema,
      ok: reportOut,
    },
    ({ actor, query }) => act.teamReport(deps, actor, query),
  );
}
