import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { inReportBatch, reportRows, requestsInFlight } from './report-runner.ts';

// Report and dashboard SQL runs off the request path (db/report-runner.ts): worker threads with their own
// read-only connections on SQLite, a pool of its own on PostgreSQL, one statement at a time here
// (REPORT_CONCURRENCY=1). A person page asked for while a heavy report statement runs answers before it ends,
// and a dashboard asked for then waits its turn behind it. One batch of statements (a dashboard's) alone in the
// runner uses the spare core too.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ REPORT_CONCURRENCY: '1' });
});
afterAll(async () => t?.close());

/** A statement that keeps its connection busy for a few seconds on either database. */
const heavy = (dialect: 'sqlite' | 'postgres', rows = 20_000_000) =>
  dialect === 'postgres'
    ? sql<{
        n: number;
      }>`select count(*) as n from generate_series(1, ${sql.lit(rows * 1.5)}) g, pg_sleep(2) s`
    : sql<{
        n: number;
      }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < ${sql.lit(rows)})
        select count(*) as n from c`;

describe('report work off the request path', () => {
  it('answers a person page while a heavy report statement runs; a dashboard waits its turn', async () => {
    const { db, dialect, reports } = t.deps.database;
    expect(reports?.concurrency).toBe(1);
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const created = await officer.call('POST', '/api/people', {
      fullName: 'Phạm Văn Long',
      sex: 'male',
      birthDate: '1988-07-08',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 4' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const national = await t.userAs('national_officer', 'nation', null);

    const order: string[] = [];
    const report = reportRows(db, heavy(dialect)).then((rows) => {
      order.push('report');
      return rows;
    });
    // Give the statement time to reach its worker / connection.
    await new Promise((r) => setTimeout(r, 200));
    const dashboard = national.call('GET', '/api/dashboard?from=2026-01-01&to=2026-03-31').then((res) => {
      order.push('dashboard');
      return res;
    });
    const page = officer.call('GET', `/api/people/${id}`).then((res) => {
      order.push('person');
      return res;
    });
    const [rows, dash, res] = await Promise.all([report, dashboard, page]);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    expect(res.statusCode, res.body).toBe(200);
    expect(dash.statusCode, dash.body).toBe(200);
    expect(order).toEqual(['person', 'report', 'dashboard']);
  });

  it('gives the same figures as the request connection', async () => {
    const { db } = t.deps.database;
    const q = sql<{ n: number }>`select count(*) as n from units where level = 'commune'`;
    const viaRunner = await reportRows(db, q);
    const direct = await q.execute(db);
    expect(Number(viaRunner[0].n)).toBe(Number(direct.rows[0].n));
    expect(Number(viaRunner[0].n)).toBeGreaterThan(1000);
  });

  it('runs one batch on a second worker/connection while nothing else waits, never beside other work', async () => {
    const { db, dialect, reports } = t.deps.database;
    expect(reports?.burst).toBeGreaterThan(0);
    const whileRunning = async (start: () => Promise<unknown>) => {
      const done = start();
      await new Promise((r) => setTimeout(r, 300));
      const running = reports!.running;
      await done;
      return running;
    };
    // Two statements of one batch: both at once.
    expect(
      await whileRunning(() =>
        inReportBatch(() =>
          Promise.all([reportRows(db, heavy(dialect, 5_000_000)), reportRows(db, heavy(dialect, 5_000_000))]),
        ),
      ),
    ).toBe(2);
    // Two statements of no batch, or of two batches: one at a time.
    expect(
      await whileRunning(() =>
        Promise.all([reportRows(db, heavy(dialect, 5_000_000)), reportRows(db, heavy(dialect, 5_000_000))]),
      ),
    ).toBe(1);
    expect(
      await whileRunning(() =>
        Promise.all([
          inReportBatch(() => reportRows(db, heavy(dialect, 5_000_000))),
          inReportBatch(() => reportRows(db, heavy(dialect, 5_000_000))),
        ]),
      ),
    ).toBe(1);
    // One batch while another request than its own is being served: one at a time.
    requestsInFlight.start();
    requestsInFlight.start();
    try {
      expect(
        await whileRunning(() =>
          inReportBatch(() =>
            Promise.all([
              reportRows(db, heavy(dialect, 5_000_000)),
              reportRows(db, heavy(dialect, 5_000_000)),
            ]),
          ),
        ),
      ).toBe(1);
    } finally {
      requestsInFlight.end();
      requestsInFlight.end();
    }
  });

  it('counts the requests being served, each until its answer is sent', async () => {
    const national = await t.userAs('national_officer', 'nation', null);
    const before = requestsInFlight.count;
    const res = await national.call('GET', '/api/dashboard?from=2026-01-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(requestsInFlight.count).toBe(before);
    // While a request is being served it is counted.
    const seen = new Set<number>();
    const probe = setInterval(() => seen.add(requestsInFlight.count), 1);
    await national.call('GET', '/api/dashboard?from=2025-01-01&to=2025-03-31');
    clearInterval(probe);
    expect(seen.has(before + 1)).toBe(true);
    expect(requestsInFlight.count).toBe(before);
  });
});
