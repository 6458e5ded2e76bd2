import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityKit, type Kit } from './facility-test-kit.ts';

// The residents board of a large facility, paged, filtered and sorted on the server and exported whole: one
// resident admitted through the API, then 1,199 more copied from that stay in bulk through SQL (person, episode,
// admission), spread over the five stages, two areas and a month of admission dates.

const N = 1200;
let k: Kit;
let base: string;

beforeAll(async () => {
  k = await facilityKit('2024-12-01');
  const { episodeId } = await k.voluntary('2024-10-01', 6);
  const first = await k.admit(episodeId, '2024-10-01');
  base = `/api/facility-ops/${k.facilityId}/residents`;
  const db = k.t.deps.database.db;
  const a = await db
    .selectFrom('facility_admissions')
    .selectAll()
    .where('id', '=', first.id)
    .executeTakeFirstOrThrow();
  const e = await db
    .selectFrom('episodes')
    .selectAll()
    .where('id', '=', a.episode_id)
    .executeTakeFirstOrThrow();
  const p = await db.selectFrom('people').selectAll().where('id', '=', a.person_id).executeTakeFirstOrThrow();
  const people = [];
  const episodes = [];
  const admissions = [];
  for (let i = 1; i < N; i++) {
    const personId = randomUUID();
    const epId = randomUUID();
    const name = `Học Viên ${String(i).padStart(4, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    people.push({ ...p, id: personId, full_name: name, name_search: name.toLowerCase(), citizen_id: null });
    episodes.push({ ...e, id: epId, person_id: personId });
    admissions.push({
      ...a,
      id: randomUUID(),
      person_id: personId,
      episode_id: epId,
      admitted_on: `2024-10-${day}`,
      stage: 1 + (i % 5),
      area: i % 2 ? 'Khu B' : 'Khu A',
      bed: `G-${i}`,
    });
  }
  for (let i = 0; i < people.length; i += 200) {
    await db
      .insertInto('people')
      .values(people.slice(i, i + 200))
      .execute();
    await db
      .insertInto('episodes')
      .values(episodes.slice(i, i + 200))
      .execute();
    await db
      .insertInto('facility_admissions')
      .values(admissions.slice(i, i + 200))
      .execute();
  }
}, 300_000);
afterAll(async () => k?.t.close());

type Resident = {
  admissionId: string;
  fullName: string;
  stage: number;
  admittedOn: string;
  term: { plannedRelease: string | null; daysServed: number };
};
const get = async (q: string) => {
  const res = await k.staff.call('GET', `${base}?${q}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as {
    residents: Resident[];
    total: number;
    count: number;
    offset: number;
    byStage: Record<string, number>;
  };
};

describe('the residents board of 1,200 residents', () => {
  it('gives a page with the totals, the summaries over everyone', async () => {
    const b = await get('limit=100');
    expect(b.residents).toHaveLength(100);
    expect(b).toMatchObject({ total: N, count: N, offset: 0 });
    expect(Object.values(b.byStage).reduce((x, y) => x + y, 0)).toBe(N);
    // Without a limit, every resident (as before paging existed).
    expect((await get('')).residents).toHaveLength(N);
  }, 120_000);

  it('sorts by name both ways; pages neither overlap nor skip', async () => {
    const p1 = await get('sort=name&limit=50');
    const p2 = await get('sort=name&limit=50&offset=50');
    const names = [...p1.residents, ...p2.residents].map((r) => r.fullName);
    expect(new Set(names).size).toBe(100);
    expect(names.slice(0, 3)).toEqual(['Học Viên 0001', 'Học Viên 0002', 'Học Viên 0003']);
    expect(names[99]).toBe('Học Viên 0100');
    const desc = await get('sort=name&dir=desc&limit=1');
    const last = await get(`sort=name&limit=10&offset=${N - 1}`);
    expect(last.residents).toHaveLength(1);
    expect(desc.residents[0].fullName).toBe(last.residents[0].fullName);
    expect((await get(`sort=name&limit=2&offset=${N - 3}`)).residents[1].fullName).toBe('Học Viên 1199');
    const byAdmission = (await get('sort=admitted_on&dir=desc&limit=5')).residents;
    expect(byAdmission.every((r) => r.admittedOn === '2024-10-28')).toBe(true);
  }, 120_000);

  it('filters on the server by stage and by words of the name', async () => {
    const s3 = await get('stage=3&limit=10');
    expect(s3.total).toBe(s3.byStage['3']);
    expect(s3.residents.every((r) => r.stage === 3)).toBe(true);
    const one = await get(`q=${encodeURIComponent('hoc vien 0042')}`);
    expect(one.residents.map((r) => r.fullName)).toEqual(['Học Viên 0042']);
  }, 120_000);

  it('rejects a page size out of bounds naming the field; others than the staff get 403', async () => {
    const bad = await k.staff.call('GET', `${base}?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('limit');
    expect((await k.officer.call('GET', `${base}/export?format=csv`)).statusCode).toBe(403);
  });

  it('exports every selected resident to Excel and CSV, in order, each person audited', async () => {
    const res = await k.staff.call('GET', `${base}/export?format=xlsx&stage=2&sort=name&dir=desc`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('Học viên')!;
    const stage2 = (await get('stage=2&sort=name&dir=desc')).residents;
    expect(ws.rowCount).toBe(stage2.length + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(ws.getRow(2).getCell(2).value).toBe(stage2[0].fullName);
    expect(ws.getRow(2).getCell(4).value).toBe(2);
    expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(typeof ws.getRow(2).getCell(8).value).toBe('number');
    expect(ws.getRow(2).getCell(11).value).toBeNull(); // no absence: an empty cell
    const audited = await k.t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', k.staff.userId)
      .where('action', '=', 'people.read')
      .where('reason', '=', 'facility board export')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(stage2.length);
    const csv = await k.staff.call('GET', `${base}/export?format=csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(N + 1);
    expect(lines[1]).toMatch(/^1,Học Viên 0001,[^,]+,\d,\d{2}\/10\/2024,/);
  }, 120_000);
});
