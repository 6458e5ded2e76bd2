// PostgreSQL: the per-person aggregates (agg_person_steps, agg_person_days, agg_facility_days) are recomputed by
// their triggers from the person's records, and under READ COMMITTED a statement does not see what another
// transaction has not committed when the statement starts. Two transactions writing records of one person at
// once then each recompute from their own records only: the second's delete misses the first's fresh rows and
// its insert hits their key (a unique violation), or its upsert overwrites them with a figure that misses the
// first's record. So each refresh first locks the rows of the people it recomputes (migration 0044): the second
// waits there until the first commits, and its next statements, each with a new snapshot (a plpgsql trigger
// function is VOLATILE), see the first's records and rows. Rows not advisory locks: a transaction holds a lock
// per person it writes until it ends, and an import of 20,000 rows would hold 20,000 advisory locks, beyond
// the shared lock table (max_locks_per_transaction × connections: "out of shared memory"); a row lock is kept
// in the row. It also orders a refresh after a move of the person (an UPDATE of people holds the same row lock
// till its transaction ends), so the refresh copies the person's new cell. Locks are taken in id order, so two
// refreshes of the same people never wait on each other crosswise.
//
// SQLite needs none of this: a write transaction begins with BEGIN IMMEDIATE (one writer at a time), so a
// trigger always sees every committed record.

const on = (cond: string, column: string) => cond.replaceAll('$', column);

/** Locks, in id order, the rows of `table` whose id the condition on `$` selects. */
export const lockRowsSql = (table: 'people' | 'facilities', cond: string) =>
  `perform 1 from ${table} lk where ${on(cond, 'lk.id')} order by lk.id for no key update`;

/** A row trigger's lock of the people its written row names (person_id; old and new for an update). */
export const lockRowPeopleSql = `if tg_op = 'INSERT' then ${lockRowsSql('people', '$ = new.person_id')};
  elsif tg_op = 'DELETE' then ${lockRowsSql('people', '$ = old.person_id')};
  else ${lockRowsSql('people', '$ in (old.person_id, new.person_id)')}; end if`;

/** The lock of the participants of a counselling session (`new` or `old`) before their refresh. */
export const lockSessionPeopleSql = (row: 'new' | 'old') =>
  lockRowsSql(
    'people',
    `$ in (select cpl.person_id from counselling_participants cpl where cpl.session_id = ${row}.id)`,
  );

/** A PostgreSQL trigger function (returning null: the triggers run after the write). */
export const triggerFunctionSql = (name: string, body: string, replace = false) =>
  `create ${replace ? 'or replace ' : ''}function ${name}() returns trigger language plpgsql as $fn$
    begin ${body} return null; end $fn$`;
