import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import { reportRows } from '../../../db/report-runner.ts';
import type { GridCell, GroupBy, Measure, Params, Range, UnitFilter } from '../blocks.repo.ts';
import { addStatusSql, refreshStepsSql, spanChanges } from './aggregates-sql.ts';
import { refreshFacilityDaysSql } from './facility-days-sql.ts';
import {
  DAY_STREAMS,
  DECLARED_STREAM,
  DETERMINED_STREAM,
  POSITIVE_TEST_STREAM,
  PSYCH_STREAM,
  RELAPSE_TEST_STREAM,
  refreshDaysSql,
  SERVICE_STREAM,
} from './person-days-sql.ts';

// Grids (figure per province, commune, facility cell) read from the aggregates the writes keep
// (aggregates-sql.ts), for the blocks whose national figure otherwise reads the whole country: people by status
// on a day, addicts with records, addicts with the four steps, the per-person days (person-days-sql.ts) and the
// facility events' days (facility-days-sql.ts). Each answers exactly what the block's records
// give (blocks.repo.ts FACTS) when grouped by today's units; grouped by the units of the period, the records
// are read (a person's commune then is not kept here). facility_event_people, whose residents may lie in two
// cells (SPREAD_BLOCKS), is also answered for a unit (`keptAggregate`).

/** Recomputes the aggregates from the records (migration 0037, CLI `rebuild-aggregates`, the generator, tests). */
export async function rebuildAggregates(
  db: Kysely<any>,
  today = new Date().toISOString().slice(0, 10),
): Promise<{
  people: number;
  statusRows: number;
  checkpoints: number;
  days: number;
  facilityDays: number;
}> {
  if (!db.isTransaction) return db.transaction().execute((trx) => rebuildAggregates(trx, today));
  // Migration 0037 runs this before 0040 and 0041 created the per-person and per-facility days: those are
  // rebuilt once they exist.
  const days = (await hasTable(db, 'agg_person_days')) ? await rebuildPersonDays(db) : 0;
  const facilityDays = (await hasTable(db, 'agg_facility_days')) ? await rebuildFacilityDays(db) : 0;
  return { ...(await rebuildStatusAndSteps(db, today)), days, facilityDays };
}

const AGGREGATE_TABLES = [
  'agg_person_steps',
  'agg_status_months',
  'agg_status_checkpoint_months',
  'agg_status_checkpoints',
  'agg_person_days',
  'agg_facility_days',
];
// The aggregates created after 0037 (whose rebuild runs before they exist).
const LATER_TABLES: ReadonlySet<string> = new Set(['agg_person_days', 'agg_facility_days']);

/**
 * After a rebuild (outside its transaction): fresh planner statistics for the aggregates, and on PostgreSQL their
 * visibility map set by VACUUM, without which the grids' covering indexes cannot be read alone (an index-only
 * scan) and every row is fetched from the table — 1.85 s instead of 0.56 s for the national service-access grid
 * of a quarter. Autovacuum would get there too, some time after the rebuild's millions of inserts.
 */
export async function freshenAggregates(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const t of AGGREGATE_TABLES) {
    if (LATER_TABLES.has(t) && !(await hasTable(db, t))) continue;
    await sql.raw(sqlite ? `ANALYZE ${t}` : `VACUUM (ANALYZE) ${t}`).execute(db);
  }
}

/** Whether a later migration's table (0040, 0041) is there. */
async function hasTable(db: Kysely<any>, table: string): Promise<boolean> {
  const q =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? sql`select 1 as one from sqlite_master where type = 'table' and name = ${table}`
      : sql`select 1 as one where to_regclass(${table}) is not null`;
  return (await q.execute(db)).rows.length > 0;
}

/** Recomputes agg_person_days from the records (migration 0040, and `rebuildAggregates`); its row count. */
export async function rebuildPersonDays(db: Kysely<any>): Promise<number> {
  for (const stream of DAY_STREAMS)
    for (const text of refreshDaysSql(stream, 'true')) await sql.raw(text).execute(db);
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from agg_person_days`.execute(db);
  return Number(rows[0]!.n);
}

/** Recomputes agg_facility_days from the records (migration 0041, and `rebuildAggregates`); its row count. */
export async function rebuildFacilityDays(db: Kysely<any>): Promise<number> {
  for (const text of refreshFacilityDaysSql('true', 'true')) await sql.raw(text).execute(db);
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from agg_facility_days`.execute(db);
  return Number(rows[0]!.n);
}

