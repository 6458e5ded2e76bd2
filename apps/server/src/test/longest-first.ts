import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './test-durations.json' with { type: 'json' };

// The order in which `npm test` hands files to its two workers (vitest.config.ts). The domain, server and e2e
// projects share one pool, so the run ends when the busier worker ends: starting the longest files first
// (longest-processing-time scheduling) keeps one worker from being left alone with a long browser journey at
// the end. Vitest's own order (by project name, then by the cache of the previous run or by file size) cannot
// do this on CI, whose fresh `npm ci` has no cache. The costs are seconds measured on one full run
// (test-durations.json, refreshed by write-test-durations.ts); only their ranking matters. Files missing from
// the table (new ones) run first, largest first, as vitest runs unknown files first.

const table: Record<string, number> = durations;

export const durationKey = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join('/');

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const keyed = files.map((spec) => {
      const known = table[durationKey(root, spec.moduleId)];
      return {
        spec,
        group: spec.project.config.sequence.groupOrder,
        cost: known ?? Number.MAX_SAFE_INTEGER,
        size: known === undefined ? fs.statSync(spec.moduleId).size : 0,
      };
    });
    keyed.sort(
      (a, b) =>
        a.group - b.group ||
        b.cost - a.cost ||
        b.size - a.size ||
        a.spec.moduleId.localeCompare(b.spec.moduleId),
    );
    return keyed.map((k) => k.spec);
  }
}
