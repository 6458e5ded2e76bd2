// The administrator's legal settings as the pure domain functions want them: rule overrides for
// rulesOn(date, overrides) and calendar adjustments for the working-day functions. Services of other
// modules call these instead of reading the tables.
//
// Cache: one small in-process copy per database handle, dropped on every write made through
// legal.service.ts. With several server instances against one PostgreSQL database, another instance's
// write is not seen here until the copy expires: LEGAL_CONTEXT_TTL_MS (60 s) bounds that staleness.
// Inside a transaction the tables are always read through the transaction (no cache), so a caller
// sees its own writes and never touches the outer handle (the SQLite single-connection rule).

import { isIsoDate } from '@hoanhap/domain/iso-date';
import { isRoleId, type LegalBasis } from '@hoanhap/domain/legal-basis';
import {
  FIRST_REGIME_DATE,
  REGIMES,
  type RegimeId,
  type RegimeRules,
  RULE_SHAPES,
  type RuleKey,
  type RuleOverride,
  type RuleValue,
  rulesOn,
} from '@hoanhap/domain/legal-regimes';
import {
  addWorkingDays,
  type CalendarAdjustment,
  isWorkingDay,
  workingDaysBetween,
} from '@hoanhap/domain/working-days';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CalendarAdjustmentRow, legalRepo, type RuleOverrideRow } from './legal.repo.ts';

/** A stored override: the domain's RuleOverride plus the row id. */
export type StoredRuleOverride = RuleOverride & { readonly id: string };
/** A stored calendar adjustment: the domain's CalendarAdjustment plus the row id. */
export type StoredCalendarAdjustment = CalendarAdjustment & { readonly id: string };

export interface LegalContext {
  /** Active (not revoked) overrides, in the order rulesOn must see them (see readLegalContext). */
  overrides: readonly StoredRuleOverride[];
  /** All calendar adjustments, by date. */
  adjustments: readonly StoredCalendarAdjustment[];
}

/** How long a cached context may be used before it is read again (bounds cross-instance staleness). */
export const LEGAL_CONTEXT_TTL_MS = 60_000;

let cache = new WeakMap<Kysely<DB>, { value: LegalContext; loadedAt: number }>();
// Bumped by every invalidation, so a read that started before a write cannot store its stale result.
let generation = 0;

/** Drops every cached context. legal.service.ts calls it after each committed write. */
export function invalidateLegalContext(): void {
  generation++;
  cache = new WeakMap();
}

/** The active rule overrides and the calendar adjustments, cached for at most LEGAL_CONTEXT_TTL_MS. */
export async function loadLegalContext(db: Kysely<DB>): Promise<LegalContext> {
  if (db.isTransaction) return readLegalContext(db);
  const hit = cache.get(db);
  if (hit && Date.now() - hit.loadedAt < LEGAL_CONTEXT_TTL_MS) return hit.value;
  const startedAt = generation;
  const value = await readLegalContext(db);
  if (startedAt === generation) cache.set(db, { value, loadedAt: Date.now() });
  return value;
}

/** The rules in force on `date` with the administrator's overrides applied (RangeError before 2022). */
export async function rulesOnWithOverrides(db: Kysely<DB>, date: string): Promise<RegimeRules> {
  const { overrides } = await loadLegalContext(db);
  return rulesOn(date, overrides);
}

/** addWorkingDays with the administrator's days off and make-up working days. */
export async function addWorkingDaysWithAdjustments(
  db: Kysely<DB>,
  date: string,
  n: number,
): Promise<string> {
  const { adjustments } = await loadLegalContext(db);
  return addWorkingDays(date, n, adjustments);
}

/** workingDaysBetween (a excluded, b included) with the administrator's adjustments. */
export async function workingDaysBetweenWithAdjustments(
  db: Kysely<DB>,
  a: string,
  b: string,
): Promise<number> {
  const { adjustments } = await loadLegalContext(db);
  return workingDaysBetween(a, b, adjustments);
}

/** isWorkingDay with the administrator's adjustments. */
export async function isWorkingDayWithAdjustments(db: Kysely<DB>, date: string): Promise<boolean> {
  const { adjustments } = await loadLegalContext(db);
  return isWorkingDay(date, adjustments);
}

/** A stored row as a domain override, or null when it no longer fits the rules (e.g. a removed rule key). */
export function toRuleOverride(row: RuleOverrideRow): StoredRuleOverride | null {
  if (!Object.hasOwn(RULE_SHAPES, row.rule_key)) return null;
  if (row.regime_id !== null && !REGIMES.some((r) => r.id === row.regime_id)) return null;
  let value: RuleValue;
  let basis: LegalBasis;
  try {
    value = JSON.parse(row.value);
    basis = JSON.parse(row.basis);
  } catch {
    return null;
  }
  if (row.authority !== null && !isRoleId(row.authority)) return null;
  const o: StoredRuleOverride = {
    id: row.id,
    ruleKey: row.rule_key as RuleKey,
    ...(!row.keeps_value && { value }),
    ...(row.authority !== null && { authority: row.authority }),
    effectiveFrom: row.effective_from,
    reason: row.reason,
    basis,
    ...(row.regime_id !== null && { regimeId: row.regime_id as RegimeId }),
  };
  try {
    // rulesOn checks every override it is given; one bad row must not stop every deadline in the country.
    rulesOn(FIRST_REGIME_DATE, [o]);
  } catch {
    return null;
  }
  return o;
}

function toAdjustment(row: CalendarAdjustmentRow): StoredCalendarAdjustment | null {
  if (!isIsoDate(row.date) || (row.kind !== 'day_off' && row.kind !== 'working_day')) return null;
  return { id: row.id, date: row.date, kind: row.kind, reason: row.reason };
}

async function readLegalContext(db: Kysely<DB>): Promise<LegalContext> {
  const [overrideRows, adjustmentRows] = await Promise.all([
    legalRepo.activeOverrides(db),
    legalRepo.listAdjustments(db),
  ]);
  // rulesOn keeps, per rule, the override with the latest effective date and, on a tie, the later-listed
  // one. The rows come by effective date, then creation time; a stable sort then puts general overrides
  // before regime-limited ones of the same day, so that the regime-limited one wins the tie.
  const overrides = overrideRows
    .map(toRuleOverride)
    .filter((o): o is StoredRuleOverride => o !== null)
    .sort((a, b) =>
      a.effectiveFrom !== b.effectiveFrom
        ? a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1
        : Number(a.regimeId !== undefined) - Number(b.regimeId !== undefined),
    );
  const adjustments = adjustmentRows
    .map(toAdjustment)
    .filter((a): a is StoredCalendarAdjustment => a !== null);
  return deepFreeze({ overrides, adjustments });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
