import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';

// The name search through its index (0011_search_worklist_indexes: FTS5 words on SQLite, pg_trgm on PostgreSQL)
// answers exactly what LIKE '%token%' on the normalised names answers: substrings inside a word, other
// names, renamed people, short and broad tokens, totals and pages, at national and province scope.

let t: TestApp;
let officer: Awaited<ReturnType<TestApp['userAs']>>;
let national: Awaited<ReturnType<TestApp['userAs']>>;
let province: Awaited<ReturnType<TestApp['userAs']>>;
const ids: Record<string, string> = {};

const NAMES: [string, string, string[]?][] = [
  ['hoa', 'Nguyễn Văn Hoà'],
  ['hoan', 'Nguyễn Thị Hoàn'],
  ['thuy', 'Trần Thuỷ Tiên', ['Trần Thị Bích']],
  ['khoa', 'Lê Đăng Khoa'],
  ['an', 'Phạm An'],
];

const search = async (who: typeof officer, q: string, extra = '') => {
  const res = await who.call('GET', `/api/people?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { ids: body.items.map((p: any) => p.id) as string[], total: body.total as number };
};
const keysOf = (found: string[]) =>
  Object.entries(ids)
    .filter(([, id]) => found.includes(id))
    .map(([k]) => k)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
  national = await t.userAs('national_officer', 'nation', null);
  province = await t.userAs('province_officer', 'province', '01');
  for (const [key, fullName, otherNames] of NAMES) {
    const res = await officer.call('POST', '/api/people', {
      fullName,
      otherNames,
      sex: 'male',
      birthDate: '1991-02-03',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Số 1' },
      confirmPossibleDuplicate: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  }
});
afterAll(async () => t?.close());

describe('name search through the index', () => {
  it('matches substrings inside words, without diacritics, at every scope', async () => {
    for (const who of [national, province, officer]) {
      expect(keysOf((await search(who, 'hoa')).ids)).toEqual(['hoa', 'hoan', 'khoa']);
      expect(keysOf((await search(who, 'HOÀN')).ids)).toEqual(['hoan']);
      expect(keysOf((await search(who, 'uye')).ids)).toEqual(['hoa', 'hoan']);
      expect(keysOf((await search(who, 'nguyen hoa')).ids)).toEqual(['hoa', 'hoan']);
      expect(keysOf((await search(who, 'an')).ids)).toEqual(['an', 'hoa', 'hoan', 'khoa', 'thuy']);
      expect(keysOf((await search(who, 'oa')).ids)).toEqual(['hoa', 'hoan', 'khoa']);
    }
  });

  it('finds other names, and nothing for a word in no name', async () => {
    expect(keysOf((await search(national, 'bich')).ids)).toEqual(['thuy']);
    expect(keysOf((await search(national, 'tran bich')).ids)).toEqual(['thuy']);
    expect(await search(national, 'zzyzx')).toEqual({ ids: [], total: 0 });
  });

  it('gives the total with each page, also past the end', async () => {
    const first = await search(national, 'hoa', '&limit=2');
    expect(first.ids).toHaveLength(2);
    expect(first.total).toBe(3);
    const last = await search(national, 'hoa', '&limit=2&offset=2');
    expect(last.ids).toHaveLength(1);
    expect(last.total).toBe(3);
    expect(await search(national, 'hoa', '&limit=2&offset=10')).toEqual({ ids: [], total: 3 });
  });

  it('follows a rename', async () => {
    const current = (await officer.call('GET', `/api/people/${ids.khoa}`)).json();
    const res = await officer.call('PUT', `/api/people/${ids.khoa}`, {
      fullName: 'Lê Đăng Quyết',
      sex: 'male',
      birthDate: '1991-02-03',
      currentAddress: { communeCode: UNITS.baDinh, detail: 'Số 1' },
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const who of [national, officer]) {
      expect(keysOf((await search(who, 'khoa')).ids)).toEqual([]);
      expect(keysOf((await search(who, 'quyet')).ids)).toEqual(['khoa']);
      expect(keysOf((await search(who, 'dang')).ids)).toEqual(['khoa']);
    }
  });
});

describe('capped totals for very common names', () => {
  it('counts a name search up to 1,000 and says there are more; a narrower search is exact', async () => {
    const { peopleRepo, SEARCH_TOTAL_CAP } = await import('./people.repo.ts');
    const { db } = t.deps.database;
    const model = (await peopleRepo.findById(db, ids.hoa))!;
    // Written straight to the database (the API would take minutes for 1,005 people); the word triggers of
    // 0011/0039 keep the indexes current whoever writes the row.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < SEARCH_TOTAL_CAP + 5; i++) {
        const word = i < 3 ? 'capcap hiem' : 'capcap';
        await peopleRepo.insert(trx, {
          ...model,
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          citizen_id: null,
          full_name: `Đỗ ${word}`,
          name_search: `do ${word}`,
          other_names: null,
          other_names_search: null,
        });
      }
    });
    for (const who of [national, province, officer]) {
      const res = await who.call('GET', '/api/people?q=capcap&limit=5');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total: SEARCH_TOTAL_CAP, totalCapped: true });
      expect(res.json().items).toHaveLength(5);
      const narrow = (await who.call('GET', '/api/people?q=capcap%20hiem')).json();
      expect(narrow).toMatchObject({ total: 3, totalCapped: false });
      expect(narrow.items.map((p: { fullName: string }) => p.fullName)).toEqual([
        'Đỗ capcap hiem',
        'Đỗ capcap hiem',
        'Đỗ capcap hiem',
      ]);
    }
    // Browsing without a name is counted in full.
    const all = (await national.call('GET', '/api/people?limit=1')).json();
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThan(SEARCH_TOTAL_CAP);
  });
});
