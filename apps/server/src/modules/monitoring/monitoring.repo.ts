import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import { rowById, updateIfVersion } from '../shared/record-queries.repo.ts';

export type MeasureRow = Row<'electronic_monitoring_measures'>;
export type MonitoringEventRow = Row<'electronic_monitoring_events'>;

export const monitoringRepo = {
  insert: (db: Kysely<DB>, row: MeasureRow) =>
    db.insertInto('electronic_monitoring_measures').values(row).execute(),
  find: (db: Kysely<DB>, id: string) => rowById(db, 'electronic_monitoring_measures', id),
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
  updateVersioned: (db: Kysely<DB>, id: string, version: number, patch: Partial<MeasureRow>) =>
    updateIfVersion(db, 'electronic_monitoring_measures', id, version, patch),
  /** The first measure resting on an episode that was decided on or before a date (for that episode's decision). */
  decidedFor: (db: Kysely<DB>, episodeId: string, onOrBefore: string) =>
    db
      .selectFrom('electronic_monitoring_measures')
      .select(['decision_number', 'decision_date'])
      .where('episode_id', '=', episodeId)
      .where('decision_date', '<=', onOrBefore)
      .orderBy('decision_date')
      .orderBy('created_at')
      .executeTakeFirst(),
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

export const monitoringEndRepo = {
  /**
   * Measures still running (no removal recorded) whose qualifying episode has closed, with that episode, and the
   * open end task of each: the candidates for moving the end task to the day the ground ended.
   */
  runningOnClosedEpisodes: (db: Kysely<DB>) =>
    db
      .selectFrom('electronic_monitoring_measures as m')
      .innerJoin('episodes as e', 'e.id', 'm.episode_id')
      .innerJoin('tasks as t', (j) =>
        j
          .onRef('t.source_id', '=', 'm.id')
          .on('t.source_type', '=', 'monitoring')
          .on('t.kind', '=', 'monitoring_end')
          .on('t.status', '=', 'open'),
      )
      .where('m.actual_end', 'is', null)
      .where((w) => w.or([w('e.actual_end', 'is not', null), w('e.outcome', 'is not', null)]))
      .select([
        'm.id as measure_id',
        'm.planned_end',
        'e.id as episode_id',
        'e.type',
        'e.start_date',
        'e.actual_end',
        'e.planned_end as episode_planned_end',
        'e.outcome',
        't.id as task_id',
        't.due_date',
      ])
      .execute(),
  /** Moves an open task's due date (the work list's tasks table; only monitoring_end tasks are moved here). */
  redateTask: (db: Kysely<DB>, taskId: string, dueDate: string) =>
    db
      .updateTable('tasks')
      .set({ due_date: dueDate })
      .where('id', '=', taskId)
      .where('status', '=', 'open')
      .where('kind', '=', 'monitoring_end')
      .execute(),
};
