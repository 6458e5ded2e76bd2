import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepare } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';

// A migrated database with the administrative units loaded, built ONCE per vitest run (global-setup.ts) and
// copied for every test file: migrating 40 times and loading 3,321 communes per file was most of CI's time.
// SQLite: a closed file that each test copies. PostgreSQL: a database that each test clones with
// CREATE DATABASE … TEMPLATE. Its name carries a hash of the migrations' source and of the shipped units (a
// template from other code is never used) and a run id (two runs at once never share or drop each other's).

export type DbTemplate = { sqliteFile?: string; pgName?: string; dir: string };

const here = path.dirname(new URL(import.meta.url).pathname);

/** Hash of what decides the template's content: the migrations, the migration list and the units data. */
export function templateHash(): string {
  const h = createHash('sha256');
  const files = [
    path.join(here, '../db/migrate.ts'),
    ...fs
      .readdirSync(path.join(here, '../db/migrations'))
      .sort()
      .map((f) => path.join(here, '../db/migrations', f)),
  ];
  for (const f of files) h.update(f).update(fs.readFileSync(f));
  const units = path.join(here, '../modules/org');
  for (const f of fs.readdirSync(units).sort()) {
    const p = path.join(units, f);
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p));
  }
  return h.digest('hex').slice(0, 12);
}

/** Builds the template with the product's own prepare() (migrations, unit load), then closes it. */
export async function buildTemplate(baseUrl: string | undefined): Promise<DbTemplate> {
  const run = randomUUID().replace(/-/g, '').slice(0, 8);
  const hash = templateHash();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hn-template-${hash}-`));
  let databaseUrl: string | undefined;
  let pgName: string | undefined;
  if (baseUrl) {
    pgName = `hn_template_${hash}_${run}`;
    await adminQuery(baseUrl, `CREATE DATABASE ${pgName}`);
    const u = new URL(baseUrl);
    u.pathname = `/${pgName}`;
    databaseUrl = u.toString();
  }
  const config = {
    ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', REPORTS_WARMUP: 'false' }),
    databaseUrl,
  };
  const deps = await prepare(config);
  await deps.database.close();
  if (pgName) return { pgName, dir };
  const sqliteFile = path.join(dir, 'hoanhap.sqlite');
  // Closed cleanly, the WAL is checkpointed into the file: the one file is the whole database.
  if (fs.existsSync(`${sqliteFile}-wal`) && fs.statSync(`${sqliteFile}-wal`).size > 0)
    throw new Error(`template ${sqliteFile} left a WAL behind`);
  return { sqliteFile, dir };
}

/** Drops the template (PostgreSQL) and removes its folder. */
export async function dropTemplate(baseUrl: string | undefined, t: DbTemplate): Promise<void> {
  if (baseUrl && t.pgName) await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${t.pgName}`);
  fs.rmSync(t.dir, { recursive: true, force: true });
}

/**
 * Runs one statement on the server's maintenance connection. 55006 (a database still in use: backends of a
 * just-ended pool leaving, or a clone of the template in progress) is retried; FORCE only as the last resort
 * for a DROP.
 */
export async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const last = attempt === 50 && sql.startsWith('DROP DATABASE');
        await admin.query(last ? `${sql} WITH (FORCE)` : sql);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006' || attempt === 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
}
