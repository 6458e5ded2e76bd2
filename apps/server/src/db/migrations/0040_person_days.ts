import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { rebuildPersonDays } from '../../modules/reports/aggregates/aggregates.repo.ts';
import {
  DAY_SOURCES,
  refreshDaysBody,
  sessionParticipants,
  updateDaysCell,
} from '../../modules/reports/aggregates/person-days-sql.ts';

// Dated per-person days kept by the writes (issue 13: a national period not computed ahead counted every
// contact of the period, joined to its person and made distinct). What they hold and how a figure reads them:
// modules/reports/aggregates/person-days-sql.ts. Kept by triggers (one definition per dialect, the same
// statements), so every writer keeps them, and filled from the existing records here. Forward-only: never edit
// once landed.
// A session's day is its participants' (the streams reading them).
const SESSIONS = 'counselling_participants';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`create table agg_person_days (
    stream text not null,
    person_id text not null,
    day text not null,
    n integer not null,
    prev_day text,
    province_code text not null,
    commune_code text not null,
    facility_id text not null,
    primary key (person_id, stream, day))${sqlite ? ' without rowid' : ''}`);
  // A period's first days per person, with their cells, from the index alone.
  await run(`create index agg_person_days_range on agg_person_days
    (stream, day, prev_day, province_code, commune_code, facility_id, n)`);

  // A facility event kind's records of a period, nationwide (health checks, term reductions, releases): the
  // events were indexed by facility first, so a national count read every event of every kind.
  await run('create index facility_events_kind_day on facility_events (kind, subkind, occurred_on)');

  const sources = DAY_SOURCES.map((s) => ({ ...s, cols: s.columns.join(', ') }));
  if (sqlite) {
    for (const s of sources) {
      await run(`create trigger agg_days_${s.table}_ins after insert on ${s.table} begin
        ${refreshDaysBody(s.table, '$ = new.person_id')}; end`);
      await run(`create trigger agg_days_${s.table}_del after delete on ${s.table} begin
        ${refreshDaysBody(s.table, '$ = old.person_id')}; end`);
      await run(`create trigger agg_days_${s.table}_upd after update of ${s.cols} on ${s.table} begin
        ${refreshDaysBody(s.table, '$ in (old.person_id, new.person_id)')}; end`);
    }
    await run(`create trigger agg_days_sessions_upd after update of held_on on counselling_sessions begin
      ${refreshDaysBody(SESSIONS, sessionParticipants('new'))}; end`);
    await run(`create trigger agg_days_sessions_del after delete on counselling_sessions begin
      ${refreshDaysBody(SESSIONS, sessionParticipants('old'))}; end`);
    await run(`create trigger agg_days_people_cell after update of province_code, cur_commune_code,
      current_facility_id on people begin ${updateDaysCell}; end`);
    await run(`create trigger agg_days_people_del after delete on people begin
      delete from agg_person_days where person_id = old.id; end`);
  } else {
    const fn = (name: string, body: string) =>
      run(`create function ${name}() returns trigger language plpgsql as $fn$
      begin ${body} return null; end $fn$`);
    for (const s of sources) {
      await fn(
        `agg_days_${s.table}_trg`,
        `if tg_op <> 'INSERT' then ${refreshDaysBody(s.table, '$ = old.person_id')}; end if;
         if tg_op <> 'DELETE' then ${refreshDaysBody(s.table, '$ = new.person_id')}; end if;`,
      );
      await run(`create trigger agg_days_${s.table} after insert or delete or update of ${s.cols} on ${s.table}
        for each row execute function agg_days_${s.table}_trg()`);
    }
    await fn(
      'agg_days_sessions_trg',
      `if tg_op = 'DELETE' then ${refreshDaysBody(SESSIONS, sessionParticipants('old'))}; end if;
       if tg_op = 'UPDATE' then ${refreshDaysBody(SESSIONS, sessionParticipants('new'))}; end if;`,
    );
    await run(`create trigger agg_days_sessions after delete or update of held_on on counselling_sessions
      for each row execute function agg_days_sessions_trg()`);
    await fn('agg_days_people_cell_trg', `${updateDaysCell};`);
    await run(`create trigger agg_days_people_cell after update of province_code, cur_commune_code,
      current_facility_id on people for each row when (old.province_code is distinct from new.province_code
        or old.cur_commune_code is distinct from new.cur_commune_code
        or old.current_facility_id is distinct from new.current_facility_id)
      execute function agg_days_people_cell_trg()`);
    await fn('agg_days_people_del_trg', 'delete from agg_person_days where person_id = old.id;');
    await run(`create trigger agg_days_people_del after delete on people
      for each row execute function agg_days_people_del_trg()`);
  }
  await rebuildPersonDays(db);
  await run('analyze agg_person_days');
}
