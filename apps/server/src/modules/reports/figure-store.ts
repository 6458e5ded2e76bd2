import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app-deps.ts';
import { type ChangeTracker, changeTrackerOf } from '../../db/change-tracker.ts';
import type { DB } from '../../db/schema.ts';
import { figureGridsRepo } from './figure-grids.repo.ts';

// Computed figures kept in memory, keyed by what they were computed from, each valid while no table its SQL
// reads has been written (db/change-tracker.ts). A figure that was slow to compute (the national dashboard at
// the size of the country) may be served stale for a bounded time to a dashboard, marked with the time it was
// computed, while it is recomputed in the background; a periodic report and a drill-down always get a current
// one. On a commune-sized database every figure is computed in milliseconds and is therefore always current.
//
// Several processes and servers (issue 17): before each figure read the store reads the shared table versions
// (`sync()`, db/change-tracker.ts), so a write committed by any of them invalidates the figures it touches here
// at once. Each computed figure is also kept in `figure_grids` with the shared versions it was computed at: after
// a restart, or on another server, it is used while those versions are current instead of being computed again.

export type FigureStoreOptions = {
  /** A figure whose computation took at least this long may be served stale to a dashboard. */
  staleAfterMs: number;
  /** …for at most this long after it was computed. */
  maxStaleMs: number;
  /** A figure is recomputed after this long even if nothing was written here (writes by another process). */
  ttlMs: number;
  /** Entries kept (least recently used dropped first)… */
  maxEntries: number;
  /**
   * …and rows kept in all (a national grid holds ~3,500 cells, a commune's figure one row): what bounds the
   * memory, ~70 bytes a row, whatever periods and units people open.
   */
  maxRows: number;
  /**
   * A figure shown stale is recomputed in the background at once, unless its previous background refresh ended
   * less than this long ago (real time): then when that gap has passed. At national scale writes never stop,
   * and recomputing a grid on each of them would keep a core busy (on SQLite, the event loop too).
   */
  refreshGapMs: number;
};

export const DEFAULT_STORE_OPTIONS: FigureStoreOptions = {
  staleAfterMs: 100,
  maxStaleMs: 15 * 60_000,
  ttlMs: 60 * 60_000,
  maxEntries: 4000,
  maxRows: 1_500_000,
  refreshGapMs: 10_000,
};

type Entry = {
  value: unknown;
  rows: number;
  stamp: number;
  tables: readonly string[];
  /** When the computation started: the figure reflects every write committed before then. */
  at: number;
  computeMs: number;
  compute: () => Promise<unknown>;
};

export type Kept<T> = { value: T; at: number; stale: boolean };

/** Where figures are kept beyond this process (the database, see `databaseKeeping`). */
export type FigureKeeping = {
  load: (
    key: string,
  ) => Promise<{ value: unknown; versions: Record<string, number>; at: number; computeMs: number } | null>;
  save: (
    key: string,
    f: {
      value: unknown;
      rows: number;
      tables: readonly string[];
      versions: Record<string, number>;
      at: number;
      computeMs: number;
    },
  ) => Promise<void>;
};

export class FigureStore {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, { stamp: number; promise: Promise<Kept<unknown>> }>();
  private readonly refreshing = new Set<string>();
  /** When each figure's last background refresh ended (performance.now()), and refreshes waiting for the gap. */
  private readonly refreshedAt = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private rows = 0;
  private background: Promise<void> = Promise.resolve();
  private closed = false;
  /** Computations run and figures served from memory, for the benchmark and tests. */
  readonly stats = { computed: 0, hits: 0, staleHits: 0, loaded: 0 };
  /** Saves to the database not yet finished (waited for at close). */
  private readonly saving = new Set<Promise<void>>();
  /** Completed warm-ups (figures-warmup.job.ts), the first and the latest: when each ended, how long it took. */
  warmups: { first: { at: number; ms: number } | null; last: { at: number; ms: number } | null } = {
    first: null,
    last: null,
  };

  constructor(
    private readonly tracker: ChangeTracker,
    public options: FigureStoreOptions = DEFAULT_STORE_OPTIONS,
    private readonly clock: () => number = Date.now,
    private readonly keeping?: FigureKeeping,
  ) {}

