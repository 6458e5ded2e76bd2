import { randomUUID } from 'node:crypto';
import { type IndicatorDef, ratioPercent } from '@hoanhap/domain/indicators';
import { periodLabel, periodRange, type ReportPeriodKind } from '@hoanhap/domain/reporting-periods';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { createdStamps } from '../../db/tables/stamps.ts';
import { audit } from '../../platform/audit.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  assertReportingUnit,
  assertReportReviewer,
  authorize,
  preparesReportOf,
  reportListScope,
} from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import type { GroupBy, Grouping } from './blocks.repo.ts';
import { defaultCutoffDay } from './cutoff.service.ts';
import {
  allIndicators,
  childLevel,
  computeFigure,
  type Figure,
  groupedRows,
  isPending,
  type ResolvedUnit,
  resolveUnit,
} from './engine.service.ts';
import { type ReportRow, reportsRepo } from './reports.repo.ts';
import { unitsRepo } from './units.repo.ts';

// Periodic reports (month, quarter, 6 months, 9 months, year; cut-off day configurable, default the 15th):
// a commune or facility report and a province report that sums its communes and facilities, each with the
// narrative the officer writes. A commune/facility submits to its province, a province to the nation; the
// reviewer returns it with comments or approves it. The figures are frozen as a snapshot when submitted and
// stay frozen once approved: later edits to records show only as differences against a fresh computation.

export type Narrative = { summary?: string; difficulties?: string; directions?: string; proposals?: string };
export type ChildRow = {
  code: string;
  name: string;
  values: { indicatorId: string; value: number | null }[];
};
export type Snapshot = { computedAt: string; figures: Figure[]; children: ChildRow[] };

/** The indicators on a report of this kind of unit. */
export function indicatorsForUnit(all: IndicatorDef[], kind: ResolvedUnit['kind']): IndicatorDef[] {
  if (kind === 'facility') return all.filter((d) => d.section === 'facility');
  if (kind === 'commune') return all.filter((d) => d.section !== 'facility');
  return all;
}

/** Computes a report's figures now; province and nation reports also list each child unit's counts. */
export async function computeReport(
  db: Kysely<DB>,
  unit: ResolvedUnit,
  period: { from: string; to: string },
  at: string,
): Promise<Snapshot> {
  const range = { ...period, grouping: unit.grouping };
  const defs = indicatorsForUnit(await allIndicators(db), unit.kind);
  // Figures in parallel: the figure store computes a block shared by several indicators once, and on
  // PostgreSQL the statements run on several connections.
  const figures: Figure[] = await Promise.all(defs.map((d) => computeFigure(db, d, unit.filter, range)));
  const children = new Map<string, ChildRow>();
  if (unit.kind === 'province' || unit.kind === 'area') {
    // An area's children: its communes, and its province's facilities (the area's people in each).
    const filter = unit.filter;
    // By the units of the period: the communes in force at its end; by today's: those not merged into another.
    const byPeriod = unit.grouping === 'period';
    const kids = await unitsRepo.childrenOf(db, unit.provinceCode!, range.to, byPeriod);
    const inArea = filter.kind === 'area' ? new Set(filter.communes) : null;
    for (const c of kids.communes)
      if ((!inArea || inArea.has(c.code)) && (byPeriod || !unit.successors.has(c.code)))
        children.set(c.code, { code: c.code, name: c.name, values: [] });
    for (const f of kids.facilities) children.set(f.id, { code: f.id, name: f.name, values: [] });
    const counted = defs.filter(
      (d) => childLevel(unit, d) && !isPending(d.numerator) && !(d.denominator && isPending(d.denominator)),
    );
    const agg = async (ref: IndicatorDef['numerator'], level: GroupBy) =>
      new Map(((await groupedRows(db, ref, range, unit, level)) ?? []).map((r) => [r.key ?? '', r.value]));
    const perChild = await Promise.all(
      counted.map(async (d) => {
        const level = childLevel(unit, d)!;
        const [num, den] = await Promise.all([
          agg(d.numerator, level),
          d.denominator ? agg(d.denominator, level) : null,
        ]);
        return { d, level, num, den };
      }),
    );
    for (const { d, level, num, den } of perChild) {
      for (const child of children.values()) {
        const isFacility = !/^\d{5}$/.test(child.code);
        if (isFacility !== (level === 'facility')) continue;
        const n = num.get(child.code) ?? 0;
        child.values.push({
          indicatorId: d.id,
          value: d.kind === 'ratio' ? ratioPercent(n, den?.get(child.code) ?? 0) : n,
        });
      }
    }
  }
  return { computedAt: at, figures, children: [...children.values()] };
}

