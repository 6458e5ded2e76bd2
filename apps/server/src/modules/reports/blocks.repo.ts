import { SUBSTANCES } from '@hoanhap/domain/pathway-rules';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { reportRows } from '../../db/report-runner.ts';
import type { DB } from '../../db/schema.ts';
import {
  keptAggregate,
  keptAggregateAvailable,
  keptGrid,
  keptGridAvailable,
} from './aggregates/aggregates.repo.ts';
import { COMMUNITY_FACTS, STAFF_FACTS } from './facts/community.ts';
import { FACILITY_FACTS } from './facts/facility.ts';
import { PERSON_FACTS, SERVICE_FACTS } from './facts/people.ts';
import type { Facts, GroupBy, Params, Range, UnitFilter } from './facts/shared.ts';
import { spanOn } from './facts/shared.ts';

export type { GroupBy, Grouping, Params, Range, UnitFilter } from './facts/shared.ts';

// The building blocks of the indicator catalogue (packages/domain/src/indicators.ts), each implemented once here
// as a "facts" query: one row per record behind a figure, with the same columns for every block —
//   rid (record key), pid (person or null), commune, province, facility, sex, birth_year, dt (record date), qty.
// The engine aggregates them in SQL (count distinct / sum, optionally GROUP BY a unit or sex) and the drill-down
// lists the very same rows, so a figure and its records cannot disagree.
// The blocks' facts queries live by area under facts/.

const FACTS: Record<string, Facts> = {
  ...PERSON_FACTS,
  ...FACILITY_FACTS,
  ...COMMUNITY_FACTS,
  ...SERVICE_FACTS,
  ...STAFF_FACTS,
};

// Blocks whose records are placed in the person's current commune (p.cur_commune_code), and province and facility
// unless they are the facility's ('commune'): grouped by the units of the period, they take the commune the person
// lived in at the period's end (person_units; today's commune for a person without a dated record) and the
// facility they were in then (person_status_history). The other blocks' records carry their own unit as recorded
// (a dossier's, an activity's, a team's commune; an admission's facility; an account's unit).
const PLACED_BY_PERSON: Record<string, 'both' | 'commune'> = {
  people_by_status: 'both',
  positive_tests: 'both',
  relapse_tests: 'both',
  addicts_determined: 'both',
  people_declared: 'both',
  monitoring_measures: 'both',
  addicts_with_records: 'both',
  addicts_counselled: 'both',
  addicts_fully_served: 'both',
  decisions_issued: 'both',
  people_with_decision: 'both',
  episodes_started: 'both',
  episodes_active_at_end: 'both',
  episodes_active_in_period: 'both',
  post_rehab_people_with_manager: 'both',
  post_rehab_supported: 'both',
  people_with_service_access: 'both',
  people_medical_psych_support: 'both',
  facility_admissions: 'commune',
  facility_releases: 'commune',
  facility_events: 'commune',
  facility_event_people: 'commune',
  facility_learners: 'commune',
  facility_enrolments: 'commune',
};

/** A block's facts for a period, placed in the units the period is grouped by (the one place that decides it). */
function factsOf(block: string, range: Range, params: Params): RawBuilder<unknown> {
  const facts = FACTS[block];
  if (!facts) throw new Error(`block without facts: ${block}`);
  const placed = range.grouping === 'period' ? PLACED_BY_PERSON[block] : undefined;
  if (!placed) return facts(range, params);
  if (placed === 'commune')
    return sql`
    select f.rid, f.pid, coalesce(pu.commune_code, f.commune) as commune, f.province, f.facility, f.sex,
      f.birth_year, f.dt, f.qty
    from (${facts(range, params)}) f
      left join person_units pu on pu.person_id = f.pid and ${spanOn('pu', range.to)}`;
  return sql`
    select f.rid, f.pid, coalesce(pu.commune_code, f.commune) as commune,
      coalesce(pu.province_code, f.province) as province,
      case when sh.person_id is null then f.facility else sh.facility_id end as facility,
      f.sex, f.birth_year, f.dt, f.qty
    from (${facts(range, params)}) f
      left join person_units pu on pu.person_id = f.pid and ${spanOn('pu', range.to)}
      left join person_status_history sh on sh.person_id = f.pid and ${spanOn('sh', range.to)}`;
}

function unitWhere(u: UnitFilter) {
  switch (u.kind) {
    case 'nation':
      return sql`1 = 1`;
    case 'province':
      return sql`f.province = ${u.code}`;
    case 'commune':
      return u.merged?.length
        ? sql`f.commune in (${sql.join([u.code, ...u.merged].map((c) => sql`${c}`))})`
        : sql`f.commune = ${u.code}`;
    case 'facility':
      return sql`f.facility = ${u.id}`;
    case 'area':
      return u.communes.length
        ? sql`f.commune in (${sql.join(u.communes.map((c) => sql`${c}`))})`
        : sql`1 = 0`;
  }
}

