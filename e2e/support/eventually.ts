import { expect } from 'vitest';

/** expect.poll with a timeout fit for a real browser on a loaded machine (the default is 1 s). */
export const eventually = <T>(fn: () => T | Promise<T>) =>
  expect.poll(fn, { timeout: 15_000, interval: 100 });