  /** Reads the shared table versions: writes committed by other processes invalidate their figures here. */
  sync(): Promise<void> {
    return this.tracker.sync();
  }

  /** A kept figure that may be used now: current, or (allowStale) stale within bounds — then refreshed. */
  peek<T>(key: string, allowStale: boolean): Kept<T> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = this.clock() - e.at;
    if (this.tracker.stamp(e.tables) === e.stamp && age <= this.options.ttlMs) {
      this.entries.delete(key);
      this.entries.set(key, e);
      this.stats.hits++;
      return { value: e.value as T, at: e.at, stale: false };
    }
    if (allowStale && e.computeMs >= this.options.staleAfterMs && age < this.options.maxStaleMs) {
      this.stats.staleHits++;
      this.scheduleRefresh(key);
      return { value: e.value as T, at: e.at, stale: true };
    }
    return undefined;
  }

  /** Computes a figure (or joins the same computation already running on the same data) and keeps it. */
  get<T>(key: string, tables: readonly string[], compute: () => Promise<T>): Promise<Kept<T>> {
    const stamp = this.tracker.stamp(tables);
    const run = this.running.get(key);
    if (run && run.stamp === stamp) return run.promise as Promise<Kept<T>>;
    const versions = this.tracker.sharedVersions(tables);
    const promise = (async () => {
      const found = await this.loadKept(key, versions);
      const at = found?.at ?? this.clock();
      const t0 = performance.now();
      const value = found ? (found.value as T) : await compute();
      const computeMs = found?.computeMs ?? performance.now() - t0;
      if (found) this.stats.loaded++;
      else this.stats.computed++;
      // Kept with the stamp read before the computation: a write during it leaves the entry already stale.
      this.drop(key);
      const rows = rowsOf(value);
      this.entries.set(key, { value, rows, stamp, tables, at, computeMs, compute });
      this.rows += rows;
      if (!found && this.keeping && this.tracker.durable) {
        const saved = this.keeping
          .save(key, { value, rows, tables, versions, at, computeMs })
          .catch(() => {}) // not kept in the database: computed again after a restart
          .finally(() => this.saving.delete(saved));
        this.saving.add(saved);
      }
      while (this.entries.size > this.options.maxEntries || this.rows > this.options.maxRows) {
        const oldest = this.entries.keys().next().value!;
        if (oldest === key) break;
        this.drop(oldest);
        this.refreshedAt.delete(oldest);
        this.clearTimer(oldest);
      }
      return { value, at, stale: false };
    })().finally(() => {
      if (this.running.get(key)?.promise === promise) this.running.delete(key);
    });
    this.running.set(key, { stamp, promise });
    return promise;
  }

  /** The figure kept in the database, if it was computed at the shared versions current now. */
  private async loadKept(key: string, versions: Record<string, number>) {
    if (!this.keeping || !this.tracker.durable) return null;
    try {
      const k = await this.keeping.load(key);
      // Older than the time a figure is kept at all: computed again, as in memory.
      if (!k || this.clock() - k.at > this.options.ttlMs) return null;
      for (const [t, v] of Object.entries(versions)) if ((k.versions[t] ?? 0) !== v) return null;
      return k;
    } catch {
      return null;
    }
  }

  private drop(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.rows -= e.rows;
    this.entries.delete(key);
  }

  /** Rows kept in all (see `maxRows`). */
  get keptRows() {
    return this.rows;
  }

  /** Starts a stale figure's refresh now, or when the gap since its last one has passed. */
  private scheduleRefresh(key: string) {
    if (this.refreshing.has(key) || this.closed) return;
    const wait =
      (this.refreshedAt.get(key) ?? Number.NEGATIVE_INFINITY) + this.options.refreshGapMs - performance.now();
    if (wait <= 0) {
      this.clearTimer(key);
      const e = this.entries.get(key);
      if (e) this.refreshLater(key, e);
      return;
    }
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const e = this.entries.get(key);
      // Still stale (no request recomputed it meanwhile)?
      if (e && this.tracker.stamp(e.tables) !== e.stamp) this.refreshLater(key, e);
    }, wait);
    timer.unref?.();
    this.timers.set(key, timer);
  }

  private clearTimer(key: string) {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  /** Recomputes stale figures one at a time, so a busy dashboard never queues the same work twice. */
  private refreshLater(key: string, e: Entry) {
    if (this.refreshing.has(key) || this.closed) return;
    this.refreshing.add(key);
    this.background = this.background
      .then(() => (this.closed ? undefined : this.get(key, e.tables, e.compute)))
      .then(
        () => undefined,
        () => undefined, // a failed refresh leaves the stale figure to expire; the next request recomputes
      )
      .finally(() => {
        this.refreshing.delete(key);
        this.refreshedAt.set(key, performance.now());
      });
  }

  /** Refreshes waiting for their gap (tests). */
  get pendingRefreshes() {
    return this.timers.size;
  }

  /** Waits for the background refreshes (tests, shutdown). */
  async idle(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.background) {
      last = this.background;
      await last;
    }
    await Promise.allSettled([...this.running.values()].map((r) => r.promise));
    await Promise.allSettled([...this.saving]);
  }

  close() {
    this.closed = true;
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    return this.idle();
  }

  get size() {
    return this.entries.size;
  }
}

