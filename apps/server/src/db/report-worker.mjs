// A report worker thread (db/report-runner.ts): its own read-only connection to the SQLite file (WAL mode, so it
// reads beside the server's writer), running the figure engine's block SQL off the server's event loop.
// Plain JavaScript so that it starts the same under `node --import tsx`, vitest and the benchmark.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${Number(workerData.busyTimeoutMs) || 5000}`);
// Memory-mapped reads as the server's own connection (db/database.ts, SQLITE_MMAP_MB).
db.pragma(`mmap_size = ${Number(workerData.mmapBytes) || 0}`);
const statements = new Map();

parentPort.on('message', (m) => {
  if (m.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    let st = statements.get(m.sql);
    if (!st) {
      st = db.prepare(m.sql);
      if (statements.size > 500) statements.clear();
      statements.set(m.sql, st);
    }
    // A read-only connection: report SQL only reads.
    const rows = st.all(...m.params);
    parentPort.postMessage({ id: m.id, rows });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: { message: String(err?.message ?? err), code: err?.code } });
  }
});
