import { addDays } from '@hoanhap/domain/iso-date';
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
// cells (SPREAD_BLOCKS), and facility_releases are also answered for a unit (`keptAggregate`).

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
  // Migration 0037 runs this before 0040, 0041 and 0042 created the per-person days, the per-facility days and
  // the checkpoint days: those are rebuilt once they exist.
  const days = (await hasTable(db, 'agg_person_days')) ? await rebuildPersonDays(db) : 0;
  const facilityDays = (await hasTable(db, 'agg_facility_days')) ? await rebuildFacilityDays(db) : 0;
  return { ...(await rebuildStatusAndSteps(db, today)), days, facilityDays };
}

const AGGREGATE_TABLES = [
  'agg_person_steps',
  'agg_status_months',
  'agg_status_checkpoint_days',
  'agg_status_day_checkpoints',
  'agg_person_days',
  'agg_facility_days',
];

/**
 * After a rebuild (outside its transaction): fresh planner statistics for the aggregates, and on PostgreSQL their
 * visibility map set by VACUUM, without which the grids' covering indexes cannot be read alone (an index-only
 * scan) and every row is fetched from the table — 1.85 s instead of 0.56 s for the national service-access grid
 * of a quarter. Autovacuum would get there too, some time after the rebuild's millions of inserts.
 */
export async function freshenAggregates(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const t of AGGREGATE_TABLES) {
    if (!(await hasTable(db, t))) continue;
    await sql.raw(sqlite ? `ANALYZE ${t}` : `VACUUM (ANALYZE) ${t}`).execute(db);
  }
}

/** Whether a table is there (a later migration's, while an earlier one rebuilds). */
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
  await run('delete from agg_status_months');
  // The months' changes only: the checkpoints are made from them and the records below (the second statement of
  // addStatusSql, for the checkpoints after each change, would add to none: they are all deleted first).
  await run(addStatusSql(ALL_SPANS)[0]);
  // Migration 0037 runs this on a new database before 0042 made the checkpoint days.
  const checkpoints = (await hasTable(db, 'agg_status_checkpoint_days'))
    ? await rebuildCheckpoints(db, today)
    : 0;
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

/**
 * Every checkpoint day from the first month with a change up to today, each from the one before and the changes
 * between them (migration 0042, `rebuildAggregates`); how many. agg_status_months must be current.
 */
export async function rebuildCheckpoints(db: Kysely<any>, today: string): Promise<number> {
  await sql`delete from agg_status_checkpoint_days`.execute(db);
  await sql`delete from agg_status_day_checkpoints`.execute(db);
  const first = (await sql<{ m: string | null }>`select min(month) as m from agg_status_months`.execute(db))
    .rows[0]?.m;
  if (!first) return 0;
  // The first month's 1st: no change before it, an empty checkpoint.
  let prev = `${first}-01`;
  await sql`insert into agg_status_checkpoint_days (day) values (${prev})`.execute(db);
  let made = 1;
  for (let day = nextCheckpointDay(prev); day <= today; prev = day, day = nextCheckpointDay(day)) {
    await sql`
      insert into agg_status_day_checkpoints (day, status, province_code, commune_code, facility_id, n)
      select ${day}, x.st, x.pr, x.co, x.fa, sum(x.n) from (
        select c.status as st, c.province_code as pr, c.commune_code as co, c.facility_id as fa, c.n as n
        from agg_status_day_checkpoints c where c.day = ${prev}
        union all
        select x.st, x.pr, x.co, x.fa, x.d from (${changesBetween(prev, day)}) x
      ) x group by x.st, x.pr, x.co, x.fa having sum(x.n) <> 0`.execute(db);
    await sql`insert into agg_status_checkpoint_days (day) values (${day})`.execute(db);
    made++;
  }
  return made;
}

/** The checkpoint day after `day` (checkpoint days: the 1st and the 15th of each month, aggregates-sql.ts). */
function nextCheckpointDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (d < 15) return `${day.slice(0, 8)}15`;
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The last checkpoint day ≤ `day`. */
function checkpointDayOf(day: string): string {
  return `${day.slice(0, 8)}${Number(day.slice(8)) >= 15 ? '15' : '01'}`;
}

/** The changes of every status span, each in its person's cell. */
const ALL_SPANS = spanChanges(
  'h',
  'p',
  1,
  'from person_status_history h left join people p on p.id = h.person_id where true',
);

/** The changes of status spans dated in [from, to) from the records (the date condition goes into each part). */
const changesBetween = (from: string, to: string) =>
  sql`select x.* from (${sql.raw(ALL_SPANS)}) x where x.dy >= ${from} and x.dy < ${to}`;

/**
 * The checkpoint to read day `to`'s figure from: the last checkpoint day ≤ `to` + 1, made first when it is missing
 * and not after today (a day reached since the last rebuild), else the last one made before it; null when there
 * is none. Made from the checkpoint before it (or the months' changes) and the changes between, never inside the
 * caller's transaction and never waiting: on PostgreSQL the changes are locked (NOWAIT) while it is made, so a
 * concurrent write reaches it either through the records read or through its trigger; when the lock is taken,
 * or another request makes the same checkpoint at once, an earlier checkpoint is read (the same answer).
 */
