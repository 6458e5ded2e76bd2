import { DEFAULT_VOLUNTEER_MODEL_RULE } from '@hoanhap/domain/community-rules';
import { SUBSTANCES } from '@hoanhap/domain/pathway-rules';
import type { ReportGrouping } from '@hoanhap/domain/report-grouping';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { reportRows } from '../../db/report-runner.ts';
import type { DB } from '../../db/schema.ts';
import { STAFF_ROLES } from '../community/training.repo.ts';
import { keptGrid, keptGridAvailable } from './aggregates/aggregates.repo.ts';

// The building blocks of the indicator catalogue (packages/domain/src/indicators.ts), each implemented once here
// as a "facts" query: one row per record behind a figure, with the same columns for every block —
//   rid (record key), pid (person or null), commune, province, facility, sex, birth_year, dt (record date), qty.
// The engine aggregates them in SQL (count distinct / sum, optionally GROUP BY a unit or sex) and the drill-down
// lists the very same rows, so a figure and its records cannot disagree.

/**
 * How a period's records are grouped into units: by today's units (default: a person's current commune, and an
 * abolished commune's own records in the commune it was merged into), or by the units of the period (a person's
 * commune at the period's end, from person_units; a record's own unit as recorded).
 */
export type Grouping = ReportGrouping;
export type Range = { from: string; to: string; grouping?: Grouping };
export type Params = Record<string, string>;
type Facts = (r: Range, p: Params) => RawBuilder<unknown>;

/** The viewer-chosen unit a figure is computed for. */
export type UnitFilter =
  | { kind: 'nation' }
  | { kind: 'province'; code: string }
  /** `merged`: communes merged into it (today's units count their own records in it). */
  | { kind: 'commune'; code: string; merged?: readonly string[] }
  | { kind: 'facility'; id: string }
  /** A province officer's named set of communes (modules/areas): the records of its communes. */
  | { kind: 'area'; id: string; province: string; communes: readonly string[] };

export type GroupBy =
  | 'commune'
  | 'province'
  | 'facility'
  | 'sex'
  | 'birth_year'
  | 'substance'
  | 'legal_basis';

const PERSON_COLS = sql`p.id as pid, p.cur_commune_code as commune, p.province_code as province, p.sex as sex, p.birth_year as birth_year`;

const active = (e: string, r: Range, atEnd: boolean) =>
  atEnd
    ? sql`${sql.ref(`${e}.start_date`)} <= ${r.to} and ((${sql.ref(`${e}.actual_end`)} is null and ${sql.ref(`${e}.outcome`)} is null) or ${sql.ref(`${e}.actual_end`)} > ${r.to})`
    : sql`${sql.ref(`${e}.start_date`)} <= ${r.to} and ((${sql.ref(`${e}.actual_end`)} is null and ${sql.ref(`${e}.outcome`)} is null) or ${sql.ref(`${e}.actual_end`)} >= ${r.from})`;

const episodeFacts =
  (cond: (r: Range) => RawBuilder<unknown>, date: string, extra: RawBuilder<unknown> = sql`1 = 1`): Facts =>
  (r, p) =>
    sql`
    select e.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, ${sql.ref(`e.${date}`)} as dt, 1 as qty
    from episodes e join people p on p.id = e.person_id
    where e.type = ${p.type ?? ''} and ${cond(r)} and ${extra}`;

// A person's status (and facility) as of a date, from the dated history the status code keeps
// (person_status_history: valid_from inclusive, valid_to exclusive, null while it lasts): never today's status.
const spanOn = (h: string, day: string) =>
  sql`${sql.ref(`${h}.valid_from`)} <= ${day} and (${sql.ref(`${h}.valid_to`)} is null or ${sql.ref(`${h}.valid_to`)} > ${day})`;
const historyStatusIs = (h: string, status: string | undefined) =>
  !status || status === 'any' ? sql`1 = 1` : sql`${sql.ref(`${h}.status`)} = ${status}`;

const addictedBy = (to: string) => sql`exists (select 1 from addiction_determinations ad
  where ad.person_id = p.id and ad.addicted = 1 and ad.assessed_on <= ${to})`;

// Facility events by the catalogue's kinds (the facility module's kind/subkind).
const FACILITY_EVENT: Record<string, RawBuilder<unknown>> = {
  term_reduction: sql`ev.kind = 'term_change' and ev.subkind in ('reduction', 'early_release')`,
  handover: sql`ev.kind = 'release' and ev.subkind = 'commune'`,
  health_check: sql`ev.kind = 'health' and ev.subkind = 'periodic_check'`,
  hiv_test: sql`ev.kind = 'health' and ev.subkind = 'infectious_test' and ev.data like ${'%"disease":"hiv"%'}`,
  visit: sql`ev.kind = 'visit'`,
  incident: sql`ev.kind = 'incident'`,
  support: sql`ev.kind = 'support'`,
  overseas_labour: sql`ev.kind = 'support' and ev.subkind = 'overseas_labour_counselling'`,
  other_support: sql`ev.kind = 'support' and ev.subkind <> 'overseas_labour_counselling'`,
};
const facilityEventIs = (kind: string | undefined) => FACILITY_EVENT[kind ?? ''] ?? sql`1 = 0`;

