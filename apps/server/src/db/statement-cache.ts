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
