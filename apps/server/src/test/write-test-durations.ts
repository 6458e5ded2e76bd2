import fs from 'node:fs';
import path from 'node:path';

// Refreshes test-durations.json (the costs longest-first.ts orders files by) from the per-file durations vitest
// keeps after a full run (hooks included, unlike the JSON reporter's):
//   npm test && npx tsx apps/server/src/test/write-test-durations.ts node_modules/.vite/vitest/*/results.json
const cache = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as {
  results: [string, { duration: number }][];
};
const costs = Object.fromEntries(
  cache.results
    .map(([key, r]) => [key.slice(key.indexOf(':') + 1), Math.round(r.duration / 100) / 10] as const)
    .sort((a, b) => a[0].localeCompare(b[0])),
);
fs.writeFileSync(
  path.join(import.meta.dirname, 'test-durations.json'),
  `${JSON.stringify(costs, null, 2)}\n`,
);
console.log(`${Object.keys(costs).length} files`);