// A fitting treatment (the province target): rehab of any form, or substitution therapy, not cancelled.
const TREATMENT_TYPES = sql.join(
  ['voluntary_community', 'voluntary_facility', 'compulsory', 'substitution_therapy'].map((t) => sql.lit(t)),
);

// A threshold of the volunteer-model rule in force on a date (dated rows; the default rule 1/1 before any).
const ruleOn = (on: string, column: 'min_people_per_volunteer' | 'min_volunteers_with_people') => sql`
  coalesce((select ${sql.ref(`vr.${column}`)} from volunteer_model_rules vr where vr.valid_from <= ${on}
    order by vr.valid_from desc, vr.set_at desc limit 1), ${sql.lit(DEFAULT_RULE[column])})`;
const DEFAULT_RULE = {
  min_people_per_volunteer: DEFAULT_VOLUNTEER_MODEL_RULE.minPeoplePerVolunteer,
  min_volunteers_with_people: DEFAULT_VOLUNTEER_MODEL_RULE.minVolunteersWithPeople,
};

const ACTIVITY_FIELDS: Record<string, string> = {
  people_reached: 'ca.people_reached',
  commitments_signed: 'ca.commitments_signed',
  persuaded_count: 'ca.persuaded_count',
};

// Counselling sessions attended in the period (access to services, psychological support).
const counselled = (r: Range) => sql`
    select 'cs:' || s.id || ':' || p.id as rid, ${PERSON_COLS}, p.current_facility_id as facility,
      s.held_on as dt, 1 as qty
    from counselling_participants cp join counselling_sessions s on s.id = cp.session_id
      join people p on p.id = cp.person_id
    where s.held_on >= ${r.from} and s.held_on <= ${r.to}`;

// Staff accounts placed in the unit of their scope (a commune, a province, a facility). No person behind them.
// An account counts for a period when it was active at some time in it (account_periods: when it was active,
// with its role and unit), placed by its last role and unit within the period: creating, moving or closing an
// account later never changes a past period.
const STAFF_IN = sql.join(STAFF_ROLES.map((role) => sql.lit(role)));
// The commune's latest version (one abolished since, e.g. merged into another, still places its accounts).
const STAFF_JOINS = sql`
      left join units cu on u.scope_kind = 'commune' and cu.code = u.scope_code and cu.level = 'commune'
        and cu.valid_from = (select max(c2.valid_from) from units c2 where c2.code = u.scope_code
          and c2.level = 'commune')
      left join facilities fa on u.scope_kind = 'facility' and fa.id = u.scope_code`;
const staffOf = (
  r: Range,
) => sql`(select ap.user_id as id, ap.role, ap.scope_kind, ap.scope_code, ap.active_from
      from account_periods ap
      where ap.active_from <= ${r.to} and (ap.active_to is null or ap.active_to > ${r.from})
        and not exists (select 1 from account_periods ap2 where ap2.user_id = ap.user_id
          and ap2.active_from > ap.active_from and ap2.active_from <= ${r.to}
          and (ap2.active_to is null or ap2.active_to > ${r.from})))`;
const STAFF_UNIT = sql`u.id as rid, null as pid,
      case when u.scope_kind = 'commune' then u.scope_code end as commune,
      case u.scope_kind when 'province' then u.scope_code when 'commune' then cu.province_code
        when 'facility' then fa.province_code end as province,
      case when u.scope_kind = 'facility' then u.scope_code end as facility,
      null as sex, null as birth_year`;

