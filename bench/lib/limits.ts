import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AppDeps } from '../../apps/server/src/app-deps.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { dashboard } from '../../apps/server/src/modules/reports/catalogue.service.ts';
import { resolveUnit } from '../../apps/server/src/modules/reports/engine.service.ts';
import { computeReport } from '../../apps/server/src/modules/reports/periodic.service.ts';
import { timedRuns } from './run-support.ts';
import { benchSqlite } from './sqlite-handle.ts';
import { nationalActor } from './target.ts';

// "The limit" of an aggregate: the SQL statements the product's engine sends for a dashboard or a periodic
// report, captured once in this process (Kysely's query log) and then replayed straight on the database
// (better-sqlite3 prepared statements / one pg client): no HTTP, no session, no engine, no JSON. The
// product's time over this is what the stack adds around its SQL.

type Captured = { sql: string; params: readonly unknown[] };

export type LimitTarget = { dialect: 'sqlite' | 'postgres'; sqliteFile: string; pgUrl: string };

/** Captures the statements of each aggregate, then times their replay (median of up to n runs, ≤ 10 s). */
export async function aggregateLimits(
  t: LimitTarget,
  aggregates: { name: string; kind: 'dashboard' | 'report'; unit: string; from: string; to: string }[],
  n = 15,
): Promise<Record<string, { statements: number; sqlMedian: number }>> {
  let captured: Captured[] = [];
  const log = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
  };
  const sqlite = t.dialect === 'sqlite' ? benchSqlite(t.sqliteFile) : null;
  // Two connections: the engine's queries (captured) and the replay's own client.
  const pool = t.dialect === 'postgres' ? new pg.Pool({ connectionString: t.pgUrl, max: 2 }) : null;
  const db = new Kysely<DB>({
    dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
    log,
  });
  const deps = {
    database: { db, dialect: t.dialect, close: async () => {} },
    now: () => new Date(),
  } as unknown as AppDeps;
  const out: Record<string, { statements: number; sqlMedian: number }> = {};
  const client = pool ? await pool.connect() : null;
  try {
    for (const a of aggregates) {
      captured = [];
      if (a.kind === 'dashboard')
        await dashboard(deps, nationalActor, { unit: a.unit, from: a.from, to: a.to });
      else {
        const unit = await resolveUnit(db, nationalActor, a.unit, a.to);
        captured = [];
        await computeReport(db, unit, { from: a.from, to: a.to }, new Date().toISOString());
      }
      const stmts = captured;
      const prepared = sqlite ? stmts.map((s) => sqlite.prepare(s.sql)) : [];
      const run = async () => {
        if (sqlite) for (let i = 0; i < stmts.length; i++) prepared[i].all(...(stmts[i].params as any[]));
        else for (const s of stmts) await client!.query(s.sql, s.params as any[]);
      };
      await run();
      const lat = await timedRuns(run, n);
      out[a.name] = {
        statements: stmts.length,
        sqlMedian: Math.round(lat[Math.floor(lat.length / 2)] * 10) / 10,
      };
    }
  } finally {
    client?.release();
    await db.destroy();
  }
  return out;
}
