import {
  BLOCK_BY_ID,
  BLOCKS,
  INDICATORS,
  type IndicatorDef,
  isComputable,
  validateIndicator,
} from '@hoanhap/domain/indicators';
import {
  cutoffDayForPeriod,
  periodLabel,
  periodRange,
  type ReportPeriodKind,
} from '@hoanhap/domain/reporting-periods';
import type { AppDeps } from '../../app-deps.ts';
import { inReportBatch } from '../../db/report-runner.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, assertNational, authorize, can, readableClasses } from '../../platform/policy.ts';
import { blocksRepo, type FactRow, type Grouping, type Range, type RecordSort } from './blocks.repo.ts';
import { loadCutoffSettings } from './cutoff.service.ts';
import { type DrillFormat, drillFile } from './drill-export.ts';
import {
  allIndicators,
  breakdown,
  computeFigure,
  type Disaggregate,
  indicatorOrFail,
  isPending,
  resolveUnit,
} from './engine.service.ts';
import { type AsOf, newAsOf } from './figures.ts';
import { indicatorsForUnit } from './periodic.service.ts';
import { indicatorsRepo } from './reports.repo.ts';
import { unitsRepo } from './units.repo.ts';

// The catalogue (shipped + added by administrators), one indicator's figure with its breakdown, the dashboard
// of a unit, and the drill-down into the records behind a figure.

const present = (d: IndicatorDef & { custom?: boolean }) => ({
  ...d,
  denominator: d.denominator ?? null,
  target: d.target ?? null,
  custom: d.custom ?? false,
  computable: isComputable(d),
});

export async function listCatalogue(deps: AppDeps, actor: Actor) {
  if (!can(actor, 'reports.read') && !can(actor, 'indicators.manage')) throw Errors.forbidden();
  const items = (await allIndicators(deps.database.db)).map(present);
  return { items, blocks: BLOCKS.map((b) => ({ ...b, pending: b.source === 'pending' })) };
}

export async function addIndicator(deps: AppDeps, actor: Actor, input: IndicatorDef) {
  authorize(actor, 'indicators.manage');
  assertNational(actor);
  const issues = validateIndicator(input);
  if (issues.length)
    throw Errors.validation(
      issues.map((i) => ({ field: i.field, rule: 'block', messages: { vi: i.vi, en: i.en } })),
    );
  return deps.database.db.transaction().execute(async (trx) => {
    if (INDICATORS.some((d) => d.id === input.id) || (await indicatorsRepo.exists(trx, input.id)))
      throw Errors.conflict('indicator_exists', {
        vi: `Mã chỉ tiêu ${input.id} đã có`,
        en: `Indicator id ${input.id} already exists`,
      });
    const at = deps.now().toISOString();
    await indicatorsRepo.insert(trx, {
      id: input.id,
      definition: JSON.stringify(input),
      active: 1,
      version: 1,
      created_at: at,
      created_by: actor.userId,
    });
    await audit(trx, actor, { action: 'indicators.create', entityType: 'indicator', entityId: input.id });
    return present({ ...input, custom: true });
  });
}

export async function indicatorValue(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { unit?: string; from: string; to: string; by?: Disaggregate; grouping?: Grouping },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const def = await indicatorOrFail(db, id);
  const unit = await resolveUnit(db, actor, q.unit, q.to, q.grouping);
  const range: Range = { from: q.from, to: q.to, grouping: unit.grouping };
  const opts = { allowStale: true, asOf: newAsOf() };
  const figure = await computeFigure(db, def, unit.filter, range, opts);
  const groups = q.by ? await breakdown(db, def, unit, range, q.by, opts) : [];
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
    grouping: unit.grouping,
    figure,
    by: q.by ?? null,
    groups,
    ...computedAt(opts.asOf, deps),
  };
}

/** Every indicator of the catalogue for a unit and period: the dashboard's numbers. */
export async function dashboard(
  deps: AppDeps,
  actor: Actor,
  q: { unit?: string; from: string; to: string; grouping?: Grouping },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const unit = await resolveUnit(db, actor, q.unit, q.to, q.grouping);
  const range: Range = { from: q.from, to: q.to, grouping: unit.grouping };
  // The figures that make sense for the unit (a commune has no facility figures, a facility only those).
  const opts = { allowStale: true, asOf: newAsOf() };
  const defs = indicatorsForUnit(await allIndicators(db), unit.kind);
  // One batch: its block statements may use the cores left idle while nothing else waits (db/report-runner.ts).
  const figures = await inReportBatch(() =>
    Promise.all(defs.map((def) => computeFigure(db, def, unit.filter, range, opts))),
  );
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
    grouping: unit.grouping,
    figures,
    ...computedAt(opts.asOf, deps),
  };
}