export const FACTS: Record<string, Facts> = {
  // People by their status at the period's end (and the facility they were in then).
  people_by_status: (r, p) => sql`
    select p.id as rid, ${PERSON_COLS}, h.facility_id as facility, h.valid_from as dt, 1 as qty
    from person_status_history h join people p on p.id = h.person_id
    where ${spanOn('h', r.to)} and ${historyStatusIs('h', p.status)}`,
  positive_tests: (r) => sql`
    select t.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, t.tested_on as dt, 1 as qty
    from drug_tests t join people p on p.id = t.person_id
    where t.positive = 1 and t.tested_on >= ${r.from} and t.tested_on <= ${r.to}`,
  relapse_tests: (r) => sql`
    select t.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, t.tested_on as dt, 1 as qty
    from drug_tests t join people p on p.id = t.person_id
    where t.positive = 1 and t.relapse = 1 and t.tested_on >= ${r.from} and t.tested_on <= ${r.to}`,
  addicts_determined: (r) => sql`
    select ad.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, ad.assessed_on as dt, 1 as qty
    from addiction_determinations ad join people p on p.id = ad.person_id
    where ad.addicted = 1 and ad.assessed_on >= ${r.from} and ad.assessed_on <= ${r.to}`,
  // People who declared the substances they used and their source in the period (Law 120/2025).
  people_declared: (r) => sql`
    select sd.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, sd.declared_on as dt, 1 as qty
    from substance_declarations sd join people p on p.id = sd.person_id
    where sd.declared_on >= ${r.from} and sd.declared_on <= ${r.to}`,
  // Electronic monitoring measures (Law 120/2025): running at some time in the period (from the start to the
  // removal, or to the planned end while not removed), or started in it.
  monitoring_measures: (r, p) => sql`
    select m.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, m.start_date as dt, 1 as qty
    from electronic_monitoring_measures m join people p on p.id = m.person_id
    where ${
      p.when === 'started'
        ? sql`m.start_date >= ${r.from} and m.start_date <= ${r.to}`
        : sql`m.start_date <= ${r.to} and coalesce(m.actual_end, m.planned_end) >= ${r.from}`
    }`,
  // Driven from the determinations (an index on addicted, date), not from every person.
  addicts_with_records: (r) => sql`
    select p.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, p.created_at as dt, 1 as qty
    from people p where p.id in (select ad.person_id from addiction_determinations ad
      where ad.addicted = 1 and ad.assessed_on <= ${r.to})`,
  // The period's sessions, their participants and each one's last session (one join, not a correlated
  // subquery per person of the country): the same rows as "addicts with a session in the period".
  addicts_counselled: (r) => sql`
    select p.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, c.dt as dt, 1 as qty
    from (select cp.person_id, max(s.held_on) as dt
        from counselling_sessions s join counselling_participants cp on cp.session_id = s.id
        where s.held_on >= ${r.from} and s.held_on <= ${r.to} group by cp.person_id) c
      join people p on p.id = c.person_id
    where ${addictedBy(r.to)}`,
  // Addicts with records by the period's end for whom counselling, screening (a drug test), assessment (the
  // determination) and a fitting treatment are all recorded by then; dated by the treatment's start. Driven from
  // the treatments (each person's first, one grouped pass), the other three steps checked per person.
  addicts_fully_served: (r) => sql`
    select p.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, tr.dt as dt, 1 as qty
    from (select e.person_id, min(e.start_date) as dt from episodes e
        where e.type in (${TREATMENT_TYPES}) and e.start_date <= ${r.to}
          and (e.outcome is null or e.outcome <> 'cancelled')
        group by e.person_id) tr
      join people p on p.id = tr.person_id
    where ${addictedBy(r.to)}
      and exists (select 1 from drug_tests t where t.person_id = p.id and t.tested_on <= ${r.to})
      and exists (select 1 from counselling_participants cp join counselling_sessions s on s.id = cp.session_id
        where cp.person_id = p.id and s.held_on <= ${r.to})`,
  // One decision may name several people: the record is the decision itself (decisions, migration 0029), never
  // (commune, number) — two former communes' "07/QĐ-UBND" stay two; an episode resting on no decision record
  // (a registration, a contract) is its own.
  decisions_issued: (r, p) => sql`
    select coalesce(e.decision_id, e.id) as rid, ${PERSON_COLS},
      p.current_facility_id as facility, e.decision_date as dt, 1 as qty
    from episodes e join people p on p.id = e.person_id
    where e.type = ${p.type ?? ''} and e.decision_date >= ${r.from} and e.decision_date <= ${r.to}`,
  people_with_decision: episodeFacts(
    (r) => sql`e.decision_date >= ${r.from} and e.decision_date <= ${r.to}`,
    'decision_date',
  ),
  episodes_started: episodeFacts(
    (r) => sql`e.start_date >= ${r.from} and e.start_date <= ${r.to}`,
    'start_date',
  ),
  episodes_active_at_end: episodeFacts((r) => active('e', r, true), 'start_date'),
  episodes_active_in_period: episodeFacts((r) => active('e', r, false), 'start_date'),
  post_rehab_people_with_manager: (r) =>
    episodeFacts(
      (x) => sql`e.decision_date >= ${x.from} and e.decision_date <= ${x.to}`,
      'decision_date',
      sql`e.managers is not null and e.managers <> '[]'`,
    )(r, { type: 'post_rehab' }),
  post_rehab_supported: (r) =>
    episodeFacts(
      (x) => active('e', x, false),
      'start_date',
      // Supported = contacted in the period, by the manager (episode contacts) or a volunteer/officer
      // (community contacts).
      sql`(exists (select 1 from episode_contacts ec where ec.person_id = p.id
        and ec.contact_date >= ${r.from} and ec.contact_date <= ${r.to})
        or exists (select 1 from community_contacts cc where cc.person_id = p.id
        and cc.contact_date >= ${r.from} and cc.contact_date <= ${r.to}))`,
    )(r, { type: 'post_rehab' }),
  dossiers_submitted: (r) => sql`
    select d.id as rid, null as pid, d.commune_code as commune, d.province_code as province,
      null as facility, null as sex, null as birth_year, d.submitted_on as dt, 1 as qty
    from dossiers d where d.submitted_on >= ${r.from} and d.submitted_on <= ${r.to}`,
  people_in_dossiers_submitted: (r) => sql`
    select dp.id as rid, p.id as pid, d.commune_code as commune, d.province_code as province,
      null as facility, p.sex as sex, p.birth_year as birth_year, d.submitted_on as dt, 1 as qty
    from dossier_people dp join dossiers d on d.id = dp.dossier_id join people p on p.id = dp.person_id
    where d.submitted_on >= ${r.from} and d.submitted_on <= ${r.to}`,
  facility_admissions: (r) => sql`
    select a.id as rid, p.id as pid, p.cur_commune_code as commune, f.province_code as province,
      a.facility_id as facility, p.sex as sex, p.birth_year as birth_year, a.admitted_on as dt, 1 as qty
    from facility_admissions a join people p on p.id = a.person_id join facilities f on f.id = a.facility_id
    where a.admitted_on >= ${r.from} and a.admitted_on <= ${r.to}`,
  // Reintegrated = the facility's release events (a departure without completion is not one).
  facility_releases: (r) => sql`
    select ev.id as rid, p.id as pid, p.cur_commune_code as commune, f.province_code as province,
      ev.facility_id as facility, p.sex as sex, p.birth_year as birth_year, ev.occurred_on as dt, 1 as qty
    from facility_events ev join facilities f on f.id = ev.facility_id
      left join facility_admissions a on a.id = ev.admission_id left join people p on p.id = a.person_id
    where ev.kind = 'release' and ev.occurred_on >= ${r.from} and ev.occurred_on <= ${r.to}`,
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
  community_activities: (r, p) => sql`
    select ca.id as rid, null as pid, ca.commune_code as commune, ca.province_code as province,
      null as facility, null as sex, null as birth_year, ca.held_on as dt, 1 as qty
    from community_activities ca
    where ca.kind = ${p.kind ?? ''} and ca.held_on >= ${r.from} and ca.held_on <= ${r.to}`,
  community_activity_sum: (r, p) => sql`
    select ca.id as rid, null as pid, ca.commune_code as commune, ca.province_code as province,
      null as facility, null as sex, null as birth_year, ca.held_on as dt,
      ${sql.raw(ACTIVITY_FIELDS[p.field ?? ''] ?? '0')} as qty
    from community_activities ca where ca.held_on >= ${r.from} and ca.held_on <= ${r.to}`,
  // Assigned to a volunteer at some time in the period; with a status: having it while assigned in the period.
  community_people_assigned: (r, p) => sql`
    select asg.id as rid, p.id as pid, asg.commune_code as commune, asg.province_code as province,
      (select h.facility_id from person_status_history h where h.person_id = p.id and ${spanOn('h', r.to)})
        as facility, p.sex as sex, p.birth_year as birth_year, asg.started_on as dt, 1 as qty
    from community_assignments asg join people p on p.id = asg.person_id
    where asg.started_on <= ${r.to} and (asg.ended_on is null or asg.ended_on >= ${r.from})
      and ${
        !p.status || p.status === 'any'
          ? sql`1 = 1`
          : sql`exists (select 1 from person_status_history h where h.person_id = p.id and h.status = ${p.status}
        and h.valid_from <= ${r.to} and h.valid_from <= coalesce(asg.ended_on, ${r.to})
        and (h.valid_to is null or (h.valid_to > ${r.from} and h.valid_to > asg.started_on)))`
      }`,
  // Communes with the volunteer model on the period's end, under the rule in force that day: the SQL of
  // hasVolunteerModelOn (domain community-rules.ts), which the volunteer-model page uses. Teams established by
  // then; members joined and not yet left; people assigned and not yet ended (end days excluded).
  communes_with_volunteer_team: (r) => sql`
    select t.commune_code as rid, null as pid, t.commune_code as commune, t.province_code as province,
      null as facility, null as sex, null as birth_year, min(t.established_on) as dt, 1 as qty
    from community_teams t where t.established_on <= ${r.to}
      and (select count(*) from community_volunteers v
        where v.commune_code = t.commune_code and v.joined_on <= ${r.to}
          and (v.left_on is null or v.left_on > ${r.to})
          and exists (select 1 from community_teams vt where vt.id = v.team_id and vt.established_on <= ${r.to})
          and (select count(*) from community_assignments a where a.volunteer_id = v.id
            and a.started_on <= ${r.to} and (a.ended_on is null or a.ended_on > ${r.to}))
            >= ${ruleOn(r.to, 'min_people_per_volunteer')}
      ) >= ${ruleOn(r.to, 'min_volunteers_with_people')}
    group by t.commune_code, t.province_code`,
  communes_total: (r) => sql`
    select u.code as rid, null as pid, u.code as commune, u.province_code as province, null as facility,
      null as sex, null as birth_year, u.valid_from as dt, 1 as qty
    from units u where u.level = 'commune' and (u.valid_to is null or u.valid_to > ${r.to})`,
  club_members: (r) => sql`
    select m.id as rid, m.person_id as pid, c.commune_code as commune, c.province_code as province,
      null as facility, null as sex, null as birth_year, m.joined_on as dt, 1 as qty
    from community_club_members m join community_clubs c on c.id = m.club_id
    where c.active = 1 and m.joined_on <= ${r.to} and (m.left_on is null or m.left_on > ${r.to})`,
  // Recognitions in force at the period's end (Decision 28/2025/QĐ-TTg).
  drug_free_communes: (r) => sql`
    select d.commune_code as rid, null as pid, d.commune_code as commune, d.province_code as province,
      null as facility, null as sex, null as birth_year, d.recognised_on as dt, 1 as qty
    from drug_free_communes d where d.recognised_on <= ${r.to} and (d.revoked_on is null or d.revoked_on > ${r.to})
      and (d.valid_until is null or d.valid_until >= ${r.to})`,
  people_with_service_access: (r) => sql`
    ${counselled(r)}
    union all
    select cc.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, cc.contact_date as dt, 1 as qty
    from community_contacts cc join people p on p.id = cc.person_id
    where cc.contact_date >= ${r.from} and cc.contact_date <= ${r.to}
    union all
    select ec.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, ec.contact_date as dt, 1 as qty
    from episode_contacts ec join people p on p.id = ec.person_id
    where ec.contact_date >= ${r.from} and ec.contact_date <= ${r.to}
    union all
    select rf.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, rf.referred_on as dt, 1 as qty
    from community_referrals rf join people p on p.id = rf.person_id
    where rf.referred_on >= ${r.from} and rf.referred_on <= ${r.to}`,
  people_medical_psych_support: (r) => sql`
    ${counselled(r)}
    union all
    select cc.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, cc.contact_date as dt, 1 as qty
    from community_contacts cc join people p on p.id = cc.person_id
    where cc.kind in ('relapse_prevention_counselling', 'crisis_counselling')
      and cc.contact_date >= ${r.from} and cc.contact_date <= ${r.to}
    union all
    select e.id as rid, ${PERSON_COLS}, p.current_facility_id as facility, e.start_date as dt, 1 as qty
    from episodes e join people p on p.id = e.person_id
    where e.type = 'substitution_therapy' and ${active('e', r, false)}
`,
  // Staff of the period who attended a training in it, on a day their account was active.
  staff_trained: (r) => sql`
    select ${STAFF_UNIT}, max(t.held_on) as dt, 1 as qty
    from community_training_attendees a join community_trainings t on t.id = a.training_id
      join ${staffOf(r)} u on u.id = a.user_id ${STAFF_JOINS}
    where u.role in (${STAFF_IN}) and t.held_on >= ${r.from} and t.held_on <= ${r.to}
      and exists (select 1 from account_periods ap where ap.user_id = a.user_id and ap.active_from <= t.held_on
        and (ap.active_to is null or ap.active_to > t.held_on))
    group by u.id, u.scope_kind, u.scope_code, cu.province_code, fa.province_code`,
  // Staff accounts active at some time in the period.
  staff_total: (r) => sql`
    select ${STAFF_UNIT}, u.active_from as dt, 1 as qty
    from ${staffOf(r)} u ${STAFF_JOINS}
    where u.role in (${STAFF_IN})`,
};

