import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { rebuildCheckpoints } from '../../modules/reports/aggregates/aggregates.repo.ts';
import {
  addStatusBody,
  moveChanges,
  rowChanges,
  spanChanges,
} from '../../modules/reports/aggregates/aggregates-sql.ts';

// Issue 13, the first national view of a period: status checkpoints on the 1st and the 15th of each month
// instead of the 1st only, and two covering indexes. Forward-only: never edit once landed.
//
// - People by status at a period's end read the month's checkpoint plus every status span that started or
//   ended in the month by then, each joined to its person: two weeks of spans for a period ending on the 14th
//   (the default cut-off). A checkpoint on the day after the period's end (the 15th, or the 1st after a
//   calendar period) answers alone (modules/reports/aggregates/aggregates-sql.ts). The checkpoints move to a
//   table keyed by day; the triggers of 0037 that add a backdated change to the checkpoints after it are made
//   again with the new statements (the same ones, reading the days).
// - The decisions of a type in a period (decisions_issued, people_with_decision) read each episode's row for
//   its person and decision through (type, decision_date); the period's counselling sessions (addicts
//   counselled) each session's row for its id through (held_on). Both now from the index alone; the narrower
//   indexes of 0013 they extend are dropped.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const run = (text: string) => sql.raw(text).execute(db);
  await run('create table agg_status_checkpoint_days (day text primary key)');
  await run(`create table agg_status_day_checkpoints (
    day text not null,
    status text not null,
    province_code text not null,
    commune_code text not null,
    facility_id text not null,
    n integer not null,
    primary key (day, status, province_code, commune_code, facility_id))${sqlite ? ' without rowid' : ''}`);

  if (sqlite) {
    for (const t of ['agg_status_ins', 'agg_status_del', 'agg_status_upd', 'agg_people_move'])
      await run(`drop trigger ${t}`);
    await run(`create trigger agg_status_ins after insert on person_status_history begin
      ${addStatusBody(rowChanges('new', 1))}; end`);
    await run(`create trigger agg_status_del after delete on person_status_history begin
      ${addStatusBody(rowChanges('old', -1))}; end`);
    await run(`create trigger agg_status_upd after update on person_status_history begin
      ${addStatusBody(`${rowChanges('old', -1)} union all ${rowChanges('new', 1)}`)}; end`);
    await run(`create trigger agg_people_move after update of province_code, cur_commune_code on people
      when old.province_code is not new.province_code or old.cur_commune_code is not new.cur_commune_code begin
      ${addStatusBody(moveChanges())}; end`);
  } else {
    // The functions of 0037's triggers, replaced in place (the triggers stay).
    const fn = (name: string, body: string) =>
      run(`create or replace function ${name}() returns trigger language plpgsql as $fn$
      begin ${body} return null; end $fn$`);
    const spans = (rows: string, sign: 1 | -1) =>
      addStatusBody(
        spanChanges('h', 'p', sign, `from ${rows} h left join people p on p.id = h.person_id where true`),
      );
    await fn('agg_status_ins_trg', `${spans('new_rows', 1)};`);
    await fn('agg_status_del_trg', `${spans('old_rows', -1)};`);
    await fn(
      'agg_status_trg',
      `${addStatusBody(rowChanges('old', -1))}; ${addStatusBody(rowChanges('new', 1))};`,
    );
    await fn(
      'agg_people_cell_trg',
      `if old.province_code is distinct from new.province_code
         or old.cur_commune_code is distinct from new.cur_commune_code then ${addStatusBody(moveChanges())}; end if;
       update agg_person_steps set province_code = coalesce(new.province_code, ''),
         commune_code = coalesce(new.cur_commune_code, ''), facility_id = coalesce(new.current_facility_id, '')
         where person_id = new.id;`,
    );
  }
  await run('drop table agg_status_checkpoints');
  await run('drop table agg_status_checkpoint_months');
  await rebuildCheckpoints(db, new Date().toISOString().slice(0, 10));
  await run('analyze agg_status_checkpoint_days');
  await run('analyze agg_status_day_checkpoints');

  await run(
    'create index episodes_type_decision_cover on episodes (type, decision_date, person_id, decision_id, id)',
  );
  await run('drop index episodes_type_decision');
  await run('create index counselling_sessions_held_id on counselling_sessions (held_on, id)');
  await run('drop index counselling_sessions_held');
  await run('analyze episodes');
  await run('analyze counselling_sessions');
}
