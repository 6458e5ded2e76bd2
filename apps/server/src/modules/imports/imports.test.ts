import fs from 'node:fs';
import { regimeOn } from '@hoanhap/domain/legal-regimes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.ts';
import type { Actor } from '../../platform/policy.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { importPeopleCommand } from './imports.cli.ts';
import { analyseImport, commitAnalysis, undoImport } from './imports.service.ts';

// The three samples of /work/shared/data/import-samples (see its README for every expected figure).
const S = '/work/shared/data/import-samples/';
const MQ = `${S}xa-minh-quang-ba-vi-2024.xlsx`;
const QB = `${S}tinh-quang-binh-cu-2023.xlsx`;
const CSV = `${S}phuong-csv-utf8.csv`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const errs = (s: { errors: { row: number; column: string; rule: string }[] }) =>
  s.errors.map((e) => `${e.row} ${e.column} ${e.rule}`);

async function snapshot() {
  const db = t.deps.database.db;
  return {
    people: await db.selectFrom('people').selectAll().orderBy('id').execute(),
    history: await db.selectFrom('person_status_history').selectAll().orderBy('person_id').execute(),
    importData: await db.selectFrom('person_import_data').selectAll().orderBy('person_id').execute(),
    episodes: await db.selectFrom('episodes').selectAll().orderBy('id').execute(),
  };
}