const notFound = () => Errors.notFound({ vi: 'báo cáo', en: 'Report' });

async function reportInScope(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await reportsRepo.find(db, id);
  if (!row) throw notFound();
  try {
    const unit = await resolveUnit(db, actor, row.unit_code, row.period_to, groupingOf(row));
    return { row, unit };
  } catch {
    throw notFound();
  }
}

const groupingOf = (row: ReportRow): Grouping => (row.grouping === 'period' ? 'period' : 'today');

const stale = (row: ReportRow) => Errors.staleVersion({ version: row.version, status: row.status });

function present(row: ReportRow, unit: ResolvedUnit, current: Snapshot, frozen: Snapshot | null) {
  const shown = frozen ?? current;
  const differences = frozen
    ? frozen.figures
        .map((f) => ({
          indicatorId: f.indicatorId,
          frozen: f.value,
          current: current.figures.find((c) => c.indicatorId === f.indicatorId)?.value ?? null,
        }))
        .filter((d) => d.frozen !== d.current)
    : [];
  return {
    id: row.id,
    unit: {
      kind: unit.kind,
      code: unit.code,
      name: unit.name,
      provinceCode: unit.provinceCode,
      ...(unit.provinceName ? { provinceName: unit.provinceName } : {}),
    },
    periodKind: row.period_kind as ReportPeriodKind,
    year: row.year,
    index: row.period_index,
    cutoffDay: row.cutoff_day,
    label: periodLabel(row.period_kind as ReportPeriodKind, row.year, row.period_index),
    from: row.period_from,
    to: row.period_to,
    /** Units the figures are grouped by: today's ('today') or those of the period ('period'). */
    grouping: groupingOf(row),
    status: row.status,
    narrative: JSON.parse(row.narrative) as Narrative,
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    frozen: !!frozen,
    frozenAt: frozen?.computedAt ?? null,
    figures: shown.figures,
    children: shown.children,
    currentFigures: frozen ? current.figures : null,
    differences,
    version: row.version,
  };
}

export type ReportView = ReturnType<typeof present>;

async function view(deps: AppDeps, row: ReportRow, unit: ResolvedUnit) {
  const current = await computeReport(
    deps.database.db,
    unit,
    { from: row.period_from, to: row.period_to },
    deps.now().toISOString(),
  );
  const frozen = row.snapshot ? (JSON.parse(row.snapshot) as Snapshot) : null;
  return present(row, unit, current, frozen);
}

export async function createReport(
  deps: AppDeps,
  actor: Actor,
  input: {
    unit?: string;
    periodKind: ReportPeriodKind;
    year: number;
    index: number;
    cutoffDay?: number;
    narrative?: Narrative;
    grouping?: Grouping;
  },
) {
  authorize(actor, 'reports.submit');
  const db = deps.database.db;
  // Without a cut-off day, the national setting in force for the period (15 by default).
  const cutoffDay =
    input.cutoffDay ?? (await defaultCutoffDay(db, input.periodKind, input.year, input.index));
  let range: { from: string; to: string };
  try {
    range = periodRange(input.periodKind, input.year, input.index, cutoffDay);
  } catch (e) {
    throw Errors.validation([
      {
        field: 'index',
        rule: 'period',
        messages: { vi: 'Kỳ báo cáo không hợp lệ', en: String((e as Error).message) },
      },
    ]);
  }
  const grouping = input.grouping ?? 'today';
  const unit = await resolveUnit(db, actor, input.unit, range.to, grouping);
  if (!preparesReportOf(actor, unit))
    throw Errors.forbidden({
      vi: 'Chỉ lập báo cáo của đơn vị mình',
      en: 'You may only prepare your own unit’s report',
    });
  // The figures are computed after the commit, through the figure store: a transaction holds SQLite's write
  // lock, and a province's figures at national scale take seconds to compute afresh.
  const created = await db.transaction().execute(async (trx) => {
    const key = {
      unitKind: unit.kind,
      unitCode: unit.code,
      periodKind: input.periodKind,
      year: input.year,
      index: input.index,
    };
    const existing = await reportsRepo.findByKey(trx, key);
    if (existing)
      throw Errors.conflict(
        'report_exists',
        { vi: 'Báo cáo kỳ này đã được lập', en: 'The report of this period already exists' },
        { reportId: existing.id },
      );
    const at = deps.now().toISOString();
    const row: ReportRow = {
      id: randomUUID(),
      unit_kind: unit.kind,
      unit_code: unit.code,
      province_code: unit.provinceCode,
      period_kind: input.periodKind,
      year: input.year,
      period_index: input.index,
      cutoff_day: cutoffDay,
      period_from: range.from,
      period_to: range.to,
      status: 'draft',
      grouping,
      narrative: JSON.stringify(input.narrative ?? {}),
      review_comment: null,
      snapshot: null,
      snapshot_at: null,
      submitted_at: null,
      submitted_by: null,
      reviewed_at: null,
      reviewed_by: null,
      ...createdStamps(actor, at),
    };
    return insertAudited(trx, actor, reportsRepo.insert, row, {
      action: 'reports.create',
      entityType: 'report',
      details: key,
    });
  });
  return view(deps, created, unit);
}

