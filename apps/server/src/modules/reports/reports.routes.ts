import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth.ts';
import { FILE_TYPES } from '../../platform/openapi.ts';
import * as cat from './catalogue.service.ts';
import * as cut from './cutoff.service.ts';
import * as dfc from './drug-free.service.ts';
import { CONTENT_TYPES } from './exports.ts';
import * as rep from './periodic.service.ts';
import {
  cutoffOut,
  drugFreeCommuneOut,
  getDashboardOut,
  getIndicatorTrendOut,
  getIndicatorValueOut,
  indicatorOut,
  listDrugFreeCommunesOut,
  listIndicatorRecordsOut,
  listIndicatorsOut,
  listReportSubmissionsOut,
  listReportsOut,
  reportOut,
} from './reports.out.ts';
import {
  approveBody,
  createReportBody,
  cutoffBody,
  drugFreeBody,
  drugFreeQuery,
  drugFreeRevokeBody,
  exportQuery,
  idParams,
  indicatorBody,
  listReportsQuery,
  narrativeBody,
  rangeQuery,
  recordsExportQuery,
  recordsQuery,
  returnBody,
  submissionsQuery,
  trendQuery,
  valueQuery,
  versionBody,
} from './reports.schema.ts';

const tags = ['reports'];

/** Indicators (/api/indicators), the dashboard (/api/dashboard) and periodic reports (/api/reports). */
export async function reportsRoutes(root: FastifyInstance, deps: AppDeps) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/indicators',
    {
      schema: {
        operationId: 'listIndicators',
        tags,
        summary: 'Danh mục chỉ tiêu và khối dữ liệu / Indicator catalogue and building blocks',
        response: { 200: listIndicatorsOut },
      },
    },
    async (req) => cat.listCatalogue(deps, requireActor(req)),
  );

  app.post(
    '/api/indicators',
    {
      schema: {
        operationId: 'createIndicator',
        tags,
        summary: 'Thêm chỉ tiêu từ các khối dữ liệu / Add an indicator from the blocks',
        body: indicatorBody,
        response: { 201: indicatorOut },
      },
    },
    async (req, reply) => reply.status(201).send(await cat.addIndicator(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/indicators/:id/value',
    {
      schema: {
        operationId: 'getIndicatorValue',
        tags,
        summary: 'Giá trị chỉ tiêu của một đơn vị trong kỳ / An indicator for a unit and period',
        params: idParams,
        querystring: valueQuery,
        response: { 200: getIndicatorValueOut },
      },
    },
    async (req) => cat.indicatorValue(deps, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/indicators/:id/records',
    {
      schema: {
        operationId: 'listIndicatorRecords',
        tags,
        summary: 'Danh sách bản ghi tạo nên số liệu / The records behind a figure',
        params: idParams,
        querystring: recordsQuery,
        response: { 200: listIndicatorRecordsOut },
      },
    },
    async (req) => cat.indicatorRecords(deps, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/indicators/:id/records/export',
    {
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
      schema: {
        operationId: 'exportIndicatorRecords',
        tags,
        summary: 'Xuất danh sách bản ghi tạo nên số liệu (xlsx, csv) / Export the records behind a figure',
        params: idParams,
        querystring: recordsExportQuery,
      },
    },
    async (req, reply) => {
      const file = await cat.exportIndicatorRecords(deps, requireActor(req), req.params.id, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/indicators/:id/trend',
    {
      schema: {
        operationId: 'getIndicatorTrend',
        tags,
        summary: 'Diễn biến chỉ tiêu qua các kỳ trong năm / An indicator over the periods of a year',
        params: idParams,
        querystring: trendQuery,
        response: { 200: getIndicatorTrendOut },
      },
    },
    async (req) => cat.indicatorTrend(deps, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/dashboard',
    {
      schema: {
        operationId: 'getDashboard',
        tags,
        summary: 'Bảng số liệu của đơn vị / Dashboard figures of a unit',
        querystring: rangeQuery,
        response: { 200: getDashboardOut },
      },
    },
    async (req) => cat.dashboard(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/reports',
    {
      schema: {
        operationId: 'listReports',
        tags,
        summary: 'Danh sách báo cáo định kỳ / Periodic reports',
        querystring: listReportsQuery,
        response: { 200: listReportsOut },
      },
    },
    async (req) => rep.listReports(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/reports/submissions',
    {
      schema: {
        operationId: 'listReportSubmissions',
        tags,
        summary: 'Tình hình gửi báo cáo của các đơn vị / Which units have reported',
        querystring: submissionsQuery,
        response: { 200: listReportSubmissionsOut },
      },
    },
    async (req) => rep.submissions(deps, requireActor(req), req.query),
  );

  app.post(
    '/api/reports',
    {
      schema: {
        operationId: 'createReport',
        tags,
        summary: 'Lập báo cáo định kỳ / Create a periodic report',
        body: createReportBody,
        response: { 201: reportOut },
      },
    },
    async (req, reply) => reply.status(201).send(await rep.createReport(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        operationId: 'getReport',
        tags,
        summary: 'Xem báo cáo / View a report',
        params: idParams,
        response: { 200: reportOut },
      },
    },
    async (req) => rep.getReport(deps, requireActor(req), req.params.id),
  );

  app.put(
    '/api/reports/:id',
    {
      schema: {
        operationId: 'updateReport',
        tags,
        summary: 'Sửa phần thuyết minh / Edit the narrative',
        params: idParams,
        body: narrativeBody,
        response: { 200: reportOut },
      },
    },
    async (req) => rep.updateNarrative(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        operationId: 'submitReport',
        tags,
        summary: 'Gửi báo cáo / Submit',
        params: idParams,
        body: versionBody,
        response: { 200: reportOut },
      },
    },
    async (req) => rep.submitReport(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/return',
    {
      schema: {
        operationId: 'returnReport',
        tags,
        summary: 'Trả lại kèm ý kiến / Return with comments',
        params: idParams,
        body: returnBody,
        response: { 200: reportOut },
      },
    },
    async (req) => rep.returnReport(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/approve',
    {
      schema: {
        operationId: 'approveReport',
        tags,
        summary: 'Duyệt báo cáo / Approve',
        params: idParams,
        body: approveBody,
        response: { 200: reportOut },
      },
    },
    async (req) => rep.approveReport(deps, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/reports/:id/export',
    {
      config: { fileResponse: Object.values(CONTENT_TYPES).map((t) => t.split(';')[0]!) },
      schema: {
        operationId: 'exportReport',
        tags,
        summary: 'Xuất báo cáo (xlsx, pdf, docx, json, csv, adx) / Export a report',
        params: idParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const file = await rep.exportReportFile(deps, requireActor(req), req.params.id, req.query.format);
      return reply
        .header('content-type', CONTENT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/reporting-cutoff',
    {
      schema: {
        operationId: 'getReportingCutoff',
        tags,
        summary: 'Ngày chốt số liệu báo cáo (cài đặt quốc gia) / The national reporting cut-off day',
        response: { 200: cutoffOut },
      },
    },
    async (req) => cut.getCutoff(deps, requireActor(req)),
  );

  app.post(
    '/api/reporting-cutoff',
    {
      schema: {
        operationId: 'setReportingCutoff',
        tags,
        summary: 'Thay đổi ngày chốt số liệu từ một ngày / Change the cut-off day from a date',
        body: cutoffBody,
        response: { 201: cutoffOut },
      },
    },
    async (req, reply) => reply.status(201).send(await cut.setCutoff(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/drug-free-communes',
    {
      schema: {
        operationId: 'listDrugFreeCommunes',
        tags,
        summary: 'Xã, phường được công nhận không ma túy / Communes recognised as drug-free',
        querystring: drugFreeQuery,
        response: { 200: listDrugFreeCommunesOut },
      },
    },
    async (req) => dfc.listDrugFree(deps, requireActor(req), req.query),
  );

  app.post(
    '/api/drug-free-communes',
    {
      schema: {
        operationId: 'recogniseDrugFreeCommune',
        tags,
        summary: 'Ghi nhận quyết định công nhận xã không ma túy / Record a drug-free recognition',
        body: drugFreeBody,
        response: { 201: drugFreeCommuneOut },
      },
    },
    async (req, reply) => reply.status(201).send(await dfc.recordDrugFree(deps, requireActor(req), req.body)),
  );

  app.post(
    '/api/drug-free-communes/:id/revoke',
    {
      schema: {
        operationId: 'revokeDrugFreeCommune',
        tags,
        summary: 'Thu hồi công nhận / Revoke a recognition',
        params: idParams,
        body: drugFreeRevokeBody,
        response: { 200: drugFreeCommuneOut },
      },
    },
    async (req) => dfc.revokeDrugFree(deps, requireActor(req), req.params.id, req.body),
  );
}
