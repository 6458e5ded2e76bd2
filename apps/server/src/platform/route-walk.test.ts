import { randomUUID } from 'node:crypto';
import { makeCccd } from '@hoanhap/domain/cccd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { ROLES, type Role, type ScopeKind } from './policy.ts';

/**
 * Walks every route of the OpenAPI document with every role and checks two promises:
 * out-of-scope users never get the person (nor change it), and no response carries a field of a
 * sensitivity class the role may not read. New routes are covered as soon as they are registered.
 */

// Response keys that belong to each sensitivity class, wherever they appear.
const KEYS_BY_CLASS: Record<string, string[]> = {
  contact: ['phone'],
  identity: [
    'citizenId',
    'birthDate',
    'familyContacts',
    'permanentAddress',
    'otherNames',
    'ethnicity',
    'occupation',
  ],
  health: [
    'hivStatus',
    'hivResult',
    'healthChecks',
    'diagnosis',
    'medicalNotes',
    'infectiousDiseases',
    // facility health records (modules/facility)
    'healthRecords',
    'treatmentPlan',
    'hospital',
    'disease',
    'testResult',
  ],
  legal: ['courtDecision', 'courtDecisions', 'criminalWindow', 'legalStatus', 'dossiers'],
  drug_use: ['addicted', 'criteriaMet', 'observations', 'substances', 'relapse'],
};
const READABLE: Record<Role, string[]> = {
  system_admin: [],
  // Need-to-know (issue 16): without a stated reason, no identity or contact field for province and nation.
  national_officer: ['drug_use', 'legal'],
  province_officer: ['drug_use', 'legal'],
  commune_officer: ['contact', 'identity', 'drug_use', 'legal'],
  commune_police: ['contact', 'identity', 'drug_use', 'legal'],
  facility_staff: ['contact', 'identity', 'drug_use', 'legal'],
  facility_medical: ['contact', 'identity', 'drug_use', 'health', 'legal'],
  volunteer: ['contact'],
  auditor: [],
};

function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}

