import { DEFAULT_VOLUNTEER_MODEL_RULE } from '@hoanhap/domain/community-rules';
import { sql } from 'kysely';
import { STAFF_ROLES } from '../../community/training.repo.ts';
import { type Facts, type Range, spanOn } from './shared.ts';

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

/** The commune's activities, assignments, volunteer model, clubs and recognitions. */
export const COMMUNITY_FACTS: Record<string, Facts> = {
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
};

/** Staff accounts of the period, trained or all. */
export const STAFF_FACTS: Record<string, Facts> = {
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
