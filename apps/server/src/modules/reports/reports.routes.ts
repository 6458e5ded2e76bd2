import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiRoutes, sendFile } from '../../platform/http/route-helpers.ts';
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

/** Indicators (/api/indicators), the dashboard (/api/dashboard) and periodic reports (/api/reports). */
export async function reportsRoutes(root: FastifyInstance, deps: AppDeps) {
  const api = apiRoutes(root, ['reports']);

  api.get(
    '/api/indicators',
    {
      operationId: 'listIndicators',
      summary: 'Danh mục chỉ tiêu và khối dữ liệu / Indicator catalogue and building blocks',
      ok: listIndicatorsOut,
    },
    ({ actor }) => cat.listCatalogue(deps, actor),
  );

  api.post(
    '/api/indicators',
    {
      operationId: 'createIndicator',
      summary: 'Thêm chỉ tiêu từ các khối dữ liệu / Add an indicator from the blocks',
      body: indicatorBody,
      created: indicatorOut,
    },
    ({ actor, body }) => cat.addIndicator(deps, actor, body),
  );

  api.get(
    '/api/indicators/:id/value',
    {
      operationId: 'getIndicatorValue',
      summary: 'Giá trị chỉ tiêu của một đơn vị trong kỳ / An indicator for a unit and period',
      params: idParams,
      querystring: valueQuery,
      ok: getIndicatorValueOut,
    },
    ({ actor, params, query }) => cat.indicatorValue(deps, actor, params.id, query),
  );

  api.get(
    '/api/indicators/:id/records',
    {
      operationId: 'listIndicatorRecords',
      summary: 'Danh sách bản ghi tạo nên số liệu / The records behind a figure',
      params: idParams,
      querystring: recordsQuery,
      ok: listIndicatorRecordsOut,
    },
    ({ actor, params, query }) => cat.indicatorRecords(deps, actor, params.id, query),
  );

  api.get(
    '/api/indicators/:id/records/export',
    {
      operationId: 'exportIndicatorRecords',
      summary: 'Xuất danh sách bản ghi tạo nên số liệu (xlsx, csv) / Export the records behind a figure',
      params: idParams,
      querystring: recordsExportQuery,
      config: { fileResponse: [FILE_TYPES.xlsx, FILE_TYPES.csv] },
    },
    async ({ actor, params, query, reply }) => {
      const file = await cat.exportIndicatorRecords(deps, actor, params.id, query);
      return sendFile(reply, file);
    },
  );

  api.get(
    '/api/indicators/:id/trend',
    {
      operationId: 'getIndicatorTrend',
      summary: 'Diễn biến chỉ tiêu qua các kỳ trong năm / An indicator over the periods of a year',
      params: idParams,
      querystring: trendQuery,
      ok: getIndicatorTrendOut,
    },
    ({ actor, params, query }) => cat.indicatorTrend(deps, actor, params.id, query),
  );

  api.get(
    '/api/dashboard',
    {
      operationId: 'getDashboard',
      summary: 'Bảng số liệu của đơn vị / Dashboard figures of a unit',
      querystring: rangeQuery,
      ok: getDashboardOut,
    },
    ({ actor, query }) => cat.dashboard(deps, actor, query),
  );

  api.get(
    '/api/reports',
    {
      operationId: 'listReports',
      summary: 'Danh sách báo cáo định kỳ / Periodic reports',
      querystring: listReportsQuery,
      ok: listReportsOut,
    },
    ({ actor, query }) => rep.listReports(deps, actor, query),
  );

  api.get(
    '/api/reports/submissions',
    {
      operationId: 'listReportSubmissions',
      summary: 'Tình hình gửi báo cáo của các đơn vị / Which units have reported',
      querystring: submissionsQuery,
      ok: listReportSubmissionsOut,
    },
    ({ actor, query }) => rep.submissions(deps, actor, query),
  );

  api.post(
    '/api/reports',
    {
      operationId: 'createReport',
      summary: 'Lập báo cáo định kỳ / Create a periodic report',
      body: createReportBody,
      created: reportOut,
    },
    ({ actor, body }) => rep.createReport(deps, actor, body),
  );

  api.get(
    '/api/reports/:id',
    {
      operationId: 'getReport',
      summary: 'Xem báo cáo / View a report',
      params: idParams,
      ok: reportOut,
    },
    ({ actor, params }) => rep.getReport(deps, actor, params.id),
  );

  api.put(
    '/api/reports/:id',
    {
      operationId: 'updateReport',
      summary: 'Sửa phần thuyết minh / Edit the narrative',
      params: idParams,
      body: narrativeBody,
      ok: reportOut,
    },
    ({ actor, params, body }) => rep.updateNarrative(deps, actor, params.id, body),
  );

  api.post(
    '/api/reports/:id/submit',
    {
      operationId: 'submitReport',
      summary: 'Gửi báo cáo / Submit',
      params: idParams,
      body: versionBody,
      ok: reportOut,
    },
    ({ actor, params, body }) => rep.submitReport(deps, actor, params.id, body),
  );

  api.post(
    '/api/reports/:id/return',
    {
      operationId: 'returnReport',
      summary: 'Trả lại kèm ý kiến / Return with comments',
      params: idParams,
      body: returnBody,
      ok: reportOut,
    },
    ({ actor, params, body }) => rep.returnReport(deps, actor, params.id, body),
  );

  api.post(
    '/api/reports/:id/approve',
    {
      operationId: 'approveReport',
      summary: 'Duyệt báo cáo / Approve',
      params: idParams,
      body: approveBody,
      ok: reportOut,
    },
    ({ actor, params, body }) => rep.approveReport(deps, actor, params.id, body),
  );

  api.get(
    '/api/reports/:id/export',
    {
      operationId: 'exportReport',
      summary: 'Xuất báo cáo (xlsx, pdf, docx, json, csv, adx) / Export a report',
      params: idParams,
      querystring: exportQuery,
      config: { fileResponse: Object.values(CONTENT_TYPES).map((t) => t.split(';')[0]!) },
    },
    async ({ actor, params, query, reply }) => {
      const file = await rep.exportReportFile(deps, actor, params.id, query.format);
      return sendFile(reply, { ...file, contentType: CONTENT_TYPES[query.format] });
    },
  );

  api.get(
    '/api/reporting-cutoff',
    {
      operationId: 'getReportingCutoff',
      summary: 'Ngày chốt số liệu báo cáo (cài đặt quốc gia) / The national reporting cut-off day',
      ok: cutoffOut,
    },
    ({ actor }) => cut.getCutoff(deps, actor),
  );

  api.post(
    '/api/reporting-cutoff',
    {
      operationId: 'setReportingCutoff',
      summary: 'Thay đổi ngày chốt số liệu từ một ngày / Change the cut-off day from a date',
      body: cutoffBody,
      created: cutoffOut,
    },
    ({ actor, body }) => cut.setCutoff(deps, actor, body),
  );

  api.get(
    '/api/drug-free-communes',
    {
      operationId: 'listDrugFreeCommunes',
      summary: 'Xã, phường được công nhận không ma túy / Communes recognised as drug-free',
      querystring: drugFreeQuery,
      ok: listDrugFreeCommunesOut,
    },
    ({ actor, query }) => dfc.listDrugFree(deps, actor, query),
  );

  api.post(
    '/api/drug-free-communes',
    {
      operationId: 'recogniseDrugFreeCommune',
      summary: 'Ghi nhận quyết định công nhận xã không ma túy / Record a drug-free recognition',
      body: drugFreeBody,
      created: drugFreeCommuneOut,
    },
    ({ actor, body }) => dfc.recordDrugFree(deps, actor, body),
  );

  api.post(
    '/api/drug-free-communes/:id/revoke',
    {
      operationId: 'revokeDrugFreeCommune',
      summary: 'Thu hồi công nhận / Revoke a recognition',
      params: idParams,
      body: drugFreeRevokeBody,
      ok: drugFreeCommuneOut,
    },
    ({ actor, params, body }) => dfc.revokeDrugFree(deps, actor, params.id, body),
  );
}
