import path from 'node:path';
import {
  type DatedTeam,
  DEFAULT_VOLUNTEER_MODEL_RULE,
  hasVolunteerModelOn,
} from '@hoanhap/domain/community-rules';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../../../../bench/lib/run-generator.ts';
import type { DB } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// The figures of issue 13 on the commune-scale data set of the benchmark (about 400 people with their whole
// histories, bench/lib/generator.ts): each equals a hand-written count on the same database, at commune,
// province and nation — methadone patients treated during a period, the province target's four steps, the
// communes with the volunteer model (computed here with the domain rule from the raw rows), residents checked
// and learners. (bench-scale-queries.test.ts checks every block's kept figures against its own SQL.)

const AS_OF = '2026-11-20';
const BA_DINH = '00004';
const FROM = '2026-01-01';
const TO = '2026-09-30';
let t: TestApp;
let db: Kysely<DB>;

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.database.db;
  const databaseUrl = t.deps.config.databaseUrl;
  await fill(
    t.deps,
    databaseUrl ? { databaseUrl } : { sqliteFile: path.join(t.deps.config.dataDir, 'hoanhap.sqlite') },
    { scale: 'commune', seed: 13, asOf: AS_OF, passwordHash: 'not-a-real-hash' },
  );
}, 240_000);
afterAll(() => t?.close());

type Row = { person_id: string; commune: string; province: string };
const inUnit = (rows: Row[], unit: string) =>
  new Set(
    rows
      .filter((r) => unit === 'VN' || (unit.length === 2 ? r.province === unit : r.commune === unit))
      .map((r) => r.person_id),
  ).size;