async function rebuildStatusAndSteps(
  db: Kysely<any>,
  today: string,
): Promise<{ people: number; statusRows: number; checkpoints: number }> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run('delete from agg_person_steps');
  await run(
    refreshStepsSql(`p.id in (select ad.person_id from addiction_determinations ad
        union select t.person_id from drug_tests t union select cp.person_id from counselling_participants cp
        union select e.person_id from episodes e)`),
  );
  await run('delete from agg_status_checkpoint_months');
  await run('delete from agg_status_checkpoints');
  await run('delete from agg_status_months');
  // No checkpoint month is listed yet: the second statement (the checkpoints after each change) adds nothing.
  for (const text of addStatusSql(
    spanChanges(
      'h',
      'p',
      1,
      'from person_status_history h left join people p on p.id = h.person_id where true',
    ),
  ))
    await run(text);
  // Every month's checkpoint up to the current month, each from the one before and that month's changes.
  const first = (await sql<{ m: string | null }>`select min(month) as m from agg_status_months`.execute(db))
    .rows[0]?.m;
  let checkpoints = 0;
  for (let m = first ? nextMonth(first) : null, prev = first; m && prev && m <= today.slice(0, 7); ) {
    await sql`
      insert into agg_status_checkpoints (month, status, province_code, commune_code, facility_id, n)
      select ${m}, x.status, x.province_code, x.commune_code, x.facility_id, sum(x.n) from (
        select c.status, c.province_code, c.commune_code, c.facility_id, c.n
        from agg_status_checkpoints c where c.month = ${prev}
        union all
        select d.status, d.province_code, d.commune_code, d.facility_id, d.delta
        from agg_status_months d where d.month = ${prev}
      ) x group by x.status, x.province_code, x.commune_code, x.facility_id having sum(x.n) <> 0`.execute(db);
    await sql`insert into agg_status_checkpoint_months (month) values (${m})`.execute(db);
    checkpoints++;
    prev = m;
    m = nextMonth(m);
  }
  const count = async (table: string) =>
    Number(
      (await sql.raw<{ n: string | number }>(`select count(*) as n from ${table}`).execute(db)).rows[0]!.n,
    );
  return {
    people: await count('agg_person_steps'),
    statusRows: await count('agg_status_months'),
    checkpoints,
  };
}

/** 'YYYY-MM' → the month after it. */
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/**
 * Whether a month's checkpoint is there to read, made first when it is missing for a month up to the current one
 * (a month begun since the last rebuild): the sum of the changes of the months before it. Never inside the
 * caller's transaction and never waiting: on PostgreSQL the changes are locked (NOWAIT) while it is made, so a
 * concurrent write reaches it either through the sum or through its trigger; when the lock is taken, or another
 * request makes the same checkpoint at once, the figure sums the months' changes instead (the same answer).
 */
async function ensureCheckpoint(db: Kysely<any>, month: string): Promise<boolean> {
  const has = async (q: Kysely<any>) =>
    (await sql`select 1 as one from agg_status_checkpoint_months where month = ${month}`.execute(q)).rows
      .length > 0;
  if (await has(db)) return true;
  if (db.isTransaction || month > new Date().toISOString().slice(0, 7)) return false;
  try {
    await db.transaction().execute(async (trx) => {
      if (!(db.getExecutor().adapter instanceof SqliteAdapter))
        await sql`lock table agg_status_months in share mode nowait`.execute(trx);
      if (await has(trx)) return;
      await sql`
        insert into agg_status_checkpoints (month, status, province_code, commune_code, facility_id, n)
        select ${month}, d.status, d.province_code, d.commune_code, d.facility_id, sum(d.delta)
        from agg_status_months d where d.month < ${month}
        group by d.status, d.province_code, d.commune_code, d.facility_id having sum(d.delta) <> 0`.execute(
        trx,
      );
      await sql`insert into agg_status_checkpoint_months (month) values (${month})`.execute(trx);
    });
    return true;
  } catch {
    return false;
  }
}

