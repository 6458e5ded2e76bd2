import { TREATMENT_TYPES } from '@hoanhap/domain/episode-types';
import { lockRowPeopleSql, lockSessionPeopleSql } from './refresh-locks-sql.ts';

// Dated aggregates kept by the writes (issue 13: the first view of a period not computed ahead at national
// scale). Two tables, each a function of the records only, kept current by database triggers on every write
// whoever makes it (API, import, CLI, jobs, the benchmark generator; migration 0037), rebuilt from the records
// by `rebuildAggregates` (CLI `rebuild-aggregates`):
//
// - agg_person_steps: for each person, the first day of each of the four steps of the province target (an
//   addiction determination, a drug test, a counselling session attended, a fitting treatment not cancelled)
//   and the person's current cell (province, commune, facility; '' for none). "Addicts with records by D" and
//   "addicts with all four steps by D" are then a count of people whose days are ≤ D, per cell.
// - agg_status_months: per cell (the person's current province and commune, the span's facility) and status,
//   the month's net change in status spans (+1 for each span starting in it, −1 for each span ending in it);
//   agg_status_day_checkpoints: per day listed in agg_status_checkpoint_days (the 1st and the 15th of every
//   month up to today, migration 0042), the net change of every day before it per cell and status — the
//   people with each status on the day before. People with a status on day D = the checkpoint of the last
//   checkpoint day ≤ D + 1, plus the spans starting, minus those ending, from that day to D (read from
//   person_status_history). Half-monthly rather than monthly (0037): a period ends on the 14th (the default
//   cut-off, reporting-periods.ts) or on a month's last day (calendar periods), whose next day is a checkpoint
//   day, so the first national view of a period reads no span at all (the month's first two weeks of spans,
//   each joined to its person, were most of the time of a period's status figures). A change dated today
//   touches no checkpoint (none is after today); one dated earlier adds to each checkpoint after it.
//
// A person who moves takes their rows with them (a trigger on people's cell columns), so grouping by today's
// units stays exact; a period grouped by its own units is computed from the records (blocks.repo.ts).
//
// The statements below are written once for both databases: SQLite runs them in its triggers' bodies and
// PostgreSQL in its plpgsql trigger functions, where `new` and `old` are the written row alike. On PostgreSQL
// a refresh of agg_person_steps first locks the people it recomputes (migration 0044, refresh-locks-sql.ts):
// its upsert computes a person's steps from the statement's snapshot, so of two transactions writing records
// of one person at once the later would overwrite the steps with a figure that misses the other's record.
// The status changes need no lock: they are added (delta + excluded.delta), which commutes, and ON CONFLICT
// waits for a key another transaction is inserting.

/** The fitting treatments of the province target (blocks.repo.ts `addicts_fully_served`). */
export const TREATMENT_TYPES_SQL = TREATMENT_TYPES.map((t) => `'${t}'`).join(', ');

/** Recomputes agg_person_steps for the people `where` selects (a condition on people `p`). */
export const refreshStepsSql = (where: string) => `
  insert into agg_person_steps (person_id, province_code, commune_code, facility_id,
    addicted_on, tested_on, counselled_on, treated_on)
  select p.id, coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, ''),
    (select min(ad.assessed_on) from addiction_determinations ad where ad.person_id = p.id and ad.addicted = 1),
    (select min(t.tested_on) from drug_tests t where t.person_id = p.id),
    (select min(s.held_on) from counselling_participants cp join counselling_sessions s on s.id = cp.session_id
      where cp.person_id = p.id),
    (select min(e.start_date) from episodes e where e.person_id = p.id and e.type in (${TREATMENT_TYPES_SQL})
      and (e.outcome is null or e.outcome <> 'cancelled'))
  from people p where ${where}
  on conflict (person_id) do update set province_code = excluded.province_code,
    commune_code = excluded.commune_code, facility_id = excluded.facility_id, addicted_on = excluded.addicted_on,
    tested_on = excluded.tested_on, counselled_on = excluded.counselled_on, treated_on = excluded.treated_on`;

/**
 * Adds to agg_status_months, and to each checkpoint day after it, the changes `rows` lists: a query with
 * columns pr, co, fa, st, dy (a day), d (±1). Two statements (a trigger runs both). Grouped first: PostgreSQL
 * refuses an upsert that meets the same key twice in one statement. Months first: a checkpoint being made
 * locks agg_status_months (aggregates.repo.ts), so a change reaches it either before or after it is made.
 */
