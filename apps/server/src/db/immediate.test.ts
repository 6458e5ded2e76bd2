import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two processes on one database, each running transactions that read, then write (what the server does
// with a write and its audit row): on SQLite they begin as writers (BEGIN IMMEDIATE) and wait for each
// other (busy_timeout) instead of failing "database is locked"; on PostgreSQL they simply run.

const N = 150;
let target = '';
let dir = '';
let dbName = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-immediate-'));
  const base = process.env.DATABASE_URL;
  const ddl = 'create table probe_writes (writer text not null, seen integer not null)';
  if (base) {
    dbName = `hn_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    target = u.toString();
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    await c.query(ddl);
    await c.end();
  } else {
    target = path.join(dir, 'probe.sqlite');
    const db = new SQLite(target);
    db.pragma('journal_mode = WAL');
    db.exec(ddl);
    db.close();
  }
});

afterAll(async () => {
  if (dbName) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function writer(label: string) {
  const child = fork(
    path.join(import.meta.dirname, '../test/immediate-child.ts'),
    [target, label, String(N)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise<string[]>((resolve, reject) => {
    child.once('message', (m: any) => resolve(m.errors));
    child.once('exit', (code) => (code ? reject(new Error(`writer ${label} exited ${code}`)) : undefined));
  });
}

describe('two processes writing one database at once', () => {
  it('runs every read-then-write transaction, none fails "database is locked"', async () => {
    const [a, b] = await Promise.all([writer('a'), writer('b')]);
    expect([...a, ...b]).toEqual([]);
    let rows: { writer: string; n: number }[];
    if (dbName) {
      const c = new pg.Client({ connectionString: target });
      await c.connect();
      rows = (
        await c.query('select writer, count(*)::int as n from probe_writes group by writer order by writer')
      ).rows;
      await c.end();
    } else {
      const db = new SQLite(target);
      rows = db
        .prepare('select writer, count(*) as n from probe_writes group by writer order by writer')
        .all() as {
        writer: string;
        n: number;
      }[];
      db.close();
    }
    expect(rows).toEqual([
      { writer: 'a', n: N },
      { writer: 'b', n: N },
    ]);
  });
});