// Blocks whose records are placed in the person's current commune (p.cur_commune_code), and province and facility
// unless they are the facility's ('commune'): grouped by the units of the period, they take the commune the person
// lived in at the period's end (person_units; today's commune for a person without a dated record) and the
// facility they were in then (person_status_history). The other blocks' records carry their own unit as recorded
// (a dossier's, an activity's, a team's commune; an admission's facility; an account's unit).
const PLACED_BY_PERSON: Record<string, 'both' | 'commune'> = {
  people_by_status: 'both',
  positive_tests: 'both',
  relapse_tests: 'both',
  addicts_determined: 'both',
  people_declared: 'both',
  monitoring_measures: 'both',
  addicts_with_records: 'both',
  addicts_counselled: 'both',
  addicts_fully_served: 'both',
  decisions_issued: 'both',
  people_with_decision: 'both',
  episodes_started: 'both',
  episodes_active_at_end: 'both',
  episodes_active_in_period: 'both',
  post_rehab_people_with_manager: 'both',
  post_rehab_supported: 'both',
  people_with_service_access: 'both',
  people_medical_psych_support: 'both',
  facility_admissions: 'commune',
  facility_releases: 'commune',
  facility_events: 'commune',
  facility_event_people: 'commune',
  facility_learners: 'commune',
  facility_enrolments: 'commune',
};