// The scope of a grid on the aggregates' cell columns ('' for none).
function scopeWhere(u: UnitFilter, pr: string, co: string, fa: string): RawBuilder<unknown> {
  const list = (codes: readonly string[]) => sql.join(codes.map((c) => sql`${c}`));
  switch (u.kind) {
    case 'nation':
      return sql`1 = 1`;
    case 'province':
      return sql`${sql.ref(pr)} = ${u.code}`;
    case 'commune':
      return sql`${sql.ref(co)} in (${list([u.code, ...(u.merged ?? [])])})`;
    case 'facility':
      return sql`${sql.ref(fa)} = ${u.id}`;
    case 'area':
      return u.communes.length ? sql`${sql.ref(co)} in (${list(u.communes)})` : sql`1 = 0`;
  }
}

type Cells = RawBuilder<{ gp: string; gc: string; gf: string; n: string | number }>;

// People by status on a day: the checkpoint of the day's month (or, when it has none, the sum of the changes of
// the months before), then the spans that start or end in the month by that day.
function statusCells(status: string | undefined, to: string, scope: UnitFilter, kept: boolean): Cells {
  const month = to.slice(0, 7);
  const first = `${month}-01`;
  const any = !status || status === 'any';
  const st = (col: string) => (any ? sql`` : sql`and ${sql.ref(col)} = ${status}`);
  const days = (col: 'valid_from' | 'valid_to', sign: RawBuilder<unknown>) => sql`
    select coalesce(p.province_code, '') as pr, coalesce(p.cur_commune_code, '') as co,
      coalesce(h.facility_id, '') as fa, ${sign} * count(*) as n
    from person_status_history h left join people p on p.id = h.person_id
    where ${sql.ref(`h.${col}`)} >= ${first} and ${sql.ref(`h.${col}`)} <= ${to} ${st('h.status')}
    group by coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(h.facility_id, '')`;
  return sql`
    select x.pr as gp, x.co as gc, x.fa as gf, sum(x.n) as n from (
      ${
        kept
          ? sql`select c.province_code as pr, c.commune_code as co, c.facility_id as fa, c.n as n
      from agg_status_checkpoints c where c.month = ${month} ${st('c.status')}`
          : sql`select m.province_code as pr, m.commune_code as co, m.facility_id as fa, sum(m.delta) as n
      from agg_status_months m where m.month < ${month} ${st('m.status')}
      group by m.province_code, m.commune_code, m.facility_id`
      }
      union all ${days('valid_from', sql`1`)}
      union all ${days('valid_to', sql`-1`)}
    ) x where ${scopeWhere(scope, 'x.pr', 'x.co', 'x.fa')}
    group by x.pr, x.co, x.fa having sum(x.n) > 0`;
}

// Addicts with records by a day (an addiction found by then), and those with all four steps by then.
function stepsCells(all: boolean, to: string, scope: UnitFilter): Cells {
  const steps = all
    ? sql`and s.tested_on <= ${to} and s.counselled_on <= ${to} and s.treated_on <= ${to}`
    : sql``;
  return sql`
    select s.province_code as gp, s.commune_code as gc, s.facility_id as gf, count(*) as n
    from agg_person_steps s
    where s.addicted_on <= ${to} ${steps} and ${scopeWhere(scope, 's.province_code', 's.commune_code', 's.facility_id')}
    group by s.province_code, s.commune_code, s.facility_id`;
}

// Addicts (by the period's end) who attended a counselling session in the period: the period's sessions, each
// person once, placed by the aggregates' cell (no look-up of every person and their determinations).
function counselledCells(from: string, to: string, scope: UnitFilter): Cells {
  return sql`
    select s.province_code as gp, s.commune_code as gc, s.facility_id as gf, count(*) as n
    from agg_person_steps s
    where s.addicted_on <= ${to} and s.counselled_on <= ${to}
      and s.person_id in (select cp.person_id from counselling_sessions cs
        join counselling_participants cp on cp.session_id = cs.id
        where cs.held_on >= ${from} and cs.held_on <= ${to})
      and ${scopeWhere(scope, 's.province_code', 's.commune_code', 's.facility_id')}
    group by s.province_code, s.commune_code, s.facility_id`;
}

