import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// The national reporting cut-off day as dated data: a national officer changes it from a date with a reason
// (audited, 409 on a stale version); new reports and the trend use the setting in force for each period.

let t: TestApp;
type User = Awaited<ReturnType<TestApp['userAs']>>;
let nation: User;
let province: User;
let officer: User;

const ok = (res: { statusCode: number; body: string }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return JSON.parse(res.body);
};
const change = (over: Record<string, unknown> = {}) => ({
  day: 1,
  effectiveFrom: '2026-01-01',
  reason: 'Công văn hướng dẫn chốt số liệu theo tháng dương lịch',
  version: 0,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => new Date('2026-03-01T03:00:00.000Z');
  nation = await t.userAs('national_officer', 'nation', null);
  province = await t.userAs('province_officer', 'province', UNITS.hanoi);
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
});
afterAll(async () => t?.close());

describe('national reporting cut-off day', () => {
  it('is the 15th by default, readable by every report reader', async () => {
    const body = ok(await officer.call('GET', '/api/reporting-cutoff'));
    expect(body).toMatchObject({ day: 15, effectiveFrom: null, history: [], version: 0 });
    expect(body.default.day).toBe(15);
  });

  it('only a national officer changes it; 400 names the field; 409 on a stale version', async () => {
    expect((await province.call('POST', '/api/reporting-cutoff', change())).statusCode).toBe(403);
    expect((await officer.call('POST', '/api/reporting-cutoff', change())).statusCode).toBe(403);
    const tooLate = await nation.call('POST', '/api/reporting-cutoff', change({ day: 29 }));
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().errors[0].field).toBe('day');
    const badDate = await nation.call(
      'POST',
      '/api/reporting-cutoff',
      change({ effectiveFrom: '31/12/2025' }),
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe('effectiveFrom');
    const noReason = await nation.call('POST', '/api/reporting-cutoff', change({ reason: ' ' }));
    expect(noReason.json().errors[0].field).toBe('reason');

    const saved = ok(await nation.call('POST', '/api/reporting-cutoff', change()), 201);
    expect(saved).toMatchObject({ day: 1, effectiveFrom: '2026-01-01', version: 1 });
    expect(saved.history).toEqual([
      expect.objectContaining({
        day: 1,
        effectiveFrom: '2026-01-01',
        inForce: true,
        reason: change().reason,
      }),
    ]);
    const stale = await nation.call('POST', '/api/reporting-cutoff', change({ day: 20 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(1);

    // A later change from 01/07/2026 is recorded but not yet in force today (01/03/2026).
    const later = ok(
      await nation.call(
        'POST',
        '/api/reporting-cutoff',
        change({ day: 20, effectiveFrom: '2026-07-01', reason: 'Chốt ngày 20', version: 1 }),
      ),
      201,
    );
    expect(later).toMatchObject({ day: 1, effectiveFrom: '2026-01-01', version: 2 });
    expect(later.history.map((h: { inForce: boolean }) => h.inForce)).toEqual([true, false]);

    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'details'])
      .where('action', '=', 'reports.cutoff.set')
      .execute();
    expect(audited).toHaveLength(2);
    expect(audited[0].reason).toBe(change().reason);
    expect(JSON.parse(String(audited[0].details))).toMatchObject({ day: 1, previousDay: 15 });
  });

  it('is the default when a report is created: each period takes the setting in force for it', async () => {
    const jan = ok(
      await officer.call('POST', '/api/reports', { periodKind: 'month', year: 2026, index: 1 }),
      201,
    );
    expect(jan).toMatchObject({ cutoffDay: 1, from: '2026-01-01', to: '2026-01-31' });
    const dec = ok(
      await officer.call('POST', '/api/reports', { periodKind: 'month', year: 2025, index: 12 }),
      201,
    );
    expect(dec).toMatchObject({ cutoffDay: 15, from: '2025-11-15', to: '2025-12-14' });
    const q3 = ok(
      await officer.call('POST', '/api/reports', { periodKind: 'quarter', year: 2026, index: 3 }),
      201,
    );
    expect(q3).toMatchObject({ cutoffDay: 20, from: '2026-06-20', to: '2026-09-19' });
    // An explicit day still wins.
    const feb = ok(
      await officer.call('POST', '/api/reports', {
        periodKind: 'month',
        year: 2026,
        index: 2,
        cutoffDay: 15,
      }),
      201,
    );
    expect(feb).toMatchObject({ cutoffDay: 15, from: '2026-01-15', to: '2026-02-14' });
  });

  it('is the default of the trend, period by period', async () => {
    const trend = ok(
      await officer.call('GET', '/api/indicators/dossiers_sent_to_court/trend?periodKind=month&year=2026'),
    );
    expect(trend.points[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
    expect(trend.points[6]).toMatchObject({ from: '2026-06-20', to: '2026-07-19' });
    const fixed = ok(
      await officer.call(
        'GET',
        '/api/indicators/dossiers_sent_to_court/trend?periodKind=month&year=2026&cutoffDay=15',
      ),
    );
    expect(fixed.points[0]).toMatchObject({ from: '2025-12-15', to: '2026-01-14' });
  });
});