describe('import of commune lists: dry runs of the three samples on an empty database', () => {
  it('Xã Minh Quang (Ba Vì): 62 rows, 52 people, 5 in-file duplicates, 5 errors, one split commune', async () => {
    const s = await importPeopleCommand(t.deps, { file: MQ, commune: '09676', dryRun: true });
    expect([s.rows, s.created, s.merged, s.skipped]).toEqual([62, 52, 5, 0]);
    expect(errs(s)).toEqual([
      '15 Năm sinh / Nam invalid_date',
      '26 Số CCCD/CMND invalid_cccd_province',
      '44 Năm sinh / Nam invalid_date',
      '61 Thời gian (từ … đến …) invalid_date',
      '66 Số CCCD/CMND invalid_cccd_birth_year',
    ]);
    expect(s.errors[0].message).toBe('Ngày không có thật');
    expect(s.unresolved).toEqual([
      {
        oldCommuneCode: '09700',
        oldCommuneName: 'Xã Minh Quang, Huyện Ba Vì, Thành phố Hà Nội',
        rows: 62,
        candidates: [
          { code: '09676', name: 'Xã Bất Bạt' },
          { code: '09700', name: 'Xã Ba Vì' },
        ],
      },
    ]);
    const a = await analyseImport(t.deps, {
      fileName: 'mq.xlsx',
      data: fs.readFileSync(MQ),
      target: { kind: 'commune', code: '09676' },
    });
    const dup = a.rows
      .filter((r) => r.result === 'duplicate_in_file')
      .map((r) => `${r.duplicateOfRow}→${r.row}`);
    expect(dup.sort()).toEqual(['20→67', '28→59', '34→35', '36→73', '45→50'].sort());
    // Same name, different birth years: two people.
    expect(a.rows.find((r) => r.row === 19)?.result).toBe('new');
    expect(a.rows.find((r) => r.row === 55)?.result).toBe('new');
    // Cleaning: capitals to title case, a 9-digit CMND kept as the former ID, sex from the Nam/Nữ columns.
    const r73 = a.rows.find((r) => r.row === 73)!;
    expect(r73.person.fullName).toBe('Đinh Mạnh Hiếu');
    expect(r73.person.formerId).toBe('116749950');
    expect(r73.person.sex).toBe('male');
    expect(r73.person.birthYear).toBe(1973);
    expect(a.rows.find((r) => r.row === 72)?.person.birthDate).toBe('1987-05-09'); // Excel serial 31906;
  });

  it('old Quảng Bình province: 400 rows, 378 people, 12 duplicates, 10 errors; every old commune to today’s', async () => {
    const s = await importPeopleCommand(t.deps, { file: QB, province: '44', dryRun: true });
    expect([s.rows, s.created, s.merged, s.skipped]).toEqual([400, 378, 12, 0]);
    expect(errs(s)).toEqual([
      '29 Ngày tháng năm sinh invalid_date',
      '88 Số định danh cá nhân invalid_cccd_birth_year',
      '135 Ngày tháng năm sinh invalid_date',
      '171 Số định danh cá nhân invalid_cccd_province',
      '200 Số định danh cá nhân invalid_cccd_sex',
      '222 Ngày tháng năm sinh invalid_date',
      '273 Số định danh cá nhân invalid_cccd_province',
      '347 Ngày tháng năm sinh invalid_date',
      '384 Ngày bắt đầu invalid_date',
      '395 Số định danh cá nhân invalid_cccd_birth_year',
    ]);
    expect(s.unresolved.map((u) => [u.oldCommuneCode, u.rows, u.candidates.map((c) => c.code)])).toEqual([
      ['19039', 24, ['19030', '19075']],
    ]);
    const a = await analyseImport(t.deps, {
      fileName: 'qb.xlsx',
      data: fs.readFileSync(QB),
      target: { kind: 'province', code: '44' },
    });
    const byOld = new Map<string, { rows: number; today: string }>();
    for (const r of a.rows) {
      const k = r.oldCommune?.code ?? 'none';
      const e = byOld.get(k) ?? { rows: 0, today: r.communeCode ?? r.candidates.join(' or ') };
      e.rows++;
      byOld.set(k, e);
    }
    // The README's table: old commune → rows → today's commune (traps: Quảng Tiến/Quảng Tiên,
    // Đức Ninh Đông/Đức Ninh, old Hòa Trạch and Minh Hóa, Hải Phú of Bố Trạch).
    expect(Object.fromEntries([...byOld].map(([k, v]) => [k, `${v.rows} ${v.today}`]))).toEqual({
      '18856': '24 18880',
      '18859': '30 18859',
      '18880': '25 18880',
      '18889': '20 18880',
      '18931': '14 18943',
      '19009': '32 19009',
      '19039': '24 19030 or 19075',
      '19042': '20 19057',
      '19066': '18 19066',
      '19111': '34 19111',
      '19138': '23 19138',
      '19144': '23 19159',
      '19183': '18 19111',
      '19207': '30 19207',
      '19249': '36 19249',
      '19312': '29 19288',
    });
  });

  it('Phường 3, Quận 3 (CSV, ; separated, BOM, a line break inside quotes): 120 records, 111 people', async () => {
    const s = await importPeopleCommand(t.deps, { file: CSV, commune: '27154', dryRun: true });
    expect([s.rows, s.created, s.merged, s.skipped]).toEqual([120, 111, 5, 0]);
    expect(errs(s)).toEqual([
      '14 Ngày sinh invalid_date',
      '44 CCCD invalid_cccd_province',
      '85 Ngày sinh invalid_date',
      '103 CCCD invalid_cccd_birth_year',
    ]);
    expect(s.unresolved).toEqual([]);
    const a = await analyseImport(t.deps, {
      fileName: 'p3.csv',
      data: fs.readFileSync(CSV),
      target: { kind: 'commune', code: '27154' },
    });
    expect(new Set(a.rows.filter((r) => r.result !== 'error').map((r) => r.communeCode))).toEqual(
      new Set(['27154']),
    );
    expect(a.rows.map((r) => r.row)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('the command line prints a readable summary, and needs exactly one of --commune and --province', async () => {
    const lines: string[] = [];
    const code = await runCli(['import-people', '--file', QB, '--province', '44', '--dry-run'], {
      deps: t.deps,
      out: (s) => lines.push(s),
    });
    expect(code).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('Số dòng / rows: 400');
    expect(text).toContain('Tạo mới / created: 378');
    expect(text).toContain('dòng 29, cột "Ngày tháng năm sinh": Ngày không có thật (invalid_date)');
    expect(text).toContain(
      'Xã Quảng Tiến, Huyện Quảng Trạch, Tỉnh Quảng Bình (24 dòng) → 19030 Xã Trung Thuần | 19075 Xã Nam Ba Đồn',
    );
    await expect(
      runCli(['import-people', '--file', QB, '--province', '44', '--commune', '19030'], {
        deps: t.deps,
        out: () => {},
      }),
    ).rejects.toThrow(/--commune/);
    expect(await t.deps.database.db.selectFrom('import_batches').selectAll().execute()).toEqual([]);
  });

  it('refuses an .xls file with a clear 415 message, and an officer of another commune', async () => {
    await expect(
      analyseImport(t.deps, {
        fileName: 'old.xls',
        data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
        target: { kind: 'commune', code: '27154' },
      }),
    ).rejects.toMatchObject({ status: 415, code: 'unsupported_file_type' });
    const a = await analyseImport(t.deps, {
      fileName: 'p3.csv',
      data: fs.readFileSync(CSV),
      target: { kind: 'commune', code: '27154' },
    });
    const other: Actor = {
      userId: 'x',
      username: 'x',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: '00004',
      ip: null,
    };
    await expect(commitAnalysis(t.deps, other, a)).rejects.toMatchObject({ status: 403 });
  });
});

describe('commit and undo', () => {
  it('a batch that fails part-way writes nothing', async () => {
    const before = await snapshot();
    const a = await analyseImport(t.deps, {
      fileName: 'p3.csv',
      data: fs.readFileSync(CSV),
      target: { kind: 'commune', code: '27154' },
    });
    const news = a.rows.filter((r) => r.result === 'new');
    news[news.length - 1].person.sex = null; // the last person cannot be written (sex is required)
    await expect(commitAnalysis(t.deps, null, a)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await t.deps.database.db.selectFrom('import_batches').selectAll().execute()).toEqual([]);
  });

  it('commits a file in one audited batch, merges it on a second import, and undo restores the exact state', async () => {
    const db = t.deps.database.db;
    const before = await snapshot();
    const lines: string[] = [];
    const code = await runCli(
      ['import-people', '--file', MQ, '--commune', '09676', '--pick-first', '--json'],
      {
        deps: t.deps,
        out: (s) => lines.push(s),
      },
    );
    expect(code).toBe(0);
    const s = JSON.parse(lines.join('\n'));
    expect([s.rows, s.created, s.merged, s.skipped, s.errors.length, s.unresolved.length]).toEqual([
      62, 52, 5, 0, 5, 0,
    ]);
    const mine = await db.selectFrom('people').selectAll().where('cur_commune_code', '=', '09676').execute();
    expect(mine).toHaveLength(52);
    const hieu = mine.find((p) => p.name_search === 'dinh manh hieu')!;
    expect(hieu.full_name).toBe('Đinh Mạnh Hiếu');
    const extra = await db
      .selectFrom('person_import_data')
      .selectAll()
      .where('person_id', '=', hieu.id)
      .executeTakeFirstOrThrow();
    expect(extra.former_id).toBe('116749950');
    expect(JSON.parse(extra.old_address!)).toMatchObject({
      oldCommuneCode: '09700',
      oldCommuneName: 'Xã Minh Quang',
    });
    // The pathway columns as dated episodes, under the regime of their start, and the status derived from them.
    const quang = mine.find((p) => p.name_search === 'do xuan quang')!; // Methadone, "19/01/2019 - nay"
    const qEps = await db.selectFrom('episodes').selectAll().where('person_id', '=', quang.id).execute();
    expect(qEps.map((e) => [e.type, e.start_date, e.actual_end, e.regime_id])).toEqual([
      ['substitution_therapy', '2019-01-19', null, 'pre-2022'],
    ]);
    expect(quang.status).toBe('substitution_therapy');
    const luong = mine.find((p) => p.name_search === 'bui van luong')!; // "Quản lý người SDTP", 26/8/2024–25/8/2025
    const lEps = await db.selectFrom('episodes').selectAll().where('person_id', '=', luong.id).execute();
    expect(lEps.map((e) => [e.type, e.start_date, e.actual_end, e.regime_id])).toEqual([
      ['user_management', '2024-08-26', '2025-08-25', regimeOn('2024-08-26').id],
    ]);
    expect(regimeOn('2024-08-26').id).not.toBe('pre-2022');
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['person.create', 'import.commit'])
      .execute();
    expect(audits.filter((x) => x.action === 'person.create')).toHaveLength(52);
    expect(audits.filter((x) => x.action === 'import.commit').map((x) => x.entity_id)).toEqual([s.batchId]);

    // The same file again: the people with a CCCD or the same name+birth year in the commune are merged, none created.
    const again = await importPeopleCommand(t.deps, { file: MQ, commune: '09676', pickFirst: true });
    expect([again.created, again.merged]).toEqual([0, 57]);

    // Only the author may undo; undo of the second import, then of the first, restores the state before.
    const officer: Actor = {
      userId: 'someone',
      username: 'o',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeCode: '09676',
      ip: null,
    };
    await expect(undoImport(t.deps, officer, s.batchId)).rejects.toMatchObject({ status: 403 });
    await undoImport(t.deps, null, again.batchId!);
    expect(await undoImport(t.deps, null, s.batchId)).toEqual({ deleted: 52, restored: 0 });
    expect(await snapshot()).toEqual(before);
    await expect(undoImport(t.deps, null, s.batchId)).rejects.toMatchObject({ status: 409 });
  });

  it('without --pick-first the split commune’s rows are left unresolved and not created', async () => {
    const s = await importPeopleCommand(t.deps, { file: MQ, commune: '09676' });
    expect([s.created, s.merged, s.skipped, s.unresolved[0].rows]).toEqual([0, 0, 57, 62]);
    await undoImport(t.deps, null, s.batchId!);
  });

  it('a row matching a person entered by hand fills in their empty fields, and undo puts them back', async () => {
    const officer = await t.userAs('commune_officer', 'commune', '27154');
    const res = await officer.call('POST', '/api/people', {
      fullName: 'NGUYỄN TẤN SÁU',
      sex: 'male',
      birthYear: 1982,
      currentAddress: { communeCode: '27154' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const before = await snapshot();
    const s = await importPeopleCommand(t.deps, { file: CSV, commune: '27154' });
    expect([s.created, s.merged]).toEqual([110, 6]);
    const db = t.deps.database.db;
    const p = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect([p.citizen_id, p.birth_date, p.version]).toEqual(['079082242935', '1982-04-17', 2]);
    expect(await undoImport(t.deps, null, s.batchId!)).toEqual({ deleted: 110, restored: 1 });
    expect(await snapshot()).toEqual(before);
    await db.deleteFrom('person_status_history').where('person_id', '=', p.id).execute();
    await db.deleteFrom('person_units').where('person_id', '=', p.id).execute();
    await db.deleteFrom('people').where('id', '=', p.id).execute();
  });

  it('an undo is refused after 7 days', async () => {
    const s = await importPeopleCommand(t.deps, { file: CSV, commune: '27154' });
    expect(s.created).toBe(111);
    const realNow = t.deps.now;
    try {
      t.deps.now = () => new Date(realNow().getTime() + 7 * 86_400_000 + 60_000);
      await expect(undoImport(t.deps, null, s.batchId!)).rejects.toMatchObject({
        status: 409,
        code: 'import_undo_expired',
      });
    } finally {
      t.deps.now = realNow;
    }
    expect(await undoImport(t.deps, null, s.batchId!)).toEqual({ deleted: 111, restored: 0 });
  });

  it('an undo is refused once a created record was edited', async () => {
    const s = await importPeopleCommand(t.deps, { file: CSV, commune: '27154' });
    expect(s.created).toBe(111);
    const db = t.deps.database.db;
    const row = await db
      .selectFrom('import_rows')
      .select(['person_id'])
      .where('batch_id', '=', s.batchId!)
      .where('action', '=', 'created')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('people')
      .set({ version: 2, occupation: 'Thợ may' })
      .where('id', '=', row.person_id!)
      .execute();
    await expect(undoImport(t.deps, null, s.batchId!)).rejects.toMatchObject({
      status: 409,
      code: 'import_records_changed',
    });
  });
});
