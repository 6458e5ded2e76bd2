import fs from 'node:fs';
import path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument,
  CONTRACT_FILES,
  type OpenApiDocument,
  type OpenApiOperation,
  renderContract,
} from '../scripts/api-contract.ts';
import { PUBLIC_API_ROUTES } from './auth.ts';

// The OpenAPI document is the contract (platform/openapi.ts): every operation must say who may call it, what it
// answers and how it fails, so that the web's generated client and partners' systems can rely on it.

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await buildOpenApiDocument();
});

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const operations = () =>
  Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path: p, op: op as OpenApiOperation })),
  );
const fastifyPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

/** What one operation lacks, each as the fix to make in its route. */
function contractGaps(method: string, p: string, op: OpenApiOperation): string[] {
  const gaps: string[] = [];
  const isPublic = PUBLIC_API_ROUTES.has(fastifyPath(p));
  if (!op.operationId || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId))
    gaps.push("add `operationId: 'verbNoun'` (camelCase, unique, e.g. getPerson) to its schema");
  if (!op.tags?.length) gaps.push("add `tags: ['<area>']` to its schema");
  const responses = op.responses ?? {};
  const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
  const described = success.some(
    ([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema),
  );
  if (!described)
    gaps.push(
      'add a success schema: `response: { 200: <zod schema> }` (201 for a creation, 204 with z.null() for no body), ' +
        "or `config: { fileResponse: ['<media type>'] }` when it sends a file",
    );
  const hasInput = Boolean(
    (op as { parameters?: unknown[] }).parameters?.length || (op as { requestBody?: unknown }).requestBody,
  );
  const needed = isPublic ? (hasInput ? ['400'] : []) : ['400', '401', '403'];
  for (const status of needed)
    if (!responses[status]) gaps.push(`declare the ${status} error response (platform/openapi.ts adds it)`);
  for (const [status, r] of Object.entries(responses)) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const ref = (r as { $ref?: string }).$ref;
    if (!ref?.startsWith('#/components/responses/'))
      gaps.push(
        `its ${status} response must reference a shared Problem response (remove it from response: {})`,
      );
  }
  const security = op.security;
  if (isPublic) {
    if (security?.length !== 0) gaps.push('a public route declares `security: []`');
  } else {
    const needs = WRITES.has(method) ? ['session', 'csrf'] : ['session'];
    if (!security?.some((req) => needs.every((k) => k in req)))
      gaps.push(
        `declare security ${needs.join(' + ')} (leave schema.security unset: platform/openapi.ts fills it)`,
      );
  }
  return gaps;
}

describe('the OpenAPI contract', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
  });

  it('gives every operation an operationId, tags, a success schema, its error responses and its security', () => {
    const failures = operations().flatMap(({ method, path: p, op }) =>
      contractGaps(method, p, op).map((gap) => `${method.toUpperCase()} ${fastifyPath(p)}: ${gap}`),
    );
    expect(
      failures,
      `Routes that break the API contract (see docs/ARCHITECTURE.md, "The API contract"):\n${failures.join('\n')}`,
    ).toEqual([]);
  });

  it('has unique operationIds', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const { method, path: p, op } of operations()) {
      if (!op.operationId) continue;
      const where = `${method.toUpperCase()} ${fastifyPath(p)}`;
      const first = seen.get(op.operationId);
      if (first) dupes.push(`operationId '${op.operationId}' of ${where} is already used by ${first}`);
      else seen.set(op.operationId, where);
    }
    expect(dupes).toEqual([]);
  });

  it('declares the session cookie and the CSRF header, and one Problem schema for errors', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
    expect(doc.components.schemas.Problem).toBeTruthy();
    // every error response component is the Problem body
    const responses = (doc.components as { responses?: Record<string, { content: object }> }).responses ?? {};
    for (const r of Object.values(responses))
      expect(r.content).toEqual({
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
      });
  });

  it('is what docs/openapi.json and the web client types hold (else: run npm run api:generate)', async () => {
    const files = await renderContract(doc);
    const stale = (Object.keys(CONTRACT_FILES) as (keyof typeof CONTRACT_FILES)[]).filter(
      (k) => !fs.existsSync(CONTRACT_FILES[k]) || fs.readFileSync(CONTRACT_FILES[k], 'utf8') !== files[k],
    );
    expect(
      stale.map((k) => path.basename(CONTRACT_FILES[k])),
      'The committed API contract is stale: run `npm run api:generate` and commit docs/openapi.json and apps/web/src/api/schema.gen.ts',
    ).toEqual([]);
  });
});

describe('the web app', () => {
  it('imports nothing from the server: it uses the generated client and packages/domain', () => {
    const webSrc = path.resolve(import.meta.dirname, '../../../web/src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(e.name) && /apps\/server|server\/src/.test(fs.readFileSync(full, 'utf8')))
          offenders.push(path.relative(webSrc, full));
      }
    };
    walk(webSrc);
    expect(
      offenders,
      'Web files that mention the server’s sources (use api/schema.gen.ts types instead)',
    ).toEqual([]);
  });
});
