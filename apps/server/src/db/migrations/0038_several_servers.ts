import type { Kysely } from 'kysely';

// Several processes and servers on one database (issue 17):
// - table_versions: a counter per table, bumped in the transaction of every write (db/change-tracker.ts), that
//   every process compares with the counters it last read, so figures computed by any of them are invalidated
//   by a write through any other;
// - figure_grids: computed figures kept in the database with the table versions they were computed at, so they
//   survive a restart and are shared by the servers (bounded: modules/reports/figure-store.ts);
// - job_leases / job_runs: each background job runs once across all servers, every run recorded (platform/jobs.ts);
// - rate_limits: the per-address login limit counted in the database, shared by every process.
// Forward-only: never edit once landed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('table_versions')
    .addColumn('table_name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('figure_grids')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('versions', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addColumn('compute_ms', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('figure_grids_used').on('figure_grids').column('used_at').execute();
  await db.schema
    .createTable('job_leases')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('started_at', 'text')
    .execute();
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('server', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').columns(['started_at']).execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job', 'started_at']).execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}
