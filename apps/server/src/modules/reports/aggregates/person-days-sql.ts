import { lockRowPeopleSql, lockSessionPeopleSql } from './refresh-locks-sql.ts';

// Dated per-person days kept by the writes (issue 13, migration 0040): for the blocks whose national figure
// counts the records or the distinct people of the period — their cost grew with the period's records (each one
// joined to its person, then made distinct).
//
// agg_person_days: one row per person, stream and day on which the person has records of the stream: how many
// (n), the person's previous such day (null for the first) and the person's current cell (province, commune,
// facility; '' for none), as agg_person_steps. Then, per cell, from one index with no join and no DISTINCT:
// - the records of [from, to] are the sum of n over its rows;
// - the people with at least one record in [from, to] are its rows whose previous day is before `from` (each
//   such person has exactly one: their first day in the period).
//
// Kept current by triggers on the streams' tables (a write recomputes the rows of the people it touches, in
// the streams that read that table), on people's cell columns (a person who moves takes their rows with them),
// and rebuilt by `rebuildAggregates`. Written once for both databases: SQLite trigger bodies, PostgreSQL
// plpgsql functions. Each stream is the SQL of its block's facts (reports/facts/people.ts), person by person.
// On PostgreSQL a refresh first locks the people it recomputes (migration 0044, refresh-locks-sql.ts): two
// transactions writing records of one person at once otherwise both delete and re-insert the person's rows.

/**
 * A stream: its id, the tables it reads (each with a person_id column; counselling_participants also through
 * their session's day), and its records as rows (person_id, day) for the people `$` (the person column)
 * selects in `person` — one row per record.
 */
export type Stream = { id: string; sources: readonly string[]; records: (person: string) => string };

const on = (person: string, column: string) => person.replaceAll('$', column);

/** `people_with_service_access`: a counselling session attended, a community or episode contact, a referral. */
export const SERVICE_STREAM: Stream = {
  id: 'service',
  sources: ['counselling_participants', 'community_contacts', 'episode_contacts', 'community_referrals'],
  records: (person) => `
    select cp.person_id, s.held_on as day from counselling_participants cp
      join counselling_sessions s on s.id = cp.session_id where ${on(person, 'cp.person_id')}
    union all
    select cc.person_id, cc.contact_date from community_contacts cc where ${on(person, 'cc.person_id')}
    union all
    select ec.person_id, ec.contact_date from episode_contacts ec where ${on(person, 'ec.person_id')}
    union all
    select rf.person_id, rf.referred_on from community_referrals rf where ${on(person, 'rf.person_id')}`,
};

/**
 * `people_medical_psych_support`'s days: a counselling session attended, a relapse-prevention or crisis
 * counselling contact (its substitution therapy, which runs over spans, is read from the episodes).
 */
export const PSYCH_STREAM: Stream = {
  id: 'psych',
  sources: ['counselling_participants', 'community_contacts'],
  records: (person) => `
    select cp.person_id, s.held_on as day from counselling_participants cp
      join counselling_sessions s on s.id = cp.session_id where ${on(person, 'cp.person_id')}
    union all
    select cc.person_id, cc.contact_date from community_contacts cc
    where cc.kind in ('relapse_prevention_counselling', 'crisis_counselling') and ${on(person, 'cc.person_id')}`,
};

/** `positive_tests` (records) and `relapse_tests` (people). */
export const POSITIVE_TEST_STREAM: Stream = {
  id: 'positive_test',
  sources: ['drug_tests'],
  records: (person) => `
    select t.person_id, t.tested_on as day from drug_tests t where t.positive = 1 and ${on(person, 't.person_id')}`,
};
export const RELAPSE_TEST_STREAM: Stream = {
  id: 'relapse_test',
  sources: ['drug_tests'],
  records: (person) => `
    select t.person_id, t.tested_on as day from drug_tests t
    where t.positive = 1 and t.relapse = 1 and ${on(person, 't.person_id')}`,
};

/** `addicts_determined`: an addiction found. */
export const DETERMINED_STREAM: Stream = {
  id: 'determined',
  sources: ['addiction_determinations'],
  records: (person) => `
    select ad.person_id, ad.assessed_on as day from addiction_determinations ad
    where ad.addicted = 1 and ${on(person, 'ad.person_id')}`,
};

