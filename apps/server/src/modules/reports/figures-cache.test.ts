import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeTracker, tablesRead, writtenTable } from '../../db/change-tracker.ts';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, testBody } from '../episodes/pathway-test-kit.ts';
import { FigureStore, figureStoreOf } from './figure-store.ts';
import { warmFigures } from './figures-warmup.job.ts';

// The figure store (figure-store.ts, figures.ts): figures are kept while nothing they read changes, a write
// makes them current again at once, a slow figure may be shown stale only to a dashboard and marked so, and
// the warm-up computes the recent periods ahead. Equality of the kept/derived figures with direct SQL at
// commune scale is in bench-scale-queries.test.ts.

describe('what a statement writes and reads', () => {
  it('finds the written table of inserts, updates, deletes and DDL, and none for reads', () => {
    expect(writtenTable('insert into "drug_tests" ("id") values (?)')).toBe('drug_tests');
    expect(writtenTable('insert or ignore into people (id) values ($1)')).toBe('people');
    expect(writtenTable('update "people" set "status" = ?')).toBe('people');
    expect(writtenTable('delete from "community_contacts" where "id" = ?')).toBe('community_contacts');
    expect(writtenTable('create index x on people (status)')).toBe('*');
    expect(writtenTable('select * from people')).toBeNull();
    expect(writtenTable('begin')).toBeNull();
  });
  it('lists every table a query reads, subqueries included', () => {
    expect(
      tablesRead(
        'select 1 from (select * from episodes e join people p on p.id = e.person_id) f left join "drug_tests" t on 1=1',
      ),
    ).toEqual(['drug_tests', 'episodes', 'people']);
  });
  it('keeps a figure until one of its tables is written; joins a running computation', async () => {
    const tracker = new ChangeTracker();
    const store = new FigureStore(tracker);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([
      store.get('k', ['people'], compute),
      store.get('k', ['people'], compute),
    ]);
    expect([a.value, b.value, runs]).toEqual([1, 1, 1]);
    expect(store.peek('k', false)?.value).toBe(1);
    tracker.touch('audit_log');
    expect(store.peek('k', false)?.value).toBe(1);
    tracker.touch('people');
    expect(store.peek('k', false)).toBeUndefined();
    tracker.touch('*');
    expect((await store.get('k', ['people'], compute)).value).toBe(2);
  });
});

describe('the memory of the figure store', () => {
  it('drops the least recently used figures past its row budget', async () => {
    const store = new FigureStore(new ChangeTracker());
    store.options = { ...store.options, maxRows: 25 };
    const rows = (n: number) => async () =>
      Array.from({ length: n }, (_, i) => ({ key: String(i), value: i }));
    await store.get('a', ['people'], rows(9));
    await store.get('b', ['people'], rows(9));
    expect(store.keptRows).toBe(20);
    expect(store.peek('a', false)).toBeDefined(); // a is now the most recently used
    await store.get('c', ['people'], rows(9));
    expect(store.peek('b', false)).toBeUndefined();
    expect(store.peek('a', false)).toBeDefined();
    expect(store.peek('c', false)).toBeDefined();
    expect(store.keptRows).toBe(20);
    await store.get('a', ['people'], rows(1));
    expect(store.keptRows).toBe(12);
  });
});

