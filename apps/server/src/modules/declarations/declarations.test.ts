import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// Declarations of substances used and their source (Law 120/2025/QH15), recorded by the commune police on
// 01/12/2026: the 400/401/403/404/409/200 cases, the audit rows of every read and write, the basis cited only
// from 01/07/2026, and the substance breakdown of the reports fed by a declaration.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let police: User;
let officer: User;
let otherPolice: User;
let volunteer: User;
let admin: User;
let personId = '';

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};
const url = () => `/api/people/${personId}/substance-declarations`;
const body = (over: Record<string, unknown> = {}) => ({
  declaredOn: '2026-11-20',
  substances: ['heroin', 'ketamine'],
  source: 'Mua của một người tên Tâm ở chợ Long Biên',
  ...over,
});
const auditRows = (action: string, entityId: string) =>
  k.t.deps.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2026-12-01');
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  otherPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
  volunteer = await k.t.userAs('volunteer', 'commune', UNITS.baDinh);
  admin = await k.t.userAs('system_admin', 'nation', null);
  personId = (await k.person(officer, { birthDate: '1990-05-12' })).id;
});
afterAll(async () => k?.t.close());

describe('recording a declaration', () => {
  it('401 without a session; 403 for roles that do not record or may not read drug use', async () => {
    const anon = await k.t.app.inject({ method: 'POST', url: url(), payload: body() });
    expect(anon.statusCode).toBe(401);
    expect((await k.t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await officer.call('POST', url(), body())).statusCode).toBe(403);
    expect((await volunteer.call('POST', url(), body())).statusCode).toBe(403);
    expect((await volunteer.call('GET', url())).statusCode).toBe(403);
    expect((await admin.call('GET', url())).statusCode).toBe(403);
  });

  it('404 for a person outside the commune or unknown', async () => {
    expect((await otherPolice.call('POST', url(), body())).statusCode).toBe(404);
    expect((await otherPolice.call('GET', url())).statusCode).toBe(404);
    expect(
      (await police.call('POST', '/api/people/no-such-person/substance-declarations', body())).statusCode,
    ).toBe(404);
  });

  it('400 naming the field and the rule, in Vietnamese and English', async () => {
    const fieldOf = async (over: Record<string, unknown>) => {
      const res = await police.call('POST', url(), body(over));
      expect(res.statusCode, res.body).toBe(400);
      const e = res.json().errors[0];
      expect(e.messages.vi.length).toBeGreaterThan(0);
      expect(e.messages.en.length).toBeGreaterThan(0);
      return `${e.field}:${e.rule ?? ''}`;
    };
    expect(await fieldOf({ declaredOn: '2026-12-02' })).toBe('declaredOn:not_future');
    expect(await fieldOf({ declaredOn: '1990-05-11' })).toBe('declaredOn:before_birth');
    expect((await fieldOf({ substances: [] })).startsWith('substances:')).toBe(true);
    expect(await fieldOf({ substances: ['other'] })).toBe('otherSubstance:required');
    expect((await fieldOf({ substances: ['glue'] })).startsWith('substances')).toBe(true);
    expect((await fieldOf({ source: '   ' })).startsWith('source:')).toBe(true);
    expect((await fieldOf({ declaredOn: '20/11/2026' })).startsWith('declaredOn:')).toBe(true);
    // Nothing was stored by the refused requests.
    expect(ok(await police.call('GET', url())).items).toEqual([]);
  });

  it('201: records it with who and when, audited in the same transaction; lists it (audited read)', async () => {
    const created = ok(
      await police.call(
        'POST',
        url(),
        body({ substances: ['heroin', 'other', 'heroin'], otherSubstance: 'Cỏ Mỹ' }),
      ),
      201,
    );
    expect(created).toMatchObject({
      personId,
      declaredOn: '2026-11-20',
      substances: ['heroin', 'other'],
      otherSubstance: 'Cỏ Mỹ',
      source: 'Mua của một người tên Tâm ở chợ Long Biên',
      regimeId: 'law120-2026',
      required: true,
      unit: { kind: 'commune', code: UNITS.baDinh },
      recordedBy: { id: police.userId, name: 'Test commune_police' },
      version: 1,
    });
    // The rule's basis (an article may be added once the official text is read): Law 120/2025, never Law 73.
    const cited = created.basis.map((b: { vi: string }) => b.vi).join('; ');
    expect(cited).toContain('Luật 120/2025/QH15');
    expect(cited).not.toContain('73/2021');
    const created_audit = await auditRows('substance_declaration.create', created.id);
    expect(created_audit).toHaveLength(1);
    expect(created_audit[0].user_id).toBe(police.userId);
    expect(JSON.parse(created_audit[0].details!)).toMatchObject({
      personId,
      substances: ['heroin', 'other'],
    });

    // Readers of drug use in scope see it: the commune officer, the province.
    const listed = ok(await officer.call('GET', url())).items;
    expect(listed.map((d: { id: string }) => d.id)).toEqual([created.id]);
    const reads = await auditRows('substance_declaration.list', personId);
    expect(reads.map((r) => r.user_id)).toContain(officer.userId);
    const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    expect(ok(await province.call('GET', url())).items).toHaveLength(1);
  });

  it('keeps a declaration dated before Law 120 applied, without citing a basis', async () => {
    const old = ok(await police.call('POST', url(), body({ declaredOn: '2026-06-30' })), 201);
    expect(old).toMatchObject({ required: false, basis: [], regimeId: 'two-tier-2025' });
    const items = ok(await police.call('GET', url())).items;
    // Latest first.
    expect(items.map((d: { declaredOn: string }) => d.declaredOn)).toEqual(['2026-11-20', '2026-06-30']);
  });
});

