import { type RawBuilder, sql } from 'kysely';
import type { Facts } from './shared.ts';

/**
 * Facility events by the catalogue's kinds (the facility module's kind/subkind): each kind's condition on the
 * event `ev`, written once for the facts below and for the per-facility days kept by triggers
 * (aggregates/facility-days-sql.ts, migration 0041). The triggers hold the conditions as they were when they
 * were created: a changed rule needs a migration that re-creates them (`facilityDaysTriggers`) and rebuilds.
 */
export const FACILITY_EVENT_KINDS: Readonly<Record<string, string>> = {
  term_reduction: `ev.kind = 'term_change' and ev.subkind in ('reduction', 'early_release')`,
  handover: `ev.kind = 'release' and ev.subkind = 'commune'`,
  health_check: `ev.kind = 'health' and ev.subkind = 'periodic_check'`,
  hiv_test: `ev.kind = 'health' and ev.subkind = 'infectious_test' and ev.data like '%"disease":"hiv"%'`,
  visit: `ev.kind = 'visit'`,
  incident: `ev.kind = 'incident'`,
  support: `ev.kind = 'support'`,
  overseas_labour: `ev.kind = 'support' and ev.subkind = 'overseas_labour_counselling'`,
  other_support: `ev.kind = 'support' and ev.subkind <> 'overseas_labour_counselling'`,
};
/**
 * The kinds kept per facility, resident and day (aggregates/facility-days-sql.ts): the catalogue's kinds, and
 * every release (facility_releases, migration 0043; not a catalogue kind of facility_events).
 */
export const FACILITY_DAY_KINDS: Readonly<Record<string, string>> = {
  ...FACILITY_EVENT_KINDS,
  release: `ev.kind = 'release'`,
};
const facilityEventIs = (kind: string | undefined): RawBuilder<unknown> => {
  const is =
    kind != null && Object.hasOwn(FACILITY_EVENT_KINDS, kind) ? FACILITY_EVENT_KINDS[kind] : undefined;
  return is ? sql.raw(`(${is})`) : sql`1 = 0`;
};

/** A facility's admissions, releases, events, classes and learners. */
export const FACILITY_FACTS: Record<string, Facts> = {
  facility_admissions: (r) => sql`
    select a.id as rid, p.id as pid, p.cur_commune_code as commune, f.province_code as province,
      a.facility_id as facility, p.sex as sex, p.birth_year as birth_year, a.admitted_on as dt, 1 as qty
    from facility_admissions a join people p on p.id = a.person_id join facilities f on f.id = a.facility_id
    where a.admitted_on >= ${r.from} and a.admitted_on <= ${r.to}`,
  // Reintegrated = the facility's release events (a departure without completion is not one). A release cannot
  // be voided through the API (its own flow), but a voided one, like any voided event, is in no figure.
  facility_releases: (r) => sql`
    select ev.id as rid, p.id as pid, p.cur_commune_code as commune, f.province_code as province,
      ev.facility_id as facility, p.sex as sex, p.birth_year as birth_year, ev.occurred_on as dt, 1 as qty
    from facility_events ev join facilities f on f.id = ev.facility_id
      left join facility_admissions a on a.id = ev.admission_id left join people p on p.id = a.person_id
    where ${sql.raw(`(${FACILITY_DAY_KINDS.release})`)} and ev.occurred_on >= ${r.from}
      and ev.occurred_on <= ${r.to} and ev.voided_at is null`,
  facility_events: (r, p) => sql`
    select ev.id as rid, p.id as pid, p.cur_commune_code as commune, f.province_code as province,
      ev.facility_id as facility, p.sex as sex, p.birth_year as birth_year, ev.occurred_on as dt, 1 as qty
    from facility_events ev join facilities f on f.id = ev.facility_id
      left join facility_admissions a on a.id = ev.admission_id left join people p on p.id = a.person_id
    where ${facilityEventIs(p.kind)} and ev.occurred_on >= ${r.from} and ev.occurred_on <= ${r.to}
      and ev.voided_at is null`, // a voided event (entered by mistake) stays in the history, never in a figure
  // The residents behind those events: one row per person and facility, dated by their latest event.
  facility_event_people: (r, p) => sql`
    select 'fp:' || ev.facility_id || ':' || p.id as rid, p.id as pid, p.cur_commune_code as commune,
      f.province_code as province, ev.facility_id as facility, p.sex as sex, p.birth_year as birth_year,
      max(ev.occurred_on) as dt, 1 as qty
    from facility_events ev join facilities f on f.id = ev.facility_id
      join facility_admissions a on a.id = ev.admission_id join people p on p.id = a.person_id
    where ${facilityEventIs(p.kind)} and ev.occurred_on >= ${r.from} and ev.occurred_on <= ${r.to}
      and ev.voided_at is null
    group by ev.facility_id, p.id, p.cur_commune_code, f.province_code, p.sex, p.birth_year`,
  facility_classes: (r) => sql`
    select c.id as rid, null as pid, null as commune, f.province_code as province, c.facility_id as facility,
      null as sex, null as birth_year, c.starts_on as dt, 1 as qty
    from facility_classes c join facilities f on f.id = c.facility_id
    where c.starts_on >= ${r.from} and c.starts_on <= ${r.to}`,
  // Learners: one row per person and facility (a person in two classes is one learner), dated by the first
  // enrolment; enrolments: one row per person and class.
  facility_learners: (r) => sql`
    select 'fl:' || c.facility_id || ':' || p.id as rid, p.id as pid, p.cur_commune_code as commune,
      f.province_code as province, c.facility_id as facility, p.sex as sex, p.birth_year as birth_year,
      min(l.enrolled_on) as dt, 1 as qty
    from facility_class_learners l join facility_classes c on c.id = l.class_id
      join facilities f on f.id = c.facility_id join facility_admissions a on a.id = l.admission_id
      join people p on p.id = a.person_id
    where c.starts_on >= ${r.from} and c.starts_on <= ${r.to}
    group by c.facility_id, p.id, p.cur_commune_code, f.province_code, p.sex, p.birth_year`,
  facility_enrolments: (r) => sql`
    select l.class_id || ':' || l.admission_id as rid, p.id as pid, p.cur_commune_code as commune,
      f.province_code as province, c.facility_id as facility, p.sex as sex, p.birth_year as birth_year,
      l.enrolled_on as dt, 1 as qty
    from facility_class_learners l join facility_classes c on c.id = l.class_id
      join facilities f on f.id = c.facility_id join facility_admissions a on a.id = l.admission_id
      join people p on p.id = a.person_id
    where c.starts_on >= ${r.from} and c.starts_on <= ${r.to}`,
};
