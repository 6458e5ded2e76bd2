import type { Kysely, Selectable } from 'kysely';
import type { DB, IndicatorDefinitionTable, ReportTable } from '../../db/schema.ts';
import { rowById, updateIfVersion } from '../shared/record-queries.repo.ts';

export type ReportRow = Selectable<ReportTable>;
export type IndicatorRow = Selectable<IndicatorDefinitionTable>;

export const indicatorsRepo = {
  listActive: (db: Kysely<DB>) =>
    db
      .selectFrom('indicator_definitions')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('created_at')
      .execute(),
  find: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('indicator_definitions')
      .selectAll()
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst(),
  exists: async (db: Kysely<DB>, id: string) =>
    !!(await db.selectFrom('indicator_definitions').select('id').where('id', '=', id).executeTakeFirst()),
  insert: (db: Kysely<DB>, row: IndicatorRow) => db.insertInto('indicator_definitions').values(row).execute(),
};

export type ReportKey = {
  unitKind: string;
  unitCode: string;
  periodKind: string;
  year: number;
  index: number;
};

export const reportsRepo = {
  insert: (db: Kysely<DB>, row: ReportRow) => db.insertInto('reports').values(row).execute(),
  find: (db: Kysely<DB>, id: string) => rowById(db, 'reports', id),
  findByKey: (db: Kysely<DB>, k: ReportKey) =>
    db
      .selectFrom('reports')
      .selectAll()
      .where('unit_kind', '=', k.unitKind)
      .where('unit_code', '=', k.unitCode)
      .where('period_kind', '=', k.periodKind)
      .where('year', '=', k.year)
      .where('period_index', '=', k.index)
      .executeTakeFirst(),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<ReportRow>) =>
    updateIfVersion(db, 'reports', id, version, patch),
  /** Reports of one period, optionally of one province's units. */
  ofPeriod: (db: Kysely<DB>, periodKind: string, year: number, index: number, provinceCode?: string) => {
    let q = db
      .selectFrom('reports')
      .select([
        'id',
        'unit_kind',
        'unit_code',
        'province_code',
        'status',
        'submitted_at',
        'reviewed_at',
        'version',
      ])
      .where('period_kind', '=', periodKind)
      .where('year', '=', year)
      .where('period_index', '=', index);
    if (provinceCode) q = q.where('province_code', '=', provinceCode);
    return q.execute();
  },
  list: (
    db: Kysely<DB>,
    f: { unitKinds?: string[]; unitCode?: string; provinceCode?: string; year?: number; status?: string },
  ) => {
    let q = db.selectFrom('reports').selectAll();
    if (f.unitCode) q = q.where('unit_code', '=', f.unitCode);
    if (f.provinceCode) q = q.where('province_code', '=', f.provinceCode);
    if (f.year) q = q.where('year', '=', f.year);
    if (f.status) q = q.where('status', '=', f.status);
    return q.orderBy('year', 'desc').orderBy('period_from', 'desc').limit(500).execute();
  },
};