/** `people_declared`: substances and their source declared (Law 120/2025). */
export const DECLARED_STREAM: Stream = {
  id: 'declared',
  sources: ['substance_declarations'],
  records: (person) => `
    select sd.person_id, sd.declared_on as day from substance_declarations sd where ${on(person, 'sd.person_id')}`,
};

export const DAY_STREAMS: readonly Stream[] = [
  SERVICE_STREAM,
  PSYCH_STREAM,
  POSITIVE_TEST_STREAM,
  RELAPSE_TEST_STREAM,
  DETERMINED_STREAM,
  DECLARED_STREAM,
];

/** The tables the streams read, with the columns that matter in them (an update of another column changes none). */
export const DAY_SOURCES = [
  { table: 'counselling_participants', columns: ['person_id', 'session_id'] },
  { table: 'community_contacts', columns: ['person_id', 'contact_date', 'kind'] },
  { table: 'episode_contacts', columns: ['person_id', 'contact_date'] },
  { table: 'community_referrals', columns: ['person_id', 'referred_on'] },
  { table: 'drug_tests', columns: ['person_id', 'tested_on', 'positive', 'relapse'] },
  { table: 'addiction_determinations', columns: ['person_id', 'addicted', 'assessed_on'] },
  { table: 'substance_declarations', columns: ['person_id', 'declared_on'] },
] as const;

/**
 * Recomputes a stream's rows for the people `person` selects: a condition on `$`, the person column (e.g.
 * `$ = new.person_id`, or `true` for everyone). Two statements (a trigger runs both).
 */
export const refreshDaysSql = (stream: Stream, person: string): [remove: string, add: string] => [
  `delete from agg_person_days where stream = '${stream.id}' and ${on(person, 'person_id')}`,
  `insert into agg_person_days (stream, person_id, day, n, prev_day, province_code, commune_code, facility_id)
  select '${stream.id}', d.person_id, d.day, d.n, lag(d.day) over (partition by d.person_id order by d.day),
    coalesce(p.province_code, ''), coalesce(p.cur_commune_code, ''), coalesce(p.current_facility_id, '')
  from (select x.person_id, x.day, count(*) as n from (${stream.records(person)}) x
      group by x.person_id, x.day) d
    join people p on p.id = d.person_id`,
];

/** The refresh of every stream reading `table`, for the people `person` selects, as a trigger's body. */
export const refreshDaysBody = (table: string, person: string) =>
  DAY_STREAMS.filter((s) => s.sources.includes(table))
    .flatMap((s) => refreshDaysSql(s, person))
    .join(';\n');

/** The participants of a session whose day changed or which was deleted (`$` their person column). */
export const sessionParticipants = (row: 'new' | 'old') =>
  `$ in (select cp2.person_id from counselling_participants cp2 where cp2.session_id = ${row}.id)`;

// A session's day is its participants' (the streams reading them).
const SESSIONS = 'counselling_participants';

/**
 * The PostgreSQL trigger functions keeping agg_person_days (created by 0040, made again by 0044 with the lock of
 * the people they recompute first: refresh-locks-sql.ts), name and body; their triggers are 0040's.
 */
export const personDaysFunctions = (): [name: string, body: string][] => [
  ...DAY_SOURCES.map(({ table }): [string, string] => [
    `agg_days_${table}_trg`,
    `${lockRowPeopleSql};
     if tg_op <> 'INSERT' then ${refreshDaysBody(table, '$ = old.person_id')}; end if;
     if tg_op <> 'DELETE' then ${refreshDaysBody(table, '$ = new.person_id')}; end if;`,
  ]),
  [
    'agg_days_sessions_trg',
    `if tg_op = 'DELETE' then ${lockSessionPeopleSql('old')};
       ${refreshDaysBody(SESSIONS, sessionParticipants('old'))}; end if;
     if tg_op = 'UPDATE' then ${lockSessionPeopleSql('new')};
       ${refreshDaysBody(SESSIONS, sessionParticipants('new'))}; end if;`,
  ],
];

/** A person's cell as the days copy it (a trigger on people). */
export const updateDaysCell = `update agg_person_days set province_code = coalesce(new.province_code, ''),
  commune_code = coalesce(new.cur_commune_code, ''), facility_id = coalesce(new.current_facility_id, '')
  where person_id = new.id`;
