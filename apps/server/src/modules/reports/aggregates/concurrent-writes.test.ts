import { randomUUID } from 'node:crypto';
import { addDays } from '@hoanhap/domain/iso-date';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/schema.ts';
import { testBody } from '../../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from '../../facility/facility-test-kit.ts';
import { rebuildAggregates } from './aggregates.repo.ts';
import { keptFacilityDays, keptSnapshot } from './aggregates-test-kit.ts';

// PostgreSQL only (migration 0044): two transactions, on two connections, writing records of the same person at
// the same instant — drug tests, community contacts, facility events of one resident and events naming no
// resident at one facility — all commit, and the kept aggregates then equal a rebuild from the records. Before
// the triggers locked the people (or facility) they recompute, the second transaction's delete missed the
// first's fresh rows and its insert failed with a unique violation (agg_person_days, agg_facility_days), or its
// upsert of agg_person_steps missed the first's record. SQLite serialises its writers (BEGIN IMMEDIATE): there is
// nothing to race there.

const ROUNDS = 20;

describe.skipIf(!process.env.DATABASE_URL)('aggregates kept by concurrent writes (PostgreSQL)', () => {
  let k: Kit;
  let db: Kysely<DB>;
  let personId = '';
  let admissionId = '';
  // People with no record yet, one per round.
  const newcomers: string[] = [];

  beforeAll(async () => {
    k = await facilityKit('2024-01-02', 'Cơ sở cai nghiện ma túy số 2 Hà Nội');
    db = k.t.deps.database.db;
    k.setToday('2024-01-05');
    const stay = await k.voluntary('2024-01-05', 12);
    personId = stay.personId;
    admissionId = (await k.admit(stay.episodeId, '2024-01-05')).id;
    // A record of each kind through the API (the rows the rounds copy), so the person already has kept rows.
    k.setToday('2024-02-01');
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(201);
    ok(await k.police.call('POST', `/api/people/${personId}/drug-tests`, testBody('2024-01-20', 'positive')));
    ok(
      await k.officer.call('POST', '/api/community/contacts', {
        personId,
        contactDate: '2024-01-21',
        kind: 'crisis_counselling',
        outcome: 'met',
      }),
    );
    ok(
      await k.medical.call('POST', `/api/admissions/${admissionId}/health`, {
        kind: 'periodic_check',
        occurredOn: '2024-01-22',
        performedBy: 'BS. Phạm Y',
      }),
    );
    for (let i = 0; i < ROUNDS; i++) newcomers.push((await k.person(k.officer)).id);
  }, 120_000);
  afterAll(async () => k?.t.close());

  // Two transactions per round, on two connections, each writing with `write` and then waiting a moment before
  // committing (so the other's triggers run meanwhile); then all must have committed and the kept rows must
  // equal a rebuild.
  async function race(write: (trx: Kysely<DB>, round: number, side: number) => Promise<void>) {
    const pids = new Set<number>();
    const failures: string[] = [];
    const run = (round: number, side: number) =>
      db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        pids.add(rows[0]!.pid);
        await write(trx, round, side);
        await sql`select pg_sleep(0.02)`.execute(trx);
      });
    for (let round = 0; round < ROUNDS; round++)
      for (const r of await Promise.allSettled([run(round, 0), run(round, 1)]))
        if (r.status === 'rejected') failures.push(String(r.reason?.message ?? r.reason));
    expect(pids.size).toBeGreaterThan(1);
    expect(failures).toEqual([]);
    const kept = await keptSnapshot(db);
    const keptFacility = await keptFacilityDays(db);
    await rebuildAggregates(db);
    expect(await keptSnapshot(db, kept.listed)).toEqual(kept);
    expect(await keptFacilityDays(db)).toEqual(keptFacility);
    return { kept, keptFacility };
  }

  // A day shared by both sides of a round, and a day of each side's own.
  const daysOf = (round: number, side: number) => [
    addDays('2024-03-01', round),
    addDays('2024-06-01', round * 2 + side),
  ];

  it('drug tests and contacts of one person: all commit, the kept rows equal a rebuild', async () => {
    const test = await db
      .selectFrom('drug_tests')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const contact = await db
      .selectFrom('community_contacts')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const { kept } = await race(async (trx, round, side) => {
      for (const day of daysOf(round, side)) {
        await trx
          .insertInto('drug_tests')
          .values({ ...test, id: randomUUID(), tested_on: day })
          .execute();
        await trx
          .insertInto('community_contacts')
          .values({ ...contact, id: randomUUID(), contact_date: day })
          .execute();
      }
    });
    expect(
      await db.selectFrom('drug_tests').select('id').where('person_id', '=', personId).execute(),
    ).toHaveLength(1 + ROUNDS * 4);
    expect(kept.days.filter((d) => d.person_id === personId).length).toBeGreaterThan(ROUNDS * 3);
  });

  it("a person's first drug tests, on two days: the steps and days keep the earlier", async () => {
    const test = await db
      .selectFrom('drug_tests')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const { kept } = await race(async (trx, round, side) => {
      await trx
        .insertInto('drug_tests')
        .values({
          ...test,
          id: randomUUID(),
          person_id: newcomers[round]!,
          tested_on: daysOf(round, side)[1]!,
        })
        .execute();
    });
    const steps = kept.steps.filter((s) => newcomers.includes(s.person_id));
    expect(steps.map((s) => s.tested_on).sort()).toEqual(
      newcomers.map((_, round) => daysOf(round, 0)[1]).sort(),
    );
  });

  // A health check of the resident, copied (a row of the catalogue kind of periodic checks).
  const healthCheck = () =>
    db
      .selectFrom('facility_events')
      .selectAll()
      .where('admission_id', '=', admissionId)
      .where('kind', '=', 'health')
      .executeTakeFirstOrThrow();

  it('facility events of one resident: all commit, the kept rows equal a rebuild', async () => {
    const check = await healthCheck();
    const { keptFacility } = await race(async (trx, round, side) => {
      for (const day of daysOf(round, side))
        await trx
          .insertInto('facility_events')
          .values({ ...check, id: randomUUID(), occurred_on: day })
          .execute();
    });
    expect(keptFacility.filter((d) => d.person_id === personId).length).toBeGreaterThan(ROUNDS * 3);
  });

  it('facility events naming no resident at one facility: all commit, the kept rows equal a rebuild', async () => {
    const check = await healthCheck();
    const { keptFacility } = await race(async (trx, round, side) => {
      for (const day of daysOf(round, side))
        await trx
          .insertInto('facility_events')
          .values({
            ...check,
            id: randomUUID(),
            occurred_on: day,
            admission_id: null,
            kind: 'incident',
            subkind: 'fight',
          })
          .execute();
    });
    expect(keptFacility.filter((d) => d.person_id === '').length).toBeGreaterThanOrEqual(ROUNDS * 3);
  });
});
