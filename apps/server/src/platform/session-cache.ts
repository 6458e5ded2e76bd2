import type { Kysely } from 'kysely';
import type { ChangeTracker } from '../db/change-tracker.ts';
import type { DB } from '../db/schema.ts';
import { identityRepo } from '../modules/identity/identity.repo.ts';

export type SessionRow = NonNullable<Awaited<ReturnType<typeof identityRepo.findSession>>>;

// The touch of last_seen_at (auth.ts) and a new session (login) change no session already in memory.
const HARMLESS_SESSION_WRITE =
  /^(?:update "sessions" set "last_seen_at" = (?:\?|\$1) where "id" = (?:\?|\$2)|insert into "sessions")\b/;

/**
 * The session behind a cookie, kept in memory for at most `maxAgeMs` (SESSION_CACHE_MS, ≤ 1 s), so that a burst
 * of requests of one user (a page load is several) reads its session and account once instead of per request.
 * - Across processes and servers: an entry is read again once `maxAgeMs` old, so a logout, an ended session, a
 *   deactivated account or a changed role through another process or server is refused within that time.
 * - In this process: any write to `users` or `sessions` through this database handle (the change tracker's write
 *   listener) other than the touch of last_seen_at or a new session forgets every entry at once, when the
 *   statement runs and again when it commits; a read that was in flight across such a write is not kept. So the
 *   process that ends a session or changes an account never answers from memory what it has just changed.
 * Bounded: at most `maxEntries` sessions (the oldest dropped first).
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; at: number; generation: number }>();
  private generation = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** Forgets every entry (a write that may have changed a session or an account). */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Forgets on the writes that can change a session or account (the change tracker's write listener). */
  watch(tracker: ChangeTracker): void {
    tracker.onWrite((table, sqlText) => {
      if (table === '*' || table === 'users') this.forgetAll();
      else if (table === 'sessions' && !(sqlText && HARMLESS_SESSION_WRITE.test(sqlText))) this.forgetAll();
    });
  }

  /** The session `sid` at `nowMs` (the app's clock), from memory while fresh, else read through `db`. */
  async find(db: Kysely<DB>, sid: string, nowMs: number): Promise<SessionRow | undefined> {
    const hit = this.entries.get(sid);
    if (hit && hit.generation === this.generation && nowMs >= hit.at && nowMs - hit.at < this.maxAgeMs)
      return hit.row;
    const generation = this.generation;
    const row = await identityRepo.findSession(db, sid);
    if (!row) this.entries.delete(sid);
    else if (this.maxAgeMs > 0 && generation === this.generation) {
      this.entries.delete(sid);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(sid, { row, at: nowMs, generation });
    }
    return row;
  }

  /** This process touched the session's last_seen_at: its entry (if any) carries the new time. */
  touched(sid: string, lastSeenAt: string): void {
    const hit = this.entries.get(sid);
    if (hit) hit.row = { ...hit.row, last_seen_at: lastSeenAt };
  }

  /** The session is gone (expired here): not answered from memory again. */
  forget(sid: string): void {
    this.entries.delete(sid);
  }
}
