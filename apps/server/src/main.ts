import cluster from 'node:cluster';
import { buildApp } from './app.ts';
import { firstStart, prepare } from './bootstrap.ts';
import { loadConfig } from './config.ts';

// `npm start`: PROCESSES server processes (default: one per core) share the port through node:cluster. The
// primary migrates the database, loads the base data and creates the first administrator, then forks the
// workers, each a whole server with its own connections (on SQLite all open the same WAL file); what they share
// lives in the database (table versions, kept figures, job leases, login counters: docs/ARCHITECTURE.md), so
// several processes give the same answers as one. SIGTERM/SIGINT: the workers finish their requests and close.
// PROCESSES=1 runs a single process without a primary.

const config = loadConfig();

if (cluster.isPrimary && config.processes > 1) {
  const deps = await prepare(config);
  await firstStart(deps);
  await deps.database.close();
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < config.processes; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  console.log(
    `Hòa Nhập ${deps.version} — http://localhost:${config.port} (${deps.database.dialect}, ${config.processes} processes)`,
  );
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(1), 30_000).unref();
    });
} else {
  const deps = await prepare(config);
  if (cluster.isPrimary) await firstStart(deps);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isPrimary)
    console.log(`Hòa Nhập ${deps.version} — http://localhost:${config.port} (${deps.database.dialect})`);
  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, async () => {
      if (closing) return;
      closing = true;
      await app.close();
      await deps.database.close();
      process.exit(0);
    });
  }
}
