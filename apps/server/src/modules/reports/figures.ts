import type { Kysely } from 'kysely';
import { tablesRead } from '../../db/change-tracker.ts';
import type { DB } from '../../db/schema.ts';
import {
  blocksRepo,
  type GridCell,
  type GroupBy,
  type Measure,
  type Params,
  type Range,
  SPREAD_BLOCKS,
  type UnitFilter,
} from './blocks.repo.ts';
import { figureStoreOf } from './figure-store.ts';

// A block's aggregate for a unit and period, through the figure store (figure-store.ts): pre-aggregation by
// (province, commune, facility) cell. One pass over a block's records for the nation (or a province) gives its
// grid; the nation's, any province's, commune's and facility's figure, and a province report's figure for each
// of its communes and facilities, are then sums over the grid's cells — exact, because each record of such a
// block lies in one cell (SPREAD_BLOCKS are the exceptions, computed for the unit itself). The warm-up job
// (figures-warmup.job.ts) computes the nation's grids of the current periods after start, so the first
// dashboard of the day does not pay for them.

export type Aggregate = { key: string | null; value: number }[];
export type FigureOptions = {
  /** A dashboard may show a slow figure computed a few minutes ago (marked) while it is recomputed. */
  allowStale?: boolean;
  /** Collects the oldest computation time of the figures used (the dashboard's "computed at"). */
  asOf?: AsOf;
};
export type AsOf = { at: number | null; stale: boolean };

export const newAsOf = (): AsOf => ({ at: null, stale: false });

/** Two-level cells kept per grid: (province, commune) and (province, facility), with interned codes. */
type Cell = readonly [province: string | null, code: string | null, value: number];
type Grid = { communes: Cell[]; facilities: Cell[] };

const interned = new Map<string, string>();
const intern = (s: string | null) => {
  if (s == null) return null;
  const hit = interned.get(s);
  if (hit) return hit;
  interned.set(s, s);
  return s;
};

function toGrid(cells: GridCell[]): Grid {
  // Looked up by province, then code, in nested maps: a national grid folds ~100,000 rows per dashboard, and a
  // key string built per row was a tenth of the server thread's time and much of its garbage while a cold
  // national dashboard computed (bench/README.md, "Fifth day"). A null and an empty code are the same cell, and
  // the cells come out in the order first seen, as before.
  const fold = (pick: (c: GridCell) => string | null) => {
    const byProvince = new Map<string, Map<string, [string | null, string | null, number]>>();
    const out: [string | null, string | null, number][] = [];
    for (const c of cells) {
      const code = pick(c);
      let inProvince = byProvince.get(c.province ?? '');
      if (!inProvince) {
        inProvince = new Map();
        byProvince.set(c.province ?? '', inProvince);
      }
      const cur = inProvince.get(code ?? '');
      if (cur) cur[2] += c.value;
      else {
        const cell: [string | null, string | null, number] = [intern(c.province), intern(code), c.value];
        inProvince.set(code ?? '', cell);
        out.push(cell);
      }
    }
    return out as Cell[];
  };
  return { communes: fold((c) => c.commune), facilities: fold((c) => c.facility) };
}

/** A unit's figure, or its figure per child unit, summed from a grid's cells. */
function fromGrid(grid: Grid, unit: UnitFilter, groupBy: GroupBy | undefined): Aggregate {
  const byFacility = groupBy === 'facility' || unit.kind === 'facility';
  const cells = byFacility ? grid.facilities : grid.communes;
  const inArea = unit.kind === 'area' ? new Set(unit.communes) : null;
  const keep = (c: Cell) =>
    unit.kind === 'nation' ||
    (inArea != null && c[1] != null && inArea.has(c[1])) ||
    (unit.kind === 'province' && c[0] === unit.code) ||
    (unit.kind === 'commune' && (c[1] === unit.code || (c[1] != null && !!unit.merged?.includes(c[1])))) ||
    (unit.kind === 'facility' && c[1] === unit.id);
  if (!groupBy) {
    let n = 0;
    for (const c of cells) if (keep(c)) n += c[2];
    return [{ key: null, value: n }];
  }
  const out = new Map<string | null, number>();
  for (const c of cells) {
    if (!keep(c)) continue;
    const k = groupBy === 'province' ? c[0] : c[1];
    out.set(k, (out.get(k) ?? 0) + c[2]);
  }
  return [...out].map(([key, value]) => ({ key, value }));
}

