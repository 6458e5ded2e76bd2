import type { Kysely } from 'kysely';
import { type ChangeTracker, changeTrackerOf } from '../../db/change-tracker.ts';
import type { DB } from '../../db/schema.ts';
import { unitsInForce } from '../shared/units-in-force.repo.ts';

// The names of the current units (34 provinces, ~3,300 communes: a few hundred kB), kept in memory per database
// handle: every person page and search page names its people's communes and provinces, and reading them is a
// statement (a round trip on PostgreSQL) per request. Kept while no write to `units` is known:
// - a write through this process touches the handle's change tracker at once (db/change-tracker.ts);
// - one through another process or server is seen at the next read of the shared table versions, which this
//   does at most a second apart (`sync`), so a renamed or merged unit shows within about a second everywhere;
// - whatever the counters say, the names are read again after a minute (a write outside the product).
const SYNC_EVERY_MS = 1000;
const MAX_AGE_MS = 60_000;

type Names = Map<string, [key: string, name: string][]>;
type Kept = { stamp: number; at: number; names: Names };
const kept = new WeakMap<ChangeTracker, Kept>();
const syncedAt = new WeakMap<ChangeTracker, number>();

/** code → [`level:code`, name] of the current units, or null when `db` has no change tracker (a transaction). */
export async function currentUnitNames(db: Kysely<DB>): Promise<Names | null> {
  const tracker = changeTrackerOf(db);
  if (!tracker) return null;
  const now = Date.now();
  if (now - (syncedAt.get(tracker) ?? 0) >= SYNC_EVERY_MS) {
    syncedAt.set(tracker, now);
    await tracker.sync();
  }
  // Read before the load: a write landing during it moves the stamp, and the next call loads again.
  const stamp = tracker.stamp(['units']);
  const hit = kept.get(tracker);
  if (hit && hit.stamp === stamp && now - hit.at < MAX_AGE_MS) return hit.names;
  const rows = await unitsInForce(db).select(['code', 'name', 'level']).execute();
  const names: Names = new Map();
  for (const r of rows) {
    const list = names.get(r.code) ?? [];
    list.push([`${r.level}:${r.code}`, r.name]);
    names.set(r.code, list);
  }
  kept.set(tracker, { stamp, at: now, names });
  return names;
}
