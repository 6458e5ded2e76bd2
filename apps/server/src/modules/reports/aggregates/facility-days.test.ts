import { randomUUID } from 'node:crypto';
import { addDays } from '@hoanhap/domain/iso-date';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli.ts';
import type { DB } from '../../../db/schema.ts';
import { UNITS } from '../../../test/test-app.ts';
import type { User } from '../../episodes/pathway-test-kit.ts';
import { facilityKit, type Kit } from '../../facility/facility-test-kit.ts';
import { blocksRepo, type GroupBy, type UnitFilter } from '../blocks.repo.ts';
import { FACILITY_EVENT_KINDS } from '../facts/facility.ts';
import { keptAggregateAvailable, keptGridAvailable, rebuildAggregates } from './aggregates.repo.ts';
import { keptFacilityDays } from './aggregates-test-kit.ts';

// The per-facility event days kept by the writes (migration 0041) equal a rebuild from the records after
// facility events written through the API (health checks and HIV tests, visits, incidents, support, a release
// and handover; one corrected to another day, one voided) and straight to the tables (an event with no
// resident, one moved to another day and to another facility, one voided, one deleted, an admission given to
// another person, a resident's commune and a facility's province changed); and every facility-event block's
// grid and unit figures read from them equal those from the records, for every kind. A trigger missing is seen.

const HA_TU = '06652'; // Phường Hà Tu, Quảng Ninh

const cells = (
  rows: { province: string | null; commune: string | null; facility: string | null; value: number }[],
) => rows.map((c) => `${c.province}|${c.commune}|${c.facility}=${c.value}`).sort();
const keyed = (rows: { key: string | null; value: number }[]) =>
  rows.map((r) => `${r.key}=${r.value}`).sort();

const GROUPS: (GroupBy | undefined)[] = [undefined, 'province', 'commune', 'facility'];

/** The kept days equal a rebuild; every kind's grids and unit figures equal the records' for periods to `ends`. */
async function expectKept(db: Kysely<DB>, ends: string[], units: UnitFilter[], kinds: string[]) {
  const kept = await keptFacilityDays(db);
  await rebuildAggregates(db);
  expect(await keptFacilityDays(db)).toEqual(kept);
  expect(new Set(kept.map((d) => d.kind))).toEqual(new Set(kinds));
  let nonEmpty = 0;
  let released = 0;
  for (const to of ends)
    for (const span of [30, 120]) {
      const range = { from: addDays(to, -span), to };
      for (const kind of Object.keys(FACILITY_EVENT_KINDS)) {
        const params = { kind };
        for (const [block, measure] of [
          ['facility_events', 'records'],
          ['facility_event_people', 'people'],
        ] as const) {
          expect(keptGridAvailable(block, range, measure)).toBe(true);
          for (const scope of [units[0]!, units[1]!]) {
            const fromKept = cells(await blocksRepo.grid(db, block, params, range, scope, measure));
            const fromRecords = cells(await blocksRepo.recordsGrid(db, block, params, range, scope, measure));
            expect(fromKept, `${block} ${kind} ${range.from}–${to} ${JSON.stringify(scope)}`).toEqual(
              fromRecords,
            );
            if (fromKept.length) nonEmpty++;
          }
        }
        // The residents of a unit (a resident of two facilities once), from the days for a unit.
        for (const unit of units)
          for (const group of GROUPS) {
            const args = ['facility_event_people', params, range, unit, 'people', group] as const;
            expect(keptAggregateAvailable(args[0], range, 'people', group)).toBe(true);
            expect(
              keyed(await blocksRepo.aggregate(db, ...args)),
              `${kind} ${range.from}–${to} ${JSON.stringify(unit)} by ${group}`,
            ).toEqual(keyed(await blocksRepo.recordsAggregate(db, ...args)));
          }
      }
      // The residents released (kind 'release', migration 0043): grids, and a unit's figure (a resident
      // released by two facilities once).
      for (const scope of [units[0]!, units[1]!]) {
        const args = ['facility_releases', {}, range, scope, 'people'] as const;
        expect(keptGridAvailable('facility_releases', range, 'people')).toBe(true);
        const fromKept = cells(await blocksRepo.grid(db, ...args));
        expect(fromKept, `releases ${range.from}–${to} ${JSON.stringify(scope)}`).toEqual(
          cells(await blocksRepo.recordsGrid(db, ...args)),
        );
        if (fromKept.length) released++;
      }
      for (const unit of units)
        for (const group of GROUPS) {
          const args = ['facility_releases', {}, range, unit, 'people', group] as const;
          expect(keptAggregateAvailable(args[0], range, 'people', group)).toBe(true);
          expect(
            keyed(await blocksRepo.aggregate(db, ...args)),
            `releases ${range.from}–${to} ${JSON.stringify(unit)} by ${group}`,
          ).toEqual(keyed(await blocksRepo.recordsAggregate(db, ...args)));
        }
    }
  expect(nonEmpty).toBeGreaterThan(20);
  expect(released).toBeGreaterThan(0);
  // Grouped by the units of the period, the records are read (a resident's past commune is not kept).
  expect(
    keptGridAvailable(
      'facility_events',
      { from: '2024-01-01', to: '2024-12-31', grouping: 'period' },
      'records',
    ),
  ).toBe(false);
}

