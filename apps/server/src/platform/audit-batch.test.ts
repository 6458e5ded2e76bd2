import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../test/test-app.ts';
import { auditQueueOf } from './audit.ts';

// Reads are audited through a queue written in batches by one writer (platform/audit.ts): entries are
// present after a flush, when the audit log is read, after a graceful shutdown; a kill -9 loses at most the
// read entries not yet written, never an acknowledged write or its audit row.

/** Audit rows of an action about an entity, read on a connection of its own (not through the queue). */
async function rawAuditCount(dataDir: string, databaseUrl: string | null, action: string, entityId: string) {
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const r = await c.query(
        'select count(*)::int as n from audit_log where action = $1 and entity_id = $2',
        [action, entityId],
      );
      return r.rows[0].n as number;
    } finally {
      await c.end();
    }
  }
  const db = new SQLite(path.join(dataDir, 'hoanhap.sqlite'));
  try {
    return (
      db
        .prepare('select count(*) as n from audit_log where action = ? and entity_id = ?')
        .get(action, entityId) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

async function rawPersonCount(dataDir: string, databaseUrl: string | null, id: string) {
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query('select count(*)::int as n from people where id = $1', [id])).rows[0].n as number;
    } finally {
      await c.end();
    }
  }
  const db = new SQLite(path.join(dataDir, 'hoanhap.sqlite'));
  try {
    return (db.prepare('select count(*) as n from people where id = ?').get(id) as { n: number }).n;
  } finally {
    db.close();
  }
}

const person = {
  fullName: 'Lê Thị Hoa',
  sex: 'female',
  birthDate: '1993-05-06',
  currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 3' },
};

describe('read audit entries in batches', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A timer that never fires during the test: only flushes, reads of the log and shutdown write the queue.
    t = await createTestApp({ AUDIT_FLUSH_MS: '600000' });
  });
  afterAll(async () => t?.close());

  it('queues a read, writes it on flush, and shows it to the audit log before that', async () => {
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const created = await officer.call('POST', '/api/people', person);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const { dataDir, databaseUrl } = t.deps.config;
    // The write's audit row is in its own transaction, written with it.
    expect(await rawAuditCount(dataDir, databaseUrl ?? null, 'person.create', id)).toBe(1);

    expect((await officer.call('GET', `/api/people/${id}`)).statusCode).toBe(200);
    const queue = auditQueueOf(t.deps.database.db)!;
    expect(queue.pending).toBeGreaterThan(0);
    expect(await rawAuditCount(dataDir, databaseUrl ?? null, 'person.read', id)).toBe(0);
    await queue.flush();
    expect(queue.pending).toBe(0);
    expect(await rawAuditCount(dataDir, databaseUrl ?? null, 'person.read', id)).toBe(1);

    // Read again: the audit API reads through the queue (the entry waiting is written first).
    expect((await officer.call('GET', `/api/people/${id}`)).statusCode).toBe(200);
    expect(queue.pending).toBeGreaterThan(0);
    const auditor = await t.userAs('auditor', 'nation', null);
    const log = await auditor.call('GET', '/api/audit?limit=200');
    expect(log.statusCode, log.body).toBe(200);
    const reads = (log.json().items as { id: string; action: string; entityId: string }[]).filter(
      (e) => e.action === 'person.read' && e.entityId === id,
    );
    expect(reads).toHaveLength(2);
    // Time-ordered ids (UUID version 7): appended side by side in the primary key's index.
    for (const r of reads) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
  });

  it('writes the queued entries on graceful shutdown', async () => {
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    const created = await officer.call('POST', '/api/people', { ...person, fullName: 'Lê Thị Huệ' });
    const id = created.json().id as string;
    expect((await officer.call('GET', `/api/people/${id}`)).statusCode).toBe(200);
    expect(auditQueueOf(t.deps.database.db)!.pending).toBeGreaterThan(0);
    const { dataDir, databaseUrl } = t.deps.config;
    // app.close + database.close, as on SIGTERM/SIGINT (main.ts); the files stay for the check below.
    await t.app.close();
    await t.deps.database.close();
    expect(await rawAuditCount(dataDir, databaseUrl ?? null, 'person.read', id)).toBe(1);
    // close() in afterAll closes again: both closes are idempotent enough for the test's cleanup.
  });
});

describe('kill -9 of a server process', () => {
  let child: ReturnType<typeof fork> | null = null;
  let info: { personId: string; dataDir: string; databaseUrl: string | null; queued: number } | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    if (!info) return;
    if (info.databaseUrl) {
      const u = new URL(info.databaseUrl);
      const name = u.pathname.slice(1);
      u.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(info.dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged write; loses the read entries not yet written', async () => {
    child = fork(path.join(import.meta.dirname, '../test/audit-kill-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    info = await new Promise((resolve, reject) => {
      child!.once('message', (m: any) => (m.type === 'acknowledged' ? resolve(m) : reject(new Error('bad'))));
      child!.once('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    expect(info!.queued).toBeGreaterThan(0);
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    child = null;
    const { personId, dataDir, databaseUrl } = info!;
    // The acknowledged write and its audit row: always there.
    expect(await rawPersonCount(dataDir, databaseUrl, personId)).toBe(1);
    expect(await rawAuditCount(dataDir, databaseUrl, 'person.create', personId)).toBe(1);
    // The read's entry was still queued (flush interval not reached): lost with the process.
    expect(await rawAuditCount(dataDir, databaseUrl, 'person.read', personId)).toBe(0);
  });
});
