import {
  ageGroup,
  BLOCK_BY_ID,
  type BlockRef,
  INDICATORS,
  type IndicatorDef,
  meetsTarget,
  ratioPercent,
} from '@hoanhap/domain/indicators';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, isNational, reportUnitWithinScope } from '../../platform/policy.ts';
import { areasRepo } from '../areas/areas.repo.ts';
import type { GroupBy, Grouping, Range, UnitFilter } from './blocks.repo.ts';
import { type Aggregate, aggregateFigures, type FigureOptions } from './figures.ts';
import { indicatorsRepo } from './reports.repo.ts';
import { unitsRepo } from './units.repo.ts';

// The engine: an indicator's figure for a unit and period, within the viewer's scope, from the building
// blocks' SQL aggregates. Pending blocks (no records in the product yet) give null, never 0.

export type UnitKind = 'nation' | 'province' | 'commune' | 'facility' | 'area';
export type ResolvedUnit = {
  kind: UnitKind;
  code: string;
  name: string;
  provinceCode: string | null;
  /** An area's province (its report is issued in the province's name). */
  provinceName?: string;
  filter: UnitFilter;
  /** How the period's records are grouped into units (today's, default, or the period's). */
  grouping: Grouping;
  /** Communes merged into another → the commune they are in today (today's units fold them in). */
  successors: ReadonlyMap<string, string>;
};

const NATION = 'VN';

/**
 * Reads a unit parameter: 'VN' the nation, 2 digits a province, 5 digits a commune, 'area:<id>' a province's
 * named set of communes (modules/areas), otherwise a facility id. `grouping`: by today's units (default) or by
 * the units of the period ending on `on`.
 */
export async function resolveUnit(
  db: Kysely<DB>,
  actor: Actor,
  unit: string | undefined,
  on: string,
  grouping: Grouping = 'today',
): Promise<ResolvedUnit> {
  const code = unit ?? (isNational(actor) ? NATION : (actor.scopeCode ?? ''));
  const successors = await unitsRepo.successors(db);
  // The communes merged into these (at any remove): their own records are in them by today's units.
  const mergedInto = (codes: readonly string[]) => {
    const into = new Set(codes);
    const out: string[] = [];
    for (const from of successors.keys()) {
      const seen = new Set<string>();
      let to = successors.get(from);
      while (to && !into.has(to) && !seen.has(to)) {
        seen.add(to);
        to = successors.get(to);
      }
      if (to && into.has(to)) out.push(from);
    }
    return out.sort();
  };
  const base = { grouping, successors: finalSuccessors(successors) };
  const found = (
    kind: UnitKind,
    name: string,
    provinceCode: string | null,
    filter: UnitFilter,
    extra: Pick<ResolvedUnit, 'provinceName'> = {},
  ): ResolvedUnit => ({ kind, code, name, provinceCode, ...extra, filter, ...base });
  let r: ResolvedUnit | undefined;
  if (code === NATION) {
    r = found('nation', 'Toàn quốc', null, { kind: 'nation' });
  } else if (/^\d{2}$/.test(code)) {
    const u = await unitsRepo.province(db, code);
    if (u) r = found('province', u.name, code, { kind: 'province', code });
  } else if (/^\d{5}$/.test(code)) {
    const u = await unitsRepo.commune(db, code, on);
    const merged = grouping === 'today' ? mergedInto([code]) : [];
    if (u)
      r = found(
        'commune',
        u.name,
        u.province_code,
        merged.length ? { kind: 'commune', code, merged } : { kind: 'commune', code },
      );
  } else if (code.startsWith('area:')) {
    const id = code.slice('area:'.length);
    const a = await areasRepo.find(db, id);
    if (a) {
      const own = (await areasRepo.communesOf(db, [id])).get(id) ?? [];
      // An area is a set of today's communes: the communes merged into them are in it, whatever the grouping.
      const communes = [...own, ...mergedInto(own)];
      r = found(
        'area',
        a.name,
        a.province_code,
        { kind: 'area', id, province: a.province_code, communes },
        { provinceName: (await unitsRepo.province(db, a.province_code))?.name },
      );
    }
  } else if (code) {
    const f = await unitsRepo.facility(db, code);
    if (f) r = found('facility', f.name, f.province_code, { kind: 'facility', id: code });
  }
  if (!r) throw Errors.notFound({ vi: 'đơn vị', en: 'Unit' });
  if (!reportUnitWithinScope(actor, r))
    throw Errors.forbidden({ vi: 'Đơn vị ngoài phạm vi của bạn', en: 'The unit is outside your scope' });
  return r;
}