export async function getReport(deps: AppDeps, actor: Actor, id: string) {
  authorize(actor, 'reports.read');
  const { row, unit } = await reportInScope(deps.database.db, actor, id);
  return view(deps, row, unit);
}

export async function listReports(
  deps: AppDeps,
  actor: Actor,
  q: { unit?: string; year?: number; status?: string },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const filter: Parameters<typeof reportsRepo.list>[1] = { year: q.year, status: q.status };
  if (q.unit) filter.unitCode = (await resolveUnit(db, actor, q.unit, '9999-12-31')).code;
  else Object.assign(filter, reportListScope(actor));
  const rows = await reportsRepo.list(db, filter);
  // Few distinct units per list (a province's communes and facilities at most): one lookup each.
  const names = new Map<string, string>();
  for (const r of rows) {
    if (names.has(r.unit_code)) continue;
    const u =
      r.unit_kind === 'commune'
        ? await unitsRepo.commune(db, r.unit_code, r.period_to)
        : r.unit_kind === 'province'
          ? await unitsRepo.province(db, r.unit_code)
          : r.unit_kind === 'facility'
            ? await unitsRepo.facility(db, r.unit_code)
            : r.unit_kind === 'area'
              ? await resolveUnit(db, actor, r.unit_code, r.period_to).catch(() => null)
              : null;
    names.set(r.unit_code, u?.name ?? (r.unit_code === 'VN' ? 'Toàn quốc' : r.unit_code));
  }
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitKind: r.unit_kind,
      unitCode: r.unit_code,
      unitName: names.get(r.unit_code) ?? r.unit_code,
      periodKind: r.period_kind,
      year: r.year,
      index: r.period_index,
      from: r.period_from,
      to: r.period_to,
      status: r.status,
      version: r.version,
    })),
  };
}

/** Runs one step on a report: checks the version and the status, writes the change and its audit. */
async function step(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  allowed: string[],
  action: string,
  patch: (row: ReportRow, unit: ResolvedUnit, trx: Kysely<DB>) => Promise<Partial<ReportRow>>,
) {
  const done = await deps.database.db.transaction().execute(async (trx) => {
    const { row, unit } = await reportInScope(trx, actor, id);
    if (row.version !== version) throw stale(row);
    if (!allowed.includes(row.status))
      throw Errors.conflict('report_status', {
        vi: `Báo cáo đang ở trạng thái ${row.status}, không thực hiện được`,
        en: `The report is ${row.status}; this step is not possible`,
      });
    const at = deps.now().toISOString();
    const changes = { ...(await patch(row, unit, trx)), updated_at: at, updated_by: actor.userId };
    if (!(await reportsRepo.updateVersioned(trx, id, version, changes))) throw stale(row);
    await audit(trx, actor, {
      action,
      entityType: 'report',
      entityId: id,
      details: { status: changes.status ?? row.status },
    });
    return { fresh: (await reportsRepo.find(trx, id))!, unit };
  });
  return view(deps, done.fresh, done.unit);
}

export const updateNarrative = (
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; narrative: Narrative },
) =>
  step(deps, actor, id, input.version, ['draft', 'returned'], 'reports.update', async (_row, unit) => {
    assertReportingUnit(actor, unit);
    return { narrative: JSON.stringify(input.narrative) };
  });

