import type { Kysely, Selectable } from 'kysely';
import type {
  DB,
  ElectronicMonitoringEventTable,
  ElectronicMonitoringMeasureTable,
} from '../../db/schema.ts';

export type MeasureRow = Selectable<ElectronicMonitoringMeasureTable>;
export type MonitoringEventRow = Selectable<ElectronicMonitoringEventTable>;

export const monitoringRepo = {
  insert: (db: Kysely<DB>, row: MeasureRow) =>
    db.insertInto('electronic_monitoring_measures').values(row).execute(),
  find: (db: Kysely<DB>, id: string) =>
    db.selectFrom('electronic_monitoring_measures').selectAll().where('id', '=', id).executeTakeFirst(),
  /** A person's measures, latest first. */
  forPerson: (db: Kysely<DB>, personId: string) =>
    db
      .selectFrom('electronic_monitoring_measures')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('start_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  /** Version-checked update; false when someone else changed the row first. */
  updateVersioned: async (db: Kysely<DB>, id: string, version: number, patch: Partial<MeasureRow>) => {
    const r = await db
      .updateTable('electronic_monitoring_measures')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  insertEvent: (db: Kysely<DB>, row: MonitoringEventRow) =>
    db.insertInto('electronic_monitoring_events').values(row).execute(),
  /** Events of some measures, in the order they happened. */
  eventsOf: async (db: Kysely<DB>, measureIds: string[]) =>
    measureIds.length === 0
      ? []
      : db
          .selectFrom('electronic_monitoring_events')
          .selectAll()
          .where('measure_id', 'in', measureIds)
          .orderBy('occurred_on')
          .orderBy('recorded_at')
          .execute(),
};
