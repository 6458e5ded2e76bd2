import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { AppDeps } from '../../app-deps.ts';
import { prepare } from '../../bootstrap.ts';
import { UNITS } from '../../test/test-app.ts';
import { pathwayApp, testBody } from '../episodes/pathway-test-kit.ts';
import { figureStoreOf } from './figure-store.ts';

// Figures shared by the servers of one database (issue 17): a second app on a second handle to the same
// database stands for another server, or this one after a restart. It takes the figures the first computed from
// the database instead of computing them, and a write through the first invalidates them there at once.

describe('figures kept in the database', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('survive a restart while nothing they read changed, and follow writes made by another server', async () => {
    const k = await pathwayApp();
    let other: AppDeps | undefined;
    let app2: Awaited<ReturnType<typeof buildApp>> | undefined;
    close = async () => {
      await app2?.close();
      await other?.database.close();
      await k.t.close();
    };
    const officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
    const today = k.t.deps.now().toISOString().slice(0, 10);
    const month = recentPeriods([], today)[0]!;
    const positive = async () => {
      const p = await k.person(officer);
      const res = await police.call('POST', `/api/people/${p.id}/drug-tests`, testBody(today, 'positive'));
      expect(res.statusCode, res.body).toBe(201);
    };
    const figure = async (app: { inject: typeof k.t.app.inject }) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/dashboard?from=${month.from}&to=${month.to}`,
        headers: officer.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().figures.find((f: { indicatorId: string }) => f.indicatorId === 'positive_tests')
        .value;
    };
    await positive();
    expect(await figure(k.t.app)).toBe(1);
    await figureStoreOf(k.t.deps.database.db)!.idle();

    // "Another server" (the session is in the database too): the figures are taken, not computed.
    other = await prepare(k.t.deps.config);
    app2 = await buildApp(other);
    await app2.ready();
    const store2 = figureStoreOf(other.database.db)!;
    expect(await figure(app2)).toBe(1);
    expect(store2.stats.loaded).toBeGreaterThan(0);
    expect(store2.stats.computed).toBe(0);

    // A write through the first: the second's kept figure is obsolete at once.
    await positive();
    expect(await figure(app2)).toBe(2);
    expect(store2.stats.computed).toBeGreaterThan(0);
    expect(await figure(k.t.app)).toBe(2);
  });
});
