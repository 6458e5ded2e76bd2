import path from 'node:path';
import { isAddicted } from '@hoanhap/domain/addiction';
import { canStart, derivePersonStatus } from '@hoanhap/domain/episode-rules';
import { OPEN_TYPES, plannedEnd, priorRehabOf, validateTerm } from '@hoanhap/domain/episode-terms';
import type { CompulsoryGround, Episode, EpisodeOutcome, EpisodeType } from '@hoanhap/domain/episode-types';
import { relapseGround } from '@hoanhap/domain/pathway-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenStats } from '../../../bench/lib/generator.ts';
import { fill } from '../../../bench/lib/run-generator.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';

// The benchmark's data generator (bench/) at a tiny scale on the test database: the data it writes must be
// data the product could have produced. No timing is checked here.

const AS_OF = '2026-11-20';
let t: TestApp;
let stats: GenStats;

beforeAll(async () => {
  t = await createTestApp();
  const databaseUrl = t.deps.config.databaseUrl;
  stats = await fill(
    t.deps,
    databaseUrl ? { databaseUrl } : { sqliteFile: path.join(t.deps.config.dataDir, 'hoanhap.sqlite') },
    {
      scale: 'commune',
      seed: 7,
      asOf: AS_OF,
      communes: [
        { code: '00004', size: 30 },
        { code: '06652', size: 20 },
      ],
      passwordHash: 'not-a-real-hash',
    },
  );
});
afterAll(() => t?.close());

const count = async (
  table: 'people' | 'episodes' | 'drug_tests' | 'addiction_determinations' | 'episode_contacts' | 'tasks',
) =>
  Number(
    (
      await t.deps.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bench data generator (tiny scale)', () => {
  it('writes what it reports', async () => {
    expect(stats.people).toBe(50);
    expect(await count('people')).toBe(stats.people);
    expect(await count('episodes')).toBe(stats.episodes);
    expect(await count('drug_tests')).toBe(stats.drugTests);
    expect(await count('addiction_determinations')).toBe(stats.determinations);
    expect(await count('episode_contacts')).toBe(stats.contacts);
    expect(await count('tasks')).toBe(stats.tasks);
    expect(stats.episodes).toBeGreaterThan(50);
    expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('every episode passes the rules in force when it was opened, and statuses are derived', async () => {
    const db = t.deps.database.db;
    const people = await db.selectFrom('people').selectAll().execute();
    const episodes = await db
      .selectFrom('episodes')
      .selectAll()
      .orderBy('start_date')
      .orderBy('created_at')
      .execute();
    const tests = await db.selectFrom('drug_tests').selectAll().execute();
    const dets = await db.selectFrom('addiction_determinations').selectAll().orderBy('assessed_on').execute();
    const typesSeen = new Set<string>();
    for (const p of people) {
      const birth = p.birth_date ?? String(p.birth_year);
      const mine = episodes.filter((e) => e.person_id === p.id);
      const myDets = dets.filter((d) => d.person_id === p.id);
      const relapses = tests.filter((x) => x.person_id === p.id && x.relapse === 1);
      for (const [i, e] of mine.entries()) {
        typesSeen.add(e.type);
        // The history as it stood when this episode was opened: later ends and outcomes not yet known.
        const before: Episode[] = mine.slice(0, i).map((x) => {
          const closedBefore = x.actual_end !== null && x.actual_end < e.start_date;
          return {
            type: x.type as EpisodeType,
            start: x.start_date,
            plannedEnd: x.planned_end,
            end: closedBefore ? x.actual_end : null,
            outcome: closedBefore ? (x.outcome as EpisodeOutcome) : null,
          };
        });
        const det = myDets.filter((d) => d.assessed_on <= e.start_date).pop();
        const grounds = [
          ...((JSON.parse(e.details).grounds ?? []) as CompulsoryGround[]),
          ...relapses
            .filter((r) => r.tested_on <= e.start_date && r.during_episode_type)
            .map((r) => relapseGround(r.during_episode_type as EpisodeType))
            .filter((g): g is CompulsoryGround => g !== null),
        ];
        const check = canStart(e.type as EpisodeType, before, e.start_date, {
          grounds,
          addictionDeterminedOn: det?.addicted ? det.assessed_on : null,
          birthDate: birth,
        });
        expect(check, `${e.type} of ${p.id} on ${e.start_date}`).toEqual({ ok: true });
        const term = validateTerm({
          type: e.type as EpisodeType,
          months: e.term_months,
          birthDate: birth,
          decisionDate: e.decision_date ?? e.start_date,
          priorRehab: priorRehabOf(before, e.start_date),
        });
        expect(term.ok, `${e.type} term ${e.term_months}`).toBe(true);
        if (!OPEN_TYPES.includes(e.type as EpisodeType))
          expect(e.planned_end).toBe(plannedEnd(e.type as EpisodeType, e.term_start!, e.term_months!));
        expect(e.start_date <= AS_OF).toBe(true);
      }
      const last = myDets[myDets.length - 1];
      const relapseOn =
        relapses
          .map((r) => r.tested_on)
          .sort()
          .pop() ?? null;
      const status = derivePersonStatus(
        mine.map((x) => ({
          type: x.type as EpisodeType,
          start: x.start_date,
          end: x.actual_end,
          plannedEnd: x.planned_end,
          outcome: x.outcome as EpisodeOutcome | null,
        })),
        AS_OF,
        { addictionDeterminedOn: last?.addicted ? last.assessed_on : null, relapseDetectedOn: relapseOn },
      );
      expect(p.status, p.id).toBe(status);
    }
    for (const d of dets) {
      const r = isAddicted({ assessedOn: d.assessed_on, observations: JSON.parse(d.observations) });
      expect(d.addicted).toBe(r.addicted ? 1 : 0);
    }
    // Several kinds of pathway at this size already (seeded, so stable).
    expect(typesSeen.size).toBeGreaterThanOrEqual(4);
  });

  it('search finds generated people without diacritics and by citizen ID', async () => {
    const officer = await t.userAs('commune_officer', 'commune', '00004');
    const person = await t.deps.database.db
      .selectFrom('people')
      .selectAll()
      .where('cur_commune_code', '=', '00004')
      .where('citizen_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const plain = person.name_search; // e.g. "nguyen van hung"
    expect(plain).not.toBe(person.full_name);
    const byName = await officer.call('GET', `/api/people?q=${encodeURIComponent(plain)}&limit=100`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items.map((x: { id: string }) => x.id)).toContain(person.id);
    const byId = await officer.call('GET', `/api/people?q=${person.citizen_id}`);
    expect(byId.json().items.map((x: { id: string }) => x.id)).toEqual([person.id]);
    const timeline = await officer.call('GET', `/api/people/${person.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
  });
});