// A stream's people with a day in the period (each one's first day in it: the previous day before `from`), or
// its records in the period (the sum of the days' counts).
function daysCells(
  stream: string,
  measure: 'people' | 'records',
  from: string,
  to: string,
  scope: UnitFilter,
): Cells {
  return sql`
    select d.province_code as gp, d.commune_code as gc, d.facility_id as gf,
      ${measure === 'people' ? sql`count(*)` : sql`sum(d.n)`} as n
    from agg_person_days d
    where d.stream = ${stream} and d.day >= ${from} and d.day <= ${to}
      ${measure === 'people' ? sql`and (d.prev_day is null or d.prev_day < ${from})` : sql``}
      and ${scopeWhere(scope, 'd.province_code', 'd.commune_code', 'd.facility_id')}
    group by d.province_code, d.commune_code, d.facility_id`;
}

// People given medical or psychological support in the period: the psych stream's people with a day in it who
// had no substitution therapy running in it, and the people who had (each once, in their cell).
function psychCells(from: string, to: string, scope: UnitFilter): Cells {
  const running = sql`e.type = 'substitution_therapy' and e.start_date <= ${to}
    and ((e.actual_end is null and e.outcome is null) or e.actual_end >= ${from})`;
  return sql`
    select x.gp, x.gc, x.gf, sum(x.n) as n from (
      select d.province_code as gp, d.commune_code as gc, d.facility_id as gf, count(*) as n
      from agg_person_days d
      where d.stream = ${PSYCH_STREAM.id} and d.day >= ${from} and d.day <= ${to}
        and (d.prev_day is null or d.prev_day < ${from})
        and not exists (select 1 from episodes e where e.person_id = d.person_id and ${running})
      group by d.province_code, d.commune_code, d.facility_id
      union all
      select coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, ''),
        count(*)
      from (select distinct e.person_id from episodes e where ${running}) t join people p on p.id = t.person_id
      group by coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, '')
    ) x where ${scopeWhere(scope, 'x.gp', 'x.gc', 'x.gf')}
    group by x.gp, x.gc, x.gf`;
}

// A facility event kind's events in the period per cell (the sum of its days' counts), or its residents (each
// person's first day in the period at each facility: one row per facility and person).
function facilityDaysCells(
  kind: string | undefined,
  measure: 'people' | 'records',
  from: string,
  to: string,
  scope: UnitFilter,
): Cells {
  return sql`
    select d.province_code as gp, d.commune_code as gc, d.facility_id as gf,
      ${measure === 'people' ? sql`count(*)` : sql`sum(d.n)`} as n
    from agg_facility_days d
    where d.kind = ${kind ?? ''} and d.day >= ${from} and d.day <= ${to}
      ${measure === 'people' ? sql`and d.person_id <> '' and (d.prev_day is null or d.prev_day < ${from})` : sql``}
      and ${scopeWhere(scope, 'd.province_code', 'd.commune_code', 'd.facility_id')}
    group by d.province_code, d.commune_code, d.facility_id`;
}

type CellsOf = (p: Params, r: Range, scope: UnitFilter, checkpoint: boolean) => Cells;
const KEPT: Record<string, { measure: Measure; cells: CellsOf }> = {
  people_by_status: {
    measure: 'people',
    cells: (p, r, scope, kept) => statusCells(p.status, r.to, scope, kept),
  },
  addicts_with_records: { measure: 'people', cells: (_p, r, scope) => stepsCells(false, r.to, scope) },
  addicts_fully_served: { measure: 'people', cells: (_p, r, scope) => stepsCells(true, r.to, scope) },
  addicts_counselled: { measure: 'people', cells: (_p, r, scope) => counselledCells(r.from, r.to, scope) },
  people_medical_psych_support: {
    measure: 'people',
    cells: (_p, r, scope) => psychCells(r.from, r.to, scope),
  },
  facility_events: {
    measure: 'records',
    cells: (p, r, scope) => facilityDaysCells(p.kind, 'records', r.from, r.to, scope),
  },
  facility_event_people: {
    measure: 'people',
    cells: (p, r, scope) => facilityDaysCells(p.kind, 'people', r.from, r.to, scope),
  },
  ...Object.fromEntries(
    (
      [
        ['people_with_service_access', SERVICE_STREAM, 'people'],
        ['positive_tests', POSITIVE_TEST_STREAM, 'records'],
        ['relapse_tests', RELAPSE_TEST_STREAM, 'people'],
        ['addicts_determined', DETERMINED_STREAM, 'people'],
        ['people_declared', DECLARED_STREAM, 'people'],
      ] as const
    ).map(([block, stream, measure]) => [
      block,
      {
        measure,
        cells: (_p: Params, r: Range, scope: UnitFilter) =>
          daysCells(stream.id, measure, r.from, r.to, scope),
      },
    ]),
  ),
};

