import type { Insertable, Kysely } from 'kysely';
import type { CalendarAdjustmentTable, DB, RuleOverrideTable } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, rowsWhere, rowWhere, updateIfVersion } from '../shared/record-queries.repo.ts';

export type RuleOverrideRow = Row<'rule_overrides'>;
export type CalendarAdjustmentRow = Row<'calendar_adjustments'>;

export const legalRepo = {
  listOverrides: (db: Kysely<DB>, f: { ruleKey?: string; status: 'active' | 'revoked' | 'all' }) => {
    let q = db.selectFrom('rule_overrides').selectAll();
    if (f.ruleKey) q = q.where('rule_key', '=', f.ruleKey);
    if (f.status === 'active') q = q.where('revoked_at', 'is', null);
    if (f.status === 'revoked') q = q.where('revoked_at', 'is not', null);
    return q.orderBy('effective_from', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
  },
  /** Overrides not revoked, oldest effective date first. */
  activeOverrides: (db: Kysely<DB>) =>
    rowsWhere(db, 'rule_overrides', { revoked_at: null }, ['effective_from', 'created_at', 'id']),
  findOverride: (db: Kysely<DB>, id: string) => rowById(db, 'rule_overrides', id),
  /** An active override of the same rule, from the same day, with the same regime limit. */
  findActiveTwin: (db: Kysely<DB>, ruleKey: string, effectiveFrom: string, regimeId: string | null) => {
    let q = db
      .selectFrom('rule_overrides')
      .selectAll()
      .where('rule_key', '=', ruleKey)
      .where('effective_from', '=', effectiveFrom)
      .where('revoked_at', 'is', null);
    q = regimeId === null ? q.where('regime_id', 'is', null) : q.where('regime_id', '=', regimeId);
    return q.executeTakeFirst();
  },
  insertOverride: (db: Kysely<DB>, row: Insertable<RuleOverrideTable>) =>
    db.insertInto('rule_overrides').values(row).execute(),
  /** Revokes when the version still matches and it is not revoked yet; false otherwise. */
  revokeVersioned: (
    db: Kysely<DB>,
    id: string,
    version: number,
    set: { revoked_at: string; revoked_by: string; revoke_reason: string },
  ) => updateIfVersion(db, 'rule_overrides', id, version, set, 'revoked_at'),

  /** Adjustments between two dates (inclusive), or all of them. */
  listAdjustments: (db: Kysely<DB>, range?: { from: string; to: string }) => {
    let q = db.selectFrom('calendar_adjustments').selectAll();
    if (range) q = q.where('date', '>=', range.from).where('date', '<=', range.to);
    return q.orderBy('date').orderBy('id').execute();
  },
  findAdjustment: (db: Kysely<DB>, id: string) => rowById(db, 'calendar_adjustments', id),
  findAdjustmentByDate: (db: Kysely<DB>, date: string) => rowWhere(db, 'calendar_adjustments', { date }),
  insertAdjustment: (db: Kysely<DB>, row: Insertable<CalendarAdjustmentTable>) =>
    db.insertInto('calendar_adjustments').values(row).execute(),
  deleteAdjustment: async (db: Kysely<DB>, id: string) => {
    const r = await db.deleteFrom('calendar_adjustments').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
};
