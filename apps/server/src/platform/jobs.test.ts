import { afterEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.ts';
import { prepare } from '../bootstrap.ts';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { runOnce } from './jobs.ts';

// platform/jobs.ts: every background job runs once across the servers of one database. Two handles on the same
// database (SQLite file or PostgreSQL database) stand for two servers here; the end-to-end check with real
// server processes is several-servers.test.ts.

const silent = { info: () => {}, error: () => {} };

describe('background jobs across servers', () => {
  let t: TestApp | undefined;
  let other: AppDeps | undefined;
  afterEach(async () => {
    await other?.database.close();
    await t?.close();
    other = t = undefined;
  });

  async function twoServers() {
    t = await createTestApp();
    other = await prepare(t.deps.config);
    return [t.deps, other] as const;
  }

  it('runs a scheduled minute once whichever servers race for it, records and refuses what it must', async () => {
    const [one, two] = await twoServers();
    let runs = 0;
    const job = { name: 'test-job', run: async () => void runs++ };
    const slot = '2026-12-07T00:05:00.000Z';
    const won = await Promise.all([
      runOnce(one, silent, job, slot),
      runOnce(two, silent, job, slot),
      runOnce(one, silent, job, slot),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // The same minute again: no; the next one: yes, on either server.
    expect(await runOnce(two, silent, job, slot)).toBe(false);
    expect(await runOnce(two, silent, job, '2026-12-07T00:06:00.000Z')).toBe(true);
    expect(runs).toBe(2);

    // While a run lasts, another server does not start the next minute's.
    let release!: () => void;
    const long = runOnce(
      one,
      silent,
      { name: 'test-job', run: () => new Promise<void>((r) => (release = r)) },
      '2026-12-07T00:07:00.000Z',
    );
    for (let i = 0; i < 100 && !release; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await runOnce(two, silent, job, '2026-12-07T00:08:00.000Z')).toBe(false);
    release();
    expect(await long).toBe(true);

    // A start-up run is skipped when another server ran the job less than the gap ago.
    expect(await runOnce(two, silent, job, new Date().toISOString(), 10 * 60_000)).toBe(false);

    // A failure is recorded with its error.
    const failing = {
      name: 'failing-job',
      run: async () => {
        throw new Error('không kết nối được / no connection');
      },
    };
    expect(await runOnce(one, silent, failing, '2026-12-07T00:09:00.000Z')).toBe(true);
    const rows = await one.database.db
      .selectFrom('job_runs')
      .selectAll()
      .where('job', 'in', ['test-job', 'failing-job'])
      .orderBy('started_at')
      .execute();
    expect(rows.map((r) => [r.job, r.slot, r.outcome])).toEqual([
      ['test-job', slot, 'ok'],
      ['test-job', '2026-12-07T00:06:00.000Z', 'ok'],
      ['test-job', '2026-12-07T00:07:00.000Z', 'ok'],
      ['failing-job', '2026-12-07T00:09:00.000Z', 'failed'],
    ]);
    expect(rows[3]!.error).toContain('no connection');
    expect(rows.every((r) => r.ended_at && r.ended_at >= r.started_at)).toBe(true);
    expect(new Set(rows.map((r) => r.server)).size).toBe(2);
  });

  it('lists the runs to system administrators and national officers only', async () => {
    await twoServers();
    await runOnce(t!.deps, silent, { name: 'listed-job', run: async () => {} }, '2026-12-07T01:00:00.000Z');
    for (const [role, kind, code] of [
      ['system_admin', 'nation', null],
      ['national_officer', 'nation', null],
    ] as const) {
      const u = await t!.userAs(role, kind, code);
      const res = await u.call('GET', '/api/admin/job-runs?limit=10');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items[0]).toMatchObject({
        job: 'listed-job',
        outcome: 'ok',
        endedAt: expect.any(String),
      });
    }
    for (const [role, kind, code] of [
      ['province_officer', 'province', UNITS.hanoi],
      ['commune_officer', 'commune', UNITS.baDinh],
      ['auditor', 'nation', null],
    ] as const) {
      const u = await t!.userAs(role, kind, code);
      expect((await u.call('GET', '/api/admin/job-runs')).statusCode).toBe(403);
    }
    const admin = await t!.userAs('system_admin', 'nation', null);
    const bad = await admin.call('GET', '/api/admin/job-runs?limit=5000');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('limit');
  });
});
