import { TREATMENT_TYPES } from '@hoanhap/domain/episode-types';
import { sql } from 'kysely';
import {
  active,
  addictedBy,
  episodeFacts,
  type Facts,
  historyStatusIs,
  PERSON_COLS,
  type Range,
  spanOn,
} from './shared.ts';

// A fitting treatment (the province target): rehab of any form, or substitution therapy, not cancelled.
const TREATMENT_TYPES_IN = sql.join(TREATMENT_TYPES.map((t) => sql.lit(t)));

// Counselling sessions attended in the period (access to services, psychological support).
const counselled = (r: Range) => sql`
    select 'cs:' || s.id || ':' || p.id as rid, ${PERSON_COLS}, p.current_facility_id as facility,
      s.held_on as dt, 1 as qty
    from counselling_participants cp join counselling_sessions s on s.id = cp.session_id
      join people p on p.id = cp.person_id
    where s.held_on >= ${r.from} and s.held_on <= ${r.to}`;

/** People, their tests, determinations, declarations, measures, decisions, episodes and dossiers. */
export const PERSON_FACTS: Record<string, Facts> = {
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
        where e.type in (${TREATMENT_TYPES_IN}) and e.start_date <= ${r.to}
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
};

/** People reached by services (counselling, contacts, referrals, substitution therapy). */
export const SERVICE_FACTS: Record<string, Facts> = {
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
};
