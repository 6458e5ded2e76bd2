import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { tasksRepo } from './apps/server/src/modules/tasks/tasks.repo.ts';
const file = process.argv[2];
const raw = new SQLite(file, { readonly: true, timeout: 5000 });
const log: { sql: string; params: unknown[]; ms: number }[] = [];
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { if (e.level === 'query') log.push({ sql: e.query.sql, params: [...e.query.parameters], ms: e.queryDurationMillis }); } });
const busiest = raw.prepare("select unit_code, count(*) n from tasks where status='open' and unit_kind='commune' and responsible_role='commune_officer' group by unit_code order by n desc limit 1").get() as any;
console.log(busiest);
const user = raw.prepare("select id from users where username = ?").get(`xa.${busiest.unit_code}`) as any;
const who = { role: 'commune_officer', unitKind: 'commune', unitCode: busiest.unit_code, userId: user?.id ?? 'x' };
const scope = { kind: 'commune', code: busiest.unit_code } as any;
for (let i = 0; i < 3; i++) {
  log.length = 0;
  const t0 = performance.now();
  await tasksRepo.mine(db as any, who, scope, 101);
  await tasksRepo.countMine(db as any, who, scope, '2026-12-07', new Date().toISOString());
  console.log('total ms', (performance.now() - t0).toFixed(2), log.map((l) => l.ms.toFixed(2)).join(' '));
}
for (const l of log) {
  console.log(l.sql, JSON.stringify(l.params));
  console.log(raw.prepare(`explain query plan ${l.sql}`).all(...(l.params as any[])).map((r: any) => r.detail).join('\n   '));
}