describe('issue 13 figures on the commune-scale data set equal hand-written counts', () => {
  it('methadone treated during the period, the four steps, residents checked, learners, the volunteer model', async () => {
    const national = await t.userAs('national_officer', 'nation', null);
    const methadone = (await db
      .selectFrom('episodes as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['e.person_id', 'p.cur_commune_code as commune', 'p.province_code as province'])
      .where('e.type', '=', 'substitution_therapy')
      .where('e.start_date', '<=', TO)
      .where((eb) =>
        eb.or([
          eb.and([eb('e.actual_end', 'is', null), eb('e.outcome', 'is', null)]),
          eb('e.actual_end', '>=', FROM),
        ]),
      )
      .execute()) as Row[];
    // Every step by the period's end, written out table by table.
    const addicts = new Set(
      (
        await db
          .selectFrom('addiction_determinations')
          .select('person_id')
          .where('addicted', '=', 1)
          .where('assessed_on', '<=', TO)
          .execute()
      ).map((r) => r.person_id),
    );
    const counselled = new Set(
      (
        await db
          .selectFrom('counselling_participants as cp')
          .innerJoin('counselling_sessions as s', 's.id', 'cp.session_id')
          .select('cp.person_id')
          .where('s.held_on', '<=', TO)
          .execute()
      ).map((r) => r.person_id),
    );
    const tested = new Set(
      (await db.selectFrom('drug_tests').select('person_id').where('tested_on', '<=', TO).execute()).map(
        (r) => r.person_id,
      ),
    );
    const treated = new Set(
      (
        await db
          .selectFrom('episodes')
          .select(['person_id', 'outcome'])
          .where('type', 'in', [
            'voluntary_community',
            'voluntary_facility',
            'compulsory',
            'substitution_therapy',
          ])
          .where('start_date', '<=', TO)
          .execute()
      )
        .filter((e) => e.outcome !== 'cancelled')
        .map((e) => e.person_id),
    );
    const people = await db
      .selectFrom('people')
      .select(['id as person_id', 'cur_commune_code as commune', 'province_code as province'])
      .execute();
    const fully = people.filter(
      (p) =>
        addicts.has(p.person_id) &&
        counselled.has(p.person_id) &&
        tested.has(p.person_id) &&
        treated.has(p.person_id),
    );
    // Residents given a periodic check, and learners of classes started in the period.
    const checked = (await db
      .selectFrom('facility_events as ev')
      .innerJoin('facility_admissions as a', 'a.id', 'ev.admission_id')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('facilities as f', 'f.id', 'ev.facility_id')
      .select(['a.person_id', 'p.cur_commune_code as commune', 'f.province_code as province'])
      .where('ev.kind', '=', 'health')
      .where('ev.subkind', '=', 'periodic_check')
      .where('ev.voided_at', 'is', null)
      .where('ev.occurred_on', '>=', FROM)
      .where('ev.occurred_on', '<=', TO)
      .execute()) as Row[];
    const learners = (await db
      .selectFrom('facility_class_learners as l')
      .innerJoin('facility_classes as c', 'c.id', 'l.class_id')
      .innerJoin('facility_admissions as a', 'a.id', 'l.admission_id')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('facilities as f', 'f.id', 'c.facility_id')
      .select(['a.person_id', 'p.cur_commune_code as commune', 'f.province_code as province'])
      .where('c.starts_on', '>=', FROM)
      .where('c.starts_on', '<=', TO)
      .execute()) as Row[];
    // The volunteer model on the period's end, with the domain rule over the raw rows.
    const [teams, volunteers, assignments] = await Promise.all([
      db.selectFrom('community_teams').selectAll().execute(),
      db.selectFrom('community_volunteers').selectAll().execute(),
      db.selectFrom('community_assignments').selectAll().execute(),
    ]);
    const byCommune = new Map<string, { province: string; teams: DatedTeam[] }>();
    for (const tm of teams) {
      const entry = byCommune.get(tm.commune_code) ?? { province: tm.province_code, teams: [] };
      entry.teams.push({
        establishedOn: tm.established_on,
        volunteers: volunteers
          .filter((v) => v.team_id === tm.id)
          .map((v) => ({
            joinedOn: v.joined_on,
            leftOn: v.left_on,
            assignments: assignments
              .filter((a) => a.volunteer_id === v.id)
              .map((a) => ({ startedOn: a.started_on, endedOn: a.ended_on })),
          })),
      });
      byCommune.set(tm.commune_code, entry);
    }
    const withModel = [...byCommune.entries()]
      .filter(([, c]) => hasVolunteerModelOn(c.teams, DEFAULT_VOLUNTEER_MODEL_RULE, TO))
      .map(([commune, c]) => ({ person_id: commune, commune, province: c.province }));

    expect(methadone.length).toBeGreaterThan(0);
    expect(fully.length).toBeGreaterThan(0);
    expect(withModel.length).toBeGreaterThan(0);
    expect(checked.length).toBeGreaterThan(0);
    // (The generator opens no vocational classes yet: learners are 0 on both sides.)
    for (const unit of [BA_DINH, '01', 'VN']) {
      const res = await national.call(
        'GET',
        `/api/dashboard?from=${FROM}&to=${TO}${unit === 'VN' ? '' : `&unit=${unit}`}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const value = new Map<string, number | null>(
        res
          .json()
          .figures.map((f: { indicatorId: string; value: number | null }) => [f.indicatorId, f.value]),
      );
      expect(value.get('methadone_treated'), `${unit} methadone_treated`).toBe(inUnit(methadone, unit));
      expect(value.get('addicts_fully_served'), `${unit} addicts_fully_served`).toBe(inUnit(fully, unit));
      expect(value.get('communes_with_volunteer_model'), `${unit} volunteer model`).toBe(
        inUnit(withModel, unit),
      );
      if (unit !== BA_DINH) {
        // Residents are counted at their facility's province (a commune has no facility figures of its own).
        expect(value.get('facility_health_checked_people'), `${unit} checked`).toBe(inUnit(checked, unit));
        expect(value.get('facility_learners'), `${unit} learners`).toBe(inUnit(learners, unit));
      }
    }
  }, 240_000);
});
