import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { importUnitsCommand } from './org.cli.ts';
import { unitsOn } from './org.service.ts';

// Independent reference list (test-only; the product never reads this folder).
const REF_DIR = '/work/shared/data/vn-admin-units';
const REF_FILE = `${REF_DIR}/units-2026.json`;
// The file's own date (its name: …vn_units_2026-07-25__20_49_07.json): the 2026 changes in force by then.
const REF_DATE = '2026-07-25';

type RefUnit = {
  Code: string;
  FullName: string;
  FullNameEn: string;
  ProvinceCode?: string;
  AdministrativeUnitShortName: string;
};
type RefProvince = RefUnit & { Wards: RefUnit[] };
const ref = JSON.parse(fs.readFileSync(REF_FILE, 'utf8')) as RefProvince[];

const REF_TYPE: Record<string, string> = {
  'Thành phố': 'thanh_pho',
  Tỉnh: 'tinh',
  Phường: 'phuong',
  Xã: 'xa',
  'Đặc khu': 'dac_khu',
};
const refUnits = new Map<string, { name: string; type: string; provinceCode: string | null }>();
for (const p of ref) {
  refUnits.set(p.Code, {
    name: p.FullName.normalize('NFC'),
    type: REF_TYPE[p.AdministrativeUnitShortName],
    provinceCode: null,
  });
  for (const w of p.Wards)
    refUnits.set(w.Code, {
      name: w.FullName.normalize('NFC'),
      type: REF_TYPE[w.AdministrativeUnitShortName],
      provinceCode: w.ProvinceCode ?? p.Code,
    });
}

// Test oracle, written apart from the product's canonicalName: two spellings of one word agree when
// their letters without tone marks agree and they carry the same tone marks, wherever placed.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
function toneFree(word: string) {
  const chars = [...word.normalize('NFD')];
  return {
    letters: chars.filter((c) => !TONE.test(c)).join(''),
    tones: chars
      .filter((c) => TONE.test(c))
      .sort()
      .join(''),
  };
}
function differsOnlyInTonePlacement(a: string, b: string) {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (a === b || wa.length !== wb.length) return false;
  return wa.every((w, i) => {
    const x = toneFree(w);
    const y = toneFree(wb[i]);
    return x.letters === y.letters && x.tones === y.tones;
  });
}
const TYPE_WORD = /^(Tỉnh|Thành phố|Xã|Phường|Đặc khu) /i;
const withoutTypeWord = (s: string) => s.replace(TYPE_WORD, '');

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['userAs']>>;
let officer: Awaited<ReturnType<TestApp['userAs']>>;
let shipped: Map<string, { name: string; type: string; provinceCode: string | null; level: string }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userAs('system_admin', 'nation', null);
  officer = await t.userAs('commune_officer', 'commune', '00004');
  const rows = await t.deps.database.db
    .selectFrom('units')
    .selectAll()
    .where('valid_to', 'is', null)
    .execute();
  shipped = new Map(
    rows.map((r) => [r.code, { name: r.name, type: r.type, provinceCode: r.province_code, level: r.level }]),
  );
});
afterAll(async () => t?.close());

