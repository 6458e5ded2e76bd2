import { monitorEventLoopDelay, performance as perf } from 'node:perf_hooks';
import { buildApp } from '../../apps/server/src/app.ts';
import { prepare } from '../../apps/server/src/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { figureStoreOf } from '../../apps/server/src/modules/reports/figure-store.ts';

// The product's server, alone in its own process so that its memory is measured without the load
// generator's: buildApp + listen on 127.0.0.1, port 0. Reports its port, then its peak RSS on request.
// Env: DATA_DIR + BENCH_SQLITE_FILE, or DATABASE_URL.

const config = loadConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  LOGIN_RATE_LIMIT: '100000',
  LOGIN_MAX_FAILURES: '1000',
});
const deps = await prepare(config, { sqliteFile: process.env.BENCH_SQLITE_FILE || undefined });
const app = await buildApp(deps);
const t0 = performance.now();
// BENCH_PORT: a fixed port (engineers sharing a machine each keep to their range); a free one otherwise.
await app.listen({ port: Number(process.env.BENCH_PORT ?? 0), host: '127.0.0.1' });
let peak = process.memoryUsage().rss;
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peak) peak = rss;
};
setInterval(sample, 50).unref();
// How long the main thread was held between turns of the event loop (asked as 'loop': since the last ask).
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let elu = perf.eventLoopUtilization();
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send?.({
  type: 'ready',
  port,
  rss: process.memoryUsage().rss,
  startSeconds: (performance.now() - t0) / 1000,
});
// The benchmark that started it has gone (ended or crashed): so does the server, instead of running on alone.
process.on('disconnect', () => process.exit(0));
process.on('message', async (m: { type: string }) => {
  if (m.type === 'peak') {
    sample();
    process.send?.({ type: 'peak', peak, rss: process.memoryUsage().rss });
  }
  if (m.type === 'reset') {
    sample();
    peak = process.memoryUsage().rss;
    process.send?.({ type: 'reset' });
  }
  if (m.type === 'figures') {
    const store = figureStoreOf(deps.database.db);
    process.send?.({
      type: 'figures',
      warmup: store?.warmups.first ?? null,
      size: store?.size,
      stats: store?.stats,
    });
  }
  if (m.type === 'loop') {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    // and how long it was busy (event loop utilisation's active time)
    const since = perf.eventLoopUtilization(elu);
    elu = perf.eventLoopUtilization();
    process.send?.({
      type: 'loop',
      p50: ms(loop.percentile(50)),
      p99: ms(loop.percentile(99)),
      max: ms(loop.max),
      busyMs: Math.round(since.active),
    });
    loop.reset();
  }
  if (m.type === 'stop') {
    await app.close();
    await deps.database.close();
    process.exit(0);
  }
});
