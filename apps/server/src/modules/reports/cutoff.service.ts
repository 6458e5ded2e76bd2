import { randomUUID } from 'node:crypto';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import {
  type CutoffSetting,
  cutoffDayForPeriod,
  cutoffDayOn,
  DEFAULT_REPORT_CUTOFF,
  type ReportPeriodKind,
} from '@hoanhap/domain/reporting-periods';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import type { DB } from '../../db/schema.ts';
import { Errors } from '../../platform/errors.ts';
import { type Actor, assertNational, authorize } from '../../platform/policy.ts';
import { insertAudited } from '../shared/audited-writes.service.ts';
import { type CutoffRow, cutoffRepo } from './cutoff.repo.ts';

// The national reporting cut-off day (default: from the 15th of the previous month to the 14th) as dated data:
// a national officer records "from <date>, cut at day <n>" with a reason; each period uses the setting in force
// on the first day of its first month (reporting-periods.ts). Rows are only added, so the history stays whole.

const FIRST_DATE = '2000-01-01';

const settingsOf = (rows: CutoffRow[]): CutoffSetting[] =>
  rows.map((r) => ({ day: r.cutoff_day, effectiveFrom: r.effective_from }));

/** The settings as the domain functions take them (recording order). */
export async function loadCutoffSettings(db: Kysely<DB>): Promise<CutoffSetting[]> {
  return settingsOf(await cutoffRepo.list(db));
}

/** The default cut-off day of a period under the national settings. */
export async function defaultCutoffDay(
  db: Kysely<DB>,
  kind: ReportPeriodKind,
  year: number,
  index: number,
): Promise<number> {
  return cutoffDayForPeriod(await loadCutoffSettings(db), kind, year, index);
}

async function present(db: Kysely<DB>, now: Date) {
  const rows = await cutoffRepo.list(db);
  const settings = settingsOf(rows);
  const today = vnToday(now);
  // The entry in force today (the one cutoffDayOn picks), or null while the default applies.
  let current: CutoffRow | null = null;
  for (const r of rows)
    if (r.effective_from <= today && (!current || r.effective_from >= current.effective_from)) current = r;
  return {
    today,
    day: cutoffDayOn(settings, today),
    effectiveFrom: current?.effective_from ?? null,
    default: DEFAULT_REPORT_CUTOFF,
    // Oldest first, as the domain functions read them.
    history: rows.map((r) => ({
      id: r.id,
      day: r.cutoff_day,
      effectiveFrom: r.effective_from,
      reason: r.reason,
      createdAt: r.created_at,
      createdBy: r.created_by_name ?? null,
      inForce: r.id === current?.id,
    })),
    version: rows.length,
  };
}

/** The national cut-off setting: the day in force today, the default and the dated history. */
export async function getCutoff(deps: AppDeps, actor: Actor) {
  authorize(actor, 'reports.read');
  return present(deps.database.db, deps.now());
}

/** Records a new cut-off day from a date; only national officers (reports.settings, national scope). */
export async function setCutoff(
  deps: AppDeps,
  actor: Actor,
  input: { day: number; effectiveFrom: string; reason: string; version: number },
) {
  authorize(actor, 'reports.settings');
  assertNational(actor, {
    vi: 'Chỉ cán bộ cấp quốc gia được thay đổi ngày chốt số liệu',
    en: 'Only national officers may change the reporting cut-off day',
  });
  if (input.effectiveFrom < FIRST_DATE)
    throw Errors.validation([
      {
        field: 'effectiveFrom',
        rule: 'min_date',
        messages: {
          vi: 'Ngày áp dụng phải từ 01/01/2000',
          en: 'The effective date must be 01/01/2000 or later',
        },
      },
    ]);
  return deps.database.db.transaction().execute(async (trx) => {
    const rows = await cutoffRepo.list(trx);
    if (rows.length !== input.version) throw Errors.staleVersion(await present(trx, deps.now()));
    const previousDay = cutoffDayOn(settingsOf(rows), input.effectiveFrom);
    const row: CutoffRow = {
      id: randomUUID(),
      seq: rows.length + 1,
      cutoff_day: input.day,
      effective_from: input.effectiveFrom,
      reason: input.reason,
      created_by: actor.userId,
      created_at: deps.now().toISOString(),
    };
    await insertAudited(trx, actor, cutoffRepo.insert, row, {
      action: 'reports.cutoff.set',
      entityType: 'report_cutoff_setting',
      reason: input.reason,
      details: { day: input.day, effectiveFrom: input.effectiveFrom, previousDay },
    });
    return present(trx, deps.now());
  });
}
