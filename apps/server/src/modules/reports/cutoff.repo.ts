import type { Kysely, Selectable } from 'kysely';
import type { DB, ReportCutoffSettingTable } from '../../db/schema.ts';

export type CutoffRow = Selectable<ReportCutoffSettingTable>;

/** The national cut-off settings in recording order (oldest first), with the recorder's name. */
export const cutoffRepo = {
  list: (db: Kysely<DB>) =>
    db
      .selectFrom('report_cutoff_settings as s')
      .leftJoin('users as u', 'u.id', 's.created_by')
      .selectAll('s')
      .select('u.full_name as created_by_name')
      .orderBy('s.seq')
      .execute(),
  insert: (db: Kysely<DB>, row: CutoffRow) => db.insertInto('report_cutoff_settings').values(row).execute(),
};