/** The rows of a kept value: an array's length, a grid's cells, 1 otherwise. */
function rowsOf(value: unknown): number {
  if (Array.isArray(value)) return value.length + 1;
  if (value && typeof value === 'object') {
    let n = 1;
    for (const v of Object.values(value)) if (Array.isArray(v)) n += v.length;
    return n;
  }
  return 1;
}

const stores = new WeakMap<Kysely<any>, FigureStore>();

/** The application's store: its settings and clock from the configuration, closed with the server. */
export function configureFigureStore(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;
  const tracker = changeTrackerOf(db);
  if (!tracker) return;
  const c = deps.config;
  const store = new FigureStore(
    tracker,
    {
      ...DEFAULT_STORE_OPTIONS,
      staleAfterMs: c.reportsStaleAfterMs,
      maxStaleMs: c.reportsMaxStaleMinutes * 60_000,
      ttlMs: c.reportsCacheMinutes * 60_000,
      maxEntries: c.reportsCacheMaxEntries,
      maxRows: c.reportsCacheMaxRows,
      refreshGapMs: c.reportsRefreshGapSeconds * 1000,
    },
    () => deps.now().getTime(),
    databaseKeeping(db, c.reportsCacheMaxEntries, c.reportsCacheMaxRows),
  );
  stores.set(db, store);
  app.addHook('onClose', () => store.close());
}

/** The figure store of a database handle; none inside a transaction (its figures are computed afresh). */
export function figureStoreOf(db: Kysely<any>): FigureStore | undefined {
  let s = stores.get(db);
  if (!s) {
    const tracker = changeTrackerOf(db);
    if (!tracker) return undefined;
    s = new FigureStore(tracker, DEFAULT_STORE_OPTIONS, Date.now, databaseKeeping(db));
    stores.set(db, s);
  }
  return s;
}

/** Figures kept in `figure_grids`, bounded like the memory (pruned every 50 saves). */
export function databaseKeeping(
  db: Kysely<DB>,
  maxEntries = DEFAULT_STORE_OPTIONS.maxEntries,
  maxRows = DEFAULT_STORE_OPTIONS.maxRows,
): FigureKeeping {
  let saves = 0;
  return {
    async load(key) {
      const r = await figureGridsRepo.load(db, key);
      if (!r) return null;
      await figureGridsRepo.markUsed(db, key, Date.now());
      return {
        value: JSON.parse(r.value),
        versions: JSON.parse(r.versions),
        at: Number(r.computed_at),
        computeMs: r.compute_ms,
      };
    },
    async save(key, f) {
      await figureGridsRepo.save(db, {
        key,
        tables: JSON.stringify(f.tables),
        versions: JSON.stringify(f.versions),
        value: JSON.stringify(f.value),
        rows: f.rows,
        computed_at: f.at,
        compute_ms: Math.round(f.computeMs),
        used_at: Date.now(),
      });
      if (++saves % 50 === 0) await figureGridsRepo.prune(db, maxEntries, maxRows);
    },
  };
}