/** A block's facts for a period, placed in the units the period is grouped by (the one place that decides it). */
function factsOf(block: string, range: Range, params: Params): RawBuilder<unknown> {
  const facts = FACTS[block];
  if (!facts) throw new Error(`block without facts: ${block}`);
  const placed = range.grouping === 'period' ? PLACED_BY_PERSON[block] : undefined;
  if (!placed) return facts(range, params);
  if (placed === 'commune')
    return sql`
    select f.rid, f.pid, coalesce(pu.commune_code, f.commune) as commune, f.province, f.facility, f.sex,
      f.birth_year, f.dt, f.qty
    from (${facts(range, params)}) f
      left join person_units pu on pu.person_id = f.pid and ${spanOn('pu', range.to)}`;
  return sql`
    select f.rid, f.pid, coalesce(pu.commune_code, f.commune) as commune,
      coalesce(pu.province_code, f.province) as province,
      case when sh.person_id is null then f.facility else sh.facility_id end as facility,
      f.sex, f.birth_year, f.dt, f.qty
    from (${facts(range, params)}) f
      left join person_units pu on pu.person_id = f.pid and ${spanOn('pu', range.to)}
      left join person_status_history sh on sh.person_id = f.pid and ${spanOn('sh', range.to)}`;
}

function unitWhere(u: UnitFilter) {
  switch (u.kind) {
    case 'nation':
      return sql`1 = 1`;
    case 'province':
      return sql`f.province = ${u.code}`;
    case 'commune':
      return u.merged?.length
        ? sql`f.commune in (${sql.join([u.code, ...u.merged].map((c) => sql`${c}`))})`
        : sql`f.commune = ${u.code}`;
    case 'facility':
      return sql`f.facility = ${u.id}`;
    case 'area':
      return u.communes.length
        ? sql`f.commune in (${sql.join(u.communes.map((c) => sql`${c}`))})`
        : sql`1 = 0`;
  }
}

