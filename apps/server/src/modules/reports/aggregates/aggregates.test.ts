import path from 'node:path';
import { addDays } from '@hoanhap/domain/iso-date';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../../../../../bench/lib/run-generator.ts';
import { runCli } from '../../../cli.ts';
import type { DB } from '../../../db/schema.ts';
import { UNITS } from '../../../test/test-app.ts';
import {
  decision,
  determinationBody,
  pathwayApp,
  testBody,
  type User,
} from '../../episodes/pathway-test-kit.ts';
import { blocksRepo, type UnitFilter } from '../blocks.repo.ts';
import { keptGridAvailable, rebuildAggregates } from './aggregates.repo.ts';

// The aggregates kept by the writes (migration 0037) equal a rebuild from the records after writes through the
// API (people, determinations, tests, counselling, rehab and post-rehab, moves to another commune and province,
// the nightly status job), after writes straight to the tables (as an import or a script would: a session
// moved to another day, a test deleted, an episode cancelled, a person moved), and after the benchmark's
// generator; and every grid read from them equals the block's grid from its records, day by day.

const HA_TU = '06652'; // Phường Hà Tu, Quảng Ninh

const STATUSES = [
  'any',
  'drug_user_managed',
  'addicted',
  'community_rehab',
  'facility_rehab',
  'compulsory_rehab',
  'compulsory_pending',
  'post_rehab',
  'relapsed',
  'completed',
];

// A fixed pseudo-random sequence (the same run every time).
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

async function snapshot(db: Kysely<DB>, checkpointMonths?: string[]) {
  const listed =
    checkpointMonths ??
    (await db.selectFrom('agg_status_checkpoint_months').select('month').execute()).map((r) => r.month);
  const checkpoints = listed.length
    ? (
        await db
          .selectFrom('agg_status_checkpoints')
          .selectAll()
          .where('month', 'in', listed)
          .where('n', '<>', 0)
          .orderBy('month')
          .orderBy('status')
          .orderBy('province_code')
          .orderBy('commune_code')
          .orderBy('facility_id')
          .execute()
      ).map((c) => ({ ...c, n: Number(c.n) }))
    : [];
  const steps = await db
    .selectFrom('agg_person_steps')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('addicted_on', 'is not', null),
        eb('tested_on', 'is not', null),
        eb('counselled_on', 'is not', null),
        eb('treated_on', 'is not', null),
      ]),
    )
    .orderBy('person_id')
    .execute();
  const { rows: months } = await sql<{ k: string; n: string | number }>`
    select province_code || '|' || commune_code || '|' || facility_id || '|' || status || '|' || month as k,
      sum(delta) as n
    from agg_status_months group by province_code, commune_code, facility_id, status, month
    having sum(delta) <> 0 order by 1`.execute(db);
  return { steps, months: months.map((m) => `${m.k}=${Number(m.n)}`), listed: listed.sort(), checkpoints };
}

const sorted = (
  cells: { province: string | null; commune: string | null; facility: string | null; value: number }[],
) => cells.map((c) => `${c.province}|${c.commune}|${c.facility}=${c.value}`).sort();

/** The kept aggregates equal a rebuild, and their grids the records' grids on each of `days`. */
async function expectKept(db: Kysely<DB>, days: string[], scopes: UnitFilter[] = [{ kind: 'nation' }]) {
  const kept = await snapshot(db);
  await rebuildAggregates(db);
  expect(await snapshot(db, kept.listed)).toEqual(kept);
  expect(kept.steps.length).toBeGreaterThan(0);
  let nonEmpty = 0;
  for (const to of days)
    for (const scope of scopes) {
      const range = { from: addDays(to, -90), to };
      const refs = [
        ...STATUSES.map((status) => ['people_by_status', { status }] as const),
        ['addicts_with_records', {}] as const,
        ['addicts_fully_served', {}] as const,
        ['addicts_counselled', {}] as const,
      ];
      for (const [block, params] of refs) {
        // Kept grids read a checkpoint of the month (made here when missing, then kept by the writes).
        expect(keptGridAvailable(block, range, 'people')).toBe(true);
        const fromKept = sorted(await blocksRepo.grid(db, block, params, range, scope, 'people'));
        const fromRecords = sorted(await blocksRepo.recordsGrid(db, block, params, range, scope, 'people'));
        expect(fromKept, `${block} ${JSON.stringify(params)} ${to} ${JSON.stringify(scope)}`).toEqual(
          fromRecords,
        );
        if (fromKept.length) nonEmpty++;
      }
    }
  expect(nonEmpty).toBeGreaterThan(0);
}