// An area is keyed by its communes (an edited area is another set of cells).
const unitKey = (u: UnitFilter) =>
  u.kind === 'nation'
    ? 'VN'
    : u.kind === 'facility'
      ? `f:${u.id}`
      : u.kind === 'area'
        ? `A:${u.communes.join(',')}`
        : u.kind === 'commune' && u.merged?.length
          ? `c:${[u.code, ...u.merged].join(',')}`
          : `${u.kind[0]}:${u.code}`;
const levelOf = (u: UnitFilter): GroupBy | null =>
  u.kind === 'nation' || u.kind === 'area' ? null : u.kind === 'facility' ? 'facility' : u.kind;
const codeOf = (u: UnitFilter) =>
  u.kind === 'nation' || u.kind === 'area' ? null : u.kind === 'facility' ? u.id : u.code;
const UNIT_LEVELS: ReadonlySet<string> = new Set(['province', 'commune', 'facility']);

function note(opts: FigureOptions, at: number, stale: boolean) {
  if (!opts.asOf) return;
  opts.asOf.at = opts.asOf.at == null ? at : Math.min(opts.asOf.at, at);
  opts.asOf.stale ||= stale;
}

/** `blocksRepo.aggregate`'s answer, from the figure store when it can be. */
export async function aggregateFigures(
  db: Kysely<DB>,
  block: string,
  params: Params,
  range: Range,
  unit: UnitFilter,
  measure: Measure,
  groupBy?: GroupBy,
  opts: FigureOptions = {},
): Promise<Aggregate> {
  const store = figureStoreOf(db);
  const direct = () => blocksRepo.aggregate(db, block, params, range, unit, measure, groupBy);
  if (!store) {
    note(opts, Date.now(), false);
    return direct();
  }
  // Writes committed by other processes and servers since the last read invalidate their figures here first.
  await store.sync();
  const stale = !!opts.allowStale;
  const base = JSON.stringify([
    block,
    Object.entries(params).sort(),
    range.from,
    range.to,
    measure,
    // Grouped by the units of the period, a person's records lie in other cells.
    ...(range.grouping === 'period' ? ['period'] : []),
  ]);
  const directKey = `a${base}${unitKey(unit)}|${groupBy ?? ''}`;
  const kept = <T>(k: { value: T; at: number; stale: boolean }) => {
    note(opts, k.at, k.stale);
    return k.value;
  };

  const hit = store.peek<Aggregate>(directKey, stale);
  if (hit) return kept(hit);
  // The unit's own figure is its row in the nation's figures per unit of its level (exact for every block).
  const level = levelOf(unit);
  if (!groupBy && level) {
    const perUnit = store.peek<Aggregate>(`a${base}VN|${level}`, stale);
    if (perUnit) {
      const codes = new Set([codeOf(unit), ...(unit.kind === 'commune' ? (unit.merged ?? []) : [])]);
      let value = 0;
      for (const r of kept(perUnit)) if (codes.has(r.key)) value += r.value;
      return [{ key: null, value }];
    }
  }
  // An area's figure is the sum of its communes' cells, read from its province's grid (or the nation's); its
  // figure per facility cannot be (a facility cell does not say which commune its records came from).
  const areaProvince: UnitFilter | null =
    unit.kind === 'area' ? { kind: 'province', code: unit.province } : null;
  if (
    !SPREAD_BLOCKS.has(block) &&
    (!groupBy || UNIT_LEVELS.has(groupBy)) &&
    !(areaProvince && groupBy === 'facility')
  ) {
    const nation: UnitFilter = { kind: 'nation' };
    const scopes =
      unit.kind === 'province' ? [nation, unit] : areaProvince ? [nation, areaProvince] : [nation];
    for (const scope of scopes) {
      const g = store.peek<Grid>(`g${base}${unitKey(scope)}`, stale);
      if (g) return fromGrid(kept(g), unit, groupBy);
    }
    // Only the nation's or a province's grid is worth a pass of its own; a commune's figure is one query.
    const gridScope = unit.kind === 'nation' || unit.kind === 'province' ? unit : areaProvince;
    if (gridScope) {
      const g = await store.get(
        `g${base}${unitKey(gridScope)}`,
        tablesRead(blocksRepo.gridSql(db, block, params, range, gridScope, measure)),
        async () => toGrid(await blocksRepo.grid(db, block, params, range, gridScope, measure)),
      );
      return fromGrid(kept(g), unit, groupBy);
    }
  }
  const r = await store.get(
    directKey,
    tablesRead(blocksRepo.aggregateSql(db, block, params, range, unit, measure, groupBy)),
    direct,
  );
  return kept(r);
}
