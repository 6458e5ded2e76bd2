import type { PersonStatus } from '@hoanhap/domain/episode-types';
import type { Kysely } from 'kysely';
import type { EpisodeRow } from '../../modules/episodes/episodes.repo.ts';
import { asEpisode, recordedOn, statusHistoryOf } from '../../modules/episodes/person-status.ts';

// Figures of a past period read the past (issue 13):
// - person_status_history: a person's derived status and facility over time (valid_from inclusive, valid_to
//   exclusive, null while it lasts), written by the code that derives today's status (episodes/person-status.ts);
// - account_periods: when a staff account was active, with its role and unit (active_to exclusive).
// Existing rows are backfilled: statuses derived from the dated episodes, determinations and relapse tests by the
// same rule (the open span is the stored status); accounts active from their creation, an inactive one until
// its last update. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema
    .createIndex('person_status_history_person')
    .on('person_status_history')
    .columns(['person_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('person_status_history_status')
    .on('person_status_history')
    .columns(['status', 'valid_from'])
    .execute();
  await db.schema
    .createTable('account_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_code', 'text')
    .addColumn('active_from', 'text', (c) => c.notNull())
    .addColumn('active_to', 'text')
    .execute();
  await db.schema
    .createIndex('account_periods_user')
    .on('account_periods')
    .columns(['user_id', 'active_from'])
    .execute();

  const users = await db
    .selectFrom('users')
    .select(['id', 'role', 'scope_kind', 'scope_code', 'active', 'created_at', 'updated_at'])
    .execute();
  const periods = users.map((u) => {
    const from = recordedOn(u.created_at);
    const last = recordedOn(u.updated_at);
    return {
      id: crypto.randomUUID(),
      user_id: u.id,
      role: u.role,
      scope_kind: u.scope_kind,
      scope_code: u.scope_code,
      active_from: from,
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, which Math.max would turn into NaN
      active_to: u.active ? null : last > from ? last : from,
    };
  });
  for (let i = 0; i < periods.length; i += 500)
    await db
      .insertInto('account_periods')
      .values(periods.slice(i, i + 500))
      .execute();

  const today = recordedOn(new Date().toISOString());
  let after = '';
  for (;;) {
    const people = await db
      .selectFrom('people')
      .select(['id', 'status', 'current_facility_id', 'created_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (!people.length) break;
    after = people[people.length - 1]!.id;
    const ids = people.map((p) => p.id);
    const episodes = (await db
      .selectFrom('episodes')
      .selectAll()
      .where('person_id', 'in', ids)
      .orderBy('start_date')
      .orderBy('created_at')
      .execute()) as EpisodeRow[];
    const dets = await db
      .selectFrom('addiction_determinations')
      .select(['person_id', 'assessed_on', 'addicted'])
      .where('person_id', 'in', ids)
      .orderBy('assessed_on')
      .orderBy('created_at')
      .execute();
    const relapses = await db
      .selectFrom('drug_tests')
      .select(['person_id', 'tested_on'])
      .where('person_id', 'in', ids)
      .where('relapse', '=', 1)
      .execute();
    // Facts recorded for a day before the person's record (tests, counselling, contacts) date its start.
    const firsts = new Map<string, string>();
    const noteFirst = (rows: { person_id: string; d: string | null }[]) => {
      for (const r of rows) {
        const had = firsts.get(r.person_id);
        if (r.d && (!had || r.d < had)) firsts.set(r.person_id, r.d);
      }
    };
    noteFirst(
      await db
        .selectFrom('drug_tests')
        .select(['person_id', (eb) => eb.fn.min('tested_on').as('d')])
        .where('person_id', 'in', ids)
        .groupBy('person_id')
        .execute(),
    );
    noteFirst(
      await db
        .selectFrom('counselling_participants as cp')
        .innerJoin('counselling_sessions as s', 's.id', 'cp.session_id')
        .select(['cp.person_id as person_id', (eb) => eb.fn.min('s.held_on').as('d')])
        .where('cp.person_id', 'in', ids)
        .groupBy('cp.person_id')
        .execute(),
    );
    noteFirst(
      await db
        .selectFrom('community_contacts')
        .select(['person_id', (eb) => eb.fn.min('contact_date').as('d')])
        .where('person_id', 'in', ids)
        .groupBy('person_id')
        .execute(),
    );
    const rows: Record<string, unknown>[] = [];
    const epsOf = byPerson(episodes);
    const detsOf = byPerson(dets);
    const relapsesOf = byPerson(relapses);
    for (const p of people) {
      const spans = statusHistoryOf({
        episodes: (epsOf.get(p.id) ?? []).map((e) => ({ ep: asEpisode(e), facilityId: e.facility_id })),
        determinations: (detsOf.get(p.id) ?? []).map((d) => ({
          on: d.assessed_on,
          addicted: Number(d.addicted) === 1,
        })),
        relapses: (relapsesOf.get(p.id) ?? []).map((t) => t.tested_on),
        since: [recordedOn(p.created_at), firsts.get(p.id) ?? '9999-12-31'].sort()[0]!,
        today,
      });
      const open = spans[spans.length - 1];
      if (open) {
        open.status = p.status as PersonStatus;
        open.facility = p.current_facility_id;
      }
      for (const s of spans)
        rows.push({
          id: crypto.randomUUID(),
          person_id: p.id,
          status: s.status,
          facility_id: s.facility,
          valid_from: s.from,
          valid_to: s.to,
        });
    }
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('person_status_history')
        .values(rows.slice(i, i + 500))
        .execute();
  }
}

function byPerson<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const l = m.get(r.person_id);
    if (l) l.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
}
