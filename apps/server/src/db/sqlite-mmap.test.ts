import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { reportRows } from './report-runner.ts';

// SQLite reads through memory-mapped I/O on the server's connection and on every report worker's when
// SQLITE_MMAP_MB says so (db/database.ts; off by default). PostgreSQL has no such setting: SQLite only.
const onSqlite = !process.env.DATABASE_URL;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-mmap-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function mmapSizes(sqliteMmapMb?: number) {
  const database = openDatabase({
    dataDir: dir,
    sqliteFile: path.join(dir, `m${sqliteMmapMb ?? 'default'}.sqlite`),
    reportConcurrency: 1,
    sqliteMmapMb,
  });
  try {
    const q = sql<{ mmap_size: number }>`pragma mmap_size`;
    const own = (await q.execute(database.db)).rows[0]!.mmap_size;
    const worker = (await reportRows(database.db, q))[0]!.mmap_size;
    return { own, worker };
  } finally {
    await database.close();
  }
}

describe.skipIf(!onSqlite)('SQLite memory-mapped reads', () => {
  it('are off by default', async () => {
    expect(await mmapSizes()).toEqual({ own: 0, worker: 0 });
  });

  it('follow the setting on the server connection and the report workers, capped by better-sqlite3', async () => {
    expect(await mmapSizes(64)).toEqual({ own: 64 * 1024 * 1024, worker: 64 * 1024 * 1024 });
    const big = await mmapSizes(4096);
    expect(big.own).toBeGreaterThan(1024 * 1024 * 1024);
    expect(big.own).toBeLessThan(2048 * 1024 * 1024);
    expect(big.worker).toBe(big.own);
  });
});
