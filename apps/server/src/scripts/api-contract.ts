import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { VERSION } from '../version.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The committed contract: the OpenAPI document (for partners) and the web client's types generated from it. */
export const CONTRACT_FILES = {
  document: path.join(root, 'docs/openapi.json'),
  types: path.join(root, 'apps/web/src/api/schema.gen.ts'),
};

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
export type OpenApiOperation = {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

/**
 * The document the server serves at /api/openapi.json, built from the routes over an empty in-memory SQLite
 * (the document needs the app ready, and its jobs start on ready).
 */
export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-openapi-'));
  const database = openDatabase({ dataDir, sqliteFile: ':memory:' });
  await migrateToLatest(database.db);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', REPORTS_WARMUP: 'false' });
  const app = await buildApp({ config, database, now: () => new Date(), version: VERSION });
  try {
    await app.ready();
    return structuredClone(app.swagger()) as unknown as OpenApiDocument;
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Both files' text, exactly as committed: `npm run api:generate` writes them, a test compares them. */
export async function renderContract(doc?: OpenApiDocument): Promise<{ document: string; types: string }> {
  const d = doc ?? (await buildOpenApiDocument());
  const document = `${JSON.stringify(d, null, 2)}\n`;
  const ast = await openapiTS(structuredClone(d) as never, { silent: true });
  const types =
    '// Generated from docs/openapi.json by `npm run api:generate` (openapi-typescript); do not edit.\n' +
    astToString(ast);
  return { document, types };
}