export async function submitReport(deps: AppDeps, actor: Actor, id: string, input: { version: number }) {
  // The snapshot is computed just before the submission's transaction (see createReport), from the figures
  // current at that moment; the transaction then checks the report's version and status as for any step.
  const { row: before, unit: u } = await reportInScope(deps.database.db, actor, id);
  assertReportingUnit(actor, u);
  const at = deps.now().toISOString();
  const snap = await computeReport(
    deps.database.db,
    u,
    { from: before.period_from, to: before.period_to },
    at,
  );
  return step(deps, actor, id, input.version, ['draft', 'returned'], 'reports.submit', async (row, unit) => {
    assertReportingUnit(actor, unit);
    if (row.period_from !== before.period_from || row.period_to !== before.period_to) throw stale(row);
    return {
      status: 'submitted',
      snapshot: JSON.stringify(snap),
      snapshot_at: at,
      submitted_at: at,
      submitted_by: actor.userId,
    };
  });
}

export const returnReport = (
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; comment: string },
) =>
  step(deps, actor, id, input.version, ['submitted'], 'reports.return', async (_row, unit) => {
    assertReportReviewer(actor, unit);
    const at = deps.now().toISOString();
    return {
      status: 'returned',
      review_comment: input.comment,
      snapshot: null,
      snapshot_at: null,
      reviewed_at: at,
      reviewed_by: actor.userId,
    };
  });

export const approveReport = (
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; comment?: string },
) =>
  step(deps, actor, id, input.version, ['submitted'], 'reports.approve', async (_row, unit) => {
    assertReportReviewer(actor, unit);
    const at = deps.now().toISOString();
    return {
      status: 'approved',
      review_comment: input.comment ?? null,
      reviewed_at: at,
      reviewed_by: actor.userId,
    };
  });

/** Which units have reported for a period: a province's communes and facilities, or the nation's provinces. */
export async function submissions(
  deps: AppDeps,
  actor: Actor,
  q: { unit?: string; periodKind: ReportPeriodKind; year: number; index: number },
) {
  authorize(actor, 'reports.read');
  const db = deps.database.db;
  const unit = await resolveUnit(db, actor, q.unit, `${q.year}-12-31`);
  const on = `${q.year}-12-31`;
  if (unit.kind === 'nation') {
    const reports = await reportsRepo.ofPeriod(db, q.periodKind, q.year, q.index);
    const provinces = await unitsRepo.provinces(db, on);
    return {
      unit: { kind: unit.kind, code: unit.code },
      items: provinces.map((p) => {
        const own = reports.find((r) => r.unit_kind === 'province' && r.unit_code === p.code);
        const below = reports.filter(
          (r) => r.unit_kind !== 'province' && r.unit_kind !== 'area' && r.province_code === p.code,
        );
        return {
          code: p.code,
          name: p.name,
          kind: 'province',
          status: own?.status ?? 'not_started',
          submittedAt: own?.submitted_at ?? null,
          reportId: own?.id ?? null,
          unitsSubmitted: below.filter((r) => r.status === 'submitted' || r.status === 'approved').length,
          unitsApproved: below.filter((r) => r.status === 'approved').length,
        };
      }),
    };
  }
  if (unit.kind !== 'province') throw Errors.forbidden();
  const reports = await reportsRepo.ofPeriod(db, q.periodKind, q.year, q.index, unit.code);
  const kids = await unitsRepo.childrenOf(db, unit.code, on);
  const row = (kind: string, code: string, name: string) => {
    const r = reports.find((x) => x.unit_kind === kind && x.unit_code === code);
    return {
      code,
      name,
      kind,
      status: r?.status ?? 'not_started',
      submittedAt: r?.submitted_at ?? null,
      reportId: r?.id ?? null,
      unitsSubmitted: null,
      unitsApproved: null,
    };
  };
  return {
    unit: { kind: unit.kind, code: unit.code },
    items: [
      ...kids.communes.map((c) => row('commune', c.code, c.name)),
      ...kids.facilities.map((f) => row('facility', f.id, f.name)),
    ],
  };
}

/** The report as a file; audited as an export. */
export async function exportReportFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  format: import('./exports.ts').ExportFormat,
) {
  const r = await getReport(deps, actor, id);
  const { exportReport } = await import('./exports.ts');
  const file = await exportReport(r, format, deps.now());
  await audit(deps.database.db, actor, {
    action: 'reports.export',
    entityType: 'report',
    entityId: id,
    details: { format },
  });
  return file;
}
