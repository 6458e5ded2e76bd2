import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillPersonUnits } from '../../db/migrations/0032_person_units.ts';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// The dated record of a person's commune (person_units): written by recording the person, correcting their
// commune, and moving house (there and back); the migration's backfill rebuilds the same spans from the moves.

let k: Awaited<ReturnType<typeof pathwayApp>>;
let officer: User;
let police: User;
let ngocHaPolice: User;
let personId: string;

const spans = async () =>
  (
    await k.t.deps.database.db
      .selectFrom('person_units')
      .select(['commune_code', 'province_code', 'valid_from', 'valid_to', 'cause'])
      .where('person_id', '=', personId)
      .orderBy('valid_from')
      .execute()
  ).map((s) => `${s.commune_code}/${s.province_code} ${s.valid_from}..${s.valid_to ?? ''} ${s.cause}`);

beforeAll(async () => {
  k = await pathwayApp();
  k.setToday('2025-08-01');
  officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  ngocHaPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
  personId = (await k.person(officer)).id;
}, 120_000);
afterAll(async () => k?.t.close());

const move = async (u: User, to: string, on: string) => {
  k.setToday(on);
  const p = (await u.call('GET', `/api/people/${personId}`)).json();
  const res = await u.call('POST', `/api/people/${personId}/transfer`, {
    version: p.version,
    toCommuneCode: to,
    detail: 'Số 1',
    movedOn: on,
  });
  expect(res.statusCode, res.body).toBe(201);
};

describe("a person's commune over time", () => {
  it('starts with the record, since always', async () => {
    expect(await spans()).toEqual([`${UNITS.baDinh}/01 0001-01-01.. record`]);
  });

  it('a move closes the commune on the moving day and opens the new one; moving back likewise', async () => {
    await move(police, UNITS.ngocHa, '2025-09-10');
    await move(ngocHaPolice, UNITS.baDinh, '2025-11-20');
    expect(await spans()).toEqual([
      `${UNITS.baDinh}/01 0001-01-01..2025-09-10 record`,
      `${UNITS.ngocHa}/01 2025-09-10..2025-11-20 move`,
      `${UNITS.baDinh}/01 2025-11-20.. move`,
    ]);
  });

  it('the migration rebuilds the same spans from the recorded moves', async () => {
    const live = await spans();
    await k.t.deps.database.db.deleteFrom('person_units').execute();
    await backfillPersonUnits(k.t.deps.database.db);
    expect(await spans()).toEqual(live);
  });

  it('an edit that keeps the commune leaves the dated record alone', async () => {
    const p = (await officer.call('GET', `/api/people/${personId}`)).json();
    const res = await officer.call('PUT', `/api/people/${personId}`, {
      version: p.version,
      fullName: p.fullName,
      sex: p.sex,
      birthDate: p.birthDate,
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Số 2' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await spans()).at(-1)).toBe(`${UNITS.baDinh}/01 2025-11-20.. move`);
  });
});
