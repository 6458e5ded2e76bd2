import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { rebuildAggregates } from '../../modules/reports/aggregates/aggregates.repo.ts';
import {
  addStatusBody,
  moveChanges,
  refreshStepsSql,
  rowChanges,
  STEP_SOURCES,
  sessionPeople,
  spanChanges,
} from '../../modules/reports/aggregates/aggregates-sql.ts';

// Dated aggregates kept by the writes (issue 13: the first national view of a period not computed ahead read
// every status span and every addict of the country). What they hold and how a figure reads them:
// modules/reports/aggregates/aggregates-sql.ts. Kept by triggers (one definition per dialect, the same
// statements), so every writer keeps them — the API, imports, the CLI, jobs, the benchmark generator — and
// filled from the existing records here. Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`create table agg_person_steps (
    person_id text primary key,
    province_code text not null,
    commune_code text not null,
    facility_id text not null,
    addicted_on text, tested_on text, counselled_on text, treated_on text)`);
  // Per cell in index order, so a national grid is one walk of the index with no sort.
  await run(`create index agg_person_steps_cell on agg_person_steps
    (province_code, commune_code, facility_id, addicted_on, tested_on, counselled_on, treated_on)`);
  await run(`create table agg_status_months (
    province_code text not null,
    commune_code text not null,
    facility_id text not null,
    status text not null,
    month text not null,
    delta integer not null,
    primary key (province_code, commune_code, facility_id, status, month))${sqlite ? ' without rowid' : ''}`);
  await run(`create index agg_status_months_status on agg_status_months
    (status, province_code, commune_code, facility_id, month, delta)`);
  await run(`create table agg_status_checkpoints (
    month text not null,
    status text not null,
    province_code text not null,
    commune_code text not null,
    facility_id text not null,
    n integer not null,
    primary key (month, status, province_code, commune_code, facility_id))${sqlite ? ' without rowid' : ''}`);
  await run('create table agg_status_checkpoint_months (month text primary key)');
  // The spans that start on the days of a month (the rest of a day's figure after the months before it).
  await run(`create index person_status_history_from on person_status_history
    (valid_from, status, person_id, facility_id)`);

  const sources = STEP_SOURCES.map((s) => ({ ...s, cols: s.columns.join(', ') }));
  if (sqlite) {
    await run(`create trigger agg_status_ins after insert on person_status_history begin
      ${addStatusBody(rowChanges('new', 1))}; end`);
    await run(`create trigger agg_status_del after delete on person_status_history begin
      ${addStatusBody(rowChanges('old', -1))}; end`);
    await run(`create trigger agg_status_upd after update on person_status_history begin
      ${addStatusBody(`${rowChanges('old', -1)} union all ${rowChanges('new', 1)}`)}; end`);
    await run(`create trigger agg_people_move after update of province_code, cur_commune_code on people
      when old.province_code is not new.province_code or old.cur_commune_code is not new.cur_commune_code begin
      ${addStatusBody(moveChanges())}; end`);
    await run(`create trigger agg_people_cell after update of province_code, cur_commune_code, current_facility_id
      on people begin ${updateCell}; end`);
    await run(`create trigger agg_people_del after delete on people begin
      delete from agg_person_steps where person_id = old.id; end`);
    for (const s of sources) {
      await run(`create trigger agg_steps_${s.table}_ins after insert on ${s.table} begin
        ${refreshStepsSql('p.id = new.person_id')}; end`);
      await run(`create trigger agg_steps_${s.table}_del after delete on ${s.table} begin
        ${refreshStepsSql('p.id = old.person_id')}; end`);
      await run(`create trigger agg_steps_${s.table}_upd after update of ${s.cols} on ${s.table} begin
        ${refreshStepsSql('p.id in (old.person_id, new.person_id)')}; end`);
    }
    await run(`create trigger agg_steps_sessions_upd after update of held_on on counselling_sessions begin
      ${refreshStepsSql(sessionPeople('new'))}; end`);
    await run(`create trigger agg_steps_sessions_del after delete on counselling_sessions begin
      ${refreshStepsSql(sessionPeople('old'))}; end`);
  } else {
    const fn = (name: string, body: string) =>
      run(`create function ${name}() returns trigger language plpgsql as $fn$
      begin ${body} return null; end $fn$`);
    // Inserts and deletes once per statement over its rows (a status catch-up or an import writes thousands in one).
    const spans = (rows: string, sign: 1 | -1) =>
      addStatusBody(
        spanChanges('h', 'p', sign, `from ${rows} h left join people p on p.id = h.person_id where true`),
      );
    await fn('agg_status_ins_trg', `${spans('new_rows', 1)};`);
    await run(`create trigger agg_status_ins after insert on person_status_history
      referencing new table as new_rows for each statement execute function agg_status_ins_trg()`);
    await fn('agg_status_del_trg', `${spans('old_rows', -1)};`);
    await run(`create trigger agg_status_del after delete on person_status_history
      referencing old table as old_rows for each statement execute function agg_status_del_trg()`);
    await fn(
      'agg_status_trg',
      `${addStatusBody(rowChanges('old', -1))}; ${addStatusBody(rowChanges('new', 1))};`,
    );
    await run(`create trigger agg_status after update on person_status_history
      for each row execute function agg_status_trg()`);
    await fn(
      'agg_people_cell_trg',
      `if old.province_code is distinct from new.province_code
         or old.cur_commune_code is distinct from new.cur_commune_code then ${addStatusBody(moveChanges())}; end if;
       ${updateCell};`,
    );
    await run(`create trigger agg_people_cell after update of province_code, cur_commune_code, current_facility_id
      on people for each row when (old.province_code is distinct from new.province_code
        or old.cur_commune_code is distinct from new.cur_commune_code
        or old.current_facility_id is distinct from new.current_facility_id)
      execute function agg_people_cell_trg()`);
    await fn('agg_people_del_trg', 'delete from agg_person_steps where person_id = old.id;');
    await run(`create trigger agg_people_del after delete on people
      for each row execute function agg_people_del_trg()`);
    await fn(
      'agg_steps_trg',
      `if tg_op <> 'INSERT' then ${refreshStepsSql('p.id = old.person_id')}; end if;
       if tg_op <> 'DELETE' then ${refreshStepsSql('p.id = new.person_id')}; end if;`,
    );
    for (const s of sources)
      await run(`create trigger agg_steps_${s.table} after insert or delete or update of ${s.cols} on ${s.table}
        for each row execute function agg_steps_trg()`);
    await fn(
      'agg_steps_sessions_trg',
      `if tg_op = 'DELETE' then ${refreshStepsSql(sessionPeople('old'))}; end if;
       if tg_op = 'UPDATE' then ${refreshStepsSql(sessionPeople('new'))}; end if;`,
    );
    await run(`create trigger agg_steps_sessions after delete or update of held_on on counselling_sessions
      for each row execute function agg_steps_sessions_trg()`);
  }
  await rebuildAggregates(db);
  await run(`analyze agg_person_steps`);
  await run(`analyze agg_status_months`);
  await run(`analyze agg_status_checkpoints`);
}

// A person's cell as the aggregates copy it.
const updateCell = `update agg_person_steps set province_code = coalesce(new.province_code, ''),
  commune_code = coalesce(new.cur_commune_code, ''), facility_id = coalesce(new.current_facility_id, '')
  where person_id = new.id`;
