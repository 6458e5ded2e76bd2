import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillDecisions } from '../../db/migrations/0029_decisions.ts';
import { UNITS } from '../../test/test-app.ts';
import { decision, pathwayApp, type User } from './pathway-test-kit.ts';

// A decision is a record of its own (issue 13): figures count decisions, not (today's commune, number) pairs.
// Two former communes that both issued "07/QĐ-UBND" stay two decisions after they are merged; a register that
// restarts each year inside one reporting period gives two decisions; one decision naming three people is one
// decision and three people; entering it once for several people is all or nothing and names who failed.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User; // commune officer of Ba Đình (acts for the chairman)
let police: User; // commune police of Ba Đình (the head of police decides user management under Law 120)
let haTuPolice: User;
let province: User;
const HA_TU = '06652';

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};

const figure = async (indicator: string, unit: string, from: string, to: string) => {
  const q = `unit=${unit}&from=${from}&to=${to}`;
  const value = ok(await province.call('GET', `/api/indicators/${indicator}/value?${q}`)).figure.value;
  const records = ok(
    await province.call('GET', `/api/indicators/${indicator}/records?${q}&part=numerator&limit=500`),
  ).items as { recordId: string; personId: string | null }[];
  return {
    value,
    decisions: new Set(records.map((r) => r.recordId)).size,
    people: new Set(records.map((r) => r.personId)).size,
  };
};

const um = (date: string, number?: string) => ({
  type: 'user_management',
  startDate: date,
  decision: number ? decision(date, number) : { date, signer: 'Trần Văn Trưởng Công An' },
});

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2025-12-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  haTuPolice = await k.t.userAs('commune_police', 'commune', HA_TU);
  province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
});
afterAll(async () => k?.t.close());

describe('decisions counted as records', () => {
  it('two former communes that both issued 07/QĐ-UBND are two decisions, before and after they merge', async () => {
    k.setToday('2025-12-01');
    const ngocHaOfficer = await k.t.userAs('commune_officer', 'commune', UNITS.ngocHa);
    const a = await k.person(officer);
    const b = await k.person(ngocHaOfficer, {
      currentAddress: { communeCode: UNITS.ngocHa, detail: 'Tổ 3' },
    });
    ok(await officer.call('POST', `/api/people/${a.id}/episodes`, um('2025-11-10', '07/QĐ-UBND')), 201);
    ok(await ngocHaOfficer.call('POST', `/api/people/${b.id}/episodes`, um('2025-11-10', '07/QĐ-UBND')), 201);
    const range = ['2025-11-01', '2025-11-30'] as const;
    expect(await figure('user_management_decisions', UNITS.hanoi, ...range)).toEqual({
      value: 2,
      decisions: 2,
      people: 2,
    });
    // The merger: Ngọc Hà's people now belong to Ba Đình (the legacy mapping of the 2025 reorganisation).
    await k.t.deps.database.db
      .updateTable('people')
      .set({ cur_commune_code: UNITS.baDinh })
      .where('id', '=', b.id)
      .execute();
    expect(await figure('user_management_decisions', UNITS.hanoi, ...range)).toMatchObject({
      value: 2,
      decisions: 2,
    });
    // Ba Đình now holds both: still two decisions (keyed by commune and number they were one).
    expect(await figure('user_management_decisions', UNITS.baDinh, ...range)).toMatchObject({
      value: 2,
      decisions: 2,
    });
  });

  it('a register restarting each year inside one reporting period gives two decisions', async () => {
    k.setToday('2026-03-10');
    const c = await k.person(officer);
    const d = await k.person(officer);
    ok(await officer.call('POST', `/api/people/${c.id}/episodes`, um('2025-12-20', '07/QĐ-UBND')), 201);
    ok(await officer.call('POST', `/api/people/${d.id}/episodes`, um('2026-03-01', '07/QĐ-UBND')), 201);
    expect(await figure('user_management_decisions', UNITS.baDinh, '2025-12-15', '2026-12-14')).toMatchObject(
      { value: 2, decisions: 2 },
    );
  });

  it('one decision entered person by person (same number, date and commune) is one decision', async () => {
    k.setToday('2026-04-10');
    const e = await k.person(officer);
    const f = await k.person(officer);
    const x = ok(
      await officer.call('POST', `/api/people/${e.id}/episodes`, um('2026-04-02', '12/QĐ-UBND')),
      201,
    );
    const y = ok(
      await officer.call('POST', `/api/people/${f.id}/episodes`, um('2026-04-02', '12/QĐ-UBND')),
      201,
    );
    const ids = await k.t.deps.database.db
      .selectFrom('episodes')
      .select('decision_id')
      .where('id', 'in', [x.id, y.id])
      .execute();
    expect(ids[0].decision_id).toBeTruthy();
    expect(ids[0].decision_id).toBe(ids[1].decision_id);
    expect(await figure('user_management_decisions', UNITS.baDinh, '2026-04-01', '2026-04-30')).toEqual({
      value: 1,
      decisions: 1,
      people: 2,
    });
  });
});

