import path from 'node:path';
import { BLOCK_BY_ID } from '@hoanhap/domain/indicators';
import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../../bench/lib/run-generator.ts';
import type { DB } from './db/schema.ts';
import { blocksRepo, type GroupBy, SPREAD_BLOCKS, type UnitFilter } from './modules/reports/blocks.repo.ts';
import { figureStoreOf } from './modules/reports/figure-store.ts';
import { aggregateFigures } from './modules/reports/figures.ts';
import { catalogueBlockRefs, warmFigures } from './modules/reports/figures-warmup.job.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';

// Correctness of the queries that the benchmark times (issue 7), on the commune-scale data set (the three
// test communes, about 400 people with their whole histories): each answer of the product equals a
// hand-written SQL count on the same database. The fast paths (FTS5 / pg_trgm name search, scope-covering
// indexes, the work list's merged index walks, the report engine's blocks) must not change what is found.
// No timing is checked here.

const AS_OF = '2026-11-20';
const BA_DINH = '00004';
let t: TestApp;
let db: Kysely<DB>;

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.database.db;
  const databaseUrl = t.deps.config.databaseUrl;
  await fill(
    t.deps,
    databaseUrl ? { databaseUrl } : { sqliteFile: path.join(t.deps.config.dataDir, 'hoanhap.sqlite') },
    { scale: 'commune', seed: 11, asOf: AS_OF, passwordHash: 'not-a-real-hash' },
  );
});
afterAll(() => t?.close());

const n = (v: unknown) => Number(v);

