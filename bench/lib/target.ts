import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { AppDeps } from '../../apps/server/src/app-deps.ts';
import { prepare } from '../../apps/server/src/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { Actor } from '../../apps/server/src/platform/policy.ts';

// A fresh database for the generator, the demo and the benchmark: a new SQLite file, or a PostgreSQL
// database dropped and created again (never 'test' or 'postgres').

export const REPO = path.resolve(import.meta.dirname, '../..');

export async function freshPostgres(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.replace(/^\//, '');
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || ['test', 'postgres', 'template0', 'template1'].includes(name))
    throw new Error(`Refusing to recreate database '${name}': give a dedicated name such as hn_bench`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** Opens (and migrates, and loads units into) a fresh database; returns deps and the SQLite file. */
export async function freshDeps(opts: {
  sqliteFile?: string;
  databaseUrl?: string;
}): Promise<{ deps: AppDeps; sqliteFile?: string }> {
  if (opts.databaseUrl) {
    await freshPostgres(opts.databaseUrl);
    const config = {
      ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.join(REPO, 'bench/data/pg') }),
      databaseUrl: opts.databaseUrl,
    };
    return { deps: await prepare(config) };
  }
  const file = path.resolve(opts.sqliteFile!);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.dirname(file) }),
    databaseUrl: undefined,
  };
  return { deps: await prepare(config, { sqliteFile: file }), sqliteFile: file };
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

/** The national officer the in-process measurements act as (no session, no second factor). */
export const nationalActor: Actor = {
  userId: 'bench',
  username: 'bench',
  role: 'national_officer',
  scopeKind: 'nation',
  scopeCode: null,
  ip: '127.0.0.1',
};

/** The generator's figures (as-of day, accounts) of the national data set, written beside its database. */
export function nationalStats(dialect: 'sqlite' | 'postgres', sqliteFile: string) {
  const statsFile =
    dialect === 'sqlite'
      ? `${sqliteFile}.stats.json`
      : path.join(REPO, 'bench/data/national-postgres.stats.json');
  return JSON.parse(fs.readFileSync(statsFile, 'utf8'));
}
