import pg from 'pg';
import type { Database } from './database.ts';

// Two servers (or the processes of one) starting at once on an empty database must not both migrate, load the
// administrative units or create the first administrator (issue 17). On PostgreSQL the whole start-up runs under
// a session advisory lock held on a connection of its own; the second server waits, then finds everything done.
// On SQLite (one machine, processes on one file) the steps are each one transaction that checks before it
// writes: a start that loses a race (SQLITE_BUSY on a deferred transaction's upgrade, or a unique key another
// process has just written) rolls back and is tried again, and then finds the work done.

const LOCK_KEY = 7_117_017; // any constant shared by every server of this application

export async function underStartupLock<T>(
  database: Database,
  databaseUrl: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres' && databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => {}); // the lock dies with the connection; the start-up's own errors are thrown
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      const code = String((e as { code?: string }).code ?? '');
      if (attempt >= 40 || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_CONSTRAINT'))) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
}