/** Each merged commune → the commune it is part of today (following later merges). */
function finalSuccessors(successors: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const from of successors.keys()) {
    const seen = new Set<string>([from]);
    let to = successors.get(from)!;
    while (successors.has(to) && !seen.has(to)) {
      seen.add(to);
      to = successors.get(to)!;
    }
    out.set(from, to);
  }
  return out;
}

/** A unit's child figures by today's units: a merged commune's records added to the commune it is part of. */
export function foldMerged<T extends { key: string | null; value: number }>(
  rows: T[],
  unit: Pick<ResolvedUnit, 'grouping' | 'successors'>,
): T[] {
  if (unit.grouping === 'period' || !unit.successors.size) return rows;
  const out = new Map<string | null, T>();
  for (const r of rows) {
    const key = (r.key != null && unit.successors.get(r.key)) || r.key;
    const had = out.get(key);
    if (had) had.value += r.value;
    else out.set(key, { ...r, key });
  }
  return [...out.values()];
}

/** The shipped catalogue plus the indicators national administrators added. */
export async function allIndicators(db: Kysely<DB>): Promise<(IndicatorDef & { custom: boolean })[]> {
  const custom = await indicatorsRepo.listActive(db);
  return [
    ...INDICATORS.map((d) => ({ ...d, custom: false })),
    ...custom.map((r) => ({ ...(JSON.parse(r.definition) as IndicatorDef), custom: true })),
  ];
}

export async function indicatorOrFail(db: Kysely<DB>, id: string): Promise<IndicatorDef> {
  const shipped = INDICATORS.find((d) => d.id === id);
  if (shipped) return shipped;
  const row = await indicatorsRepo.find(db, id);
  if (!row) throw Errors.notFound({ vi: 'chỉ tiêu', en: 'Indicator' });
  return JSON.parse(row.definition) as IndicatorDef;
}

export const isPending = (ref: BlockRef) => BLOCK_BY_ID.get(ref.block)?.source === 'pending';

/** A block reference's rows for a unit (one, or one per group); null for a pending or unknown block. */
async function refRows(
  db: Kysely<DB>,
  ref: BlockRef,
  range: Range,
  unit: UnitFilter,
  group: GroupBy | undefined,
  opts: FigureOptions,
): Promise<Aggregate | null> {
  const b = BLOCK_BY_ID.get(ref.block);
  if (!b || b.source === 'pending') return null;
  return aggregateFigures(db, ref.block, ref.params ?? {}, range, unit, b.measure, group, opts);
}

/** A block reference's rows per group within a unit, merged communes folded into today's; null when pending. */
export async function groupedRows(
  db: Kysely<DB>,
  ref: BlockRef,
  range: Range,
  unit: ResolvedUnit,
  group: GroupBy,
  opts: FigureOptions = {},
): Promise<Aggregate | null> {
  const rows = await refRows(db, ref, range, unit.filter, group, opts);
  return rows && (group === 'commune' ? foldMerged(rows, unit) : rows);
}

async function blockValue(
  db: Kysely<DB>,
  ref: BlockRef,
  range: Range,
  unit: UnitFilter,
  opts: FigureOptions,
): Promise<number | null> {
  const rows = await refRows(db, ref, range, unit, undefined, opts);
  return rows && (rows[0]?.value ?? 0);
}

