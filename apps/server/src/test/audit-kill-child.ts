import { createTestApp, UNITS } from './test-app.ts';

// A server process for the kill -9 test (platform/audit-batch.test.ts): its own test database, read audit
// entries flushed only by a timer that never fires in time (AUDIT_FLUSH_MS=600000). It makes one write and one
// read, both acknowledged, tells the parent where its database is, and waits to be killed.
const t = await createTestApp({ AUDIT_FLUSH_MS: '600000' });
const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
const created = await officer.call('POST', '/api/people', {
  fullName: 'Nguyễn Văn Kiên',
  sex: 'male',
  birthDate: '1991-03-04',
  currentAddress: { communeCode: UNITS.baDinh, detail: 'Tổ 2' },
});
if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
const id = created.json().id as string;
const read = await officer.call('GET', `/api/people/${id}`);
if (read.statusCode !== 200) throw new Error(`read: ${read.statusCode} ${read.body}`);
process.send?.({
  type: 'acknowledged',
  personId: id,
  dataDir: t.deps.config.dataDir,
  databaseUrl: t.deps.config.databaseUrl ?? null,
  queued: (await import('../platform/audit.ts')).auditQueueOf(t.deps.database.db)?.pending ?? -1,
});
setInterval(() => {}, 60_000);
