import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

// Request counters of the rate limits (platform/rate-limit-store.ts), shared by every process and server.
export const rateLimitRepo = {
  /** Counts one request under `key` in a fixed window of `windowMs` (a new window once it has passed). */
  hit: (db: Kysely<DB>, key: string, now: number, windowMs: number) =>
    db
      .insertInto('rate_limits')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.window_start <= ${now - windowMs} then 1 else rate_limits.count + 1 end`,
          window_start: sql`case when rate_limits.window_start <= ${now - windowMs} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow(),

  pruneBefore: (db: Kysely<DB>, before: number) =>
    db.deleteFrom('rate_limits').where('window_start', '<', before).execute(),
};
