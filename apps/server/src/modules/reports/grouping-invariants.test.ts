import path from 'node:path';
import { BLOCK_BY_ID } from '@hoanhap/domain/indicators';
import { recentPeriods } from '@hoanhap/domain/reporting-periods';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../../../../bench/lib/run-generator.ts';
import { backfillPersonUnits } from '../../db/migrations/0032_person_units.ts';
import type { DB } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { blocksRepo, type Range, SPREAD_BLOCKS, type UnitFilter } from './blocks.repo.ts';
import { aggregateFigures } from './figures.ts';
import { catalogueBlockRefs } from './figures-warmup.job.ts';

// Grouping by the units of the period on the commune-scale data set (the three test communes with their
// histories), after a third of Ba Đình's people are recorded as having lived in Ngọc Hà until after the periods
// read: for every block of the catalogue, the nation's and the province's figures are the same by either grouping
// (a grouping moves records between communes, never in or out), Ba Đình and Ngọc Hà together hold the same
// records, the moved people's records are Ngọc Hà's for the period, and the figure store answers as direct SQL.

const AS_OF = '2026-11-20';
const MOVED_ON = '2027-06-01'; // after the end of every period read
const BA_DINH = '00004';
const NGOC_HA = '00008';
let t: TestApp;
let db: Kysely<DB>;
let moved = 0;

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.database.db;
  const databaseUrl = t.deps.config.databaseUrl;
  await fill(
    t.deps,
    databaseUrl ? { databaseUrl } : { sqliteFile: path.join(t.deps.config.dataDir, 'hoanhap.sqlite') },
    { scale: 'commune', seed: 11, asOf: AS_OF, passwordHash: 'not-a-real-hash' },
  );
  // The generator writes people without their dated communes: the migration's backfill gives them one span each.
  await db.deleteFrom('person_units').execute();
  await backfillPersonUnits(db);
  const ids = (
    await db.selectFrom('people').select('id').where('cur_commune_code', '=', BA_DINH).orderBy('id').execute()
  )
    .filter((_, i) => i % 3 === 0)
    .map((r) => r.id);
  moved = ids.length;
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    await db
      .updateTable('person_units')
      .set({ commune_code: NGOC_HA, valid_to: MOVED_ON })
      .where('person_id', 'in', chunk)
      .execute();
    await db
      .insertInto('person_units')
      .values(
        chunk.map((id) => ({
          id: `moved-${id}`,
          person_id: id,
          commune_code: BA_DINH,
          province_code: '01',
          valid_from: MOVED_ON,
          valid_to: null,
          cause: 'move',
          source_id: null,
        })),
      )
      .execute();
  }
}, 240_000);
afterAll(() => t?.close());

const value = async (block: string, params: Record<string, string>, range: Range, unit: UnitFilter) =>
  (await blocksRepo.aggregate(db, block, params, range, unit, BLOCK_BY_ID.get(block)!.measure))[0]?.value ??
  0;

describe('figures by the units of the period', () => {
  it('move records between communes only, and the store answers as direct SQL', async () => {
    expect(moved).toBeGreaterThan(20);
    const refs = await catalogueBlockRefs(db);
    const periods = recentPeriods([], AS_OF);
    let differ = 0;
    const facilities = (
      await db
        .selectFrom('people')
        .select('current_facility_id')
        .distinct()
        .where('current_facility_id', 'is not', null)
        .execute()
    ).map((r) => r.current_facility_id!);
    expect(facilities.length).toBeGreaterThan(0);
    for (const period of [periods[0]!, periods[3]!]) {
      const today: Range = { from: period.from, to: period.to };
      const byPeriod: Range = { ...today, grouping: 'period' };
      for (const ref of refs.values()) {
        const params = ref.params ?? {};
        const label = `${ref.block} ${JSON.stringify(params)} ${period.from}`;
        for (const unit of [{ kind: 'nation' }, { kind: 'province', code: '01' }] as UnitFilter[])
          expect(await value(ref.block, params, byPeriod, unit), `${label} ${unit.kind}`).toBe(
            await value(ref.block, params, today, unit),
          );
        const pair = (r: Range) =>
          blocksRepo.records(
            db,
            ref.block,
            params,
            r,
            { kind: 'area', id: 'pair', province: '01', communes: [BA_DINH, NGOC_HA] },
            { limit: 100_000 },
          );
        const ids = (rows: { rid: string }[]) => rows.map((r) => r.rid).sort();
        const [a, b] = [await pair(today), await pair(byPeriod)];
        expect(ids(b), label).toEqual(ids(a));
        const was = new Map(a.map((r) => [`${r.rid}|${r.pid}`, r.commune]));
        if (b.some((r) => r.commune !== was.get(`${r.rid}|${r.pid}`))) differ++;
        // The figure store (grids by cell, kept apart by grouping) equals direct SQL for each commune.
        const measure = BLOCK_BY_ID.get(ref.block)!.measure;
        for (const unit of [
          { kind: 'commune', code: BA_DINH },
          { kind: 'commune', code: NGOC_HA },
          ...facilities.map((id) => ({ kind: 'facility', id })),
        ] as UnitFilter[]) {
          const code = unit.kind === 'commune' ? unit.code : unit.kind === 'facility' ? unit.id : '';
          const direct = await blocksRepo.aggregate(db, ref.block, params, byPeriod, unit, measure);
          const kept = await aggregateFigures(db, ref.block, params, byPeriod, unit, measure);
          expect(kept[0]?.value ?? 0, `${label} ${code} kept`).toBe(direct[0]?.value ?? 0);
        }
        if (!SPREAD_BLOCKS.has(ref.block)) {
          const perCommune = await aggregateFigures(
            db,
            ref.block,
            params,
            byPeriod,
            { kind: 'province', code: '01' },
            measure,
            'commune',
          );
          const direct = await blocksRepo.aggregate(
            db,
            ref.block,
            params,
            byPeriod,
            { kind: 'province', code: '01' },
            measure,
            'commune',
          );
          const norm = (rows: { key: string | null; value: number }[]) =>
            rows
              .filter((r) => r.value)
              .map((r) => `${r.key}=${r.value}`)
              .sort();
          expect(norm(perCommune), `${label} per commune`).toEqual(norm(direct));
        }
      }
    }
    // Some blocks place the moved people's records in Ngọc Hà for the period.
    expect(differ).toBeGreaterThan(5);
    const range: Range = { ...periods[0]!, grouping: 'period' };
    const inNgocHa = await blocksRepo.records(
      db,
      'people_by_status',
      { status: 'any' },
      range,
      { kind: 'commune', code: NGOC_HA },
      { limit: 100_000 },
    );
    const todayNgocHa = await blocksRepo.records(
      db,
      'people_by_status',
      { status: 'any' },
      { from: range.from, to: range.to },
      { kind: 'commune', code: NGOC_HA },
      { limit: 100_000 },
    );
    expect(inNgocHa.length).toBeGreaterThan(todayNgocHa.length);
  }, 600_000);
});