let t: TestApp;
let personId: string;
let facilityId: string;
let otherFacilityId: string;
const personName = 'Đỗ Minh Tuấn';
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.deps.database;
  const now = new Date().toISOString();
  facilityId = randomUUID();
  otherFacilityId = randomUUID();
  for (const [id, name] of [
    [facilityId, 'Cơ sở cai nghiện ma túy số 1 Hà Nội'],
    [otherFacilityId, 'Cơ sở cai nghiện ma túy tỉnh Quảng Ninh'],
  ]) {
    await db
      .insertInto('facilities')
      .values({
        id,
        name,
        kind: 'rehab_public',
        province_code: UNITS.hanoi,
        commune_code: null,
        address: null,
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  const res = await officer.call('POST', '/api/people', {
    fullName: personName,
    sex: 'male',
    birthDate: '1992-03-04',
    citizenId: makeCccd('01', 1992, 'male', 777),
    phone: '0987654321',
    otherNames: ['Tuấn béo'],
    familyContacts: [{ name: 'Đỗ Thị Mai', relation: 'Mẹ', phone: '0911111111' }],
    currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 3' },
  });
  expect(res.statusCode, res.body).toBe(201);
  personId = res.json().id;
  await db
    .updateTable('people')
    .set({ current_facility_id: facilityId })
    .where('id', '=', personId)
    .execute();
  // Pathway records on the person, so that the walk meets screening, health and episode fields.
  const police = await t.userAs('commune_police', 'commune', UNITS.baDinh);
  const medical = await t.userAs('facility_medical', 'facility', facilityId);
  const results = [{ substance: 'heroin', result: 'positive' }];
  for (const [u, url, body] of [
    [
      police,
      'drug-tests',
      { testedOn: '2026-01-10', method: 'lab', results, performedBy: 'Công an phường', reason: 'suspicion' },
    ],
    [
      officer,
      'episodes',
      {
        type: 'user_management',
        startDate: '2026-01-15',
        decision: { number: '1/QĐ-UBND', date: '2026-01-15' },
      },
    ],
    [
      medical,
      'addiction-determinations',
      {
        assessedOn: '2026-02-01',
        observations: ['craving', 'tolerance', 'withdrawal'].map((criterion) => ({
          criterion,
          from: '2025-12-01',
        })),
        doctor: { name: 'BS. Lê Thị Hạnh', certificate: 'CCHN-002468' },
        facilityName: 'Bệnh viện Đống Đa',
        conclusion: 'addicted',
        substances: ['heroin'],
        hivStatus: 'negative',
      },
    ],
  ] as const) {
    const r = await u.call('POST', `/api/people/${personId}/${url}`, body);
    expect(r.statusCode, r.body).toBe(201);
  }
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => t?.close());

// A user of each role whose scope does NOT contain the person (Ngọc Hà, Quảng Ninh, another facility).
const OUT_OF_SCOPE: Record<Role, [ScopeKind, () => string | null]> = {
  system_admin: ['nation', () => null],
  national_officer: ['nation', () => null], // in scope by definition; checked for fields only
  province_officer: ['province', () => UNITS.quangNinh],
  commune_officer: ['commune', () => UNITS.ngocHa],
  commune_police: ['commune', () => UNITS.ngocHa],
  facility_staff: ['facility', () => otherFacilityId],
  facility_medical: ['facility', () => otherFacilityId],
  volunteer: ['commune', () => UNITS.baDinh], // same commune, but not assigned
  auditor: ['nation', () => null],
};
const SEES_EVERYONE: Role[] = ['national_officer'];
// Roles that may not read personal records at all, whatever their scope.
const NO_PEOPLE: Role[] = ['system_admin', 'auditor'];

const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (/code/i.test(name) ? UNITS.baDinh : personId));

describe('every route × every role', () => {
  it('never gives an out-of-scope user the person, and never changes the person for them', async () => {
    const { db } = t.deps.database;
    const before = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const leaks: string[] = [];
    for (const role of ROLES) {
      if (SEES_EVERYONE.includes(role)) continue;
      const [kind, code] = OUT_OF_SCOPE[role];
      const u = await t.userAs(role, kind, code());
      for (const r of routes) {
        if (r.path === '/api/auth/logout') continue;
        const res = await u.call(
          r.method as any,
          `${fill(r.path)}${r.method === 'GET' && !r.path.includes('{') ? '?q=do%20minh%20tuan' : ''}`,
          r.method === 'GET' ? undefined : {},
        );
        expect(res.statusCode, `${role} ${r.method} ${r.path}`).toBeLessThan(500);
        if (res.statusCode < 300 && (res.body.includes(personId) || res.body.includes(personName))) {
          leaks.push(`${role} ${r.method} ${r.path} → ${res.statusCode}`);
        }
        if (r.path.includes('{') && res.statusCode < 300 && r.path.startsWith('/api/people'))
          leaks.push(`${role} ${r.method} ${r.path} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    const after = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('never sends a field of a class the role may not read, on any GET', async () => {
    const { db } = t.deps.database;
    const violations: string[] = [];
    for (const role of ROLES) {
      // In scope this time: the person's commune, province, facility, or an assignment.
      const scope: Record<Role, [ScopeKind, string | null]> = {
        system_admin: ['nation', null],
        national_officer: ['nation', null],
        province_officer: ['province', UNITS.hanoi],
        commune_officer: ['commune', UNITS.baDinh],
        commune_police: ['commune', UNITS.baDinh],
        facility_staff: ['facility', facilityId],
        facility_medical: ['facility', facilityId],
        volunteer: ['commune', UNITS.baDinh],
        auditor: ['nation', null],
      };
      const u = await t.userAs(role, ...scope[role]);
      if (role === 'volunteer') {
        await db
          .insertInto('volunteer_assignments')
          .values({
            id: randomUUID(),
            person_id: personId,
            user_id: u.userId,
            started_at: '2026-01-01',
            ended_at: null,
            assigned_by: null,
          })
          .execute();
      }
      let sawPerson = false;
      for (const r of routes.filter((x) => x.method === 'GET')) {
        const res = await u.call(
          'GET',
          `${fill(r.path)}${r.path.includes('{') ? '' : '?q=do%20minh%20tuan'}`,
        );
        if (res.statusCode >= 300 || !String(res.headers['content-type'] ?? '').includes('json')) continue;
        if (res.body.includes(personId)) sawPerson = true;
        const keys = keysIn(res.json());
        for (const [cls, names] of Object.entries(KEYS_BY_CLASS)) {
          if (READABLE[role].includes(cls)) continue;
          for (const k of names)
            if (keys.has(k) && res.body.includes(personId))
              violations.push(`${role} GET ${r.path} has ${k} (${cls})`);
        }
      }
      // The in-scope roles must actually see the person, or the field check above proves nothing.
      expect(sawPerson, role).toBe(!NO_PEOPLE.includes(role));
    }
    expect(violations).toEqual([]);
  });
});

describe('break the glass (need-to-know for identity at province and nation)', () => {
  it("refuses a province officer's direct read of identity without a reason; with one it opens and is listed for the auditor", async () => {
    const officer = await t.userAs('province_officer', 'province', UNITS.hanoi);
    // Without a reason: the record comes without identity, and the identity itself is refused.
    const plain = await officer.call('GET', `/api/people/${personId}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.json().identityHidden).toBe(true);
    expect(plain.json().citizenId).toBeUndefined();
    expect(plain.json().familyContacts).toBeUndefined();
    expect(plain.json().phone).toBeUndefined();
    const refused = await officer.call('GET', `/api/people/${personId}/identity`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('break_glass_required');
    // A reason is required, with a minimum length, and the error names the field.
    for (const body of [{}, { reason: 'xem' }]) {
      const bad = await officer.call('POST', `/api/people/${personId}/break-glass`, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('reason');
    }
    const reason = 'Xác minh hồ sơ theo công văn số 12/CV-SLĐTBXH';
    const opened = await officer.call('POST', `/api/people/${personId}/break-glass`, { reason });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().person.citizenId).toMatch(/^\d{12}$/);
    expect(opened.json().person.familyContacts[0].name).toBe('Đỗ Thị Mai');
    const minutes = (Date.parse(opened.json().expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(t.deps.config.breakGlassMinutes - 5);
    expect(minutes).toBeLessThanOrEqual(t.deps.config.breakGlassMinutes);
    const identity = await officer.call('GET', `/api/people/${personId}/identity`);
    expect(identity.statusCode).toBe(200);
    expect(identity.json().citizenId).toBe(opened.json().person.citizenId);
    // The auditor's own list shows it with its reason; a Quảng Ninh auditor's does not.
    const auditor = await t.userAs('auditor', 'nation', null);
    const list = (await auditor.call('GET', '/api/audit/break-glass')).json();
    const mine = list.items.find((i: { username: string }) => i.username === officer.username);
    expect(mine).toMatchObject({ personId, personName, reason, role: 'province_officer' });
    const other = await t.userAs('auditor', 'province', UNITS.quangNinh);
    const theirs = (await other.call('GET', '/api/audit/break-glass')).json();
    expect(theirs.items.some((i: { personId: string }) => i.personId === personId)).toBe(false);
    // Only officers who need a reason may give one; the others are refused.
    const commune = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await commune.call('POST', `/api/people/${personId}/break-glass`, { reason })).statusCode).toBe(
      403,
    );
    expect((await officer.call('GET', '/api/audit/break-glass')).statusCode).toBe(403);
    // The opening is audited as such, with its reason.
    const row = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['reason'])
      .where('action', '=', 'person.break_glass')
      .where('username', '=', officer.username)
      .executeTakeFirstOrThrow();
    expect(row.reason).toBe(reason);
  });
});

// Issue 16: the account-security routes are in the walk above, and only administrators act on another
// account; every role sees and ends only its own sessions.
describe('account-security routes × every role', () => {
  it('are walked, and refuse every role but the administrator on another account', async () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const p of [
      'GET /api/auth/sessions',
      'DELETE /api/auth/sessions/{id}',
      'POST /api/users/{id}/unlock',
      'POST /api/users/{id}/end-sessions',
    ])
      expect(paths).toContain(p);
    const target = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const targetSessions = (await target.call('GET', '/api/auth/sessions')).json().items as { id: string }[];
    expect(targetSessions).toHaveLength(1);
    for (const role of ROLES) {
      const [kind, code] = OUT_OF_SCOPE[role];
      const u = await t.userAs(role, kind, code());
      const mine = await u.call('GET', '/api/auth/sessions');
      expect(mine.statusCode, role).toBe(200);
      expect(mine.json().items.map((s: { id: string }) => s.id)).not.toContain(targetSessions[0].id);
      expect((await u.call('DELETE', `/api/auth/sessions/${targetSessions[0].id}`)).statusCode, role).toBe(
        404,
      );
      const expected = role === 'system_admin' ? 200 : 403;
      expect((await u.call('POST', `/api/users/${target.userId}/unlock`)).statusCode, role).toBe(expected);
      if (role !== 'system_admin')
        expect((await u.call('POST', `/api/users/${target.userId}/end-sessions`)).statusCode, role).toBe(403);
    }
    // Still logged in: nobody but an administrator could end the session.
    expect((await target.call('GET', '/api/auth/me')).statusCode).toBe(200);
  });
});