describe('correcting a declaration', () => {
  it('200 with the version read; 409 with the current values when stale; 404 outside; 400 naming the field', async () => {
    const d = ok(
      await police.call('POST', url(), body({ declaredOn: '2026-10-01', substances: ['cannabis'] })),
      201,
    );
    const put = (u: User, over: Record<string, unknown>) =>
      u.call(
        'PUT',
        `/api/substance-declarations/${d.id}`,
        body({ declaredOn: '2026-10-01', version: 1, ...over }),
      );
    expect((await put(officer, { substances: ['mdma'] })).statusCode).toBe(403);
    expect((await put(otherPolice, { substances: ['mdma'] })).statusCode).toBe(404);
    expect(
      (await police.call('PUT', '/api/substance-declarations/nope', body({ version: 1 }))).statusCode,
    ).toBe(404);
    const bad = await put(police, { substances: ['other'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('otherSubstance');

    const fixed = ok(await put(police, { substances: ['mdma'] }));
    expect(fixed).toMatchObject({ substances: ['mdma'], version: 2 });
    const stale = await put(police, { substances: ['methamphetamine'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ substances: ['mdma'], version: 2 });
    const audits = await auditRows('substance_declaration.update', d.id);
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].details!)).toMatchObject({ changed: ['substances'], fromVersion: 1 });
  });
});

describe('reports', () => {
  it('counts the declared substances in the breakdown by substance', async () => {
    const other = (await k.person(officer, { birthDate: '1995-01-01' })).id;
    const groups = async () =>
      Object.fromEntries(
        (
          ok(
            await officer.call(
              'GET',
              `/api/indicators/people_total/value?unit=${UNITS.baDinh}&from=2026-11-15&to=2026-12-14&by=substance`,
            ),
          ).groups as { key: string; value: number }[]
        ).map((g) => [g.key, g.value]),
      );
    const before = await groups();
    ok(
      await police.call(
        'POST',
        `/api/people/${other}/substance-declarations`,
        body({ substances: ['cannabis'] }),
      ),
      201,
    );
    const after = await groups();
    expect(after.cannabis).toBe((before.cannabis ?? 0) + 1);
    expect(after.unknown ?? 0).toBe(before.unknown - 1);
    // The first person: heroin and 'other' (20/11), mdma (corrected, 01/10); none known before.
    expect(after.heroin).toBe(1);
    expect(after.mdma).toBe(1);
  });

  it('counts the people who declared in the period, with their records in the drill-down', async () => {
    const q = `unit=${UNITS.baDinh}&from=2026-11-15&to=2026-12-14`;
    const figure = ok(
      await officer.call('GET', `/api/indicators/people_declared_substances/value?${q}`),
    ).figure;
    // The first person (20/11, twice) and the second (20/11); the declarations of 30/06 and 01/10 are outside.
    expect(figure.value).toBe(2);
    const earlier = ok(
      await officer.call(
        'GET',
        `/api/indicators/people_declared_substances/value?unit=${UNITS.baDinh}&from=2026-06-15&to=2026-07-14`,
      ),
    ).figure;
    expect(earlier.value).toBe(1);
    const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    const ngocHa = ok(
      await province.call(
        'GET',
        `/api/indicators/people_declared_substances/value?unit=${UNITS.ngocHa}&from=2026-11-15&to=2026-12-14`,
      ),
    ).figure;
    expect(ngocHa.value).toBe(0);
    const records = ok(await officer.call('GET', `/api/indicators/people_declared_substances/records?${q}`));
    expect(new Set(records.items.map((r: { personId: string }) => r.personId)).has(personId)).toBe(true);
  });
});