/** The 1st, 14th and last day of each month from `from` to `to`. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    if (d.endsWith('-01') || d.endsWith('-14') || addDays(d, 1).endsWith('-01')) out.push(d);
  return out;
}

describe('aggregates kept by writes through the API and straight to the tables', () => {
  let k: Awaited<ReturnType<typeof pathwayApp>>;
  let db: Kysely<DB>;
  let officer: User;
  let police: User;
  let ngocHaPolice: User;
  const people: string[] = [];

  beforeAll(async () => {
    k = await pathwayApp();
    db = k.t.deps.database.db;
    k.setToday('2024-01-02');
    officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    ngocHaPolice = await k.t.userAs('commune_police', 'commune', UNITS.ngocHa);
    const facilityId = await k.facility('Cơ sở cai nghiện ma túy số 2 Hà Nội');
    const rand = rng(13);
    const day = (from: string, span: number) => addDays(from, Math.floor(rand() * span));
    const ok = (res: { statusCode: number; body: string }, code = 201) => {
      expect(res.statusCode, res.body).toBe(code);
      return JSON.parse(res.body);
    };
    for (let i = 0; i < 10; i++) {
      k.setToday(day('2024-01-05', 60));
      const p = await k.person(officer);
      people.push(p.id);
      const assessed = day('2024-03-10', 60);
      k.setToday(assessed);
      if (rand() < 0.8)
        ok(
          await police.call(
            'POST',
            `/api/people/${p.id}/addiction-determinations`,
            determinationBody(assessed, addDays(assessed, -60)),
          ),
        );
      k.setToday('2024-07-05');
      if (rand() < 0.7)
        ok(
          await police.call(
            'POST',
            `/api/people/${p.id}/drug-tests`,
            testBody(day('2024-03-01', 120), 'positive'),
          ),
        );
      if (i % 3 === 0 && rand() < 0.9) {
        // Compulsory rehab, then (completed) post-rehab management: status spans in a facility and after it.
        const start = day('2024-06-01', 30);
        k.setToday(start);
        const rehab = ok(
          await police.call('POST', `/api/people/${p.id}/episodes`, {
            type: 'compulsory',
            startDate: start,
            termMonths: 12,
            facilityId,
            grounds: ['not_registered_voluntary'],
            court: {
              name: 'Tòa án nhân dân khu vực 1 - Hà Nội',
              decisionNumber: `${i}/2024/QĐ-TA`,
              decisionDate: addDays(start, -3),
            },
          }),
        );
        k.setToday(rehab.plannedEnd);
        ok(
          await officer.call('POST', `/api/episodes/${rehab.id}/close`, {
            version: rehab.version,
            outcome: 'completed',
            endDate: rehab.plannedEnd,
          }),
          200,
        );
        ok(
          await officer.call('POST', `/api/people/${p.id}/episodes`, {
            type: 'post_rehab',
            startDate: addDays(rehab.plannedEnd, 1),
            decision: decision(rehab.plannedEnd, `0${i}/QĐ-UBND`),
            managerIds: [officer.userId],
          }),
        );
      }
    }
    // Counselling sessions naming several people.
    k.setToday('2025-03-01');
    for (let s = 0; s < 4; s++)
      ok(
        await officer.call('POST', '/api/counselling-sessions', {
          kind: 'group',
          heldOn: day('2024-05-01', 200),
          topic: 'Tư vấn điều trị nghiện',
          counsellor: 'Cán bộ Phạm Thị Hoa',
          personIds: people
            .filter(() => rand() < 0.5)
            .slice(0, 4)
            .concat(people[s]!),
        }),
      );
    // Moves: one person to Ngọc Hà (same province), one to Hà Tu (Quảng Ninh); then a determination there.
    k.setToday('2025-04-10');
    for (const [person, to] of [
      [people[1]!, UNITS.ngocHa],
      [people[3]!, HA_TU],
    ] as const) {
      const p = ok(await police.call('GET', `/api/people/${person}`), 200);
      ok(
        await police.call('POST', `/api/people/${person}/transfer`, {
          version: p.version,
          toCommuneCode: to,
          detail: 'Số 12',
          movedOn: '2025-04-10',
        }),
      );
    }
    k.setToday('2025-04-25');
    ok(
      await ngocHaPolice.call(
        'POST',
        `/api/people/${people[1]}/addiction-determinations`,
        determinationBody('2025-04-20', '2025-01-01'),
      ),
    );
    // Time passes (the nightly job re-derives statuses that moved with time).
    k.setToday('2025-12-01');
    await k.refresh();
  }, 300_000);
  afterAll(async () => k?.t.close());

  it('after writes through the API', async () => {
    await expectKept(db, daysBetween('2024-01-01', '2025-12-01'), [
      { kind: 'nation' },
      { kind: 'province', code: UNITS.hanoi },
    ]);
  });

  it('after writes straight to the tables, and through the CLI rebuild', async () => {
    // A session moved to another day, a test deleted, an episode cancelled, a person moved by a script.
    const session = await db
      .selectFrom('counselling_sessions')
      .select(['id', 'held_on'])
      .executeTakeFirstOrThrow();
    await db
      .updateTable('counselling_sessions')
      .set({ held_on: '2023-12-20' })
      .where('id', '=', session.id)
      .execute();
    const test = await db.selectFrom('drug_tests').select('id').executeTakeFirstOrThrow();
    await db.deleteFrom('drug_tests').where('id', '=', test.id).execute();
    const treatment = await db
      .selectFrom('episodes')
      .select('id')
      .where('type', '=', 'compulsory')
      .executeTakeFirstOrThrow();
    await db.updateTable('episodes').set({ outcome: 'cancelled' }).where('id', '=', treatment.id).execute();
    await db
      .updateTable('people')
      .set({ cur_commune_code: HA_TU, province_code: UNITS.quangNinh })
      .where('id', '=', people[0]!)
      .execute();
    // A status history rewritten by hand: one span cut short.
    const span = await db
      .selectFrom('person_status_history')
      .select(['id', 'valid_from'])
      .where('valid_to', 'is', null)
      .where('person_id', '=', people[2]!)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('person_status_history')
      .set({ valid_to: addDays(span.valid_from, 40) })
      .where('id', '=', span.id)
      .execute();
    // A day of a month after the current one has no checkpoint: its months' changes are summed.
    const future = addDays(new Date().toISOString().slice(0, 10), 70);
    await expectKept(db, [...daysBetween('2023-12-01', '2025-12-01'), future]);
    const out: string[] = [];
    expect(await runCli(['rebuild-aggregates'], { deps: k.t.deps, out: (s) => out.push(s) })).toBe(0);
    expect(out.join('\n')).toMatch(/rebuilt: \d+ người/);
  });
});

describe('aggregates kept by the benchmark generator', () => {
  it('equal a rebuild and answer as the records on the commune-scale data set', async () => {
    const k = await pathwayApp();
    try {
      const databaseUrl = k.t.deps.config.databaseUrl;
      await fill(
        k.t.deps,
        databaseUrl ? { databaseUrl } : { sqliteFile: path.join(k.t.deps.config.dataDir, 'hoanhap.sqlite') },
        {
          scale: 'commune',
          seed: 5,
          asOf: '2026-11-20',
          communes: [
            { code: UNITS.baDinh, size: 40 },
            { code: HA_TU, size: 30 },
          ],
          passwordHash: 'not-a-real-hash',
        },
      );
      await expectKept(k.t.deps.database.db, daysBetween('2024-06-01', '2026-11-20'));
    } finally {
      await k.t.close();
    }
  }, 300_000);
});