// The substances each person was found to use by a date: listed on an addiction determination, positive on a
// drug test (one result per substance in the stored JSON, e.g. {"substance":"heroin","result":"positive"}), or
// declared by the person to the commune police (Law 120/2025, substance_declarations: a JSON list of keys).
const SUBSTANCE_KEYS = sql.join(
  SUBSTANCES.map((k) => sql`select ${sql.lit(k)} as k`),
  sql` union all `,
);
const personSubstances = (to: string) => sql`
  select distinct x.person_id, x.k from (
    select d.person_id, v.k from addiction_determinations d join (${SUBSTANCE_KEYS}) v
      on d.substances like '%"' || v.k || '"%'
    where d.assessed_on <= ${to}
    union all
    select t.person_id, v.k from drug_tests t join (${SUBSTANCE_KEYS}) v
      on t.results like '%{"substance":"' || v.k || '","result":"positive"}%'
        or (v.k = 'other' and t.results like '%"substance":"other"%')
    where t.positive = 1 and t.tested_on <= ${to}
    union all
    select sd.person_id, v.k from substance_declarations sd join (${SUBSTANCE_KEYS}) v
      on sd.substances like '%"' || v.k || '"%'
    where sd.declared_on <= ${to}
  ) x`;

const AGG = {
  records: sql`count(distinct f.rid)`,
  units: sql`count(distinct f.rid)`,
  people: sql`count(distinct f.pid)`,
  sum: sql`coalesce(sum(f.qty), 0)`,
} as const;

export type Measure = keyof typeof AGG;

export type FactRow = {
  rid: string;
  pid: string | null;
  commune: string | null;
  province: string | null;
  facility: string | null;
  dt: string | null;
  qty: number;
  full_name: string | null;
  sex: string | null;
  birth_year: number | null;
};

/**
 * Blocks whose records may fall in more than one (province, commune, facility) cell of a grid — a person admitted
 * to two facilities in the period, assigned in two communes, named in dossiers of two communes, or one decision
 * naming people placed in different facilities. Their figure for a unit is a count of its own, never a sum of
 * cells; every other block's records each lie in one cell, so any unit's figure is the sum of its cells.
 */
export const SPREAD_BLOCKS: ReadonlySet<string> = new Set([
  'decisions_issued',
  'people_in_dossiers_submitted',
  'facility_admissions',
  'facility_releases',
  'facility_learners',
  'facility_event_people',
  'community_people_assigned',
]);

/** The orders a drill-down can be read in. */
export const RECORD_SORTS = ['date', 'name', 'birth_year', 'sex', 'commune'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];
const RECORD_SORT: Record<RecordSort, RawBuilder<unknown>> = {
  date: sql`f.dt`,
  name: sql`coalesce(pp.full_name, uu.full_name)`,
  birth_year: sql`f.birth_year`,
  sex: sql`f.sex`,
  commune: sql`f.commune`,
};
export type RecordsPage = { limit: number; offset?: number; sort?: RecordSort; dir?: 'asc' | 'desc' };

