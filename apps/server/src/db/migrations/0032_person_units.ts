import type { Kysely } from 'kysely';

// Units over time (issue 13): figures of a past period may be grouped by the unit a record belonged to then.
// - person_units: the commune (and its province) a person lived in over time (valid_from inclusive, valid_to
//   exclusive, null while it lasts; the first span from '0001-01-01', the earliest records being entered as
//   history), written by the code that changes it: recording and correcting a person (people.service), moving
//   house (episodes/transfers.service), a merge of communes (org.service applyUnitUpdate `merges`).
// - unit_successors: a commune abolished by a merge and the commune it was merged into, from a date: reports by
//   today's units count the old commune's own records (activities, dossiers, teams) in its successor.
// - reports.grouping: a periodic report's units, 'today' (default) or 'period' (the units of its period).
// Existing people are backfilled from their recorded moves (transfers). Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .execute();
  await db.schema
    .createIndex('person_units_person')
    .on('person_units')
    .columns(['person_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('person_units_commune')
    .on('person_units')
    .columns(['commune_code', 'valid_from'])
    .execute();
  await db.schema
    .createTable('unit_successors')
    .addColumn('from_code', 'text', (c) => c.primaryKey())
    .addColumn('to_code', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('update_id', 'text')
    .execute();
  await db.schema
    .alterTable('reports')
    .addColumn('grouping', 'text', (c) => c.notNull().defaultTo('today'))
    .execute();
  await backfillPersonUnits(db);
}

/** Each person's spans from their recorded moves (transfers, in date order) and today's commune. */
export async function backfillPersonUnits(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const people = await db
      .selectFrom('people')
      .select(['id', 'cur_commune_code', 'province_code'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (!people.length) break;
    after = people[people.length - 1]!.id;
    const moves = await db
      .selectFrom('transfers')
      .select([
        'id',
        'person_id',
        'from_commune_code',
        'from_province_code',
        'to_commune_code',
        'to_province_code',
        'moved_on',
      ])
      .where(
        'person_id',
        'in',
        people.map((p) => p.id),
      )
      .orderBy('moved_on')
      .orderBy('created_at')
      .execute();
    const movesOf = new Map<string, typeof moves>();
    for (const m of moves) {
      const l = movesOf.get(m.person_id);
      if (l) l.push(m);
      else movesOf.set(m.person_id, [m]);
    }
    const rows: Record<string, unknown>[] = [];
    for (const p of people) {
      let from = '0001-01-01';
      let cause = 'record';
      let source: string | null = null;
      for (const m of movesOf.get(p.id) ?? []) {
        if (m.moved_on > from)
          rows.push({
            id: crypto.randomUUID(),
            person_id: p.id,
            commune_code: m.from_commune_code,
            province_code: m.from_province_code,
            valid_from: from,
            valid_to: m.moved_on,
            cause,
            source_id: source,
          });
        from = m.moved_on > from ? m.moved_on : from;
        cause = 'move';
        source = m.id;
      }
      rows.push({
        id: crypto.randomUUID(),
        person_id: p.id,
        commune_code: p.cur_commune_code,
        province_code: p.province_code,
        valid_from: from,
        valid_to: null,
        cause,
        source_id: source,
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('person_units')
        .values(rows.slice(i, i + 500))
        .execute();
  }
}
