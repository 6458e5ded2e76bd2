import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CalendarAdjustmentTable, DB, RuleOverrideTable } from '../../db/schema.ts';

export type RuleOverrideRow = Selectable<RuleOverrideTable>;
export type CalendarAdjustmentRow = Selectable<CalendarAdjustmentTable>;

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
    db
      .selectFrom('rule_overrides')
      .selectAll()
      .where('revoked_at', 'is', null)
      .orderBy('effective_from')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  findOverride: (db: Kysely<DB>, id: string) =>
    db.selectFrom('rule_overrides').selectAll().where('id', '=', id).executeTakeFirst(),
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
  revokeVersioned: async (
    db: Kysely<DB>,
    id: string,
    version: number,
    set: { revoked_at: string; revoked_by: string; revoke_reason: string },
  ) => {
    const r = await db
      .updateTable('rule_overrides')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Adjustments between two dates (inclusive), or all of them. */
  listAdjustments: (db: Kysely<DB>, range?: { from: string; to: string }) => {
    let q = db.selectFrom('calendar_adjustments').selectAll();
    if (range) q = q.where('date', '>=', range.from).where('date', '<=', range.to);
    return q.orderBy('date').orderBy('id').execute();
  },
  findAdjustment: (db: Kysely<DB>, id: string) =>
    db.selectFrom('calendar_adjustments').selectAll().where('id', '=', id).executeTakeFirst(),
  findAdjustmentByDate: (db: Kysely<DB>, date: string) =>
    db.selectFrom('calendar_adjustments').selectAll().where('date', '=', date).executeTakeFirst(),
  insertAdjustment: (db: Kysely<DB>, row: Insertable<CalendarAdjustmentTable>) =>
    db.insertInto('calendar_adjustments').values(row).execute(),
  deleteAdjustment: async (db: Kysely<DB>, id: string) => {
    const r = await db.deleteFrom('calendar_adjustments').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
};
