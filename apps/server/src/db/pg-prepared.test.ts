import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.ts';
import { createTestDeps } from '../test/test-app.ts';
import type { DB } from './schema.ts';
import { preparePgStatements } from './statement-cache.ts';

// PostgreSQL only: the product names its parameterised statements (db/statement-cache.ts), so each connection
// parses and plans them once. Checked in pg_prepared_statements, the connection's own list; a statement without
// parameters (several in one text: the migrations' scripts) is never named; a table changed under a prepared
// statement falls back to sending it unnamed; PG_PREPARE=false and the cap per connection hold.

/** The names this connection has prepared (`conn` pinned: prepared statements belong to one connection). */
const preparedOn = async (conn: Kysely<DB>) =>
  (
    await sql<{ name: string }>`select name from pg_prepared_statements where name like 'hn\\_%'`.execute(
      conn,
    )
  ).rows.map((r) => r.name);

describe.skipIf(!process.env.DATABASE_URL)('prepared statements on PostgreSQL', () => {
  let on: { deps: AppDeps; cleanup: () => Promise<void> };
  let off: { deps: AppDeps; cleanup: () => Promise<void> };
  beforeAll(async () => {
    on = await createTestDeps();
    off = await createTestDeps({ PG_PREPARE: 'false' });
  });
  afterAll(async () => {
    await on?.cleanup();
    await off?.cleanup();
  });

  it('prepares a parameterised statement once per connection and answers the same', async () => {
    await on.deps.database.db.connection().execute(async (conn) => {
      const q = (code: string) => conn.selectFrom('units').select('name').where('code', '=', code).execute();
      const first = await q('01');
      const names = await preparedOn(conn);
      expect(names.length).toBeGreaterThan(0);
      // Again, and with another value: the same one statement, and the answers of an unnamed statement.
      expect(await q('01')).toEqual(first);
      const other = await q('79');
      expect(await preparedOn(conn)).toEqual(names);
      const plain = await sql<{ name: string }>`select name from units where code = '79'`.execute(conn);
      expect(other).toEqual(plain.rows);
    });
  });

  it('never names a statement without parameters, nor with PG_PREPARE=false', async () => {
    await on.deps.database.db.connection().execute(async (conn) => {
      const before = await preparedOn(conn);
      await sql`select count(*) from units; select 1`.execute(conn);
      expect(await preparedOn(conn)).toEqual(before);
    });
    await off.deps.database.db.connection().execute(async (conn) => {
      await conn.selectFrom('units').select('name').where('code', '=', '01').execute();
      expect(await preparedOn(conn)).toEqual([]);
    });
  });

  it('sends a statement unnamed once its table changed under it', async () => {
    await on.deps.database.db.connection().execute(async (conn) => {
      await sql`create temporary table prep_probe (a int)`.execute(conn);
      await sql`insert into prep_probe values (1)`.execute(conn);
      const read = () => sql<Record<string, number>>`select * from prep_probe where a = ${1}`.execute(conn);
      expect((await read()).rows).toEqual([{ a: 1 }]);
      await sql`alter table prep_probe add column b int default 2`.execute(conn);
      // Prepared, this fails with "cached plan must not change result type"; the fallback answers.
      expect((await read()).rows).toEqual([{ a: 1, b: 2 }]);
      await sql`drop table prep_probe`.execute(conn);
    });
  });

  it('keeps at most `max` statements prepared on a connection', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    preparePgStatements(pool, 2).enable();
    const client = await pool.connect();
    try {
      for (const code of ['a', 'b', 'c', 'd'])
        await client.query(`select $1::text as x, '${code}' as k`, [code]);
      const { rows } = await client.query(`select count(*)::int as n from pg_prepared_statements`);
      expect(rows[0].n).toBe(2);
      // Past the cap the statements still answer, unnamed.
      expect((await client.query(`select $1::text as x, 'd' as k`, ['z'])).rows).toEqual([
        { x: 'z', k: 'd' },
      ]);
    } finally {
      client.release();
      await pool.end();
    }
  });
});
