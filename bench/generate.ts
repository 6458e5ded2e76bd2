import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Scale } from './lib/generator.ts';
import { BENCH_PASSWORD, fill } from './lib/run-generator.ts';
import { argValue, freshDeps, REPO } from './lib/target.ts';

// npm run bench:data -- --scale commune|province|national [--seed N] [--out FILE] [--database-url URL]
//   [--province 01] [--as-of YYYY-MM-DD]
// Builds a fresh database: SQLite file FILE (default bench/data/<scale>/hoanhap.sqlite), or the PostgreSQL
// database of URL, dropped and created again.

const args = process.argv.slice(2);
const scale = (argValue(args, 'scale') ?? 'commune') as Scale;
if (!['commune', 'province', 'national'].includes(scale)) throw new Error(`unknown scale ${scale}`);
const seed = Number(argValue(args, 'seed') ?? 1);
const databaseUrl = argValue(args, 'database-url');
const sqliteFile = databaseUrl
  ? undefined
  : path.resolve(argValue(args, 'out') ?? path.join(REPO, `bench/data/${scale}/hoanhap.sqlite`));

const t0 = performance.now();
const { deps } = await freshDeps({ sqliteFile, databaseUrl });
const prepareSeconds = (performance.now() - t0) / 1000;
console.log(
  `Hòa Nhập generator — scale ${scale}, seed ${seed}, ${deps.database.dialect} ${databaseUrl ? new URL(databaseUrl).pathname.slice(1) : sqliteFile} — ${os.cpus().length} cores`,
);
const stats = await fill(
  deps,
  { sqliteFile, databaseUrl },
  {
    scale,
    seed,
    asOf: argValue(args, 'as-of'),
    provinceCode: argValue(args, 'province'),
    log: (s) => console.log(s),
  },
);
await deps.database.close();
const total = (performance.now() - t0) / 1000;
const out = {
  ...stats,
  dialect: deps.database.dialect,
  prepareSeconds,
  totalSeconds: total,
  cores: os.cpus().length,
};
console.log(
  `people ${stats.people}, users ${stats.users}, facilities ${stats.facilities}, episodes ${stats.episodes}, tests ${stats.drugTests}, determinations ${stats.determinations}, contacts ${stats.contacts}, counselling ${stats.counsellingSessions}/${stats.counsellingParticipants}, tasks ${stats.tasks}, volunteer assignments ${stats.volunteerAssignments}`,
);
console.log(`events ${stats.events}; rows ${stats.rows}; refused acts ${stats.refused}`);
console.log(`status: ${JSON.stringify(stats.byStatus)}`);
console.log(
  `generated in ${stats.seconds.toFixed(1)} s (${stats.rowsPerSecond} rows/s); total with migrations, units and ANALYZE ${total.toFixed(1)} s`,
);
console.log(`accounts (password ${BENCH_PASSWORD}): ${stats.accounts.map((a) => a.username).join(', ')}`);
const statsFile = sqliteFile
  ? `${sqliteFile}.stats.json`
  : path.join(REPO, `bench/data/${scale}-postgres.stats.json`);
fs.mkdirSync(path.dirname(statsFile), { recursive: true });
fs.writeFileSync(statsFile, `${JSON.stringify(out, null, 2)}\n`);
process.exit(0);