describe('facility-event days kept by writes through the API and straight to the tables', () => {
  let k: Kit;
  let db: Kysely<DB>;
  let second: ReturnType<typeof randomUUID>;
  let secondStaff: User;
  const stays: { id: string; version: number; personId: string }[] = [];
  const units = (): UnitFilter[] => [
    { kind: 'nation' },
    { kind: 'province', code: UNITS.hanoi },
    { kind: 'province', code: UNITS.quangNinh },
    { kind: 'commune', code: UNITS.baDinh },
    { kind: 'facility', id: k.facilityId },
    { kind: 'facility', id: second },
    { kind: 'area', id: 'a', province: UNITS.hanoi, communes: [UNITS.baDinh, UNITS.ngocHa] },
  ];
  const ok = (res: { statusCode: number; body: string }, code = 201) => {
    expect(res.statusCode, res.body).toBe(code);
    return JSON.parse(res.body);
  };

  beforeAll(async () => {
    k = await facilityKit('2024-01-02', 'Cơ sở cai nghiện ma túy số 2 Hà Nội');
    db = k.t.deps.database.db;
    second = await k.facility('Cơ sở cai nghiện ma túy tỉnh Quảng Ninh', UNITS.quangNinh);
    secondStaff = await k.t.userAs('facility_staff', 'facility', second);
    const secondMedical = await k.t.userAs('facility_medical', 'facility', second);
    // Six residents at the first facility, two at the second.
    for (let i = 0; i < 8; i++) {
      const start = addDays('2024-01-05', i * 3);
      k.setToday(start);
      const at = i < 6 ? k.facilityId : second;
      const v = await k.voluntary(start, 12, at);
      const staff = i < 6 ? k.staff : secondStaff;
      const a = ok(
        await staff.call('POST', `/api/facility-ops/${at}/admissions`, k.admissionBody(v.episodeId, start)),
      );
      stays.push({ id: a.id, version: a.version, personId: v.personId });
    }
    k.setToday('2024-12-20');
    const medicalOf = (i: number) => (i < 6 ? k.medical : secondMedical);
    const staffOf = (i: number) => (i < 6 ? k.staff : secondStaff);
    for (const [i, s] of stays.entries()) {
      // Periodic checks about every two months (two on one day for some), tests for HIV and another disease.
      for (let m = 2; m <= 11; m += 2 + (i % 2))
        for (let c = 0; c < (i % 3 === 0 ? 2 : 1); c++)
          ok(
            await medicalOf(i).call('POST', `/api/admissions/${s.id}/health`, {
              kind: 'periodic_check',
              occurredOn: `2024-${String(m).padStart(2, '0')}-1${i}`,
              performedBy: 'BS. Phạm Y',
            }),
          );
      for (const disease of i % 2 ? ['hiv'] : ['hiv', 'tuberculosis'])
        ok(
          await medicalOf(i).call('POST', `/api/admissions/${s.id}/health`, {
            kind: 'infectious_test',
            occurredOn: addDays('2024-05-01', i * 9),
            disease,
            testResult: 'negative',
            performedBy: 'BS. Phạm Y',
          }),
        );
      ok(
        await staffOf(i).call('POST', `/api/admissions/${s.id}/visits`, {
          visitedOn: addDays('2024-03-01', i * 11),
          mode: 'in_person',
          visitor: 'Nguyễn Thị Mẹ',
          relation: 'Mẹ',
        }),
      );
      ok(
        await staffOf(i).call('POST', `/api/admissions/${s.id}/support`, {
          providedOn: addDays('2024-07-01', i * 7),
          kind: i % 2 ? 'overseas_labour_counselling' : 'job_counselling',
        }),
      );
      if (i % 4 === 1)
        ok(
          await staffOf(i).call('POST', `/api/admissions/${s.id}/incidents`, {
            occurredOn: addDays('2024-06-01', i),
            kind: 'rule_violation',
            description: 'Vi phạm nội quy',
          }),
        );
    }
    // A facility-wide event (no resident, no catalogue kind): no row.
    ok(
      await k.staff.call('POST', `/api/facility-ops/${k.facilityId}/groups`, {
        name: 'Tổ tự quản số 1',
        formedOn: '2024-04-01',
        memberAdmissionIds: [stays[0]!.id],
      }),
    );
    // A release with handover to the commune.
    const first = ok(await k.staff.call('GET', `/api/admissions/${stays[5]!.id}`), 200);
    k.setToday('2025-03-01');
    const version = await k.throughStages(first.id, first.version, addDays(first.admittedOn, 7));
    await k.discharge(first.id, version, first.term.plannedRelease);
    // A check corrected to another day, and one voided, by the medical staff.
    const checks = await db
      .selectFrom('facility_events')
      .select(['id', 'version', 'occurred_on'])
      .where('subkind', '=', 'periodic_check')
      .where('facility_id', '=', k.facilityId)
      .orderBy('id')
      .execute();
    ok(
      await k.medical.call('PUT', `/api/facility-events/${checks[0]!.id}`, {
        version: checks[0]!.version,
        input: { kind: 'periodic_check', occurredOn: '2024-09-30', performedBy: 'BS. Phạm Y' },
      }),
      200,
    );
    ok(
      await k.medical.call('POST', `/api/facility-events/${checks[1]!.id}/void`, {
        version: checks[1]!.version,
        reason: 'Nhập nhầm học viên',
      }),
      200,
    );
  }, 300_000);
  afterAll(async () => k?.t.close());

  it('after writes through the API', async () => {
    const events = await db.selectFrom('facility_events').select('kind').execute();
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['health', 'visit', 'support', 'incident', 'group', 'release'])
      expect(kinds.has(kind), kind).toBe(true);
    await expectKept(db, ['2024-03-31', '2024-06-14', '2024-09-30', '2024-12-31', '2025-03-01'], units(), [
      ...Object.keys(FACILITY_EVENT_KINDS).filter((kind) => kind !== 'term_reduction'),
      'release',
    ]);
  });

  it('after writes straight to the tables, and through the CLI rebuild', async () => {
    const now = new Date().toISOString();
    const event = (over: {
      kind: string;
      subkind?: string | null;
      occurred_on: string;
      admission_id?: string | null;
      data?: string;
      voided_at?: string | null;
      facility_id?: string;
    }) => ({
      id: randomUUID(),
      facility_id: k.facilityId,
      admission_id: stays[0]!.id,
      subkind: null,
      health: 0,
      data: '{}',
      created_at: now,
      created_by: null,
      version: 1,
      updated_at: null,
      updated_by: null,
      voided_at: null,
      voided_by: null,
      void_reason: null,
      ...over,
    });
    // Written by a script: an incident naming no resident, HIV tests, a term reduction, a voided check.
    await db
      .insertInto('facility_events')
      .values([
        event({ kind: 'incident', subkind: 'fight', occurred_on: '2024-08-08', admission_id: null }),
        event({ kind: 'incident', subkind: 'fight', occurred_on: '2024-08-08', admission_id: null }),
        event({
          kind: 'health',
          subkind: 'infectious_test',
          occurred_on: '2024-10-10',
          admission_id: stays[2]!.id,
          data: '{"disease":"hiv","testResult":"positive"}',
        }),
        event({
          kind: 'term_change',
          subkind: 'reduction',
          occurred_on: '2024-11-02',
          admission_id: stays[3]!.id,
        }),
        event({
          kind: 'health',
          subkind: 'periodic_check',
          occurred_on: '2024-11-03',
          voided_at: now,
        }),
        // Releases: one resident released by both facilities; a release voided (in no figure).
        event({ kind: 'release', subkind: 'commune', occurred_on: '2024-10-20' }),
        event({ kind: 'release', subkind: 'family', occurred_on: '2024-10-21', facility_id: second }),
        event({
          kind: 'release',
          subkind: 'commune',
          occurred_on: '2024-10-22',
          admission_id: stays[2]!.id,
          voided_at: now,
        }),
      ])
      .execute();
    const october = { from: '2024-10-01', to: '2024-10-31' };
    for (const figure of [blocksRepo.aggregate, blocksRepo.recordsAggregate])
      expect(
        await figure(db, 'facility_releases', {}, october, { kind: 'nation' }, 'people', undefined),
      ).toEqual([{ key: null, value: 1 }]);
    const checks = await db
      .selectFrom('facility_events')
      .select(['id', 'admission_id'])
      .where('subkind', '=', 'periodic_check')
      .where('voided_at', 'is', null)
      .orderBy('occurred_on')
      .execute();
    // A check moved to another day, one voided, one deleted; one moved to the other facility (its resident now
    // has checks at two facilities, in two provinces); a support service turned into overseas-labour counselling.
    await db
      .updateTable('facility_events')
      .set({ occurred_on: '2024-02-29' })
      .where('id', '=', checks[3]!.id)
      .execute();
    await db.updateTable('facility_events').set({ voided_at: now }).where('id', '=', checks[4]!.id).execute();
    await db.deleteFrom('facility_events').where('id', '=', checks[5]!.id).execute();
    const moved = checks.find((c) => c.admission_id === stays[1]!.id)!;
    await db.updateTable('facility_events').set({ facility_id: second }).where('id', '=', moved.id).execute();
    await db
      .updateTable('facility_events')
      .set({ subkind: 'overseas_labour_counselling' })
      .where('kind', '=', 'support')
      .where('admission_id', '=', stays[0]!.id)
      .execute();
    // An admission entered for the wrong person, corrected; a resident who moved to Hà Tu; a facility that now
    // belongs to another province.
    await db
      .updateTable('facility_admissions')
      .set({ person_id: stays[2]!.personId })
      .where('id', '=', stays[4]!.id)
      .execute();
    await db
      .updateTable('people')
      .set({ cur_commune_code: HA_TU, province_code: UNITS.quangNinh })
      .where('id', '=', stays[1]!.personId)
      .execute();
    await db
      .updateTable('facilities')
      .set({ province_code: UNITS.quangNinh })
      .where('id', '=', k.facilityId)
      .execute();
    const all = [...Object.keys(FACILITY_EVENT_KINDS), 'release'];
    await expectKept(db, ['2024-03-31', '2024-08-31', '2024-11-30', '2025-03-01'], units(), all);
    await db
      .updateTable('facilities')
      .set({ province_code: UNITS.hanoi })
      .where('id', '=', k.facilityId)
      .execute();
    await expectKept(db, ['2024-11-30'], units(), all);
    const out: string[] = [];
    expect(await runCli(['rebuild-aggregates'], { deps: k.t.deps, out: (s) => out.push(s) })).toBe(0);
    expect(out.join('\n')).toMatch(/\d+ ngày sự kiện cơ sở/);
  });

  it('differ from a rebuild when a trigger of the facility days is missing', async () => {
    const postgres = k.t.deps.database.dialect === 'postgres';
    await sql
      .raw(postgres ? 'drop trigger agg_fac_people_cell on people' : 'drop trigger agg_fac_people_cell')
      .execute(db);
    await db
      .updateTable('people')
      .set({ cur_commune_code: UNITS.ngocHa })
      .where('id', '=', stays[0]!.personId)
      .execute();
    const kept = await keptFacilityDays(db);
    await rebuildAggregates(db);
    expect(await keptFacilityDays(db)).not.toEqual(kept);
  });
});