/**
 * When the figures shown were computed: now, or — for a dashboard at national scale — a few minutes ago while
 * they are being recomputed (`stale`; figure-store.ts).
 */
function computedAt(asOf: AsOf, deps: AppDeps) {
  return {
    computedAt: asOf.at == null ? deps.now().toISOString() : new Date(asOf.at).toISOString(),
    stale: asOf.stale,
  };
}

const HEALTH_EVENTS = ['health_check', 'hiv_test'];

type RecordsQuery = {
  unit?: string;
  from: string;
  to: string;
  part: 'numerator' | 'denominator';
  grouping?: Grouping;
};

/** The block behind one part of a figure, checked against what the viewer may read. */
async function drillTarget(deps: AppDeps, actor: Actor, id: string, q: RecordsQuery) {
  authorize(actor, 'reports.read');
  authorize(actor, 'people.read');
  const db = deps.database.db;
  const def = await indicatorOrFail(db, id);
  const ref = q.part === 'denominator' ? def.denominator : def.numerator;
  if (!ref)
    throw Errors.badRequest(
      'no_denominator',
      { vi: 'Chỉ tiêu không có mẫu số', en: 'The indicator has no denominator' },
      [{ field: 'part', rule: 'no_denominator', messages: { vi: 'Không có mẫu số', en: 'No denominator' } }],
    );
  const health =
    ref.block === 'facility_events'
      ? HEALTH_EVENTS.includes(ref.params?.kind ?? '')
      : BLOCK_BY_ID.get(ref.block)?.sensitive === 'health';
  if (health && !readableClasses(actor).has('health'))
    throw Errors.forbidden({
      vi: 'Danh sách này thuộc thông tin sức khỏe',
      en: 'These records are health records',
    });
  const unit = await resolveUnit(db, actor, q.unit, q.to, q.grouping);
  return { db, def, ref, unit, range: { from: q.from, to: q.to, grouping: unit.grouping } as Range };
}

/** Audits a read of the people listed (one row each, written in batches) and the listing itself. */
async function auditDrill(
  deps: AppDeps,
  actor: Actor,
  id: string,
  rows: FactRow[],
  action: string,
  details: Record<string, unknown>,
) {
  const people = [...new Set(rows.map((r) => r.pid).filter((p): p is string => !!p))];
  await deps.database.db.transaction().execute(async (trx) => {
    await auditMany(
      trx,
      actor,
      people.map((pid) => ({
        action: 'people.read',
        entityType: 'person',
        entityId: pid,
        reason: `indicator ${id}`,
        details: { indicator: id, ...details },
      })),
    );
    await audit(trx, actor, {
      action,
      entityType: 'indicator',
      entityId: id,
      details: { ...details, records: rows.length, people: people.length },
    });
  });
}

const presentRecord = (r: FactRow) => ({
  recordId: r.rid,
  personId: r.pid,
  fullName: r.full_name,
  sex: r.sex,
  birthYear: r.birth_year,
  communeCode: r.commune,
  facilityId: r.facility,
  date: r.dt ? String(r.dt).slice(0, 10) : null,
  quantity: r.qty,
});

/**
 * A page of the records behind a figure (numerator, or denominator of a ratio), sorted as asked, with the
 * total; audited as a read of the people on the page. The rows are read outside the audit's transaction, so a
 * national drill-down never holds SQLite's write lock while it is computed.
 */
