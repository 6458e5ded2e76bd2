import type { TestProject } from 'vitest/node';
import { buildTemplate, type DbTemplate, dropTemplate } from './db-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, unit-loaded database each test file copies (test-app.ts); null: build from scratch. */
    hnDbTemplate: DbTemplate | null;
  }
}

// Once per vitest run and project, before any test file: the database template (db-template.ts).
// HN_TEST_TEMPLATE=off turns it off (every file migrates from empty, as before).
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (process.env.HN_TEST_TEMPLATE === 'off') {
    project.provide('hnDbTemplate', null);
    return;
  }
  const template = await buildTemplate(baseUrl);
  project.provide('hnDbTemplate', template);
  return async () => {
    await dropTemplate(baseUrl, template);
  };
}
