import { FACILITY_DAY_KINDS } from '../facts/facility.ts';
import { lockRowsSql, triggerFunctionSql } from './refresh-locks-sql.ts';

// Dated per-facility event days kept by the writes (issue 13, migration 0041): for the facility-event blocks
// (facts/facility.ts facility_events and facility_event_people, by catalogue kind: health checks, HIV tests,
// term reductions, handovers…), whose national figure read every event of the kind in the period, joined to
// its facility, admission and person; and, as kind 'release' (migration 0043), facility_releases (residents
// released, read as facility_event_people's residents).
//
// agg_facility_days: one row per catalogue kind, facility, person ('' for an event naming no resident) and day
// with events of the kind (voided ones left out): how many (n), the person's previous such day at the facility
// (null for the first, and for '') and the cell the blocks place the events in — the facility's province, the
// person's current commune ('' for none), the facility. Then, per cell, from one index with no join:
// - facility_events (records) of [from, to] is the sum of n over its rows;
// - facility_event_people (residents, one per facility and person) is the count of its rows of a person whose
//   previous day is before `from`; a unit's figure (a resident of two facilities counts once) is the count of
//   distinct persons among those rows.
//
// Kept current by triggers on facility_events (a write recomputes the rows of the facility and person it names,
// before and after), facility_admissions (an admission given to another person), people (a resident's commune)
// and facilities (a facility's province); rebuilt by `rebuildAggregates`. Written once for both databases. On
// PostgreSQL a refresh first locks the resident (or, for events naming none, the facility) it recomputes
// (migration 0044, refresh-locks-sql.ts): two transactions writing events of one resident at once otherwise
// both delete and re-insert the resident's rows.

const on = (cond: string, column: string) => cond.replaceAll('$', column);

/**
 * Recomputes the rows of the facilities and persons the conditions select (each on `$`, e.g. `$ = new.id`, or
 * `true` for all), in every kind: one delete, then one insert per kind.
 */
export function refreshFacilityDaysSql(facility: string, person: string): string[] {
  return [
    `delete from agg_facility_days where ${on(person, 'person_id')} and ${on(facility, 'facility_id')}`,
    ...Object.entries(FACILITY_DAY_KINDS).map(
      ([kind, is]) => `insert into agg_facility_days
        (kind, person_id, facility_id, day, n, prev_day, province_code, commune_code)
      select '${kind}', d.person_id, d.facility_id, d.day, d.n,
        case when d.person_id = '' then null
          else lag(d.day) over (partition by d.facility_id, d.person_id order by d.day) end,
        f.province_code, coalesce(p.cur_commune_code, '')
      from (select a.person_id, ev.facility_id, ev.occurred_on as day, count(*) as n
          from facility_admissions a join facility_events ev on ev.admission_id = a.id
          where ${on(person, 'a.person_id')} and ${on(facility, 'ev.facility_id')} and ev.voided_at is null
            and (${is})
          group by a.person_id, ev.facility_id, ev.occurred_on
        union all
        select '', ev.facility_id, ev.occurred_on, count(*)
          from facility_events ev
          where ev.admission_id is null and ${on(person, "''")} and ${on(facility, 'ev.facility_id')}
            and ev.voided_at is null and (${is})
          group by ev.facility_id, ev.occurred_on) d
        join facilities f on f.id = d.facility_id left join people p on p.id = d.person_id`,
    ),
  ];
}

/** Whether an event row (`new` or `old`) is of any catalogue kind (whether its write can change a row). */
const ofAnyKind = (row: 'new' | 'old') =>
  `(${Object.values(FACILITY_DAY_KINDS)
    .map((is) => `(${is.replace(/\bev\./g, `${row}.`)})`)
    .join(' or ')})`;

/** The resident an event row names ('' for none). */
const residentOf = (row: 'new' | 'old') =>
  `coalesce((select a0.person_id from facility_admissions a0 where a0.id = ${row}.admission_id), '')`;

/** The refresh of the facility and person an event row names. */
const eventRowRefresh = (row: 'new' | 'old') =>
  refreshFacilityDaysSql(`$ = ${row}.facility_id`, `$ = ${residentOf(row)}`).join(';\n');

/**
 * PostgreSQL: the lock before the refresh of event rows (refresh-locks-sql.ts): their residents, and the
 * facility of those naming none (its rows of person '', which two events of the facility would both re-insert).
 */
const lockEventRows = (rows: ('new' | 'old')[]) =>
  [
    lockRowsSql('people', `$ in (${rows.map(residentOf).join(', ')})`),
    lockRowsSql(
      'facilities',
      `$ in (${rows.map((r) => `case when ${residentOf(r)} = '' then ${r}.facility_id end`).join(', ')})`,
    ),
  ].join(';\n');

/** The columns of an event whose change can move it to another row or out of every row. */
const EVENT_COLUMNS = 'facility_id, admission_id, kind, subkind, occurred_on, data, voided_at';

// An admission given to another person: its events' rows, at their facilities, for both persons.
const admissionPersons = '$ in (old.person_id, new.person_id)';
const admissionRefresh = refreshFacilityDaysSql(
  '$ in (select ev2.facility_id from facility_events ev2 where ev2.admission_id = new.id)',
  admissionPersons,
).join(';\n');

// A resident who moved: their rows take their commune with them.
const personCell = `update agg_facility_days set commune_code = coalesce(new.cur_commune_code, '')
  where person_id = new.id`;

