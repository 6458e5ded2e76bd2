import SQLite from 'better-sqlite3';
import { loadConfig } from '../../apps/server/src/config.ts';
import { sqliteMmapBytes } from '../../apps/server/src/db/database.ts';

/**
 * A SQLite connection for the benchmarks' hand-written SQL, set up as the server sets up its own (memory-mapped
 * reads, db/database.ts, with the same SQLITE_MMAP_MB): like is compared with like.
 */
export function benchSqlite(file: string, options: SQLite.Options = { readonly: true }): SQLite.Database {
  const db = new SQLite(file, options);
  db.pragma(`mmap_size = ${benchMmapBytes()}`);
  return db;
}

/** The server's memory-mapped size, as SQLITE_MMAP_MB sets it for the server (config.ts). */
export const benchMmapBytes = () => sqliteMmapBytes(loadConfig().sqliteMmapMb);