export async function indicatorRecords(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: RecordsQuery & { limit: number; offset: number; sort: RecordSort; dir: 'asc' | 'desc' },
) {
  const { db, ref, unit, range } = await drillTarget(deps, actor, id, q);
  const page = { limit: q.limit, offset: q.offset, sort: q.sort, dir: q.dir };
  const grouping = unit.grouping;
  if (isPending(ref))
    return { indicatorId: id, part: q.part, pending: true, grouping, total: null, ...page, items: [] };
  const [total, rows] = await Promise.all([
    blocksRepo.countRecords(db, ref.block, ref.params ?? {}, range, unit.filter),
    blocksRepo.records(db, ref.block, ref.params ?? {}, range, unit.filter, page),
  ]);
  await auditDrill(deps, actor, id, rows, 'indicators.records', {
    part: q.part,
    unit: unit.code,
    from: q.from,
    to: q.to,
    grouping,
    offset: q.offset,
  });
  return {
    indicatorId: id,
    part: q.part,
    pending: false,
    grouping,
    total,
    ...page,
    items: rows.map(presentRecord),
  };
}

/** Rows one drill-down export may hold (a national figure of people is well under it). */
export const DRILL_EXPORT_MAX = 500_000;

/**
 * Every record behind a figure as an Excel or CSV file, sorted as on screen; audited as an export and as a read
 * of every person in it.
 */
export async function exportIndicatorRecords(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: RecordsQuery & { sort: RecordSort; dir: 'asc' | 'desc'; format: DrillFormat },
) {
  const { db, def, ref, unit, range } = await drillTarget(deps, actor, id, q);
  if (isPending(ref))
    throw Errors.badRequest(
      'indicator_pending',
      { vi: 'Chỉ tiêu chưa có dữ liệu để xuất', en: 'The indicator has no records yet' },
      [{ field: 'part', rule: 'pending', messages: { vi: 'Chưa có dữ liệu', en: 'No records yet' } }],
    );
  const total = await blocksRepo.countRecords(db, ref.block, ref.params ?? {}, range, unit.filter);
  if (total > DRILL_EXPORT_MAX)
    throw Errors.badRequest(
      'export_too_large',
      {
        vi: `Danh sách có ${total} bản ghi, vượt quá ${DRILL_EXPORT_MAX} bản ghi mỗi lần xuất; hãy chọn đơn vị nhỏ hơn`,
        en: `The list has ${total} records, more than ${DRILL_EXPORT_MAX} per export; choose a smaller unit`,
      },
      [{ field: 'unit', rule: 'too_large', messages: { vi: 'Quá lớn', en: 'Too large' } }],
    );
  const rows = await blocksRepo.records(db, ref.block, ref.params ?? {}, range, unit.filter, {
    limit: Math.max(total, 1),
    sort: q.sort,
    dir: q.dir,
  });
  const names = await unitsRepo.names(db);
  const file = await drillFile(q.format, {
    indicator: { id: def.id, vi: def.vi },
    part: q.part,
    unit: { code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
    grouping: unit.grouping,
    exportedAt: deps.now(),
    rows,
    communeName: (c) => names.communes.get(c),
    facilityName: (f) => names.facilities.get(f),
  });
  await auditDrill(deps, actor, id, rows, 'indicators.records.export', {
    part: q.part,
    unit: unit.code,
    from: q.from,
    to: q.to,
    grouping: unit.grouping,
    format: q.format,
  });
  return file;
}

const PERIODS_IN_YEAR: Record<ReportPeriodKind, number> = {
  month: 12,
  quarter: 4,
  half_year: 2,
  nine_months: 1,
  year: 1,
};

/**
 * An indicator over the periods of a year (the dashboard's trend), each period cut at `cutoffDay`, or without it
 * at the national setting in force for that period.
 */
export async function indicatorTrend(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { unit?: string; periodKind: ReportPeriodKind; year: number; cutoffDay?: number; grouping?: Grouping },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const def = await indicatorOrFail(db, id);
  const unit = await resolveUnit(db, actor, q.unit, `${q.year}-12-31`, q.grouping);
  const settings = q.cutoffDay ? [] : await loadCutoffSettings(db);
  const points = [];
  const opts = { allowStale: true, asOf: newAsOf() };
  for (let index = 1; index <= PERIODS_IN_YEAR[q.periodKind]; index++) {
    const day = q.cutoffDay ?? cutoffDayForPeriod(settings, q.periodKind, q.year, index);
    const range = periodRange(q.periodKind, q.year, index, day);
    const f = await computeFigure(db, def, unit.filter, { ...range, grouping: unit.grouping }, opts);
    points.push({
      index,
      label: periodLabel(q.periodKind, q.year, index),
      ...range,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
    });
  }
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    indicatorId: id,
    target: def.target ?? null,
    points,
    ...computedAt(opts.asOf, deps),
  };
}
