import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Row } from '../../db/tables/rows.ts';

// The queries every module writes the same way over its own tables: a row by its id, a person's records in date
// order, and the optimistic-concurrency update (the row changes only while it still has the version the writer
// read). The table name is a parameter; Kysely cannot type a query over "any table with these columns", so the
// builder is seen loosely inside and the answer is typed again by the table.

type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<DB>) => db as unknown as Loose;

/** The row with this id, or undefined. */
export function rowById<T extends keyof DB & string>(db: Kysely<DB>, table: T, id: string) {
  return loose(db)
    .selectFrom(table as string)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Row<T> | undefined>;
}

/** A person's records in the order given (a date column first, then `created_at` to break ties). */
export function rowsOfPerson<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  personId: string,
  orderBy: readonly string[],
) {
  let qb = loose(db)
    .selectFrom(table as string)
    .selectAll()
    .where('person_id', '=', personId);
  for (const column of orderBy) qb = qb.orderBy(column);
  return qb.execute() as Promise<Row<T>[]>;
}

/**
 * Version-checked update: sets `patch` and the next version where the key still has `version`; false when someone
 * else changed the row first. `whileNull` adds a column that must still be empty (a record not yet voided, ended
 * or revoked), so that a second close of the same record is refused as stale too.
 */
export async function updateIfVersion<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  key: string | { column: string; value: string },
  version: number,
  patch: object,
  whileNull?: string,
) {
  const [column, value] = typeof key === 'string' ? ['id', key] : [key.column, key.value];
  let qb = loose(db)
    .updateTable(table as string)
    .set({ ...patch, version: version + 1 })
    .where(column, '=', value)
    .where('version', '=', version);
  if (whileNull) qb = qb.where(whileNull, 'is', null);
  const r = await qb.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Column values a query asks for: equal to the value, or empty where the value is null. */
type Equal = Record<string, string | number | null>;

function whereEqual(db: Kysely<DB>, table: string, equal: Equal) {
  let qb = loose(db).selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(equal))
    qb = value === null ? qb.where(column, 'is', null) : qb.where(column, '=', value);
  return qb;
}

/** The rows whose columns hold the values given, in the order given. */
export function rowsWhere<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  equal: Equal,
  orderBy: readonly string[] = [],
) {
  let qb = whereEqual(db, table, equal);
  for (const column of orderBy) qb = qb.orderBy(column);
  return qb.execute() as Promise<Row<T>[]>;
}

/** The first row whose columns hold the values given (callers ask for a key, so there is at most one). */
export function rowWhere<T extends keyof DB & string>(db: Kysely<DB>, table: T, equal: Equal) {
  return whereEqual(db, table, equal).executeTakeFirst() as Promise<Row<T> | undefined>;
}
