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
import { audit, auditMany } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, authorize, can, readableClasses } from '../../platform/policy.ts';
import { blocksRepo, type Range } from './blocks.repo.ts';
import { loadCutoffSettings } from './cutoff.service.ts';
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
  if (actor.scopeKind !== 'nation') throw Errors.forbidden();
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
  q: { unit?: string; from: string; to: string; by?: Disaggregate },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const def = await indicatorOrFail(db, id);
  const unit = await resolveUnit(db, actor, q.unit, q.to);
  const range: Range = { from: q.from, to: q.to };
  const opts = { allowStale: true, asOf: newAsOf() };
  const figure = await computeFigure(db, def, unit.filter, range, opts);
  const groups = q.by ? await breakdown(db, def, unit, range, q.by, opts) : [];
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
    figure,
    by: q.by ?? null,
    groups,
    ...computedAt(opts.asOf, deps),
  };
}

/** Every indicator of the catalogue for a unit and period: the dashboard's numbers. */
export async function dashboard(deps: AppDeps, actor: Actor, q: { unit?: string; from: string; to: string }) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const unit = await resolveUnit(db, actor, q.unit, q.to);
  // The figures that make sense for the unit (a commune has no facility figures, a facility only those).
  const opts = { allowStale: true, asOf: newAsOf() };
  const figures = await Promise.all(
    indicatorsForUnit(await allIndicators(db), unit.kind).map((def) =>
      computeFigure(db, def, unit.filter, q, opts),
    ),
  );
  return {
    unit: { kind: unit.kind, code: unit.code, name: unit.name },
    from: q.from,
    to: q.to,
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

/** The records behind a figure (numerator, or denominator of a ratio), audited as a read of those people. */
export async function indicatorRecords(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { unit?: string; from: string; to: string; part: 'numerator' | 'denominator' },
) {
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
  const unit = await resolveUnit(db, actor, q.unit, q.to);
  if (isPending(ref)) return { indicatorId: id, part: q.part, pending: true, total: null, items: [] };
  const limit = 5000;
  return db.transaction().execute(async (trx) => {
    const rows = await blocksRepo.records(trx, ref.block, ref.params ?? {}, q, unit.filter, limit);
    const people = [...new Set(rows.map((r) => r.pid).filter((p): p is string => !!p))];
    await auditMany(
      trx,
      actor,
      people.map((pid) => ({
        action: 'people.read',
        entityType: 'person',
        entityId: pid,
        reason: `indicator ${id}`,
        details: { indicator: id, part: q.part, unit: unit.code, from: q.from, to: q.to },
      })),
    );
    await audit(trx, actor, {
      action: 'indicators.records',
      entityType: 'indicator',
      entityId: id,
      details: { part: q.part, unit: unit.code, from: q.from, to: q.to, records: rows.length },
    });
    return {
      indicatorId: id,
      part: q.part,
      pending: false,
      total: rows.length,
      items: rows.map((r) => ({
        recordId: r.rid,
        personId: r.pid,
        fullName: r.full_name,
        sex: r.sex,
        birthYear: r.birth_year,
        communeCode: r.commune,
        facilityId: r.facility,
        date: r.dt ? String(r.dt).slice(0, 10) : null,
        quantity: r.qty,
      })),
    };
  });
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
  q: { unit?: string; periodKind: ReportPeriodKind; year: number; cutoffDay?: number },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const def = await indicatorOrFail(db, id);
  const unit = await resolveUnit(db, actor, q.unit, `${q.year}-12-31`);
  const settings = q.cutoffDay ? [] : await loadCutoffSettings(db);
  const points = [];
  const opts = { allowStale: true, asOf: newAsOf() };
  for (let index = 1; index <= PERIODS_IN_YEAR[q.periodKind]; index++) {
    const day = q.cutoffDay ?? cutoffDayForPeriod(settings, q.periodKind, q.year, index);
    const range = periodRange(q.periodKind, q.year, index, day);
    const f = await computeFigure(db, def, unit.filter, range, opts);
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