describe('benchmarked queries on the commune-scale data set', () => {
  it('has the commune-scale size', async () => {
    const { c } = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('c'))
      .executeTakeFirstOrThrow();
    expect(n(c)).toBeGreaterThan(300);
  });

  it('name search: every word of the generated names finds exactly the people whose name holds it', async () => {
    const national = await t.userAs('national_officer', 'nation', null);
    const commune = await t.userAs('commune_officer', 'commune', BA_DINH);
    // Words of the generated names (surnames, middle and given names): the 12 most frequent and 12 rare ones.
    const freq = new Map<string, number>();
    for (const { name_search } of await db.selectFrom('people').select('name_search').execute())
      for (const w of name_search.split(' ')) freq.set(w, (freq.get(w) ?? 0) + 1);
    const ranked = [...freq.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([w]) => w);
    const picked = [...ranked.slice(0, 12), ...ranked.slice(-12)];
    expect(picked.length).toBeGreaterThan(5);
    for (const word of picked) {
      const all = await db
        .selectFrom('people')
        .select('id')
        .where('name_search', 'like', `%${word}%`)
        .execute();
      const res = await national.call('GET', `/api/people?q=${encodeURIComponent(word)}&limit=100`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total, `national "${word}"`).toBe(all.length);
      const inCommune = await db
        .selectFrom('people')
        .select('id')
        .where('name_search', 'like', `%${word}%`)
        .where('cur_commune_code', '=', BA_DINH)
        .orderBy('id')
        .execute();
      const mine = await commune.call('GET', `/api/people?q=${encodeURIComponent(word)}&limit=100`);
      expect(mine.json().total, `commune "${word}"`).toBe(inCommune.length);
      if (inCommune.length <= 100)
        expect(
          mine
            .json()
            .items.map((p: { id: string }) => p.id)
            .sort(),
        ).toEqual(inCommune.map((p) => p.id));
    }
  });

  it("work list: the commune officer's open tasks are exactly the unit's and their own, page by page", async () => {
    const officer = await t.userAs('commune_officer', 'commune', BA_DINH);
    const shown: { id: string; dueDate: string; timing: string }[] = [];
    let counts: Record<string, number> | null = null;
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await officer.call('GET', `/api/tasks/mine?limit=5${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const items = [...body.overdue, ...body.dueToday, ...body.upcoming];
      expect(items.length).toBeLessThanOrEqual(5);
      if (page === 0) counts = body.counts;
      else expect(body.counts).toBeNull();
      shown.push(...items);
      after = body.next;
      if (!after) break;
    }
    const expected = await db
      .selectFrom('tasks')
      .innerJoin('people', 'people.id', 'tasks.person_id')
      .select(['tasks.id', 'tasks.due_date', 'tasks.due_at'])
      .where('tasks.status', '=', 'open')
      .where('tasks.responsible_role', '=', 'commune_officer')
      .where('tasks.unit_kind', '=', 'commune')
      .where('tasks.unit_code', '=', BA_DINH)
      .where('people.cur_commune_code', '=', BA_DINH)
      .execute();
    expect(expected.length).toBeGreaterThan(10);
    // Every open task once, across the pages, in due order.
    expect(shown.map((x) => x.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(new Set(shown.map((x) => x.id)).size).toBe(shown.length);
    const dues = shown.map((x) => x.dueDate);
    expect(dues).toEqual([...dues].sort());
    // The first page counts them all, by the same timing the list shows.
    const byTiming = { overdue: 0, today: 0, upcoming: 0 } as Record<string, number>;
    for (const x of shown) byTiming[x.timing]!++;
    expect(counts).toEqual(byTiming);
    const bad = await officer.call('GET', '/api/tasks/mine?after=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('after');
  });

  it('dashboards: people by status and positive tests equal hand-written counts at commune, province and nation', async () => {
    const national = await t.userAs('national_officer', 'nation', null);
    const from = '2026-06-15';
    const to = '2026-09-14';
    const statusOf: Record<string, string> = {
      people_addicted: 'addicted',
      people_post_rehab: 'post_rehab',
      people_in_compulsory_rehab: 'compulsory_rehab',
    };
    for (const unit of [BA_DINH, '01', 'VN']) {
      const res = await national.call(
        'GET',
        `/api/dashboard?from=${from}&to=${to}${unit === 'VN' ? '' : `&unit=${unit}`}`,
      );
      expect(res.statusCode, unit).toBe(200);
      const figures = new Map<string, { value: number | null }>(
        res.json().figures.map((f: { indicatorId: string; value: number | null }) => [f.indicatorId, f]),
      );
      const inUnit = <Q extends { where: (...a: any[]) => Q }>(q: Q, col: string, provCol: string): Q =>
        unit === 'VN' ? q : unit.length === 2 ? q.where(provCol, '=', unit) : q.where(col, '=', unit);
      // People by their status at the period's end (the dated history the product keeps).
      const atEnd = () =>
        db
          .selectFrom('person_status_history as h')
          .innerJoin('people', 'people.id', 'h.person_id')
          .select((eb) => eb.fn.countAll().as('c'))
          .where('h.valid_from', '<=', to)
          .where((eb) => eb.or([eb('h.valid_to', 'is', null), eb('h.valid_to', '>', to)]));
      const total = await inUnit(
        atEnd(),
        'people.cur_commune_code',
        'people.province_code',
      ).executeTakeFirstOrThrow();
      expect(n(total.c)).toBeGreaterThan(0);
      expect(figures.get('people_total')?.value, `${unit} people_total`).toBe(n(total.c));
      for (const [id, status] of Object.entries(statusOf)) {
        const r = await inUnit(
          atEnd().where('h.status', '=', status),
          'people.cur_commune_code',
          'people.province_code',
        ).executeTakeFirstOrThrow();
        expect(figures.get(id)?.value, `${unit} ${id}`).toBe(n(r.c));
      }
      const pos = await inUnit(
        db
          .selectFrom('drug_tests')
          .innerJoin('people', 'people.id', 'drug_tests.person_id')
          .select((eb) => eb.fn.countAll().as('c'))
          .where('drug_tests.positive', '=', 1)
          .where('drug_tests.tested_on', '>=', from)
          .where('drug_tests.tested_on', '<=', to),
        'people.cur_commune_code',
        'people.province_code',
      ).executeTakeFirstOrThrow();
      expect(n(pos.c)).toBeGreaterThan(0);
      expect(figures.get('positive_tests')?.value, `${unit} positive_tests`).toBe(n(pos.c));
    }
  });

  it('status history: one open span per person, equal to the stored status, spans without gaps', async () => {
    const people = await db.selectFrom('people').select(['id', 'status', 'current_facility_id']).execute();
    const spans = await db
      .selectFrom('person_status_history')
      .select(['person_id', 'status', 'facility_id', 'valid_from', 'valid_to'])
      .orderBy('person_id')
      .orderBy('valid_from')
      .execute();
    const byPerson = new Map<string, typeof spans>();
    for (const s of spans) byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s]);
    for (const p of people) {
      const list = byPerson.get(p.id) ?? [];
      expect(list.length, p.id).toBeGreaterThan(0);
      const last = list[list.length - 1]!;
      expect([last.status, last.facility_id, last.valid_to], p.id).toEqual([
        p.status,
        p.current_facility_id,
        null,
      ]);
      for (let i = 1; i < list.length; i++) expect(list[i]!.valid_from).toBe(list[i - 1]!.valid_to);
      for (const s of list)
        expect(s.valid_from <= AS_OF && /^\d{4}-\d{2}-\d{2}$/.test(s.valid_from)).toBe(true);
    }
    // Staff accounts have their periods of activity.
    const { c } = await db
      .selectFrom('users')
      .leftJoin('account_periods', 'account_periods.user_id', 'users.id')
      .select((eb) => eb.fn.countAll().as('c'))
      .where('account_periods.id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(n(c)).toBe(0);
  });

  it('decisions issued: the block counts the generated decision records (migration 0029), nation and commune', async () => {
    const periods = recentPeriods([], AS_OF);
    let total = 0;
    for (const range of [periods[0]!, periods[3]!])
      for (const type of ['user_management', 'post_rehab'])
        for (const unit of [{ kind: 'nation' }, { kind: 'commune', code: BA_DINH }] as UnitFilter[]) {
          const figure = await blocksRepo.aggregate(db, 'decisions_issued', { type }, range, unit, 'records');
          let q = db
            .selectFrom('decisions as d')
            .select((eb) => eb.fn.count<number>('d.id').distinct().as('c'))
            .innerJoin('episodes as e', 'e.decision_id', 'd.id')
            .innerJoin('people as p', 'p.id', 'e.person_id')
            .where('d.kind', '=', type)
            .where('d.decision_date', '>=', range.from)
            .where('d.decision_date', '<=', range.to);
          if (unit.kind === 'commune') q = q.where('p.cur_commune_code', '=', unit.code);
          const { c } = await q.executeTakeFirstOrThrow();
          expect(
            figure.reduce((acc, r) => acc + r.value, 0),
            `${type} ${range.from} ${unit.kind}`,
          ).toBe(n(c));
          total += n(c);
        }
    expect(total).toBeGreaterThan(0);
    // Every generated episode of a decision kind with a decision date rests on a decision record.
    const { c } = await db
      .selectFrom('episodes')
      .select((eb) => eb.fn.countAll().as('c'))
      .where('type', 'in', ['user_management', 'post_rehab', 'compulsory_pending', 'compulsory'])
      .where('decision_date', 'is not', null)
      .where('decision_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(n(c)).toBe(0);
  });

  it('figure store: every block kept or derived from grids equals its direct SQL, per unit and per child unit', async () => {
    const store = figureStoreOf(db)!;
    await warmFigures(db, AS_OF);
    const refs = await catalogueBlockRefs(db);
    const communes = (await db.selectFrom('people').select('cur_commune_code').distinct().execute()).map(
      (r) => r.cur_commune_code,
    );
    const provinces = (await db.selectFrom('people').select('province_code').distinct().execute()).map(
      (r) => r.province_code,
    );
    // The generator places people in facilities (it writes no admission records yet: bench/README.md).
    const facilities = (
      await db
        .selectFrom('people')
        .select('current_facility_id')
        .distinct()
        .where('current_facility_id', 'is not', null)
        .execute()
    ).map((r) => r.current_facility_id!);
    expect(communes.length).toBeGreaterThanOrEqual(3);
    expect(facilities.length).toBeGreaterThan(0);
    const units: UnitFilter[] = [
      { kind: 'nation' },
      ...provinces.map((code) => ({ kind: 'province' as const, code })),
      ...communes.map((code) => ({ kind: 'commune' as const, code })),
      ...facilities.map((id) => ({ kind: 'facility' as const, id })),
    ];
    const asked: [UnitFilter, GroupBy | undefined][] = [
      ...units.map((u) => [u, undefined] as [UnitFilter, undefined]),
      ...(['province', 'commune', 'facility'] as const).map(
        (g) => [{ kind: 'nation' }, g] as [UnitFilter, GroupBy],
      ),
      ...provinces.flatMap((code) =>
        (['commune', 'facility'] as const).map(
          (g) => [{ kind: 'province', code }, g] as [UnitFilter, GroupBy],
        ),
      ),
    ];
    const norm = (rows: { key: string | null; value: number }[]) =>
      rows
        .filter((r) => r.value !== 0)
        .map((r) => `${r.key ?? ''}=${r.value}`)
        .sort();
    let nonZero = 0;
    const periods = recentPeriods([], AS_OF);
    for (const range of [periods[0]!, periods[3]!])
      for (const ref of refs.values()) {
        const measure = BLOCK_BY_ID.get(ref.block)!.measure;
        const params = ref.params ?? {};
        const before = store.stats.computed;
        for (const [unit, groupBy] of asked) {
          const direct = await blocksRepo.aggregate(db, ref.block, params, range, unit, measure, groupBy);
          const kept = await aggregateFigures(db, ref.block, params, range, unit, measure, groupBy);
          const label = `${ref.block} ${JSON.stringify(params)} ${range.from} ${JSON.stringify(unit)} ${groupBy}`;
          expect(norm(kept), label).toEqual(norm(direct));
          if (norm(direct).length) nonZero++;
        }
        // Blocks whose records each lie in one cell are all answered from the nation's grid.
        if (!SPREAD_BLOCKS.has(ref.block)) expect(store.stats.computed, ref.block).toBe(before);
      }
    expect(nonZero).toBeGreaterThan(500);
  }, 240_000);
});
