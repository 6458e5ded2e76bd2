import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { rateLimitRepo } from './rate-limit.repo.ts';

// The store of @fastify/rate-limit in the database (issue 17): the per-address login limit (LOGIN_RATE_LIMIT)
// counts the attempts sent to every process and server together, not to each one. One upsert per attempt on
// a limited route (a fixed window per address and route); finished windows are deleted every 500 attempts.

export class DatabaseRateLimitStore implements FastifyRateLimitStore {
  private hits = 0;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly route = '',
  ) {}

  /** The constructor the plugin wants, bound to a database. */
  static for(db: Kysely<DB>): FastifyRateLimitStoreCtor {
    return class extends DatabaseRateLimitStore {
      constructor() {
        super(db);
      }
    } as unknown as FastifyRateLimitStoreCtor;
  }

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow = 60_000,
  ): void {
    const now = Date.now();
    rateLimitRepo
      .hit(this.db, `${this.route}|${key}`, now, timeWindow)
      .then(async (r) => {
        if (++this.hits % 500 === 0)
          await rateLimitRepo.pruneBefore(this.db, now - Math.max(timeWindow, 3_600_000));
        callback(null, { current: r.count, ttl: Math.max(0, Number(r.window_start) + timeWindow - now) });
      })
      .catch((err) => callback(err as Error));
  }

  /**
   * The store of one route. The plugin passes the route's limit settings with the route itself as `routeInfo`
   * (its typings say the route options: not what it sends).
   */
  child(params: object): FastifyRateLimitStore {
    const r = (params as { routeInfo?: { url?: string; method?: string | string[] } }).routeInfo ?? {};
    return new DatabaseRateLimitStore(this.db, `${[r.method ?? ''].flat().join(',')} ${r.url ?? ''}`);
  }
}