describe('one decision for several people (POST /api/decisions)', () => {
  let three: string[] = [];
  let created: { id: string; version: number; number: string; people: { personId: string }[] };

  it('records one decision naming three people: 1 decision, 3 people, one audit entry', async () => {
    k.setToday('2026-11-20');
    three = [(await k.person(officer)).id, (await k.person(officer)).id, (await k.person(officer)).id];
    created = ok(
      await police.call('POST', '/api/decisions', {
        type: 'user_management',
        decision: { date: '2026-11-05', signer: 'Trần Văn Trưởng Công An' },
        startDate: '2026-11-05',
        personIds: three,
      }),
      201,
    );
    expect(created.people.map((p) => p.personId).sort()).toEqual([...three].sort());
    expect(created.number).toMatch(/\//); // the register's next number, shared by the three
    expect(created).toMatchObject({ kind: 'user_management', authority: 'commune_police_head', version: 1 });
    const eps = await k.t.deps.database.db
      .selectFrom('episodes')
      .select(['decision_id', 'decision_number'])
      .where('person_id', 'in', three)
      .execute();
    expect(eps).toHaveLength(3);
    expect(new Set(eps.map((e) => e.decision_id))).toEqual(new Set([created.id]));
    expect(new Set(eps.map((e) => e.decision_number))).toEqual(new Set([created.number]));
    expect(await figure('user_management_decisions', UNITS.baDinh, '2026-11-01', '2026-11-10')).toEqual({
      value: 1,
      decisions: 1,
      people: 3,
    });
    const entries = await k.t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'decision.create')
      .where('entity_id', '=', created.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0].user_id).toBe(police.userId);
    expect(JSON.parse(entries[0].details!).personIds.sort()).toEqual([...three].sort());
    // It reads back with the people it names; the read is audited.
    const read = ok(await police.call('GET', `/api/decisions/${created.id}`));
    expect(read.people).toHaveLength(3);
    expect(
      await k.t.deps.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'decision.read')
        .where('entity_id', '=', created.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('403 for a role that does not decide (officer under Law 120, province); 404 out of scope', async () => {
    const p = await k.person(officer);
    const body = {
      type: 'user_management',
      decision: { date: '2026-11-06', number: '40/QĐ-XPHC' },
      startDate: '2026-11-06',
      personIds: [p.id],
    };
    const byOfficer = await officer.call('POST', '/api/decisions', body);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json()).toMatchObject({ code: 'authority_required', authority: 'commune_police_head' });
    expect((await province.call('POST', '/api/decisions', body)).statusCode).toBe(403);
    // Another province's police: the decision and its people are not theirs.
    expect((await haTuPolice.call('GET', `/api/decisions/${created.id}`)).statusCode).toBe(404);
    expect((await police.call('GET', '/api/decisions/no-such-decision')).statusCode).toBe(404);
  });

  it('all or nothing: a person out of scope or refused by the rules fails the whole decision, naming them', async () => {
    const fresh = (await k.person(officer)).id;
    const elsewhere = (
      await k.person(await k.t.userAs('commune_officer', 'commune', HA_TU), {
        currentAddress: { communeCode: HA_TU, detail: 'Tổ 5' },
      })
    ).id;
    const base = {
      type: 'user_management',
      decision: { date: '2026-11-07', number: '41/QĐ-XPHC', signer: 'Trần Văn Trưởng Công An' },
      startDate: '2026-11-07',
    };
    const out = await police.call('POST', '/api/decisions', { ...base, personIds: [fresh, elsewhere] });
    expect(out.statusCode).toBe(404);
    expect(out.json().errors[0].field).toBe('personIds.1');
    // Already under user management (the three of the decision above): refused by the rules, named.
    const refused = await police.call('POST', '/api/decisions', { ...base, personIds: [fresh, three[1]] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('personIds.1');
    expect(refused.json().messages.vi).toMatch(/^Người thứ 2 \(/);
    expect(refused.json().messages.en).toMatch(/^Person 2 \(/);
    // Nothing was written for the first person, nor any decision.
    const db = k.t.deps.database.db;
    expect(
      await db.selectFrom('episodes').select('id').where('person_id', '=', fresh).execute(),
    ).toHaveLength(0);
    expect(
      await db.selectFrom('decisions').select('id').where('number', '=', '41/QĐ-XPHC').execute(),
    ).toHaveLength(0);
    // Listed twice: 400 naming the second.
    const twice = await police.call('POST', '/api/decisions', { ...base, personIds: [fresh, fresh] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('personIds.1');
  });

  it('409 for a decision already recorded, and for a stale version; renumbering leaves the count', async () => {
    const p = (await k.person(officer)).id;
    const dup = await police.call('POST', '/api/decisions', {
      type: 'user_management',
      decision: { date: '2026-11-05', number: created.number },
      startDate: '2026-11-05',
      personIds: [p],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'decision_exists', decisionId: created.id });
    const renumbered = ok(
      await police.call('PATCH', `/api/decisions/${created.id}`, { version: 1, number: '99/QĐ-XPHC' }),
    );
    expect(renumbered).toMatchObject({ number: '99/QĐ-XPHC', version: 2 });
    const stale = await police.call('PATCH', `/api/decisions/${created.id}`, {
      version: 1,
      number: '98/QĐ-XPHC',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    // Every person's episode carries the new number; still one decision, three people.
    const nums = await k.t.deps.database.db
      .selectFrom('episodes')
      .select('decision_number')
      .where('decision_id', '=', created.id)
      .execute();
    expect(nums.map((n) => n.decision_number)).toEqual(['99/QĐ-XPHC', '99/QĐ-XPHC', '99/QĐ-XPHC']);
    expect(await figure('user_management_decisions', UNITS.baDinh, '2026-11-01', '2026-11-10')).toEqual({
      value: 1,
      decisions: 1,
      people: 3,
    });
    expect(
      await k.t.deps.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'decision.update')
        .where('entity_id', '=', created.id)
        .execute(),
    ).toHaveLength(1);
  });
});

describe('a number corrected on one episode', () => {
  it('is the decision’s: it follows for everyone the decision names, still one decision', async () => {
    const db = k.t.deps.database.db;
    const eps = await db
      .selectFrom('episodes')
      .select(['id', 'version', 'decision_id'])
      .where('decision_number', '=', '12/QĐ-UBND')
      .orderBy('id')
      .execute();
    expect(eps).toHaveLength(2);
    const res = ok(
      await officer.call('PUT', `/api/episodes/${eps[0].id}`, {
        version: eps[0].version,
        decision: { number: '13/QĐ-UBND' },
      }),
    );
    expect(res.decision.number).toBe('13/QĐ-UBND');
    const after = await db
      .selectFrom('episodes')
      .select(['decision_number', 'decision_id'])
      .where(
        'id',
        'in',
        eps.map((e) => e.id),
      )
      .execute();
    expect(after.map((e) => e.decision_number)).toEqual(['13/QĐ-UBND', '13/QĐ-UBND']);
    expect(new Set(after.map((e) => e.decision_id))).toEqual(new Set([eps[0].decision_id]));
    const d = await db
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', eps[0].decision_id!)
      .executeTakeFirstOrThrow();
    expect(d.number).toBe('13/QĐ-UBND');
    expect(await figure('user_management_decisions', UNITS.baDinh, '2026-04-01', '2026-04-30')).toEqual({
      value: 1,
      decisions: 1,
      people: 2,
    });
  });
});

describe('the backfill of migration 0029', () => {
  it('rebuilds one decision per (kind, issuing unit at the time, number, date), and the same figures', async () => {
    const db = k.t.deps.database.db;
    const ranges = [
      [UNITS.hanoi, '2025-11-01', '2025-11-30'],
      [UNITS.baDinh, '2025-12-15', '2026-12-14'],
    ] as const;
    const before = [];
    for (const r of ranges) before.push(await figure('user_management_decisions', r[0], r[1], r[2]));
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('decisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    await db.updateTable('episodes').set({ decision_id: null }).execute();
    await db.deleteFrom('decisions').execute();
    await backfillDecisions(db);
    expect(await count()).toBe(n);
    const after = [];
    for (const r of ranges) after.push(await figure('user_management_decisions', r[0], r[1], r[2]));
    expect(after).toEqual(before);
  });
});