/** One cell of a block's grid: the figure of the records that carry this province, commune and facility. */
export type GridCell = {
  province: string | null;
  commune: string | null;
  facility: string | null;
  value: number;
};

function aggregateQuery(
  block: string,
  params: Params,
  range: Range,
  unit: UnitFilter,
  measure: Measure,
  groupBy?: GroupBy,
): RawBuilder<{ k: string | number | null; n: string | number }> {
  const facts = factsOf(block, range, params);
  if (groupBy === 'substance')
    // A person counts under every substance they were found to use; people with none under 'unknown'.
    return sql`
      select coalesce(s.k, 'unknown') as k, ${AGG[measure]} as n from (${facts}) f
        left join (${personSubstances(range.to)}) s on s.person_id = f.pid
      where ${unitWhere(unit)} group by coalesce(s.k, 'unknown')`;
  if (groupBy === 'legal_basis')
    return sql`
      select f.k as k, ${AGG[measure]} as n from (select f.*, coalesce((select e2.regime_id from episodes e2
          where e2.person_id = f.pid and e2.start_date <= ${range.to}
          order by e2.start_date desc, e2.id desc limit 1), 'none') as k
        from (${facts}) f where ${unitWhere(unit)}) f
      group by f.k`;
  const g = groupBy ? sql.ref(`f.${groupBy}`) : sql`null`;
  return sql`
      select ${g} as k, ${AGG[measure]} as n from (${facts}) f
      where ${unitWhere(unit)} ${groupBy ? sql`group by ${g}` : sql``}`;
}

function gridQuery(block: string, params: Params, range: Range, scope: UnitFilter, measure: Measure) {
  const facts = factsOf(block, range, params);
  return sql<{ gp: string | null; gc: string | null; gf: string | null; n: string | number }>`
      select f.province as gp, f.commune as gc, f.facility as gf, ${AGG[measure]} as n
      from (${facts}) f where ${unitWhere(scope)}
      group by f.province, f.commune, f.facility`;
}

export const blocksRepo = {
  /** The block's figure for a unit, or one figure per group (GROUP BY in SQL). */
  aggregate: async (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    unit: UnitFilter,
    measure: Measure,
    groupBy?: GroupBy,
  ): Promise<{ key: string | null; value: number }[]> => {
    const rows = await reportRows(db, aggregateQuery(block, params, range, unit, measure, groupBy));
    return rows.map((r) => ({ key: r.k == null ? null : String(r.k), value: Number(r.n) }));
  },
  /** The SQL `aggregate` sends (the figure cache reads its tables from it). */
  aggregateSql: (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    unit: UnitFilter,
    measure: Measure,
    groupBy?: GroupBy,
  ) => aggregateQuery(block, params, range, unit, measure, groupBy).compile(db).sql,
  /**
   * The block's figure per (province, commune, facility) cell within a scope (the nation or a province), in one
   * pass over its records: what the figure cache derives every unit's figure and every child unit's from.
   */
  grid: async (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    scope: UnitFilter,
    measure: Measure,
  ): Promise<GridCell[]> => {
    // cold (issue 13): blocks whose national grid would read the whole country, from the aggregates the writes keep.
    if (keptGridAvailable(block, range, measure)) return keptGrid(db, block, params, range, scope);
    return blocksRepo.recordsGrid(db, block, params, range, scope, measure);
  },
  /** `grid` computed from the block's records (what the aggregates are checked against). */
  recordsGrid: async (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    scope: UnitFilter,
    measure: Measure,
  ): Promise<GridCell[]> => {
    const rows = await reportRows(db, gridQuery(block, params, range, scope, measure));
    return rows.map((r) => ({ province: r.gp, commune: r.gc, facility: r.gf, value: Number(r.n) }));
  },
  gridSql: (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    scope: UnitFilter,
    measure: Measure,
  ) => gridQuery(block, params, range, scope, measure).compile(db).sql,
  /**
   * A page of the rows behind a block's figure (the drill-down), with the person's name (a staff account's for
   * staff), in the order asked for (ties broken by the record key, so pages never overlap).
   */
  records: async (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    unit: UnitFilter,
    page: RecordsPage,
  ): Promise<FactRow[]> => {
    const facts = factsOf(block, range, params);
    const dir = page.dir === 'desc' ? sql.raw('desc') : sql.raw('asc');
    // Nulls last both ways, the same on SQLite and PostgreSQL.
    const key = RECORD_SORT[page.sort ?? 'date'];
    const order = sql`order by case when ${key} is null then 1 else 0 end, ${key} ${dir}, f.rid ${dir}`;
    const names = sql`coalesce(pp.full_name, uu.full_name) as full_name`;
    const named = sql`left join people pp on pp.id = f.pid left join users uu on f.pid is null and uu.id = f.rid`;
    const cols = sql`f.rid, f.pid, f.commune, f.province, f.facility, f.dt, f.qty, f.sex, f.birth_year`;
    // Sorted by a fact's own column, the page is cut first and only its rows are named (a national list of
    // 50,000 records read each name once per page, not 50,000 times); by name, every row needs its name first.
    const q =
      page.sort === 'name'
        ? sql<FactRow>`
      select ${cols}, ${names}
      from (${facts}) f ${named}
      where ${unitWhere(unit)}
      ${order}
      limit ${page.limit} offset ${page.offset ?? 0}`
        : sql<FactRow>`
      select ${cols}, ${names}
      from (select f.* from (${facts}) f where ${unitWhere(unit)}
        ${order} limit ${page.limit} offset ${page.offset ?? 0}) f ${named}
      ${order}`;
    const rows = await reportRows(db, q);
    return rows.map((r) => ({
      ...r,
      rid: String(r.rid),
      qty: Number(r.qty),
      birth_year: r.birth_year == null ? null : Number(r.birth_year),
    }));
  },
  /** How many rows lie behind a block's figure (the drill-down's total, whatever page is shown). */
  countRecords: async (
    db: Kysely<DB>,
    block: string,
    params: Params,
    range: Range,
    unit: UnitFilter,
  ): Promise<number> => {
    const facts = factsOf(block, range, params);
    const rows = await reportRows(
      db,
      sql<{ n: string | number }>`select count(*) as n from (${facts}) f where ${unitWhere(unit)}`,
    );
    return Number(rows[0]?.n ?? 0);
  },
};

