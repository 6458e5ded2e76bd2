// Import speed (issue 14): a 10,000-row list in the shape of the Xã Minh Quang sample, previewed and committed
// through the product's own service (the same code as POST /api/imports/people and /commit), on SQLite and on
// PostgreSQL, with the process's peak heap and RSS; and "the limit": the same people and episodes inserted by
// hand-written SQL in one transaction, in the same run.
//
//   npm run bench:import [-- --dialect sqlite|postgres|both --rows 10000 --database-url postgres://…/test]
//
// Each dialect runs in its own child process (its own peak memory) on a fresh database (test-app: SQLite in a
// temporary directory; PostgreSQL: a database created beside --database-url and dropped at the end).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';

const SAMPLE = '/work/shared/data/import-samples/xa-minh-quang-ba-vi-2024.xlsx';
const TARGETS = { previewS: 10, commitS: 30, heapMB: 384 };
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Phan',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thành', 'Ngọc', 'Xuân', 'Công'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
];
const GIVEN2 = ['', ' Anh', ' Tuấn', ' Sơn', ' Hoà', ' Lâm', ' Trung', ' Tiến'];

/** The sample's title and header rows, then `n` data rows cycling through its people with new names and IDs. */
async function buildList(n: number): Promise<Buffer> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SAMPLE);
  const ws0 = src.worksheets[0];
  const people: unknown[][] = [];
  ws0.eachRow((row, r) => {
    const v = (row.values as unknown[]).slice(1);
    if (r >= 10 && typeof v[0] === 'number' && typeof v[1] === 'string' && v[1].trim()) people.push(v);
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS 30.9.2024');
  for (let r = 1; r <= 9; r++) ws.getRow(r).values = (ws0.getRow(r).values as unknown[]).slice(1) as never;
  for (const m of ['D8:E8']) ws.mergeCells(m);
  for (let i = 0; i < n; i++) {
    const v = [...people[i % people.length]];
    v[0] = i + 1;
    // Mixed radix over 14 × 10 × 12 × 8 = 13,440 names: every row a distinct person.
    const f = i % FAMILY.length;
    const m = Math.floor(i / FAMILY.length) % MIDDLE.length;
    const g = Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length;
    const g2 = Math.floor(i / (FAMILY.length * MIDDLE.length * GIVEN.length)) % GIVEN2.length;
    v[1] = `${FAMILY[f]} ${MIDDLE[m]} ${GIVEN[g]}${GIVEN2[g2]}`;
    v[5] = String(100_000_000 + i); // a 9-digit CMND: kept as the former ID, unique per row
    ws.getRow(10 + i).values = v as never;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function child(rows: number) {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 25);
  const { createTestApp } = await import('../apps/server/src/test/test-app.ts');
  const svc = await import('../apps/server/src/modules/imports/imports.service.ts');
  const t = await createTestApp();
  try {
    const data = await buildList(rows);
    const u = await t.userAs('commune_officer', 'commune', '09676');
    const actor = {
      userId: u.userId,
      username: u.username,
      role: 'commune_officer' as const,
      scopeKind: 'commune' as const,
      scopeCode: '09676',
      ip: null,
    };
    sample();
    let t0 = performance.now();
    const p = await svc.previewUpload(t.deps, actor, {
      fileName: 'bench-10000.xlsx',
      data,
      target: { kind: 'commune', code: '09676' },
      choices: { '09700': '09676' },
    });
    const previewS = (performance.now() - t0) / 1000;
    sample();
    t0 = performance.now();
    const c = await svc.commitImport(t.deps, actor, p.id, {});
    const commitS = (performance.now() - t0) / 1000;
    sample();

    // The limit: the same people and episodes, copied with new ids, by hand-written INSERTs in one transaction.
    const { db } = t.deps.database;
    const ids = (
      await db
        .selectFrom('import_rows')
        .select('person_id')
        .where('batch_id', '=', p.id)
        .where('action', '=', 'created')
        .execute()
    ).map((r) => r.person_id!);
    const people: Record<string, unknown>[] = [];
    const episodes: Record<string, unknown>[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      people.push(...(await db.selectFrom('people').selectAll().where('id', 'in', part).execute()));
      episodes.push(
        ...(await db.selectFrom('episodes').selectAll().where('person_id', 'in', part).execute()),
      );
    }
    const newId = new Map(ids.map((id) => [id, randomUUID()]));
    const copyP = people.map((r) => ({
      ...r,
      id: newId.get(r.id as string),
      citizen_id: null,
    }));
    const copyE = episodes.map((r) => ({
      ...r,
      id: randomUUID(),
      person_id: newId.get(r.person_id as string),
    }));
    const insertSql = (table: string, list: Record<string, unknown>[]) => {
      const cols = Object.keys(list[0] ?? {});
      return sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(
        list.map((r) => sql`(${sql.join(cols.map((c) => r[c]))})`),
      )}`;
    };
    t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const [table, list] of [
        ['people', copyP],
        ['episodes', copyE],
      ] as const)
        for (let i = 0; i < list.length; i += 200)
          await insertSql(table, list.slice(i, i + 200)).execute(trx);
    });
    const limitS = (performance.now() - t0) / 1000;
    sample();
    clearInterval(timer);
    const out = {
      dialect: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      rows,
      previewS: +previewS.toFixed(2),
      commitS: +commitS.toFixed(2),
      created: c.summary.created,
      merged: c.summary.merged,
      errors: c.summary.errors.length,
      handWrittenInsertS: +limitS.toFixed(2),
      handWrittenPeople: copyP.length,
      handWrittenEpisodes: copyE.length,
      peakHeapMB: Math.round(peakHeap / 1048576),
      peakRssMB: Math.round(peakRss / 1048576),
    };
    console.log(JSON.stringify(out));
  } finally {
    clearInterval(timer);
    await t.close();
  }
}

function main() {
  const rows = Number(arg('rows', '10000'));
  if (process.argv.includes('--child')) return child(rows);
  const dialect = arg('dialect', 'both');
  const pgUrl = arg('database-url', process.env.DATABASE_URL ?? PG_URL);
  const self = fileURLToPath(import.meta.url);
  const results: Record<string, number | string>[] = [];
  for (const d of dialect === 'both' ? ['sqlite', 'postgres'] : [dialect]) {
    const env = { ...process.env };
    if (d === 'postgres') env.DATABASE_URL = pgUrl;
    else delete env.DATABASE_URL;
    console.log(`${d}: ${rows} rows…`);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=384', self, '--child', '--rows', String(rows)],
      { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      console.error(r.stdout.slice(-2000), r.stderr.slice(-4000));
      process.exitCode = 1;
      continue;
    }
    results.push(JSON.parse(line));
  }
  console.table(results);
  for (const r of results) {
    const ok =
      Number(r.previewS) <= TARGETS.previewS &&
      Number(r.commitS) <= TARGETS.commitS &&
      Number(r.peakHeapMB) < TARGETS.heapMB;
    console.log(
      `${r.dialect}: preview ${r.previewS} s (≤ ${TARGETS.previewS}), commit ${r.commitS} s (≤ ${TARGETS.commitS}), ` +
        `heap ${r.peakHeapMB} MB (< ${TARGETS.heapMB}), RSS ${r.peakRssMB} MB; hand-written inserts ` +
        `${r.handWrittenInsertS} s — ${ok ? 'within the targets' : 'OUTSIDE the targets'}`,
    );
  }
}

await main();