describe('figures over HTTP', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function setUp(env: Record<string, string> = {}) {
    const k = await pathwayApp(env);
    close = () => k.t.close();
    const officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    const nation = await k.t.userAs('national_officer', 'nation', null);
    const province = await k.t.userAs('province_officer', 'province', UNITS.hanoi);
    const today = k.t.deps.now().toISOString().slice(0, 10);
    const month = recentPeriods([], today)[0]!;
    const q = `from=${month.from}&to=${month.to}`;
    const positive = async () => {
      const p = await k.person(officer);
      const res = await police.call('POST', `/api/people/${p.id}/drug-tests`, testBody(today, 'positive'));
      expect(res.statusCode, res.body).toBe(201);
    };
    const figure = async (u: typeof nation, unit?: string) => {
      const res = await u.call('GET', `/api/dashboard?${q}${unit ? `&unit=${unit}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return {
        value: body.figures.find((f: { indicatorId: string }) => f.indicatorId === 'positive_tests').value,
        stale: body.stale as boolean,
        computedAt: body.computedAt as string,
      };
    };
    return { k, officer, nation, province, positive, figure, store: figureStoreOf(k.t.deps.database.db)! };
  }

  it('serves repeated dashboards from memory and shows a new record at once, at every level', async () => {
    const { positive, figure, nation, province, officer, store } = await setUp();
    await positive();
    expect((await figure(nation)).value).toBe(1);
    const computed = store.stats.computed;
    expect((await figure(nation)).value).toBe(1);
    expect(store.stats.computed).toBe(computed);
    expect((await figure(province)).value).toBe(1);
    expect((await figure(officer)).value).toBe(1);
    await positive();
    const after = await figure(nation);
    expect(after).toMatchObject({ value: 2, stale: false });
    expect(store.stats.computed).toBeGreaterThan(computed);
    expect((await figure(province)).value).toBe(2);
    expect((await figure(officer, UNITS.baDinh)).value).toBe(2);
  });

  it('may show a slow figure stale to a dashboard, marked, never to a periodic report', async () => {
    // Every computation counts as slow here, as the national dashboard is at the size of the country.
    const { k, positive, figure, nation, officer, store } = await setUp({
      REPORTS_STALE_AFTER_MS: '0',
      REPORTS_MAX_STALE_MINUTES: '15',
      REPORTS_REFRESH_GAP_SECONDS: '600',
    });
    await positive();
    const first = await figure(nation);
    expect(first).toMatchObject({ value: 1, stale: false });
    await positive();
    const stale = await figure(nation);
    expect(stale).toMatchObject({ value: 1, stale: true, computedAt: first.computedAt });
    // Shown stale after a write: recomputed in the background at once (not after a fixed 30 s).
    await store.idle();
    expect(await figure(nation)).toMatchObject({ value: 2, stale: false });
    // Another write right after that refresh: shown stale, and recomputed only when the refresh gap (a
    // setting, here 10 minutes) has passed — then at once.
    await positive();
    expect(await figure(nation)).toMatchObject({ value: 2, stale: true });
    await store.idle();
    expect(await figure(nation)).toMatchObject({ value: 2, stale: true });
    expect(store.pendingRefreshes).toBeGreaterThan(0);
    store.options = { ...store.options, refreshGapMs: 0 };
    expect(await figure(nation)).toMatchObject({ value: 2, stale: true });
    await store.idle();
    expect(await figure(nation)).toMatchObject({ value: 3, stale: false });
    expect(store.pendingRefreshes).toBe(0);
    // A report is a document: always the current figures.
    const created = await officer.call('POST', '/api/reports', {
      periodKind: 'month',
      year: Number(k.t.deps.now().toISOString().slice(0, 4)),
      index: recentPeriods([], k.t.deps.now().toISOString().slice(0, 10))[0]!.index,
    });
    expect(created.statusCode, created.body).toBe(201);
    await positive();
    const report = await officer.call('GET', `/api/reports/${created.json().id}`);
    const f = report.json().figures.find((x: { indicatorId: string }) => x.indicatorId === 'positive_tests');
    expect(f.value).toBe(4);
    // With no staleness allowed, the dashboard waits for the current figure.
    store.options = { ...store.options, maxStaleMs: 0 };
    await positive();
    expect(await figure(nation)).toMatchObject({ value: 5, stale: false });
  });

  it('computes the recent periods ahead, from which dashboards are served', async () => {
    const { figure, nation, province, officer, positive, store, k } = await setUp();
    await positive();
    const r = await warmFigures(k.t.deps.database.db, k.t.deps.now().toISOString().slice(0, 10));
    expect(r.periods).toBe(4);
    expect(store.size).toBeGreaterThan(r.blocks);
    const computed = store.stats.computed;
    // The nation's grids (and, for blocks whose records span cells, its figures per unit) serve the
    // province's and the commune's dashboards without another query.
    expect((await figure(nation)).value).toBe(1);
    expect((await figure(province)).value).toBe(1);
    expect((await figure(officer)).value).toBe(1);
    expect(store.stats.computed).toBe(computed);
  });

  it('starts the warm-up by itself once the server is ready (REPORTS_WARMUP)', async () => {
    const { store } = await setUp({ REPORTS_WARMUP: 'true' });
    for (let i = 0; i < 300 && store.size === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(store.size).toBeGreaterThan(0);
  });
});