// The substances each person was found to use by a date: listed on an addiction determination, positive on a
// drug test (one result per substance in the stored JSON, e.g. {"substance":"heroin","result":"positive"}), or
// declared by the person to the commune police (Law 120/2025, substance_declarations: a JSON list of keys).
const SUBSTANCE_KEYS = sql.join(
  SUBSTANCES.map((k) => sql`select ${sql.lit(k)} as k`),
  sql` union all `,
);
const personSubstances = (to: string) => sql`
  select distinct x.person_id, x.k from (
    select d.person_id, v.k from addiction_determinations d join (${SUBSTANCE_KEYS}) v
      on d.substances like '%"' || v.k || '"%'
    where d.assessed_on <= ${to}
    union all
    select t.person_id, v.k from drug_tests t join (${SUBSTANCE_KEYS}) v
      on t.results like '%{"substance":"' || v.k || '","result":"positive"}%'
        or (v.k = 'other' and t.results like '%"substance":"other"%')
    where t.positive = 1 and t.tested_on <= ${to}
    union all
    select sd.person_id, v.k from substance_declarations sd join (${SUBSTANCE_KEYS}) v
      on sd.substances like '%"' || v.k || '"%'
    where sd.declared_on <= ${to}
  ) x`;

const AGG = {
  records: sql`count(distinct f.rid)`,
  units: sql`count(distinct f.rid)`,
  people: sql`count(distinct f.pid)`,
  sum: sql`coalesce(sum(f.qty), 0)`,
} as const;

export type Measure = keyof typeof AGG;

export type FactRow = {
  rid: string;
  pid: string | null;
  commune: string | null;
  province: string | null;
  facility: string | null;
  dt: string | null;
  qty: number;
  full_name: string | null;
  sex: string | null;
  birth_year: number | null;
};

/**
 * Blocks whose records may fall in more than one (province, commune, facility) cell of a grid — a person admitted
 * to two facilities in the period, assigned in two communes, named in dossiers of two communes, or one decision
 * naming people placed in different facilities. Their figure for a unit is a count of its own, never a sum of
 * cells; every other block's records each lie in one cell, so any unit's figure is the sum of its cells.
 */
export const SPREAD_BLOCKS: ReadonlySet<string> = new Set([
  'decisions_issued',
  'people_in_dossiers_submitted',
  'facility_admissions',
  'facility_releases',
  'facility_learners',
  'facility_event_people',
  'community_people_assigned',
]);

