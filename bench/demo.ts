import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.ts';
import { BENCH_PASSWORD, fill } from './lib/run-generator.ts';
import { argValue, freshDeps, REPO } from './lib/target.ts';

// npm run demo [-- --province 01] [--seed N] [--port 3000]
// Starts the product on a fresh SQLite database (DATA_DIR ./data/demo) filled by the generator at
// province scale — fictional people only — and prints one demo account per role.

const args = process.argv.slice(2);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(REPO, 'data/demo'));
const sqliteFile = path.join(dataDir, 'hoanhap.sqlite');
const port = Number(argValue(args, 'port') ?? process.env.PORT ?? 3000);
const province = argValue(args, 'province') ?? '01';

if (!fs.existsSync(path.join(REPO, 'apps/web/dist/index.html'))) {
  console.log('Building the web app…');
  execSync('npm run build:web --silent', { cwd: REPO, stdio: 'inherit' });
}
console.log(`Generating a fictional province (${province}) in ${sqliteFile}…`);
const { deps } = await freshDeps({ sqliteFile });
const stats = await fill(
  deps,
  { sqliteFile },
  { scale: 'province', provinceCode: province, seed: Number(argValue(args, 'seed') ?? 1) },
);
console.log(
  `${stats.people} people, ${stats.episodes} episodes, ${stats.events} events, ${stats.users} accounts in ${stats.seconds.toFixed(1)} s`,
);
const app = await buildApp({ ...deps, config: { ...deps.config, logLevel: 'silent' } });
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`\nHòa Nhập demo — http://localhost:${port}   (dữ liệu hư cấu / fictional data only)\n`);
console.log(`Password for every demo account / Mật khẩu mọi tài khoản: ${BENCH_PASSWORD}\n`);
console.log('role                scope                username');
for (const a of stats.accounts)
  console.log(
    `${a.role.padEnd(19)} ${`${a.scopeKind}${a.scopeCode ? ` ${a.scopeCode.slice(0, 8)}` : ''}`.padEnd(20)} ${a.username}`,
  );
console.log('\nCtrl+C to stop.');
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, async () => {
    await app.close();
    await deps.database.close();
    process.exit(0);
  });