/** One version per code: the one in force on `on` (or the earliest); with `exactly`, none started after it. */
function communesOn(
  rows: { code: string; name: string; valid_from: string }[],
  on: string,
  exactly: boolean,
): { code: string; name: string }[] {
  const earliest = rows.map((r) => r.valid_from).sort()[0] ?? on;
  const day = exactly && earliest > on ? earliest : on;
  const out = new Map<string, { code: string; name: string }>();
  for (const r of rows)
    if (r.valid_from <= day || (!exactly && !out.has(r.code)))
      out.set(r.code, { code: r.code, name: r.name });
  return [...out.values()];
}

/**
 * Administrative lookups the engine needs to place a unit in the viewer's scope. Units in force at the end of
 * the period or later: the unit history before 07/2025 is held as legacy mappings, so a report of an earlier
 * period is made for today's units (the records carry today's codes).
 */
export const unitsRepo = {
  commune: (db: Kysely<DB>, code: string, on: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name', 'province_code', 'level'])
      .where('code', '=', code)
      .where('level', '=', 'commune')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
  province: (db: Kysely<DB>, code: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name', 'province_code', 'level'])
      .where('code', '=', code)
      .where('level', '=', 'province')
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
  /** Communes merged into another (unit updates' merges): old code → the one it was merged into. */
  successors: async (db: Kysely<DB>) =>
    new Map(
      (await db.selectFrom('unit_successors').select(['from_code', 'to_code']).execute()).map((r) => [
        r.from_code,
        r.to_code,
      ]),
    ),
  facility: (db: Kysely<DB>, id: string) =>
    db
      .selectFrom('facilities')
      .select(['id', 'name', 'province_code'])
      .where('id', '=', id)
      .executeTakeFirst(),
  /**
   * Communes of a province in force on a date or later, and its facilities. `exactly`: only those in force on
   * that date (the units of a period; before the earliest units recorded, those stand for the days before them).
   */
  childrenOf: async (db: Kysely<DB>, provinceCode: string, on: string, exactly = false) => ({
    communes: communesOn(
      await db
        .selectFrom('units')
        .select(['code', 'name', 'valid_from'])
        .where('level', '=', 'commune')
        .where('province_code', '=', provinceCode)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
        .orderBy('code')
        .orderBy('valid_from')
        .execute(),
      on,
      exactly,
    ),
    facilities: await db
      .selectFrom('facilities')
      .select(['id', 'name'])
      .where('province_code', '=', provinceCode)
      .orderBy('name')
      .execute(),
  }),
  /**
   * The names of communes (today's, or the last of one abolished) and of every facility, by code (a drill-down
   * export's unit columns).
   */
  names: async (db: Kysely<DB>) => {
    const [communes, facilities] = await Promise.all([
      db
        .selectFrom('units')
        .select(['code', 'name'])
        .where('level', '=', 'commune')
        .orderBy('valid_from')
        .execute(),
      db.selectFrom('facilities').select(['id', 'name']).execute(),
    ]);
    return {
      communes: new Map(communes.map((c) => [c.code, c.name])),
      facilities: new Map(facilities.map((f) => [f.id, f.name])),
    };
  },
  provinces: (db: Kysely<DB>, on: string) =>
    db
      .selectFrom('units')
      .select(['code', 'name'])
      .where('level', '=', 'province')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
      .orderBy('code')
      .execute(),
};
