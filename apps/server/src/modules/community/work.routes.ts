import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import * as act from './activities.service.ts';
import { activityOut, contactOut, reportOut } from './community.out.ts';
import * as con from './contacts.service.ts';
import { idParams } from './teams.schema.ts';
import { logContactOut } from './work.out.ts';

const tags = ['community'];
const textOut = z.object({ vi: z.string(), en: z.string() });

// The exact shape a volunteer account receives about one of its people: name, contact, address, the current
// pathway and its dates, drug tests only as due/done, and (in the detail) the volunteer's own notes.
export const myPersonOut = z.object({
  id: z.string(),
  version: z.number(),
  fullName: z.string(),
  phone: z.string().nullable(),
  address: z.object({
    communeName: z.string().nullable(),
    provinceName: z.string().nullable(),
    detail: z.string().nullable(),
  }),
  pathway: z
    .object({
      type: z.string(),
      label: textOut,
      startDate: z.string(),
      plannedEndDate: z.string().nullable(),
    })
    .nullable(),
  drugTest: z.object({
    status: z.enum(['due', 'done', 'none']),
    dueDate: z.string().nullable(),
    doneOn: z.string().nullable(),
  }),
  nextContactDate: z.string().nullable(),
});
export const myPersonDetailOut = myPersonOut.extend({
  notes: z.array(
    z.object({
      id: z.string(),
      contactDate: z.string(),
      kind: z.string(),
      outcome: z.string(),
      note: z.string().nullable(),
      nextContactDate: z.string().nullable(),
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
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/community/my-people',
    {
      schema: {
        operationId: 'listMyPeople',
        tags,
        summary: 'Người tôi giúp đỡ / My people (volunteer)',
        response: { 200: z.object({ items: z.array(myPersonOut) }) },
      },
    },
    async (req) => con.myPeople(deps, requireActor(req)),
  );
  app.get(
    '/api/community/my-people/:id',
    {
      schema: {
        operationId: 'getMyPerson',
        tags,
        summary: 'Người tôi giúp đỡ / One of my people (volunteer)',
        params: idParams,
        response: { 200: myPersonDetailOut },
      },
    },
    async (req) => con.myPerson(deps, requireActor(req), req.params.id),
  );
  app.get(
    '/api/community/my-tasks',
    {
      schema: {
        operationId: 'listMyFollowUps',
        tags,
        summary: 'Việc của tôi / My follow-ups (volunteer)',
        response: { 200: z.object({ today: z.string(), items: z.array(myTaskOut) }) },
      },
    },
    async (req) => con.myTasks(deps, requireActor(req)),
  );

  app.post(
    '/api/community/contacts',
    {
      schema: {
        operationId: 'logContact',
        tags,
        summary: 'Ghi nhận liên hệ, hỗ trợ / Log a contact',
        body: con.contactCreateSchema,
        response: { 201: logContactOut },
      },
    },
    async (req, reply) => reply.status(201).send(await con.logContact(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/contacts',
    {
      schema: {
        operationId: 'listContacts',
        response: { 200: z.object({ items: z.array(contactOut), limit: z.number(), offset: z.number() }) },
        tags,
        summary: 'Nhật ký liên hệ / Contact log',
        querystring: con.contactQuerySchema,
      },
    },
    async (req) => con.listContacts(deps, requireActor(req), req.query),
  );

  app.post(
    '/api/community/activities',
    {
      schema: {
        operationId: 'createActivity',
        response: { 201: activityOut },
        tags,
        summary: 'Ghi hoạt động của đội / Record a team activity',
        body: act.activityCreateSchema,
      },
    },
    async (req, reply) => reply.status(201).send(await act.createActivity(deps, requireActor(req), req.body)),
  );
  app.get(
    '/api/community/activities',
    {
      schema: {
        operationId: 'listActivities',
        response: {
          200: z.object({
            items: z.array(activityOut),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
        tags,
        summary: 'Hoạt động của đội / Team activities',
        querystring: act.activityQuerySchema,
      },
    },
    async (req) => act.listActivities(deps, requireActor(req), req.query),
  );
  app.get(
    '/api/community/activities/:id',
    {
      schema: {
        operationId: 'getActivity',
        response: { 200: activityOut },
        tags,
        summary: 'Hoạt động / An activity',
        params: idParams,
      },
    },
    async (req) => act.getActivity(deps, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/community/activities/:id',
    {
      schema: {
        operationId: 'updateActivity',
        response: { 200: activityOut },
        tags,
        summary: 'Sửa hoạt động / Update an activity',
        params: idParams,
        body: act.activityUpdateSchema,
      },
    },
    async (req) => act.updateActivity(deps, requireActor(req), req.params.id, req.body),
  );
  app.get(
    '/api/community/report',
    {
      schema: {
        operationId: 'getTeamReport',
        response: { 200: reportOut },
        tags,
        summary: 'Báo cáo hoạt động đội tình nguyện / Team report for a period',
        querystring: act.reportQuerySchema,
      },
    },
    async (req) => act.teamReport(deps, requireActor(req), req.query),
  );
}
