import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from './app-deps.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { underStartupLock } from './db/startup-lock.ts';
import { ensureInitialAdmin } from './modules/identity/identity.service.ts';
import { ensureBaseUnits } from './modules/org/units-loader.ts';
import { attachAuditQueue } from './platform/audit.ts';
import { VERSION } from './version.ts';

/** Opens and migrates the database and loads the base data; shared by the server, the CLI and tests. */
export async function prepare(config: Config, opts: { sqliteFile?: string } = {}): Promise<AppDeps> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: opts.sqliteFile,
    reportConcurrency: config.reportConcurrency,
    sqliteMmapMb: config.sqliteMmapMb,
    pgPrepare: config.pgPrepare,
  });
  // Safe when several processes or servers start at once on an empty database (db/startup-lock.ts).
  await underStartupLock(database, config.databaseUrl, async () => {
    await migrateToLatest(database.db);
    await ensureBaseUnits(database.db);
  });
  // PostgreSQL prepares its statements from here on (db/statement-cache.ts): the migrations' DDL is behind us.
  database.afterMigrations();
  // Read audit entries in batches, written before the database closes (platform/audit.ts).
  attachAuditQueue(database, { flushMs: config.auditFlushMs, max: config.auditQueueMax });
  // From now on every write also counts in table_versions, which the other processes read (change-tracker.ts).
  database.changes.attach(database.db, database.dialect);
  return { config, database, now: () => new Date(), version: VERSION };
}

/** First start: creates `admin`, prints the password once and writes it to a 0600 file. */
export async function firstStart(deps: AppDeps, log: (s: string) => void = console.log) {
  // Under the start-up lock: two servers starting at once create one administrator, and one prints it.
  const password = await underStartupLock(deps.database, deps.config.databaseUrl, () =>
    ensureInitialAdmin(deps),
  );
  if (!password) return null;
  fs.mkdirSync(deps.config.dataDir, { recursive: true });
  const file = path.join(deps.config.dataDir, 'initial-admin-password.txt');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  log(
    `\n  Tài khoản quản trị đầu tiên / First administrator account\n  username: admin\n  password: ${password}\n  (cũng lưu tại / also saved in ${file}; phải đổi khi đăng nhập lần đầu / must be changed at first login)\n`,
  );
  return password;
}
