import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { PUBLIC_API_ROUTES } from './auth.ts';

// Authentication and CSRF come before body validation on every route of the OpenAPI document: an anonymous
// caller with a bad body gets 401 (never a 400 describing the schema), a logged-in one without the CSRF
// token 403.
let t: TestApp;
let routes: { method: string; path: string }[];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => t?.close());

const fill = (path: string) => path.replace(/\{(\w+)\}/g, 'not-an-id');
const badBody = { unexpected: '\u0000'.repeat(3), limit: -1 };

describe('order of checks', () => {
  it('answers 401 to an anonymous caller with a bad body or query on every non-public route', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes) {
      if (PUBLIC_API_ROUTES.has(r.path)) continue;
      checked++;
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: `${fill(r.path)}?limit=-1&unknown=1`,
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : badBody,
      });
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('answers 403 to a logged-in caller without the CSRF token on every state-changing route', async () => {
    const u = await t.userAs('system_admin', 'nation', null);
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.method !== 'GET')) {
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fill(r.path),
        headers: { cookie: u.headers.cookie },
        payload: badBody,
      });
      if (res.statusCode !== 403 || res.json().code !== 'csrf_failed')
        wrong.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still lets anyone log in and read the health check', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(bad.statusCode).toBe(400);
  });
});
