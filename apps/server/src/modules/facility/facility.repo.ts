import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';
import {
  rowById,
  rowsOfPerson,
  rowsWhere,
  rowWhere,
  updateIfVersion,
} from '../shared/record-queries.repo.ts';

export type AdmissionRow = Row<'facility_admissions'>;
export type StageRow = Row<'facility_stages'>;
export type ClassRow = Row<'facility_classes'>;
export type LearnerRow = Row<'facility_class_learners'>;
export type EventRow = Row<'facility_events'>;

// Every query of the facility module. Facility scope is applied by the callers passing the facility id.
export const facilityRepo = {
  facility: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('facilities')
      .select(['id', 'name', 'province_code', 'active'])
      .where('id', '=', id)
      .executeTakeFirst(),

  episode: (db: Kysely<DB>, id: string) => rowById(db, 'episodes', id),
  /** Episodes by id, in chunks of 500 ids (the bound variables of one statement stay few). */
  episodesByIds: async (db: Kysely<DB>, ids: readonly string[]) => {
    const out = [];
    for (let i = 0; i < ids.length; i += 500)
      out.push(
        ...(await db
          .selectFrom('episodes')
          .selectAll()
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()),
      );
    return out;
  },
  episodesOfPerson: (db: Kysely<DB>, personId: string) =>
    rowsOfPerson(db, 'episodes', personId, ['start_date', 'created_at']),
  /** Ends the facility episode on release; false when the episode changed meanwhile. */
  completeEpisode: async (
    db: Kysely<DB>,
    id: string,
    version: number,
    patch: { actual_end: string; updated_at: string; updated_by: string },
  ) => {
    const r = await db
      .updateTable('episodes')
      .set({ ...patch, outcome: 'completed', outcome_reason: 'facility_release', version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('outcome', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  person: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('people')
      .select([
        'id',
        'full_name',
        'birth_date',
        'birth_year',
        'cur_commune_code',
        'province_code',
        'current_facility_id',
      ])
      .where('id', '=', id)
      .executeTakeFirst(),
  setCurrentFacility: (db: Kysely<DB>, personId: string, facilityId: string) =>
    db.updateTable('people').set({ current_facility_id: facilityId }).where('id', '=', personId).execute(),

  /** Open episodes placing people at the facility whose person is not (or no longer) admitted anywhere. */
  awaiting: (db: Kysely<DB>, facilityId: string, types: string[]) =>
    db
      .selectFrom('episodes')
      .innerJoin('people', 'people.id', 'episodes.person_id')
      .select([
        'episodes.id as episode_id',
        'episodes.person_id',
        'episodes.type',
        'episodes.start_date',
        'episodes.planned_end',
        'episodes.decision_number',
        'people.full_name',
        'people.birth_year',
      ])
      .where('episodes.facility_id', '=', facilityId)
      .where('episodes.type', 'in', types)
      .where('episodes.outcome', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('facility_admissions as fa')
              .select('fa.id')
              .where((x) =>
                x.or([
                  x('fa.episode_id', '=', x.ref('episodes.id')),
                  x.and([
                    x('fa.person_id', '=', x.ref('episodes.person_id')),
                    x('fa.released_on', 'is', null),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('episodes.start_date')
      .orderBy('people.full_name')
      .limit(500)
      .execute(),
  insertAdmission: (db: Kysely<DB>, row: AdmissionRow) =>
    db.insertInto('facility_admissions').values(row).execute(),
  admission: (db: Kysely<DB>, id: string) => rowById(db, 'facility_admissions', id),
  openAdmissionOfPerson: (db: Kysely<DB>, personId: string) =>
    rowWhere(db, 'facility_admissions', { person_id: personId, released_on: null }),
  openAdmissions: (db: Kysely<DB>, facilityId: string) =>
    db
      .selectFrom('facility_admissions')
      .innerJoin('people', 'people.id', 'facility_admissions.person_id')
      .selectAll('facility_admissions')
      .select('people.full_name')
      .where('facility_admissions.facility_id', '=', facilityId)
      .where('facility_admissions.released_on', 'is', null)
      .orderBy('people.full_name')
      .execute(),
  admissionsByIds: async (db: Kysely<DB>, facilityId: string, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('facility_admissions')
          .selectAll()
          .where('facility_id', '=', facilityId)
          .where('id', 'in', ids)
          .execute()
      : [],
  updateAdmission: (db: Kysely<DB>, id: string, version: number, patch: Partial<AdmissionRow>) =>
    updateIfVersion(db, 'facility_admissions', id, version, patch),

  insertStage: (db: Kysely<DB>, row: StageRow) => db.insertInto('facility_stages').values(row).execute(),
  stages: (db: Kysely<DB>, admissionId: string) =>
    rowsWhere(db, 'facility_stages', { admission_id: admissionId }, ['stage']),
  endStage: (db: Kysely<DB>, admissionId: string, stage: number, endedOn: string) =>
    db
      .updateTable('facility_stages')
      .set({ ended_on: endedOn })
      .where('admission_id', '=', admissionId)
      .where('stage', '=', stage)
      .execute(),

  insertEvent: (db: Kysely<DB>, row: EventRow) => db.insertInto('facility_events').values(row).execute(),
  eventById: (db: Kysely<DB>, id: string) => rowById(db, 'facility_events', id),
  /** Versioned update of an event still in force (false when stale or already voided). */
  updateEvent: (db: Kysely<DB>, id: string, version: number, patch: Partial<EventRow>) =>
    updateIfVersion(db, 'facility_events', id, version, patch, 'voided_at'),
  eventsOfAdmission: (db: Kysely<DB>, admissionId: string, health: boolean) =>
    db
      .selectFrom('facility_events')
      .selectAll()
      .where('admission_id', '=', admissionId)
      .where('health', '=', health ? 1 : 0)
      .orderBy('occurred_on')
      .orderBy('created_at')
      .execute(),
  healthCount: async (db: Kysely<DB>, admissionId: string) =>
    Number(
      (
        await db
          .selectFrom('facility_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('admission_id', '=', admissionId)
          .where('health', '=', 1)
          .where('voided_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  events: (
    db: Kysely<DB>,
    facilityId: string,
    f: { kind?: string; from?: string; to?: string; health: boolean },
  ) => {
    let q = db
      .selectFrom('facility_events')
      .selectAll()
      .where('facility_id', '=', facilityId)
      .where('health', '=', f.health ? 1 : 0);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.from) q = q.where('occurred_on', '>=', f.from);
    if (f.to) q = q.where('occurred_on', '<=', f.to);
    return q.orderBy('occurred_on').orderBy('created_at').limit(1000).execute();
  },
  /** Events of a facility between two dates (inclusive), counted by kind and subkind. */
  eventCounts: async (db: Kysely<DB>, facilityId: string, from: string, to: string) => {
    const rows = await db
      .selectFrom('facility_events')
      .select(['kind', 'subkind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('facility_id', '=', facilityId)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .where('voided_at', 'is', null)
      .groupBy(['kind', 'subkind'])
      .execute();
    return rows.map((r) => ({ kind: r.kind, subkind: r.subkind, n: Number(r.n) }));
  },
  /** Events with their data, for figures that read inside the JSON (HIV tests, handovers). */
  eventsOfKind: (db: Kysely<DB>, facilityId: string, kind: string, from: string, to: string) =>
    db
      .selectFrom('facility_events')
      .select(['subkind', 'data'])
      .where('facility_id', '=', facilityId)
      .where('kind', '=', kind)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .where('voided_at', 'is', null)
      .execute(),
  countAdmitted: async (db: Kysely<DB>, facilityId: string, from: string, to: string) =>
    Number(
      (
        await db
          .selectFrom('facility_admissions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('facility_id', '=', facilityId)
          .where('admitted_on', '>=', from)
          .where('admitted_on', '<=', to)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  insertClass: (db: Kysely<DB>, row: ClassRow) => db.insertInto('facility_classes').values(row).execute(),
  classById: (db: Kysely<DB>, id: string) => rowById(db, 'facility_classes', id),
  classes: (db: Kysely<DB>, facilityId: string, from?: string, to?: string) => {
    let q = db.selectFrom('facility_classes').selectAll().where('facility_id', '=', facilityId);
    if (from) q = q.where('ends_on', '>=', from);
    if (to) q = q.where('starts_on', '<=', to);
    return q.orderBy('starts_on').orderBy('created_at').execute();
  },
  learnersOf: async (db: Kysely<DB>, classIds: string[]) =>
    classIds.length
      ? db.selectFrom('facility_class_learners').selectAll().where('class_id', 'in', classIds).execute()
      : [],
  insertLearners: (db: Kysely<DB>, rows: LearnerRow[]) =>
    db.insertInto('facility_class_learners').values(rows).execute(),
  learner: (db: Kysely<DB>, classId: string, admissionId: string) =>
    rowWhere(db, 'facility_class_learners', { class_id: classId, admission_id: admissionId }),
  certify: async (db: Kysely<DB>, classId: string, admissionId: string, number: string, date: string) => {
    const r = await db
      .updateTable('facility_class_learners')
      .set({ certificate_number: number, certificate_date: date })
      .where('class_id', '=', classId)
      .where('admission_id', '=', admissionId)
      .where('certificate_number', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
