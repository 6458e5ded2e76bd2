import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './apps/server/src/test/longest-first.ts';

// Three projects: pure domain rules, server integration (real SQLite or PostgreSQL,
// chosen by DATABASE_URL), and browser journeys in Debian's Chromium.
// They run as ONE group of two workers (the machine's two cores), longest files first (longest-first.ts):
// run one after the other, each group waited for its slowest file with a worker idle, and the browser journeys
// ran one at a time although a journey leaves a core mostly idle (the browser and the server wait on each other).
// Each e2e file has its own server on a random port, its own database and its own browser, so two can run at once.
const WORKERS = 2;

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts'],
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          // One migrated, unit-loaded database per run that every file copies (apps/server/src/test/db-template.ts).
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: WORKERS,
          // A worker runs file after file without re-importing the server's modules for each (a third of a small
          // file's time): every file builds its own app and database, and the modules' state is keyed by database.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          // A safety net, not a timing check: two journeys at once on a loaded machine (the longest import journey
          // took 121 s beside another journey at load 30; 70 s alone).
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
