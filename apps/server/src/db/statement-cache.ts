import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite handle given to Kysely, keeping its prepared statements: Kysely prepares every query anew,
 * and compiling the SQL was ~8 % of a request's CPU in the benchmark (bench/README.md). The same SQL text
 * reuses its statement (least recently used dropped past `max`); a statement still being iterated (a
 * streamed query) is never handed out twice.
 */
export function withStatementCache(db: SQLite.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sqlText: string) {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, hit);
        return hit;
      }
      const st = db.prepare(sqlText);
      if (!hit) {
        cache.set(sqlText, st);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return st;
    },
  };
}

/** The most statements one PostgreSQL connection keeps prepared; past it, statements are sent unnamed. */
export const PG_PREPARED_PER_CONNECTION = 1000;

// A statement the product sends again and again — a person page, a search, a work list — is parsed and planned
// by PostgreSQL every time when sent unnamed, as pg does by default: on the national data set that was about a
// third of the database's CPU for the mixed reads (bench/README.md, "Fourth day"). Named, it is parsed once per
// connection and its plan reused (PostgreSQL re-plans it by itself when the tables' statistics or definitions
// change). Only statements with parameters are named: one without goes by the simple protocol, which alone
// takes several statements in one text (the migrations' scripts). A name is the statement's hash, so the same
// text has the same name on every connection; `PG_PREPARE=false` (e.g. behind PgBouncer in transaction mode
// before 1.21, which cannot keep a connection's prepared statements) sends every statement unnamed.
type PgQuery = (text: unknown, values?: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Names the parameterised statements of every connection `pool` opens (see above), once `enable()` is called:
 * after the migrations, whose statements run once and whose DDL would change tables under prepared statements.
 */
export function preparePgStatements(
  pool: { on(event: 'connect', listener: (client: { query: PgQuery }) => void): unknown },
  max = PG_PREPARED_PER_CONNECTION,
) {
  let enabled = false;
  pool.on('connect', (client) => {
    const send = client.query.bind(client) as PgQuery;
    const names = new Map<string, string | null>();
    const nameOf = (text: string) => {
      let name = names.get(text);
      if (name !== undefined) return name;
      name = names.size < max ? `hn_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` : null;
      names.set(text, name);
      return name;
    };
    client.query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
      // A callback (pg's own Pool.query passes one) or any other form goes through as it came.
      if (
        rest.length ||
        !enabled ||
        typeof text !== 'string' ||
        !Array.isArray(values) ||
        values.length === 0
      )
        return send(text, values, ...rest);
      const name = nameOf(text);
      if (!name) return send(text, values);
      return send({ name, text, values }).catch((err: { code?: string; message?: string }) => {
        // A table whose columns changed under a prepared `select *` (a migration while the connection was
        // open): that statement goes unnamed on this connection from now on.
        if (err?.code !== '0A000' || !/cached plan/.test(err.message ?? '')) throw err;
        names.set(text, null);
        return send(text, values);
      });
    };
  });
  return {
    enable: () => {
      enabled = true;
    },
  };
}
