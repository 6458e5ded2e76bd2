import { type Compilable, CompiledQuery, type Kysely, SqliteAdapter } from 'kysely';

// The few statements every person page, search and work list sends are built with Kysely's query builder and
// compiled to SQL on every request: about a tenth of the server's CPU in the mixed reads (bench/README.md,
// "Fourth day"), for SQL text that depends only on the statement's shape (the scope's kind, whether a page
// cursor is given), not on its values. `compiledOnce` builds and compiles a shape once, with markers in place of
// the values, remembers where each value goes, and afterwards only fills them in.
//
// The rule a caller must keep: `key` names everything the builder's structure depends on, and the builder only
// places `values[i]` (never branches on, nor computes with, a value). Under the tests (VITEST) every call also
// builds the query with the real values and fails if its SQL or parameters differ from the remembered ones, so
// a key that misses a shape is caught by the suites of both databases.

/** Stands for `values[i]` while a shape is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

type Plan = { sql: string; params: (Slot | { value: unknown })[] };

const plans = new Map<string, Plan>();
const CHECK = process.env.VITEST === 'true';

/** The rows of the query `build` makes for `values`, its SQL compiled once per `key` and dialect. */
export async function compiledOnce<R>(
  db: Kysely<any>,
  key: string,
  values: readonly unknown[],
  build: (values: readonly unknown[]) => Compilable<R>,
): Promise<R[]> {
  const dialectKey = `${db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres'}|${key}`;
  let plan = plans.get(dialectKey);
  if (!plan) {
    const compiled = build(values.map((_, i) => new Slot(i))).compile();
    plan = {
      sql: compiled.sql,
      params: compiled.parameters.map((p) => (p instanceof Slot ? p : { value: p })),
    };
    const placed = new Set(plan.params.flatMap((p) => (p instanceof Slot ? [p.index] : [])));
    if (placed.size !== values.length) throw new Error(`compiledOnce ${key}: a value is not a parameter`);
    plans.set(dialectKey, plan);
  }
  const params = plan.params.map((p) => (p instanceof Slot ? values[p.index] : p.value));
  if (CHECK) {
    const direct = build(values).compile();
    const same =
      direct.parameters.length === params.length && direct.parameters.every((v, i) => v === params[i]);
    if (direct.sql !== plan.sql || !same)
      throw new Error(`compiledOnce ${key}: the key misses a shape of the query\n${direct.sql}\n${plan.sql}`);
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(plan.sql, params))).rows;
}
