// Dated per-person days kept by the writes (issue 13, migration 0040): for the blocks that count the distinct
// people with a record in the period — their cost grew with the period's records (every contact of a quarter
// joined to its person, then made distinct).
//
// agg_person_days: one row per person, stream and day on which the person has a record of the stream, with the
// person's previous such day (null for the first) and the person's current cell (province, commune, facility;
// '' for none), as agg_person_steps. The people with at least one day in [from, to] are then exactly the rows
// of [from, to] whose previous day is before `from` (each such person has one: their first day in the period),
// counted per cell from one index with no join and no DISTINCT.
//
// Kept current by triggers on the stream's tables (a write recomputes the rows of the people it touches, in one
// statement), on people's cell columns (a person who moves takes their rows with them) and rebuilt by
// `rebuildAggregates`. Written once for both databases: SQLite trigger bodies, PostgreSQL plpgsql functions.

/** A stream: the days on which a person has one of its records (columns person_id, day), for `where` on `x`. */
type Stream = { id: string; days: (person: string) => string };

/**
 * `people_with_service_access` (reports/facts/people.ts): a counselling session attended, a community contact,
 * an episode contact or a referral.
 */
export const SERVICE_STREAM: Stream = {
  id: 'service',
  days: (person) => `
    select cp.person_id, s.held_on as day from counselling_participants cp
      join counselling_sessions s on s.id = cp.session_id where ${person.replaceAll('$', 'cp.person_id')}
    union all
    select cc.person_id, cc.contact_date from community_contacts cc where ${person.replaceAll('$', 'cc.person_id')}
    union all
    select ec.person_id, ec.contact_date from episode_contacts ec where ${person.replaceAll('$', 'ec.person_id')}
    union all
    select rf.person_id, rf.referred_on from community_referrals rf where ${person.replaceAll('$', 'rf.person_id')}`,
};

export const DAY_STREAMS = [SERVICE_STREAM] as const;

/** The tables the streams read (each with a person_id column), and the columns that matter in them. */
export const DAY_SOURCES = [
  { table: 'counselling_participants', columns: ['person_id', 'session_id'] },
  { table: 'community_contacts', columns: ['person_id', 'contact_date'] },
  { table: 'episode_contacts', columns: ['person_id', 'contact_date'] },
  { table: 'community_referrals', columns: ['person_id', 'referred_on'] },
] as const;

/**
 * Recomputes a stream's rows for the people `person` selects: a condition on `$`, the person column (e.g.
 * `$ = new.person_id`, or `true` for everyone). Two statements (a trigger runs both).
 */
export const refreshDaysSql = (stream: Stream, person: string): [remove: string, add: string] => [
  `delete from agg_person_days where stream = '${stream.id}' and ${person.replaceAll('$', 'person_id')}`,
  `insert into agg_person_days (stream, person_id, day, prev_day, province_code, commune_code, facility_id)
  select '${stream.id}', d.person_id, d.day, lag(d.day) over (partition by d.person_id order by d.day),
    coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, '')
  from (select distinct x.person_id, x.day from (${stream.days(person)}) x) d
    join people p on p.id = d.person_id`,
];

/** Every stream's refresh for the people `person` selects, as a trigger's body. */
export const refreshAllDaysBody = (person: string) =>
  DAY_STREAMS.flatMap((s) => refreshDaysSql(s, person)).join(';\n');

/** The participants of a session whose day changed or which was deleted (`$` their person column). */
export const sessionParticipants = (row: 'new' | 'old') =>
  `$ in (select cp2.person_id from counselling_participants cp2 where cp2.session_id = ${row}.id)`;

/** A person's cell as the days copy it (a trigger on people). */
export const updateDaysCell = `update agg_person_days set province_code = coalesce(new.province_code, ''),
  commune_code = coalesce(new.cur_commune_code, ''), facility_id = coalesce(new.current_facility_id, '')
  where person_id = new.id`;