describe('the shipped units against an independent list', () => {
  it('has 34 provinces and 3,321 communes of the three types', () => {
    const all = [...shipped.values()];
    expect(all.filter((u) => u.level === 'province')).toHaveLength(34);
    expect(all.filter((u) => u.level === 'commune')).toHaveLength(3321);
    expect(new Set(all.filter((u) => u.level === 'commune').map((u) => u.type))).toEqual(
      new Set(['xa', 'phuong', 'dac_khu']),
    );
    expect(shipped.get('01')).toMatchObject({ name: 'Thành phố Hà Nội', type: 'thanh_pho' });
    expect(shipped.get('22')).toMatchObject({ name: 'Tỉnh Quảng Ninh', type: 'tinh' });
    expect(shipped.get('06652')).toMatchObject({ name: 'Phường Hà Tu', type: 'phuong', provinceCode: '22' });
  });

  it('differs from units-2026.json only in the documented ways', () => {
    const onlyShipped = [...shipped.keys()].filter((c) => !refUnits.has(c)).sort();
    const onlyRef = [...refUnits.keys()].filter((c) => !shipped.has(c)).sort();
    // Two communes carry another code in the July 2025 lists: Xã Ba Chẽ and Xã Ia Mơ.
    expect(onlyShipped).toEqual(['06970', '23737']);
    expect(onlyRef).toEqual(['06978', '23938']);
    expect([shipped.get('06970')!.name, refUnits.get('06978')!.name]).toEqual(['Xã Ba Chẽ', 'Xã Ba Chẽ']);
    expect([shipped.get('23737')!.name, refUnits.get('23938')!.name]).toEqual(['Xã Ia Mơ', 'Xã Ia Mơ']);
    expect(shipped.get('06970')!.provinceCode).toBe(refUnits.get('06978')!.provinceCode);

    const toneOnly: string[] = [];
    const retyped: string[] = [];
    const other: string[] = [];
    for (const [code, s] of shipped) {
      const r = refUnits.get(code);
      if (!r) continue;
      expect(s.provinceCode, code).toBe(r.provinceCode);
      if (s.type !== r.type) {
        retyped.push(`${code} ${s.name} → ${r.name}`);
        expect(withoutTypeWord(s.name), code).toBe(withoutTypeWord(r.name));
      } else if (s.name === r.name) continue;
      else if (differsOnlyInTonePlacement(s.name, r.name)) toneOnly.push(code);
      else other.push(`${code} ${s.name} → ${r.name}`);
    }
    // The 2026 changes: Đồng Nai became a centrally run city and ten of its communes became wards.
    expect(retyped.sort()).toEqual([
      '25270 Xã Lộc Ninh → Phường Lộc Ninh',
      '25357 Xã Tân Khai → Phường Tân Khai',
      '25363 Xã Đồng Phú → Phường Đồng Phú',
      '26116 Xã Tân Phú → Phường Tân Phú',
      '26170 Xã Trị An → Phường Trị An',
      '26248 Xã Trảng Bom → Phường Trảng Bom',
      '26326 Xã Dầu Giây → Phường Dầu Giây',
      '26368 Xã Long Thành → Phường Long Thành',
      '26425 Xã Xuân Lộc → Phường Xuân Lộc',
      '26485 Xã Nhơn Trạch → Phường Nhơn Trạch',
      '75 Tỉnh Đồng Nai → Thành phố Đồng Nai',
    ]);
    // Tone-mark placement ("Hoà"/"Hòa", "Thuỷ"/"Thủy"): about 200 names.
    expect(toneOnly.length).toBe(192);
    expect(toneOnly).toContain('38'); // Tỉnh Thanh Hóa / Tỉnh Thanh Hoá
    // Typography only: a typographic apostrophe, and one lower-case type word in the 2026 file.
    expect(other.sort()).toEqual([
      '06325 Xã Bắc Sơn → xã Bắc Sơn',
      "24184 Xã Ea H’Leo → Xã Ea H'Leo",
      "24280 Xã Cư M’gar → Xã Cư M'gar",
      "24286 Xã Ea M’Droh → Xã Ea M'Droh",
      "24412 Xã M’Drắk → Xã M'Drắk",
      "24436 Xã Cư M’ta → Xã Cư M'ta",
    ]);
  });

  it('finds a unit by either tone-mark placement and without diacritics', async () => {
    for (const q of ['Thanh Hóa', 'thanh hoa', 'Thanh Hoá']) {
      const res = await officer.call('GET', `/api/units?level=province&q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((u: any) => u.code)).toEqual(['38']);
    }
    const wards = await officer.call('GET', '/api/units?level=commune&provinceCode=01&q=ba%20dinh');
    expect(wards.json().items.map((u: any) => u.code)).toContain('00004');
  });

  it('lists provinces by the name people say, not by "Tỉnh"/"Thành phố"', async () => {
    const res = await officer.call('GET', '/api/units?level=province&limit=100');
    const names = res.json().items.map((u: any) => u.name);
    expect(names).toHaveLength(34);
    expect(names.slice(0, 3)).toEqual(['Tỉnh An Giang', 'Tỉnh Bắc Ninh', 'Tỉnh Cà Mau']);
  });

  it('refuses anonymous and malformed unit queries', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    expect((await officer.call('GET', '/api/units/123')).statusCode).toBe(400);
    expect((await officer.call('GET', '/api/units/99999')).statusCode).toBe(404);
    expect((await officer.call('GET', '/api/units?on=2026-13-01')).statusCode).toBe(400);
  });
});

describe('a dated update: units-2026.json from its date', () => {
  // Expected changes, computed here from the two lists.
  const expected = {
    renamed: [] as string[],
    retyped: [] as string[],
    added: [] as string[],
    abolished: [] as string[],
  };
  beforeAll(() => {
    for (const [code, r] of refUnits) {
      const s = shipped.get(code);
      if (!s) {
        expected.added.push(code);
        continue;
      }
      if (s.type !== r.type) expected.retyped.push(code);
      const a = withoutTypeWord(s.name).replace(/’/g, "'").toLowerCase();
      const b = withoutTypeWord(r.name).replace(/’/g, "'").toLowerCase();
      if (a !== b && !differsOnlyInTonePlacement(a, b)) expected.renamed.push(code);
    }
    expected.abolished = [...shipped.keys()].filter((c) => !refUnits.has(c));
    for (const list of Object.values(expected)) list.sort();
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const before = await t.deps.database.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const dry = await importUnitsCommand(t.deps, {
      file: REF_FILE,
      effectiveDate: REF_DATE,
      source: 'units-2026.json',
      dryRun: true,
    });
    expect(dry).toMatchObject({ id: null, changed: true, dryRun: true });
    expect(dry.summary.retyped.codes).toEqual(expected.retyped);
    const after = await t.deps.database.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('changes exactly the retyped/renamed units, adds and abolishes the differing codes', async () => {
    const res = await importUnitsCommand(t.deps, {
      file: REF_FILE,
      effectiveDate: REF_DATE,
      source: 'units-2026.json',
    });
    expect(res.changed).toBe(true);
    expect(res.id).toBeTruthy();
    const s = res.summary;
    expect(s.mode).toBe('full');
    expect(s.renamed.codes).toEqual(expected.renamed);
    expect(s.retyped.codes).toEqual(expected.retyped);
    expect(s.added.codes).toEqual(expected.added);
    expect(s.abolished.codes).toEqual(expected.abolished);
    expect(s.moved.count).toBe(0);
    expect({ renamed: s.renamed.count, retyped: s.retyped.count, added: s.added.count }).toEqual({
      renamed: 0,
      retyped: 11,
      added: 2,
    });
    expect(s.translated.count).toBeGreaterThan(3300);

    const { db } = t.deps.database;
    const changedCodes = [...expected.retyped, ...expected.renamed, ...expected.added, ...expected.abolished];
    const newVersions = await db
      .selectFrom('units')
      .select('code')
      .where('valid_from', '=', REF_DATE)
      .execute();
    expect(newVersions.map((r) => r.code).sort()).toEqual([...expected.retyped, ...expected.added].sort());
    const closed = await db.selectFrom('units').select('code').where('valid_to', 'is not', null).execute();
    expect(closed.map((r) => r.code).sort()).toEqual([...expected.retyped, ...expected.abolished].sort());
    expect(changedCodes.length).toBe(15);

    const update = await db
      .selectFrom('unit_updates')
      .selectAll()
      .where('id', '=', res.id!)
      .executeTakeFirstOrThrow();
    expect(update).toMatchObject({ effective_date: REF_DATE, source: 'units-2026.json' });
    expect(JSON.parse(update.summary).retyped.codes).toEqual(expected.retyped);
    const auditRow = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.id!).execute();
    expect(auditRow.map((a) => a.action)).toEqual(['units.update']);
  });

  it('keeps history: the old name is found with valid_to set, and by date', async () => {
    const { db } = t.deps.database;
    const versions = await db
      .selectFrom('units')
      .selectAll()
      .where('code', '=', '25270')
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => [v.name, v.type, v.valid_from, v.valid_to])).toEqual([
      ['Xã Lộc Ninh', 'xa', '2025-07-01', REF_DATE],
      ['Phường Lộc Ninh', 'phuong', REF_DATE, null],
    ]);
    const old = await db
      .selectFrom('units')
      .selectAll()
      .where('name_search', '=', 'xa loc ninh')
      .where('valid_to', 'is not', null)
      .execute();
    expect(old.map((o) => o.code)).toContain('25270');

    const dayBefore = await unitsOn(t.deps, '2026-07-24', { level: 'commune' });
    const dayOf = await unitsOn(t.deps, REF_DATE, { level: 'commune' });
    expect(dayBefore).toHaveLength(3321);
    expect(dayOf).toHaveLength(3321);
    expect(dayBefore.find((u) => u.code === '25270')?.name).toBe('Xã Lộc Ninh');
    expect(dayOf.find((u) => u.code === '25270')?.name).toBe('Phường Lộc Ninh');
    expect(dayBefore.some((u) => u.code === '06970')).toBe(true);
    expect(dayOf.some((u) => u.code === '06970')).toBe(false);
    expect(dayOf.some((u) => u.code === '06978')).toBe(true);

    const api = await officer.call('GET', '/api/units/75');
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({
      code: '75',
      level: 'province',
      current: {
        name: 'Thành phố Đồng Nai',
        type: 'thanh_pho',
        validFrom: REF_DATE,
        nameEn: 'Dong Nai City',
      },
      versions: [
        { name: 'Tỉnh Đồng Nai', type: 'tinh', validTo: REF_DATE },
        { name: 'Thành phố Đồng Nai', validFrom: REF_DATE, validTo: null, source: 'units-2026.json' },
      ],
    });
    const abolished = await officer.call('GET', '/api/units/06970');
    expect(abolished.json()).toMatchObject({
      current: null,
      versions: [{ name: 'Xã Ba Chẽ', validTo: REF_DATE }],
    });
    const onDate = await officer.call(
      'GET',
      '/api/units?level=commune&provinceCode=75&q=loc%20ninh&on=2026-01-01',
    );
    expect(onDate.json().items.map((u: any) => u.name)).toEqual(['Xã Lộc Ninh']);
    const now = await officer.call('GET', '/api/units?level=commune&provinceCode=75&q=loc%20ninh');
    expect(now.json().items.map((u: any) => u.name)).toEqual(['Phường Lộc Ninh']);
  });

  it('keeps the stored spelling where only tone-mark placement differs, and fills English names', async () => {
    const { db } = t.deps.database;
    const hoa = await db.selectFrom('units').selectAll().where('code', '=', '38').execute();
    expect(hoa.map((u) => [u.name, u.valid_to])).toEqual([['Tỉnh Thanh Hóa', null]]);
    expect(hoa[0].name_en).toBe('Thanh Hoa Province');
  });

  it('is idempotent: applying the same update again changes and records nothing', async () => {
    const { db } = t.deps.database;
    const count = async (table: 'units' | 'unit_updates' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await count('units'), await count('unit_updates'), await count('audit_log')];
    const again = await importUnitsCommand(t.deps, {
      file: REF_FILE,
      effectiveDate: REF_DATE,
      source: 'units-2026.json',
    });
    expect(again.changed).toBe(false);
    expect(again.id).toBeNull();
    expect(again.summary.unchanged.count).toBe(3355);
    expect([await count('units'), await count('unit_updates'), await count('audit_log')]).toEqual(before);
  });
});

describe('dated updates through the API', () => {
  const rename = (over: Record<string, unknown> = {}) => ({
    effectiveDate: '2026-09-01',
    source: 'Nghị quyết thử nghiệm / test resolution',
    mode: 'partial',
    units: [
      { code: '00008', name: 'Phường Ngọc Hà Mới', type: 'phuong', level: 'commune', provinceCode: '01' },
    ],
    ...over,
  });

  it('is for administrators only (403)', async () => {
    const res = await officer.call('POST', '/api/unit-updates', rename());
    expect(res.statusCode).toBe(403);
    expect((await officer.call('GET', '/api/unit-updates')).statusCode).toBe(403);
  });

  it('renames a commune from a date (201) and lists the update', async () => {
    const res = await admin.call('POST', '/api/unit-updates', rename());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary).toMatchObject({
      renamed: { count: 1, codes: ['00008'] },
      abolished: { count: 0 },
    });
    const unit = await officer.call('GET', '/api/units/00008');
    expect(unit.json().versions.map((v: any) => v.name)).toEqual(['Phường Ngọc Hà', 'Phường Ngọc Hà Mới']);
    const again = await admin.call('POST', '/api/unit-updates', rename());
    expect(again.statusCode).toBe(200);
    expect(again.json().changed).toBe(false);
    const list = await admin.call('GET', '/api/unit-updates');
    expect(list.json().items.map((u: any) => u.effectiveDate)).toEqual([
      '2026-09-01',
      REF_DATE,
      '2025-07-01',
    ]);
  });

  it('refuses an update dated before a recorded version (422), in the future or invalid (400)', async () => {
    const early = await admin.call(
      'POST',
      '/api/unit-updates',
      rename({
        effectiveDate: '2026-08-01',
        units: [{ code: '00008', name: 'Phường Khác', type: 'phuong', level: 'commune', provinceCode: '01' }],
      }),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'unit_update_out_of_order', codes: ['00008'] });

    const future = await admin.call('POST', '/api/unit-updates', rename({ effectiveDate: '2099-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('effectiveDate');

    const badProvince = await admin.call(
      'POST',
      '/api/unit-updates',
      rename({
        effectiveDate: '2026-10-01',
        units: [{ code: '99999', name: 'Xã Mới', type: 'xa', level: 'commune', provinceCode: '99' }],
      }),
    );
    expect(badProvince.statusCode).toBe(400);
    expect(badProvince.json().errors[0].field).toBe('units.0.provinceCode');

    const badType = await admin.call(
      'POST',
      '/api/unit-updates',
      rename({
        units: [{ code: '00008', name: 'Phường X', type: 'tinh', level: 'commune', provinceCode: '01' }],
      }),
    );
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors.map((e: any) => e.field)).toContain('units.0.type');

    const unknownAbolish = await admin.call(
      'POST',
      '/api/unit-updates',
      rename({ effectiveDate: '2026-10-01', units: [], abolish: ['98765'] }),
    );
    expect(unknownAbolish.statusCode).toBe(400);
    expect(unknownAbolish.json().errors[0].field).toBe('abolish.0');

    const orphaning = await admin.call(
      'POST',
      '/api/unit-updates',
      rename({ effectiveDate: '2026-10-01', units: [], abolish: ['22'] }),
    );
    expect(orphaning.statusCode).toBe(400);
    expect(orphaning.json().errors[0].rule).toBe('province_has_communes');
  });

  it('abolishes and adds units in a partial update (a merger)', async () => {
    const res = await admin.call('POST', '/api/unit-updates', {
      effectiveDate: '2026-10-01',
      source: 'test merger',
      mode: 'partial',
      units: [{ code: '06652', name: 'Phường Hà Tu', type: 'phuong', level: 'commune', provinceCode: '22' }],
      abolish: ['06658'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary).toMatchObject({ abolished: { codes: ['06658'] }, unchanged: { count: 1 } });
    const gone = await officer.call('GET', '/api/units/06658');
    expect(gone.json().current).toBeNull();
    expect(gone.json().versions.at(-1).validTo).toBe('2026-10-01');
  });
});
