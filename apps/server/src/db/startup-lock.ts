import fs from 'node:fs';
import pg from 'pg';
import type { Database } from './database.ts';

// Two servers (or the processes of one) starting at once on an empty database must not both migrate, load the
// administrative units or create the first administrator (issue 17). On PostgreSQL the whole start-up runs under
// a session advisory lock held on a connection of its own; on SQLite (processes of one machine on one file)
// under a lock file beside the database, created exclusively, holding the owner's process id (a lock left by a
// process that no longer runs is taken over). The second process waits, then finds everything done.

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
  if (!database.file) return work();
  const lock = `${database.file}.start-lock`;
  await takeLockFile(lock);
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

async function takeLockFile(lock: string) {
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(lock, { encoding: 'utf8', flag: 'r' }) || 0);
    if (owner && !alive(owner)) {
      // Left by a process that stopped during its start: taken over (one of the waiting processes wins).
      try {
        fs.renameSync(lock, `${lock}.${process.pid}.stale`);
        fs.rmSync(`${lock}.${process.pid}.stale`, { force: true });
      } catch {}
      continue;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