export const addStatusSql = (rows: string): [months: string, checkpoints: string] => [
  `insert into agg_status_months (province_code, commune_code, facility_id, status, month, delta)
  select x.pr, x.co, x.fa, x.st, substr(x.dy, 1, 7), sum(x.d) from (${rows}) x where true
  group by x.pr, x.co, x.fa, x.st, substr(x.dy, 1, 7)
  on conflict (province_code, commune_code, facility_id, status, month)
    do update set delta = agg_status_months.delta + excluded.delta`,
  `insert into agg_status_day_checkpoints (day, status, province_code, commune_code, facility_id, n)
  select c.day, x.st, x.pr, x.co, x.fa, sum(x.d) from (${rows}) x
    join agg_status_checkpoint_days c on c.day > x.dy
  where true group by c.day, x.st, x.pr, x.co, x.fa
  on conflict (day, status, province_code, commune_code, facility_id)
    do update set n = agg_status_day_checkpoints.n + excluded.n`,
];

/** Both statements of `addStatusSql` as a trigger's body. */
export const addStatusBody = (rows: string) => addStatusSql(rows).join(';\n');

/**
 * The changes of status spans `h` (a table alias with `from`, or a trigger's new/old row) placed in the cell of
 * people row `p`, times `sign`: +sign on the first day, −sign on the end day when it has ended.
 */
export const spanChanges = (h: string, p: string, sign: 1 | -1, from: string) => `
  select coalesce(${p}.province_code, '') as pr, coalesce(${p}.cur_commune_code, '') as co,
    coalesce(${h}.facility_id, '') as fa, ${h}.status as st, ${h}.valid_from as dy, ${sign} as d
  ${from}
  union all
  select coalesce(${p}.province_code, ''), coalesce(${p}.cur_commune_code, ''), coalesce(${h}.facility_id, ''),
    ${h}.status, ${h}.valid_to, ${-sign} ${from} and ${h}.valid_to is not null`;

/** A trigger's span row (`new` or `old`) in its person's cell. */
export const rowChanges = (row: 'new' | 'old', sign: 1 | -1) =>
  spanChanges(
    row,
    'p',
    sign,
    `from (select 1 as one) one left join people p on p.id = ${row}.person_id where true`,
  );

/** Every span of a person moved from the cell of `old` to that of `new` (people rows). */
export const moveChanges = () =>
  `${spanChanges('h', 'old', -1, 'from person_status_history h where h.person_id = old.id')}
  union all
  ${spanChanges('h', 'new', 1, 'from person_status_history h where h.person_id = new.id')}`;

/** The tables a step of agg_person_steps is read from, with the columns that matter in them. */
export const STEP_SOURCES = [
  { table: 'addiction_determinations', columns: ['person_id', 'addicted', 'assessed_on'] },
  { table: 'drug_tests', columns: ['person_id', 'tested_on'] },
  { table: 'counselling_participants', columns: ['person_id', 'session_id'] },
  { table: 'episodes', columns: ['person_id', 'type', 'start_date', 'outcome'] },
] as const;

/** The participants of a session whose day changed or which was deleted. */
export const sessionPeople = (row: 'new' | 'old') =>
  `p.id in (select cp.person_id from counselling_participants cp where cp.session_id = ${row}.id)`;

/**
 * The PostgreSQL trigger functions keeping agg_person_steps from the records (created by 0037, made again by
 * 0044 with the lock of the people they recompute first), name and body; their triggers are 0037's.
 */
export const stepsFunctions = (): [name: string, body: string][] => [
  [
    'agg_steps_trg',
    `${lockRowPeopleSql};
     if tg_op <> 'INSERT' then ${refreshStepsSql('p.id = old.person_id')}; end if;
     if tg_op <> 'DELETE' then ${refreshStepsSql('p.id = new.person_id')}; end if;`,
  ],
  [
    'agg_steps_sessions_trg',
    `if tg_op = 'DELETE' then ${lockSessionPeopleSql('old')}; ${refreshStepsSql(sessionPeople('old'))}; end if;
     if tg_op = 'UPDATE' then ${lockSessionPeopleSql('new')}; ${refreshStepsSql(sessionPeople('new'))}; end if;`,
  ],
];

/** The people whose cell columns the aggregates copy. */
export const CELL_COLUMNS = ['province_code', 'cur_commune_code', 'current_facility_id'] as const;
