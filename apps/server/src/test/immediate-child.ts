import { sql } from 'kysely';
import { openDatabase } from '../db/database.ts';

// One of two processes writing to one database at once (db/immediate.test.ts): transactions that read, wait
// a little (another process's turn), then write what they read. Reports the errors it met.
const [target, label, countArg] = process.argv.slice(2);
const n = Number(countArg);
const database = target.startsWith('postgres')
  ? openDatabase({ databaseUrl: target, dataDir: '/tmp', reportConcurrency: 0 })
  : openDatabase({ dataDir: '/tmp', sqliteFile: target, reportConcurrency: 0 });
const errors: string[] = [];
for (let i = 0; i < n; i++) {
  try {
    await database.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from probe_writes`.execute(trx);
      await new Promise((r) => setTimeout(r, 2));
      await sql`insert into probe_writes (writer, seen) values (${label}, ${Number(rows[0].n)})`.execute(trx);
    });
  } catch (e) {
    errors.push(String((e as Error).message));
  }
}
await database.close();
process.send?.({ type: 'done', errors });
