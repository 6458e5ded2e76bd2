import type { CreateTableBuilder } from 'kysely';

// Column runs the migrations repeat, written once. Each helper adds exactly the columns (names, types,
// constraints, order) the migrations wrote out by hand before, so the SQL they run is unchanged
// (apps/server/src/db/schema-dump.ts compares the schema before and after). Use with `.$call(...)`.

type Table = CreateTableBuilder<any, any>;

/** version (default 1), created_at/created_by, updated_at/updated_by: a row edited with optimistic concurrency. */
export const editStamps = (t: Table): Table =>
  t.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).$call(createdUpdated);

/** The same, the version without a default (the service always writes it). */
export const editStampsNoDefault = (t: Table): Table =>
  t.addColumn('version', 'integer', (c) => c.notNull()).$call(createdUpdated);

/** created_at/created_by, updated_at/updated_by. */
const createdUpdated = (t: Table): Table =>
  t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text');