async function checkpointFor(db: Kysely<any>, to: string): Promise<string | null> {
  const day = checkpointDayOf(addDays(to, 1));
  const latest = async (q: Kysely<any>) =>
    (
      await sql<{ day: string | null }>`select max(day) as day from agg_status_checkpoint_days
        where day <= ${day}`.execute(q)
    ).rows[0]?.day ?? null;
  const found = await latest(db);
  if (found === day || db.isTransaction || day > new Date().toISOString().slice(0, 10)) return found;
  try {
    await db.transaction().execute(async (trx) => {
      if (!(db.getExecutor().adapter instanceof SqliteAdapter))
        await sql`lock table agg_status_months in share mode nowait`.execute(trx);
      const prev = await latest(trx);
      if (prev === day) return;
      // From the checkpoint before (normally half a month back), or, with none, from the months' changes.
      const base = prev
        ? sql`select c.status as st, c.province_code as pr, c.commune_code as co, c.facility_id as fa, c.n as n
            from agg_status_day_checkpoints c where c.day = ${prev}`
        : sql`select d.status as st, d.province_code as pr, d.commune_code as co, d.facility_id as fa,
              d.delta as n
            from agg_status_months d where d.month < ${day.slice(0, 7)}`;
      await sql`
        insert into agg_status_day_checkpoints (day, status, province_code, commune_code, facility_id, n)
        select ${day}, x.st, x.pr, x.co, x.fa, sum(x.n) from (
          ${base}
          union all
          select x.st, x.pr, x.co, x.fa, x.d from (${changesBetween(prev ?? `${day.slice(0, 7)}-01`, day)}) x
        ) x group by x.st, x.pr, x.co, x.fa having sum(x.n) <> 0`.execute(trx);
      await sql`insert into agg_status_checkpoint_days (day) values (${day})`.execute(trx);
    });
    return day;
  } catch {
    return latest(db);
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

// People by status on a day: the checkpoint read (see `checkpointFor`; with none, the sum of the changes of the
// months before the day's), then the spans that start or end from its day to that day — none when it is the day
// after (a period ending on the 14th or on a month's last day).
function statusCells(status: string | undefined, to: string, scope: UnitFilter, base: string | null): Cells {
  const from = base ?? `${to.slice(0, 7)}-01`;
  const any = !status || status === 'any';
  const st = (col: string) => (any ? sql`` : sql`and ${sql.ref(col)} = ${status}`);
  const days = (col: 'valid_from' | 'valid_to', sign: RawBuilder<unknown>) => sql`
    union all
    select coalesce(p.province_code, '') as pr, coalesce(p.cur_commune_code, '') as co,
      coalesce(h.facility_id, '') as fa, ${sign} * count(*) as n
    from person_status_history h left join people p on p.id = h.person_id
    where ${sql.ref(`h.${col}`)} >= ${from} and ${sql.ref(`h.${col}`)} <= ${to} ${st('h.status')}
    group by coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(h.facility_id, '')`;
  return sql`
    select x.pr as gp, x.co as gc, x.fa as gf, sum(x.n) as n from (
      ${
        base
          ? sql`select c.province_code as pr, c.commune_code as co, c.facility_id as fa, c.n as n
      from agg_status_day_checkpoints c where c.day = ${base} ${st('c.status')}`
          : sql`select m.province_code as pr, m.commune_code as co, m.facility_id as fa, sum(m.delta) as n
      from agg_status_months m where m.month < ${to.slice(0, 7)} ${st('m.status')}
      group by m.province_code, m.commune_code, m.facility_id`
      }
      ${from <= to ? sql`${days('valid_from', sql`1`)} ${days('valid_to', sql`-1`)}` : sql``}
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

/** Days kept per person: a stream's (agg_person_days), or a facility event kind's per facility (agg_facility_days). */
type KeptDays = { table: 'agg_person_days'; stream: string } | { table: 'agg_facility_days'; kind: string };

// A key's people with a day in the period (each one's first day in it: the previous day before `from`; per
// facility and person for facility events, whose days without a resident ('') count no one), or its records in
// the period (the sum of the days' counts). Both read one covering index, no join and no DISTINCT.
function daysCells(
  days: KeptDays,
  measure: 'people' | 'records',
  from: string,
  to: string,
  scope: UnitFilter,
): Cells {
  const key = days.table === 'agg_person_days' ? sql`d.stream = ${days.stream}` : sql`d.kind = ${days.kind}`;
  const resident = days.table === 'agg_facility_days' ? sql`and d.person_id <> ''` : sql``;
  return sql`
    select d.province_code as gp, d.commune_code as gc, d.facility_id as gf,
      ${measure === 'people' ? sql`count(*)` : sql`sum(d.n)`} as n
    from ${sql.table(days.table)} d
    where ${key} and d.day >= ${from} and d.day <= ${to}
      ${measure === 'people' ? sql`${resident} and (d.prev_day is null or d.prev_day < ${from})` : sql``}
      and ${scopeWhere(scope, 'd.province_code', 'd.commune_code', 'd.facility_id')}
    group by d.province_code, d.commune_code, d.facility_id`;
}

// People given medical or psychological support in the period: the psych stream's people with a day in it who
// had no substitution therapy running in it, and the people who had (each once, in their cell). The first part
// excludes the running therapies' people as one set (NOT IN: built once, probed per row; person_id is never
// null) rather than a correlated look-up of each row's episodes (2.6× slower nationally on SQLite).
function psychCells(from: string, to: string, scope: UnitFilter): Cells {
  const running = sql`e.type = 'substitution_therapy' and e.start_date <= ${to}
    and ((e.actual_end is null and e.outcome is null) or e.actual_end >= ${from})`;
  return sql`
    select x.gp, x.gc, x.gf, sum(x.n) as n from (
      select d.province_code as gp, d.commune_code as gc, d.facility_id as gf, count(*) as n
      from agg_person_days d
      where d.stream = ${PSYCH_STREAM.id} and d.day >= ${from} and d.day <= ${to}
        and (d.prev_day is null or d.prev_day < ${from})
        and d.person_id not in (select e.person_id from episodes e where ${running})
      group by d.province_code, d.commune_code, d.facility_id
      union all
      select coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, ''),
        count(*)
      from (select distinct e.person_id from episodes e where ${running}) t join people p on p.id = t.person_id
      group by coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, '')
    ) x where ${scopeWhere(scope, 'x.gp', 'x.gc', 'x.gf')}
    group by x.gp, x.gc, x.gf`;
}

const facilityKind = (kind: string | undefined): KeptDays => ({
  table: 'agg_facility_days',
  kind: kind ?? '',
});

type CellsOf = (p: Params, r: Range, scope: UnitFilter, checkpoint: string | null) => Cells;

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
    cells: (p, r, scope) => daysCells(facilityKind(p.kind), 'records', r.from, r.to, scope),
  },
  facility_event_people: {
    measure: 'people',
    cells: (p, r, scope) => daysCells(facilityKind(p.kind), 'people', r.from, r.to, scope),
  },
  // Residents released (one per facility and person in a cell).
  facility_releases: {
    measure: 'people',
    cells: (_p, r, scope) => daysCells(facilityKind('release'), 'people', r.from, r.to, scope),
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
          daysCells({ table: 'agg_person_days', stream: stream.id }, measure, r.from, r.to, scope),
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
  const checkpoint = block === 'people_by_status' ? await checkpointFor(db, range.to) : null;
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

// The spread blocks answered so (residents), with the kind of their days.
const KEPT_UNIT_KIND: Record<string, (p: Params) => string> = {
  facility_event_people: (p) => p.kind ?? '',
  facility_releases: () => 'release',
};

/**
 * Whether a block's figure for a unit (one, or one per province, commune or facility) is read from the
 * aggregates: facility_event_people, whose residents lie in a cell per facility (a resident of two facilities
 * counts once in a unit holding both), and facility_releases (residents released, the same way).
 */
export const keptAggregateAvailable = (
  block: string,
  range: Range,
  measure: Measure,
  groupBy: GroupBy | undefined,
) =>
  Object.hasOwn(KEPT_UNIT_KIND, block) &&
  KEPT_UNIT_GROUPS.has(groupBy) &&
  keptGridAvailable(block, range, measure);

/** The block's figure for a unit from the aggregates (see `keptAggregateAvailable`): distinct residents. */
export async function keptAggregate(
  db: Kysely<any>,
  block: string,
  params: Params,
  range: Range,
  unit: UnitFilter,
  groupBy: GroupBy | undefined,
): Promise<{ key: string | null; value: number }[]> {
  const kind = KEPT_UNIT_KIND[block]!;
  const key = groupBy ? sql.ref(KEPT_UNIT_COLUMN[groupBy as keyof typeof KEPT_UNIT_COLUMN]) : sql`null`;
  const rows = await reportRows(
    db,
    sql<{ k: string | null; n: string | number }>`
    select ${key} as k, count(distinct d.person_id) as n
    from agg_facility_days d
    where d.kind = ${kind(params)} and d.day >= ${range.from} and d.day <= ${range.to}
      and d.person_id <> '' and (d.prev_day is null or d.prev_day < ${range.from})
      and ${scopeWhere(unit, 'd.province_code', 'd.commune_code', 'd.facility_id')}
    ${groupBy ? sql`group by ${key}` : sql``}`,
  );
  // '' is the aggregates' "none" (a resident with no commune): null, as the records give it.
  return rows.map((r) => ({ key: r.k == null || r.k === '' ? null : String(r.k), value: Number(r.n) }));
}