// A facility moved to another province (rare): its rows, found by its residents (the table is keyed by person).
const facilityCell = `update agg_facility_days set province_code = new.province_code
  where facility_id = new.id and person_id in (select a.person_id from facility_events ev
    join facility_admissions a on a.id = ev.admission_id where ev.facility_id = new.id);
  update agg_facility_days set province_code = new.province_code
  where facility_id = new.id and person_id = ''`;

/** The triggers of 0041, to drop before they are made again with the kinds of now (migration 0043). */
export function dropFacilityDaysTriggers(sqlite: boolean): string[] {
  const triggers = [
    ['agg_fac_admissions_person', 'facility_admissions'],
    ['agg_fac_people_cell', 'people'],
    ['agg_fac_people_del', 'people'],
    ['agg_fac_facilities_cell', 'facilities'],
  ];
  if (sqlite)
    return [
      ...['agg_fac_events_ins', 'agg_fac_events_del', 'agg_fac_events_upd'].map((t) => `drop trigger ${t}`),
      ...triggers.map(([t]) => `drop trigger ${t}`),
    ];
  return [...[['agg_fac_events', 'facility_events'], ...triggers]].flatMap(([t, table]) => [
    `drop trigger ${t} on ${table}`,
    `drop function ${t}_trg()`,
  ]);
}

/**
 * The PostgreSQL trigger functions keeping agg_facility_days, name and body (migrations 0041 and 0043; 0044 made
 * them again with the lock before a refresh: refresh-locks-sql.ts). A resident's rows are locked through the
 * person, so a change of a facility's province (rare, an act of the administration) is not ordered against a
 * refresh of its residents' rows at that instant; `rebuildAggregates` puts such a row right.
 */
export const facilityDaysFunctions = (): [name: string, body: string][] => [
  [
    'agg_fac_events_trg',
    `if tg_op = 'INSERT' then
       if ${ofAnyKind('new')} then ${lockEventRows(['new'])}; ${eventRowRefresh('new')}; end if;
     elsif tg_op = 'DELETE' then
       if ${ofAnyKind('old')} then ${lockEventRows(['old'])}; ${eventRowRefresh('old')}; end if;
     else
       if ${ofAnyKind('old')} or ${ofAnyKind('new')} then ${lockEventRows(['old', 'new'])}; end if;
       if ${ofAnyKind('old')} then ${eventRowRefresh('old')}; end if;
       if ${ofAnyKind('new')} then ${eventRowRefresh('new')}; end if;
     end if;`,
  ],
  ['agg_fac_admissions_person_trg', `${lockRowsSql('people', admissionPersons)}; ${admissionRefresh};`],
  ['agg_fac_people_cell_trg', `${personCell};`],
  ['agg_fac_people_del_trg', 'delete from agg_facility_days where person_id = old.id;'],
  ['agg_fac_facilities_cell_trg', `${facilityCell};`],
];

/** The statements creating the triggers that keep agg_facility_days (migrations 0041, 0043), per dialect. */
export function facilityDaysTriggers(sqlite: boolean): string[] {
  if (sqlite)
    return [
      `create trigger agg_fac_events_ins after insert on facility_events when ${ofAnyKind('new')} begin
        ${eventRowRefresh('new')}; end`,
      `create trigger agg_fac_events_del after delete on facility_events when ${ofAnyKind('old')} begin
        ${eventRowRefresh('old')}; end`,
      `create trigger agg_fac_events_upd after update of ${EVENT_COLUMNS} on facility_events
        when ${ofAnyKind('old')} or ${ofAnyKind('new')} begin
        ${eventRowRefresh('old')}; ${eventRowRefresh('new')}; end`,
      `create trigger agg_fac_admissions_person after update of person_id on facility_admissions
        when old.person_id is not new.person_id begin ${admissionRefresh}; end`,
      `create trigger agg_fac_people_cell after update of cur_commune_code on people
        when old.cur_commune_code is not new.cur_commune_code begin ${personCell}; end`,
      `create trigger agg_fac_people_del after delete on people begin
        delete from agg_facility_days where person_id = old.id; end`,
      `create trigger agg_fac_facilities_cell after update of province_code on facilities
        when old.province_code is not new.province_code begin ${facilityCell}; end`,
    ];
  const fns = new Map(facilityDaysFunctions());
  const fn = (name: string) => triggerFunctionSql(name, fns.get(name)!);
  return [
    fn('agg_fac_events_trg'),
    `create trigger agg_fac_events after insert or delete or update of ${EVENT_COLUMNS} on facility_events
      for each row execute function agg_fac_events_trg()`,
    fn('agg_fac_admissions_person_trg'),
    `create trigger agg_fac_admissions_person after update of person_id on facility_admissions
      for each row when (old.person_id is distinct from new.person_id)
      execute function agg_fac_admissions_person_trg()`,
    fn('agg_fac_people_cell_trg'),
    `create trigger agg_fac_people_cell after update of cur_commune_code on people
      for each row when (old.cur_commune_code is distinct from new.cur_commune_code)
      execute function agg_fac_people_cell_trg()`,
    fn('agg_fac_people_del_trg'),
    `create trigger agg_fac_people_del after delete on people
      for each row execute function agg_fac_people_del_trg()`,
    fn('agg_fac_facilities_cell_trg'),
    `create trigger agg_fac_facilities_cell after update of province_code on facilities
      for each row when (old.province_code is distinct from new.province_code)
      execute function agg_fac_facilities_cell_trg()`,
  ];
}