/** The benchmark's switch (bench/blocks-profile.ts --records): every grid from the records. */
export const keptGrids = { enabled: true };

/** Whether a block's grid is read from the aggregates for this period and measure. */
export const keptGridAvailable = (block: string, range: Range, measure: Measure) =>
  keptGrids.enabled && range.grouping !== 'period' && KEPT[block]?.measure === measure;

/** The block's grid from the aggregates (see `keptGridAvailable`). */
export async function keptGrid(
  db: Kysely<any>,
  block: string,
  params: Params,
  range: Range,
  scope: UnitFilter,
): Promise<GridCell[]> {
  const checkpoint = block === 'people_by_status' && (await ensureCheckpoint(db, range.to.slice(0, 7)));
  // Off the request path like every report statement (a checkpoint, a write, is made above on the server's own).
  const rows = await reportRows(db, KEPT[block]!.cells(params, range, scope, checkpoint));
  const orNull = (s: string) => (s === '' ? null : s);
  return rows.map((r) => ({
    province: orNull(r.gp),
    commune: orNull(r.gc),
    facility: orNull(r.gf),
    value: Number(r.n),
  }));
}

// Spread blocks (a record in several cells) answered for a unit from the aggregates, not as a sum of cells.
const KEPT_UNIT_GROUPS: ReadonlySet<GroupBy | undefined> = new Set([
  undefined,
  'province',
  'commune',
  'facility',
]);
const KEPT_UNIT_COLUMN = {
  province: 'd.province_code',
  commune: 'd.commune_code',
  facility: 'd.facility_id',
};

/**
 * Whether a block's figure for a unit (one, or one per province, commune or facility) is read from the
 * aggregates: facility_event_people, whose residents lie in a cell per facility (a resident of two facilities
 * counts once in a unit holding both).
 */
export const keptAggregateAvailable = (
  block: string,
  range: Range,
  measure: Measure,
  groupBy: GroupBy | undefined,
) =>
  block === 'facility_event_people' &&
  KEPT_UNIT_GROUPS.has(groupBy) &&
  keptGridAvailable(block, range, measure);

/** The block's figure for a unit from the aggregates (see `keptAggregateAvailable`): distinct residents. */
export async function keptAggregate(
  db: Kysely<any>,
  params: Params,
  range: Range,
  unit: UnitFilter,
  groupBy: GroupBy | undefined,
): Promise<{ key: string | null; value: number }[]> {
  const key = groupBy ? sql.ref(KEPT_UNIT_COLUMN[groupBy as keyof typeof KEPT_UNIT_COLUMN]) : sql`null`;
  const rows = await reportRows(
    db,
    sql<{ k: string | null; n: string | number }>`
    select ${key} as k, count(distinct d.person_id) as n
    from agg_facility_days d
    where d.kind = ${params.kind ?? ''} and d.day >= ${range.from} and d.day <= ${range.to}
      and d.person_id <> '' and (d.prev_day is null or d.prev_day < ${range.from})
      and ${scopeWhere(unit, 'd.province_code', 'd.commune_code', 'd.facility_id')}
    ${groupBy ? sql`group by ${key}` : sql``}`,
  );
  // '' is the aggregates' "none" (a resident with no commune): null, as the records give it.
  return rows.map((r) => ({ key: r.k == null || r.k === '' ? null : String(r.k), value: Number(r.n) }));
}