export type Figure = {
  indicatorId: string;
  vi: string;
  en: string;
  kind: 'count' | 'ratio';
  section: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: IndicatorDef['target'] | null;
  meetsTarget: boolean | null;
  pending: boolean;
};

/** One indicator's figure for a unit and period. */
export async function computeFigure(
  db: Kysely<DB>,
  def: IndicatorDef,
  unit: UnitFilter,
  range: Range,
  opts: FigureOptions = {},
): Promise<Figure> {
  const [numerator, denominator] = await Promise.all([
    blockValue(db, def.numerator, range, unit, opts),
    def.denominator ? blockValue(db, def.denominator, range, unit, opts) : null,
  ]);
  const value = def.kind === 'ratio' ? ratioPercent(numerator, denominator) : numerator;
  const pending = isPending(def.numerator) || (!!def.denominator && isPending(def.denominator));
  return {
    indicatorId: def.id,
    vi: def.vi,
    en: def.en,
    kind: def.kind,
    section: def.section,
    value,
    numerator,
    denominator: def.kind === 'ratio' ? denominator : null,
    target: def.target ?? null,
    meetsTarget: meetsTarget(value, def.target),
    pending,
  };
}

export type Disaggregate = 'sex' | 'age_group' | 'unit' | 'substance' | 'legal_basis';

/** The child level a unit's figures are compared across. */
export function childLevel(unit: ResolvedUnit, def: IndicatorDef): GroupBy | null {
  const facilityBlock = BLOCK_BY_ID.get(def.numerator.block)?.source === 'facility';
  if (unit.kind === 'nation') return 'province';
  if (unit.kind === 'province' || unit.kind === 'area') return facilityBlock ? 'facility' : 'commune';
  return null;
}

/** An indicator broken down by sex, age group or child unit (GROUP BY in SQL). */
export async function breakdown(
  db: Kysely<DB>,
  def: IndicatorDef,
  unit: ResolvedUnit,
  range: Range,
  by: Disaggregate,
  opts: FigureOptions = {},
): Promise<{ key: string; value: number | null; numerator: number | null; denominator: number | null }[]> {
  if (!def.disaggregations.includes(by))
    throw Errors.badRequest(
      'disaggregation_unsupported',
      { vi: `Chỉ tiêu không phân tổ theo ${by}`, en: `The indicator cannot be disaggregated by ${by}` },
      [{ field: 'by', rule: 'unsupported', messages: { vi: 'Không hỗ trợ', en: 'Not supported' } }],
    );
  const group: GroupBy | null =
    by === 'unit' ? childLevel(unit, def) : by === 'age_group' ? 'birth_year' : by;
  if (!group) return [];
  const year = Number(range.to.slice(0, 4));
  const fold = async (ref: BlockRef | undefined) => {
    const out = new Map<string, number>();
    const rows = ref && (await groupedRows(db, ref, range, unit, group, opts));
    if (!rows) return null;
    for (const r of rows) {
      const key =
        by === 'age_group' ? ageGroup(r.key == null ? null : Number(r.key), year) : (r.key ?? 'unknown');
      out.set(key, (out.get(key) ?? 0) + r.value);
    }
    return out;
  };
  const num = await fold(def.numerator);
  const den = def.kind === 'ratio' ? await fold(def.denominator) : null;
  const keys = [...new Set([...(num?.keys() ?? []), ...(den?.keys() ?? [])])].sort();
  return keys.map((key) => {
    const n = num ? (num.get(key) ?? 0) : null;
    const d = den ? (den.get(key) ?? 0) : null;
    return {
      key,
      value: def.kind === 'ratio' ? ratioPercent(n, d) : n,
      numerator: n,
      denominator: def.kind === 'ratio' ? d : null,
    };
  });
}
