import type { TestProject } from 'vitest/node';
import { buildTemplate, type DbTemplate, dropTemplate } from './db-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, unit-loaded database each test file copies (test-app.ts); null: build from scratch. */
    hnDbTemplate: DbTemplate | null;
  }
}

// The server and e2e projects both name this setup and run in one group (vitest.config.ts): they share ONE
// template per run instead of building it twice. Vitest loads this module once per project, so the shared
// build lives on globalThis (the main vitest process), counted by its users; the last teardown drops it.
type Shared = { built: Promise<DbTemplate>; users: number };
const holder = globalThis as { __hnDbTemplates?: Map<string, Shared> };
holder.__hnDbTemplates ??= new Map();
const registry = holder.__hnDbTemplates;

// Once per vitest run, before any test file: the database template (db-template.ts).
// HN_TEST_TEMPLATE=off turns it off (every file migrates from empty, as before).
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (process.env.HN_TEST_TEMPLATE === 'off') {
    project.provide('hnDbTemplate', null);
    return;
  }
  const key = baseUrl ?? 'sqlite';
  let shared = registry.get(key);
  if (!shared) {
    shared = { built: buildTemplate(baseUrl), users: 0 };
    registry.set(key, shared);
  }
  shared.users++;
  const template = await shared.built;
  project.provide('hnDbTemplate', template);
  return async () => {
    const s = registry.get(key);
    if (!s || --s.users > 0) return;
    registry.delete(key);
    await dropTemplate(baseUrl, template);
  };
}
