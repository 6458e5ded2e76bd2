import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import { statusHistoryRepo } from '../episodes/status-history.repo.ts';

// A drill-down at national size: 50,000 people (30,000 in Ba Đình, 20,000 in Hà Tu), written in bulk through
// SQL (not 50,000 API calls). Opening the figure, paging and sorting it, and exporting it to Excel and CSV must
// work on both databases, and every person read is audited (a single INSERT of 50,000 audit rows exceeds
// SQLite's limit of bound variables, the 500 this file guards against).

const N_BA_DINH = 30_000;
const N_HA_TU = 20_000;
const N = N_BA_DINH + N_HA_TU;
const HA_TU = '06652';
const Q = 'from=2025-01-01&to=2025-12-31';

let t: TestApp;
type User = Awaited<ReturnType<TestApp['userAs']>>;
let nation: User;
let officer: User;

const name = (i: number) => `Nguoi Thu ${String(i).padStart(5, '0')}`;

beforeAll(async () => {
  t = await createTestApp();
  nation = await t.userAs('national_officer', 'nation', null);
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  const db = t.deps.database.db;
  const at = '2024-06-01T00:00:00.000Z';
  const rows = Array.from({ length: N }, (_, i) => {
    const baDinh = i < N_BA_DINH;
    return {
      id: randomUUID(),
      full_name: name(i),
      name_search: name(i).toLowerCase(),
      other_names: null,
      other_names_search: null,
      sex: i % 2 ? 'female' : 'male',
      birth_date: null,
      birth_year: 1960 + (i % 45),
      citizen_id: null,
      ethnicity: null,
      phone: null,
      occupation: null,
      perm_commune_code: null,
      perm_detail: null,
      cur_commune_code: baDinh ? UNITS.baDinh : HA_TU,
      cur_detail: null,
      province_code: baDinh ? UNITS.hanoi : UNITS.quangNinh,
      family_contacts: null,
      status: 'drug_user_managed',
      current_facility_id: null,
      version: 1,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('people')
      .values(rows.slice(i, i + 500))
      .execute();
  await statusHistoryRepo.startUnrecorded(db);
}, 300_000);
afterAll(async () => t?.close());

const ok = (res: { statusCode: number; body: string; json: () => any }, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
};

const auditCount = async (userId: string, action: string) => {
  const r = await t.deps.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(r.n);
};

describe('a drill-down of 50,000 people', () => {
  it('opens the national figure in pages with the total, each page audited', async () => {
    const figure = ok(await nation.call('GET', `/api/indicators/people_total/value?unit=VN&${Q}`)).figure;
    expect(figure.value).toBe(N);
    const page = ok(await nation.call('GET', `/api/indicators/people_total/records?unit=VN&${Q}&limit=1000`));
    expect(page.total).toBe(N);
    expect(page.items).toHaveLength(1000);
    expect(page).toMatchObject({ limit: 1000, offset: 0, sort: 'date', dir: 'asc' });
    expect(await auditCount(nation.userId, 'people.read')).toBe(1000);
    expect(await auditCount(nation.userId, 'indicators.records')).toBe(1);
  }, 120_000);

  it('sorts by name both ways, and pages neither overlap nor skip', async () => {
    const get = async (q: string) =>
      ok(await nation.call('GET', `/api/indicators/people_total/records?unit=VN&${Q}&${q}`)).items as {
        fullName: string;
        personId: string;
        birthYear: number;
      }[];
    const first = await get('sort=name&dir=desc&limit=3');
    expect(first.map((r) => r.fullName)).toEqual([name(N - 1), name(N - 2), name(N - 3)]);
    const a = await get('sort=name&limit=400&offset=0');
    const b = await get('sort=name&limit=400&offset=400');
    expect(a.map((r) => r.fullName)).toEqual(Array.from({ length: 400 }, (_, i) => name(i)));
    expect(b.map((r) => r.fullName)).toEqual(Array.from({ length: 400 }, (_, i) => name(400 + i)));
    const last = await get(`sort=name&limit=10&offset=${N - 5}`);
    expect(last).toHaveLength(5);
    const old = await get('sort=birth_year&dir=asc&limit=5');
    expect(old.every((r) => r.birthYear === 1960)).toBe(true);
    const young = await get('sort=birth_year&dir=desc&limit=5');
    expect(young.every((r) => r.birthYear === 2004)).toBe(true);
  }, 120_000);

  it("limits a commune officer to the commune's records", async () => {
    const page = ok(
      await officer.call('GET', `/api/indicators/people_total/records?unit=${UNITS.baDinh}&${Q}&limit=50`),
    );
    expect(page.total).toBe(N_BA_DINH);
    expect(page.items.every((r: { communeCode: string }) => r.communeCode === UNITS.baDinh)).toBe(true);
    expect((await officer.call('GET', `/api/indicators/people_total/records?unit=VN&${Q}`)).statusCode).toBe(
      403,
    );
  }, 120_000);

  it('rejects a page size out of bounds, naming the field', async () => {
    for (const bad of ['limit=0', 'limit=1001', 'offset=-1', 'sort=salary']) {
      const res = await nation.call('GET', `/api/indicators/people_total/records?unit=VN&${Q}&${bad}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain(bad.split('=')[0]);
    }
  });

  it('exports all 50,000 to Excel: frozen header, widths, numbers as numbers, empty cells, every person audited', async () => {
    const before = await auditCount(nation.userId, 'people.read');
    const res = await nation.call(
      'GET',
      `/api/indicators/people_total/records/export?unit=VN&${Q}&format=xlsx&sort=name`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const list = wb.getWorksheet('Danh sách')!;
    expect(list.rowCount).toBe(N + 1);
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Giới tính',
      'Năm sinh',
      'Xã/phường',
      'Mã xã/phường',
      'Cơ sở cai nghiện',
      'Ngày',
      'Số lượng',
    ]);
    expect(list.getColumn(2).width).toBeGreaterThanOrEqual(30);
    const r2 = list.getRow(2);
    expect(r2.getCell(1).value).toBe(1);
    expect(r2.getCell(2).value).toBe(name(0));
    expect(r2.getCell(3).value).toBe('Nam');
    expect(typeof r2.getCell(4).value).toBe('number');
    expect(r2.getCell(5).value).toBe('Phường Ba Đình');
    expect(r2.getCell(7).value).toBeNull(); // no facility: an empty cell, not '—'
    expect(r2.getCell(8).value).toBeInstanceOf(Date);
    expect(r2.getCell(8).numFmt).toBe('dd/mm/yyyy');
    expect(list.getRow(N + 1).getCell(2).value).toBe(name(N - 1));
    const info = wb.getWorksheet('Thông tin')!;
    const infoText = info
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join(' | ');
    expect(infoText).toContain('01/01/2025');
    expect(infoText).toContain('31/12/2025');
    expect(infoText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await auditCount(nation.userId, 'people.read')).toBe(before + N);
    expect(await auditCount(nation.userId, 'indicators.records.export')).toBe(1);
  }, 240_000);

  it('exports a commune list to CSV with dd/mm/yyyy dates', async () => {
    const res = await officer.call(
      'GET',
      `/api/indicators/people_total/records/export?unit=${UNITS.baDinh}&${Q}&format=csv`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(N_BA_DINH + 1);
    expect(lines[0]).toBe(
      'STT,Họ và tên,Giới tính,Năm sinh,Xã/phường,Mã xã/phường,Cơ sở cai nghiện,Ngày,Số lượng',
    );
    expect(lines[1]).toMatch(/^1,Nguoi Thu \d{5},(Nam|Nữ),\d{4},Phường Ba Đình,00004,,01\/06\/2024,1$/);
  }, 120_000);
});