/** The orders a drill-down can be read in. */
export const RECORD_SORTS = ['date', 'name', 'birth_year', 'sex', 'commune'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
const RECORD_SORT: Record<RecordSort, RawBuilder<unknown>> = {
  date: sql`f.dt`,
  name: sql`coalesce(pp.full_name, uu.full_name)`,
  birth_year: sql`f.birth_year`,
  sex: sql`f.sex`,
  commune: sql`f.commune`,
};
export type RecordsPage = { limit: number; offset?: number; sort?: RecordSort; dir?: 'asc' | 'desc' };

/** One cell of a block's grid: the figure of the records that carry this province, commune and facility. */
export type GridCell = {
  province: string | null;
  commune: string | null;
  facility: string | null;
  value: number;
};

/** What a block's rows are asked for by: the block, its parameters and the period. */
type BlockOf = [block: string, params: Params, range: Range];
/** A block's figure for a unit, by a measure, in one row or one per group (`aggregate`). */
export type AggregateArgs = [...BlockOf, unit: UnitFilter, measure: Measure, groupBy?: GroupBy];
/** A block's figure per cell within a scope (the nation or a province), by a measure (`grid`). */
export type GridArgs = [...BlockOf, scope: UnitFilter, measure: Measure];

function aggregateQuery(
  ...[block, params, range, unit, measure, groupBy]: AggregateArgs
): RawBuilder<{ k: string | number | null; n: string | number }> {
  const facts = factsOf(block, range, params);
  if (groupBy === 'substance')
    // A person counts under every substance they were found to use; people with none under 'unknown'.
    return sql`
      select coalesce(s.k, 'unknown') as k, ${AGG[measure]} as n from (${facts}) f
        left join (${personSubstances(range.to)}) s on s.person_id = f.pid
      where ${unitWhere(unit)} group by coalesce(s.k, 'unknown')`;
  if (groupBy === 'legal_basis')
    return sql`
      select f.k as k, ${AGG[measure]} as n from (select f.*, coalesce((select e2.regime_id from episodes e2
          where e2.person_id = f.pid and e2.start_date <= ${range.to}
          order by e2.start_date desc, e2.id desc limit 1), 'none') as k
        from (${facts}) f where ${unitWhere(unit)}) f
      group by f.k`;
  const g = groupBy ? sql.ref(`f.${groupBy}`) : sql`null`;
  return sql`
      select ${g} as k, ${AGG[measure]} as n from (${facts}) f
      where ${unitWhere(unit)} ${groupBy ? sql`group by ${g}` : sql``}`;
}

function gridQuery(...[block, params, range, scope, measure]: GridArgs) {
  const facts = factsOf(block, range, params);
  return sql<{ gp: string | null; gc: string | null; gf: string | null; n: string | number }>`
      select f.province as gp, f.commune as gc, f.facility as gf, ${AGG[measure]} as n
      from (${facts}) f where ${unitWhere(scope)}
      group by f.province, f.commune, f.facility`;
}

export const blocksRepo = {
  /** The block's figure for a unit, or one figure per group (GROUP BY in SQL). */
  aggregate: async (
    db: Kysely<DB>,
    ...args: AggregateArgs
  ): Promise<{ key: string | null; value: number }[]> => {
    const [block, params, range, unit, measure, groupBy] = args;
    // cold (issue 13): a spread block's figure for a unit, from the aggregates the writes keep.
    if (keptAggregateAvailable(block, range, measure, groupBy))
      return keptAggregate(db, block, params, range, unit, groupBy);
    return blocksRepo.recordsAggregate(db, ...args);
  },
  /** `aggregate` computed from the block's records (what the aggregates are checked against). */
  recordsAggregate: async (
    db: Kysely<DB>,
    ...args: AggregateArgs
  ): Promise<{ key: string | null; value: number }[]> => {
    const rows = await reportRows(db, aggregateQuery(...args));
    return rows.map((r) => ({ key: r.k == null ? null : String(r.k), value: Number(r.n) }));
  },
  /** The SQL `aggregate` sends (the figure cache reads its tables from it). */
  aggregateSql: (db: Kysely<DB>, ...args: AggregateArgs) => aggregateQuery(...args).compile(db).sql,
  /**
   * The block's figure per (province, commune, facility) cell within a scope (the nation or a province), in one
   * pass over its records: what the figure cache derives every unit's figure and every child unit's from.
   */
  grid: async (db: Kysely<DB>, ...args: GridArgs): Promise<GridCell[]> => {
    const [block, params, range, scope, measure] = args;
    // cold (issue 13): blocks whose national grid would read the whole country, from the aggregates the writes keep.
    if (keptGridAvailable(block, range, measure)) return keptGrid(db, block, params, range, scope);
    return blocksRepo.recordsGrid(db, ...args);
  },
  /** `grid` computed from the block's records (what the aggregates are checked against). */
  recordsGrid: async (db: Kysely<DB>, ...args: GridArgs): Promise<GridCell[]> => {
    const rows = await reportRows(db, gridQuery(...args));
    return rows.map((r) => ({ province: r.gp, commune: r.gc, facility: r.gf, value: Number(r.n) }));
  },
  gridSql: (db: Kysely<DB>, ...args: GridArgs) => gridQuery(...args).compile(db).sql,
  /**
   * A page of the rows behind a block's figure (the drill-down), with the person's name (a staff account's for
   * staff), in the order asked for (ties broken by the record key, so pages never overlap).
   */
  records: async (
    db: Kysely<DB>,
    ...[block, params, range, unit, page]: [...BlockOf, unit: UnitFilter, page: RecordsPage]
  ): Promise<FactRow[]> => {
    const facts = factsOf(block, range, params);
    const dir = page.dir === 'desc' ? sql.raw('desc') : sql.raw('asc');
    // Nulls last both ways, the same on SQLite and PostgreSQL.
    const key = RECORD_SORT[page.sort ?? 'date'];
    const order = sql`order by case when ${key} is null then 1 else 0 end, ${key} ${dir}, f.rid ${dir}`;
    const names = sql`coalesce(pp.full_name, uu.full_name) as full_name`;
    const named = sql`left join people pp on pp.id = f.pid left join users uu on f.pid is null and uu.id = f.rid`;
    const cols = sql`f.rid, f.pid, f.commune, f.province, f.facility, f.dt, f.qty, f.sex, f.birth_year`;
    // Sorted by a fact's own column, the page is cut first and only its rows are named (a national list of
    // 50,000 records read each name once per page, not 50,000 times); by name, every row needs its name first.
    const q =
      page.sort === 'name'
        ? sql<FactRow>`
      select ${cols}, ${names}
      from (${facts}) f ${named}
      where ${unitWhere(unit)}
      ${order}
      limit ${page.limit} offset ${page.offset ?? 0}`
        : sql<FactRow>`
      select ${cols}, ${names}
      from (select f.* from (${facts}) f where ${unitWhere(unit)}
        ${order} limit ${page.limit} offset ${page.offset ?? 0}) f ${named}
      ${order}`;
    const rows = await reportRows(db, q);
    return rows.map((r) => ({
      ...r,
      rid: String(r.rid),
      qty: Number(r.qty),
      birth_year: r.birth_year == null ? null : Number(r.birth_year),
    }));
  },
  /** How many rows lie behind a block's figure (the drill-down's total, whatever page is shown). */
  countRecords: async (
    db: Kysely<DB>,
    ...[block, params, range, unit]: [...BlockOf, unit: UnitFilter]
  ): Promise<number> => {
    const facts = factsOf(block, range, params);
    const rows = await reportRows(
      db,
      sql<{ n: string | number }>`select count(*) as n from (${facts}) f where ${unitWhere(unit)}`,
    );
    return Number(rows[0]?.n ?? 0);
  },
};
