import { VOLUNTEER_PERSON_KEYS } from '@hoanhap/domain/community-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { decision, testBody } from '../episodes/pathway-test-kit.ts';
import { communityApp, keysIn, type User } from './community-kit.ts';

/**
 * The volunteer role's promise, checked on every route of the OpenAPI document (every method, so a new route is
 * covered as soon as it is registered): about an assigned person a volunteer account receives only the allowed
 * fields (name, contact, address, current pathway and dates, test due/done, its own notes), and only the routes
 * listed below answer it at all.
 */

let k: Awaited<ReturnType<typeof communityApp>>;
let account: User;
let personId: string;
const name = 'Lương Văn Riêng Tư';
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
// Values of the person the volunteer must never receive: a test result, the decision number, another name,
// the family's phone, the birth date, the citizen id.
const SECRETS = ['positive', '77/QĐ-CAX', 'Tư đen', '0911222333', '1990-04-04', '001090000123'];

// Envelopes and the volunteer's work list, the contact it just logged.
const ENVELOPE = ['items', 'total', 'limit', 'offset', 'today', 'personId', 'personName', 'timing'];
const CONTACT_CREATED = ['taskId', 'closedTasks'];
const ALLOWED = new Set<string>([...VOLUNTEER_PERSON_KEYS, ...ENVELOPE, ...CONTACT_CREATED]);

// The only routes that may answer a volunteer with success: its own session, reference data (units, facilities,
// legal regimes and calendar, the volunteer-model rule), its own work.
const OPEN_TO_VOLUNTEER = [
  /^\/api\/auth\//,
  /^\/api\/units/,
  /^\/api\/facilities$/,
  /^\/api\/legal\/(regimes|rules|overrides)$/,
  /^\/api\/calendar\//,
  /^\/api\/community\/volunteer-model\/rule$/,
  /^\/api\/health/,
  /^\/api\/openapi/,
  /^\/api\/community\/my-/,
  /^\/api\/community\/contacts$/,
];

beforeAll(async () => {
  k = await communityApp();
  const team = await k.team();
  account = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  const volunteerId = (await k.volunteer(team.id, { userId: account.userId })).id;
  personId = await k.person(k.officer, UNITS.baDinh, {
    fullName: name,
    birthDate: '1990-04-04',
    birthYear: 1990,
    otherNames: ['Tư đen'],
    familyContacts: [{ name: 'Lương Thị Mẹ', relation: 'Mẹ', phone: '0911222333' }],
  });
  const start = daysFromNow(-10);
  const test = await k.police.call('POST', `/api/people/${personId}/drug-tests`, testBody(start, 'positive'));
  expect(test.statusCode, test.body).toBe(201);
  // Law 120/2025: the head of commune police decides on a drug user.
  const ep = await k.police.call('POST', `/api/people/${personId}/episodes`, {
    type: 'user_management',
    startDate: start,
    decision: decision(start, '77/QĐ-CAX'),
  });
  expect(ep.statusCode, ep.body).toBe(201);
  await k.assign(volunteerId, personId, daysFromNow(-5));
  const note = await account.call('POST', '/api/community/contacts', {
    personId,
    contactDate: daysFromNow(0),
    kind: 'visit',
    outcome: 'met',
    note: 'Đã gặp, ổn định',
    nextContactDate: daysFromNow(7),
  });
  expect(note.statusCode, note.body).toBe(201);
});
afterAll(async () => k?.t.close());

describe('the volunteer role on every route', () => {
  it('never receives a field outside the allowed set, and only its own routes answer it', async () => {
    const doc = (await k.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => ({ method: m.toUpperCase(), path })),
    );
    const fill = (path: string) =>
      path.replace(/\{(\w+)\}/g, (_, n: string) => (/code/i.test(n) ? UNITS.baDinh : personId));
    const violations: string[] = [];
    let sawPerson = 0;
    for (const r of routes) {
      if (r.path === '/api/auth/logout') continue;
      const bodies: unknown[] =
        r.method === 'GET' ? [undefined] : [{}, { personId, version: 1, id: personId }];
      const urls =
        r.method === 'GET' && !r.path.includes('{')
          ? [fill(r.path), `${fill(r.path)}?personId=${personId}&q=luong%20van`]
          : [fill(r.path)];
      for (const url of urls)
        for (const body of bodies) {
          const res = await account.call(r.method as 'GET', url, body);
          expect(res.statusCode, `${r.method} ${url}`).toBeLessThan(500);
          if (res.statusCode >= 300) continue;
          if (!OPEN_TO_VOLUNTEER.some((re) => re.test(r.path)))
            violations.push(`${r.method} ${r.path} answers a volunteer (${res.statusCode})`);
          if (!String(res.headers['content-type']).includes('json')) continue;
          for (const secret of SECRETS.slice(1))
            if (res.body.includes(secret)) violations.push(`${r.method} ${r.path} shows ${secret}`);
          if (!res.body.includes(personId) && !res.body.includes(name)) continue;
          sawPerson++;
          if (res.body.includes(SECRETS[0])) violations.push(`${r.method} ${r.path} shows a test result`);
          for (const key of keysIn(res.json()))
            if (!ALLOWED.has(key)) violations.push(`${r.method} ${r.path} has ${key}`);
        }
    }
    expect(violations).toEqual([]);
    // my-people, my-people/:id and my-tasks at least: otherwise the check proves nothing.
    expect(sawPerson).toBeGreaterThanOrEqual(3);
  });

  it('the person registry is closed to volunteers (their people come through /api/community/my-people)', async () => {
    expect((await account.call('GET', '/api/people')).statusCode).toBe(403);
    expect((await account.call('GET', `/api/people/${personId}`)).statusCode).toBe(403);
    const me = (await account.call('GET', '/api/auth/me')).json();
    expect(me.abilities.actions).not.toContain('people.read');
    expect(me.abilities.actions).toContain('community.mine');
  });
});
