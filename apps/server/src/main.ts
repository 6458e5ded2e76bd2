import { buildApp } from './app.ts';
import { firstStart, prepare } from './bootstrap.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const deps = await prepare(config);
await firstStart(deps);
const app = await buildApp(deps);
await app.listen({ port: config.port, host: config.host });
console.log(`Hòa Nhập ${deps.version} — http://localhost:${config.port} (${deps.database.dialect})`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    await app.close();
    await deps.database.close();
    process.exit(0);
  });
}
