import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { reportRows } from './report-runner.ts';

// SQLite reads through memory-mapped I/O on the server's connection and on every report worker's (SQLITE_MMAP_MB,
// db/database.ts); 0 turns it off. PostgreSQL has no such setting: these run on SQLite only.
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
  it('are on by default, on the server connection and the report workers', async () => {
    const { own, worker } = await mmapSizes();
    // better-sqlite3 caps the map below 2 GB: the default asks for 2 GB and gets the cap.
    expect(own).toBeGreaterThan(1024 * 1024 * 1024);
    expect(worker).toBe(own);
  });

  it('follow the setting, and 0 turns them off', async () => {
    expect(await mmapSizes(64)).toEqual({ own: 64 * 1024 * 1024, worker: 64 * 1024 * 1024 });
    expect(await mmapSizes(0)).toEqual({ own: 0, worker: 0 });
  });
});
