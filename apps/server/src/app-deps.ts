import type { Config } from './config.ts';
import type { Database } from './db/database.ts';

/** What the application needs from outside; tests build their own with a fresh database. */
export type AppDeps = {
  config: Config;
  database: Database;
  now: () => Date;
  version: string;
};
