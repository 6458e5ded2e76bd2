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
import { keptSnapshot } from './aggregates-test-kit.ts';

// The aggregates kept by the writes (migrations 0037 and 0040) equal a rebuild from the records after writes
// through the API (people, determinations, tests, counselling, contacts, referrals, rehab and post-rehab, moves
// to another commune and province, the nightly status job), after writes straight to the tables (as an import or
// a script would: a session moved to another day, a test deleted, an episode cancelled, contacts moved and
// deleted, a person moved), and after the benchmark's generator; and every grid read from them equals the
// block's grid from its records, day by day. A trigger missing is seen.

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

const sorted = (
  cells: { province: string | null; commune: string | null; facility: string | null; value: number }[],
) => cells.map((c) => `${c.province}|${c.commune}|${c.facility}=${c.value}`).sort();

/** The kept aggregates equal a rebuild, and their grids the records' grids on each of `days`. */
async function expectKept(db: Kysely<DB>, days: string[], scopes: UnitFilter[] = [{ kind: 'nation' }]) {
  const kept = await keptSnapshot(db);
  await rebuildAggregates(db);
  expect(await keptSnapshot(db, kept.listed)).toEqual(kept);
  expect(kept.steps.length).toBeGreaterThan(0);
  expect(kept.days.length).toBeGreaterThan(0);
  let nonEmpty = 0;
  for (const to of days)
    for (const scope of scopes) {
      const range = { from: addDays(to, -90), to };
      const refs = [
        ...STATUSES.map((status) => ['people_by_status', { status }, 'people'] as const),
        ['addicts_with_records', {}, 'people'] as const,
        ['addicts_fully_served', {}, 'people'] as const,
        ['addicts_counselled', {}, 'people'] as const,
        ['people_with_service_access', {}, 'people'] as const,
        ['people_medical_psych_support', {}, 'people'] as const,
        ['positive_tests', {}, 'records'] as const,
        ['relapse_tests', {}, 'people'] as const,
        ['addicts_determined', {}, 'people'] as const,
        ['people_declared', {}, 'people'] as const,
      ];
      for (const [block, params, measure] of refs) {
        // Kept grids read a checkpoint of the month (made here when missing, then kept by the writes).
        expect(keptGridAvailable(block, range, measure)).toBe(true);
        const fromKept = sorted(await blocksRepo.grid(db, block, params, range, scope, measure));
        const fromRecords = sorted(await blocksRepo.recordsGrid(db, block, params, range, scope, measure));
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
  const postRehab: string[] = [];

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
        const post = ok(
          await officer.call('POST', `/api/people/${p.id}/episodes`, {
            type: 'post_rehab',
            startDate: addDays(rehab.plannedEnd, 1),
            decision: decision(rehab.plannedEnd, `0${i}/QĐ-UBND`),
            managerIds: [officer.userId],
          }),
        );
        postRehab.push(post.id);
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
    // Community contacts (several on one day for some people), a partner and referrals: days of services.
    for (const [i, person] of people.entries())
      for (let c = 0; c < 1 + (i % 3); c++)
        ok(
          await officer.call('POST', '/api/community/contacts', {
            personId: person,
            contactDate: c === 2 ? day('2024-09-01', 1) : day('2024-04-01', 300),
            kind: c === 0 ? 'visit' : c === 1 ? 'crisis_counselling' : 'call',
            outcome: 'met',
          }),
        );
    // Substitution therapy beside psychological support days (a psych figure counts such a person once), one
    // still running, one quit in the period, one for a person with no counselling contact.
    for (const [person, start, quitOn] of [
      [people[1]!, '2024-05-01', null],
      [people[5]!, '2024-02-01', '2024-08-31'],
      [people[6]!, '2024-03-15', null],
    ] as const) {
      const ep = ok(
        await police.call('POST', `/api/people/${person}/episodes`, {
          type: 'substitution_therapy',
          startDate: start,
          clinic: { name: 'Cơ sở điều trị Methadone Ba Đình' },
        }),
      );
      if (quitOn)
        ok(
          await police.call('POST', `/api/episodes/${ep.id}/close`, {
            version: ep.version,
            outcome: 'quit',
            endDate: quitOn,
          }),
          200,
        );
    }
    const partner = ok(
      await officer.call('POST', '/api/community/partners', {
        kind: 'cooperative',
        name: 'Hợp tác xã Mây tre đan Phú Vinh',
        services: 'Việc làm đan lát',
      }),
    );
    for (const person of people.slice(2, 5))
      ok(
        await officer.call('POST', '/api/community/referrals', {
          personId: person,
          partnerId: partner.id,
          service: 'job',
          referredOn: day('2024-06-01', 200),
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
    // Time passes (the nightly job re-derives statuses that moved with time); the managers' contacts.
    k.setToday('2025-12-01');
    for (const episode of postRehab)
      ok(
        await police.call('POST', `/api/episodes/${episode}/contacts`, {
          contactDate: day('2025-11-01', 25),
          method: 'phone',
          summary: 'Gọi điện hỏi thăm',
        }),
      );
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
    // Contacts moved to another day, one deleted, one inserted by a script.
    const contacts = await db.selectFrom('community_contacts').selectAll().orderBy('id').limit(3).execute();
    await db
      .updateTable('community_contacts')
      .set({ contact_date: '2024-02-02' })
      .where('id', '=', contacts[0]!.id)
      .execute();
    await db.deleteFrom('community_contacts').where('id', '=', contacts[1]!.id).execute();
    await db
      .insertInto('community_contacts')
      .values({ ...contacts[2]!, id: 'script-contact', person_id: people[5]!, contact_date: '2024-12-24' })
      .execute();
    await db.deleteFrom('episode_contacts').where('person_id', '=', people[0]!).execute();
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
    // …then fresh statistics, and on PostgreSQL a vacuum (the visibility map that lets the grids' covering
    // indexes be read alone).
    if (k.t.deps.database.dialect === 'postgres') {
      const { rows } = await sql<{ vacuumed: boolean; analyzed: boolean }>`
        select last_vacuum is not null as vacuumed, last_analyze is not null as analyzed
        from pg_stat_user_tables where relname = 'agg_person_days'`.execute(db);
      expect(rows).toEqual([{ vacuumed: true, analyzed: true }]);
    } else {
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from sqlite_stat1 where tbl = 'agg_person_days'`.execute(db);
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    }
  });

  it('make a missing checkpoint day on first use, and keep a past period as it was when records move on', async () => {
    const nation = { kind: 'nation' } as const;
    const grids = async (to: string, status = 'any') => {
      const range = { from: addDays(to, -90), to };
      const kept = sorted(await blocksRepo.grid(db, 'people_by_status', { status }, range, nation, 'people'));
      expect(kept, `${status} ${to}`).toEqual(
        sorted(await blocksRepo.recordsGrid(db, 'people_by_status', { status }, range, nation, 'people')),
      );
      return kept;
    };
    const listed = async () =>
      (await db.selectFrom('agg_status_checkpoint_days').select('day').orderBy('day').execute()).map(
        (r) => r.day,
      );
    const drop = async (days: string[]) => {
      await db.deleteFrom('agg_status_day_checkpoints').where('day', 'in', days).execute();
      await db.deleteFrom('agg_status_checkpoint_days').where('day', 'in', days).execute();
    };
    // Days reached since the last rebuild: the period ending on the 14th reads the 15th's checkpoint, made from
    // the last one before it (the 15th of June) and the spans between (the rehab spans of June and July).
    const summer = ['2024-07-01', '2024-07-15', '2024-08-01', '2024-08-15'];
    expect(await listed()).toEqual(expect.arrayContaining(summer));
    await drop(summer);
    const august = await grids('2024-08-14');
    expect(august.length).toBeGreaterThan(0);
    expect((await listed()).filter((d) => summer.includes(d))).toEqual(['2024-08-15']);
    // With no checkpoint at all, from the months' changes and the spans of the month.
    await drop(await listed());
    await grids('2024-09-20');
    expect(await listed()).toEqual(['2024-09-15']);
    // The checkpoints made so equal a rebuild's.
    const kept = await keptSnapshot(db);
    await rebuildAggregates(db);
    expect(await keptSnapshot(db, kept.listed)).toEqual(kept);

    // Time travel: a person's status changes later (a span closed and another begun, straight to the table, as
    // the nightly job or an import writes them); the past period's figure is unchanged, the later one follows.
    const open = await db
      .selectFrom('person_status_history')
      .selectAll()
      .where('valid_to', 'is', null)
      .where('valid_from', '<', '2024-08-14')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const later = await grids('2025-11-14', open.status);
    const pastOfStatus = await grids('2024-08-14', open.status);
    await db
      .updateTable('person_status_history')
      .set({ valid_to: '2025-11-02' })
      .where('id', '=', open.id)
      .execute();
    await db
      .insertInto('person_status_history')
      .values({
        ...open,
        id: 'later-span',
        status: open.status === 'relapsed' ? 'completed' : 'relapsed',
        valid_from: '2025-11-02',
        valid_to: null,
      })
      .execute();
    expect(await grids('2024-08-14')).toEqual(august);
    expect(await grids('2024-08-14', open.status)).toEqual(pastOfStatus);
    expect(await grids('2025-11-14', open.status)).not.toEqual(later);
  });

  it('differ from a rebuild when a trigger of the per-person days is missing', async () => {
    const postgres = k.t.deps.database.dialect === 'postgres';
    await sql
      .raw(`drop trigger agg_days_community_contacts${postgres ? ' on community_contacts' : '_ins'}`)
      .execute(db);
    // A visit: a day of the service stream only (a crisis counselling contact is a psych day too, two rows).
    const contact = await db
      .selectFrom('community_contacts')
      .selectAll()
      .where('kind', '=', 'visit')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('community_contacts')
      .values({ ...contact, id: 'unkept-contact', contact_date: '2023-11-11' })
      .execute();
    const kept = await keptSnapshot(db);
    await rebuildAggregates(db);
    const rebuilt = await keptSnapshot(db, kept.listed);
    expect(rebuilt.days).not.toEqual(kept.days);
    expect(rebuilt.days.length).toBe(kept.days.length + 1);
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
