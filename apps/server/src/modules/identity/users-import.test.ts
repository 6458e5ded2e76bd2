import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, UNITS } from '../../test/test-app.ts';
import { verifyPassword } from './password.ts';
import { MIN_PASSWORD_SCORE, passwordContext, passwordStrength } from './password-strength.ts';
import { undoUsersImport } from './users-import.ts';

// Import of staff accounts from a sheet (issue 14, setting up a province): preview per row, commit in one
// transaction with audit, one-time passwords returned once and never stored in clear.

let t: TestApp;
type User = Awaited<ReturnType<TestApp['userAs']>>;
let admin: User;
let hanoiName: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userAs('system_admin', 'nation', null);
  await t.userAs('commune_officer', 'commune', UNITS.baDinh, 'da.co');
  hanoiName = (
    await t.deps.database.db
      .selectFrom('units')
      .select('name')
      .where('code', '=', UNITS.hanoi)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow()
  ).name;
});
afterAll(async () => t?.close());

function upload(u: User, step: string, name: string, data: Buffer) {
  const boundary = `----hn${randomUUID().replace(/-/g, '')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/users/import/${step}`,
    headers: { ...u.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Người dùng');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Đơn vị', 'Điện thoại'];

describe('import of users from a sheet', () => {
  it('previews each row: ok, or errors naming row, column and rule in Vietnamese', async () => {
    const data = await xlsx([
      HEADER,
      ['hn.tinh', 'Trần Thị Tỉnh', 'Cán bộ tỉnh (PC04)', hanoiName, '0912 345 678'],
      ['hn.xa1', 'Lê Văn Xã', 'commune_officer', UNITS.baDinh, ''],
      ['da.co', 'Người Trùng', 'Cán bộ UBND xã', UNITS.baDinh, ''],
      ['hn.xa1', 'Trùng Trong Tệp', 'Cán bộ UBND xã', UNITS.ngocHa, ''],
      ['hn.x', 'Vai Trò Lạ', 'Giám đốc', UNITS.baDinh, ''],
      ['hn.xa2', 'Không Đơn Vị', 'Công an xã', 'Xã Không Có', 'abc'],
    ]);
    const res = await upload(admin, 'preview', 'nguoi-dung.xlsx', data);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.summary).toEqual({ total: 6, ok: 2, errors: 4 });
    expect(out.rows[0]).toMatchObject({
      row: 2,
      status: 'ok',
      role: 'province_officer',
      scopeKind: 'province',
      scopeCode: UNITS.hanoi,
      phone: '0912345678',
    });
    expect(out.rows[1]).toMatchObject({ status: 'ok', role: 'commune_officer', scopeCode: UNITS.baDinh });
    expect(out.rows[2].errors).toMatchObject([
      { row: 4, column: 'Tên đăng nhập', rule: 'unique', message: 'Tên đăng nhập đã được dùng' },
    ]);
    expect(out.rows[3].errors[0]).toMatchObject({ row: 5, rule: 'duplicate_in_file' });
    expect(out.rows[3].errors[0].message).toContain('dòng 3');
    expect(out.rows[4].errors[0]).toMatchObject({ row: 6, column: 'Vai trò', rule: 'known_role' });
    expect(out.rows[5].errors.map((e: { rule: string; column: string }) => [e.column, e.rule])).toEqual([
      ['Điện thoại', 'phone_format'],
      ['Đơn vị', 'known_unit'],
    ]);
    expect(out.rows[5].errors[0].message).toContain('di động 10 số');
    // A commit of a file with errors is refused as a whole unless the rows in error are to be skipped;
    // the refusal says so, and nothing is written.
    const refused = await upload(admin, 'commit', 'nguoi-dung.xlsx', data);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rows).toHaveLength(4);
    expect(refused.json().detail ?? refused.body).toContain('bỏ qua các dòng lỗi');
    const n = await t.deps.database.db
      .selectFrom('users')
      .select('username')
      .where('username', '=', 'hn.tinh')
      .execute();
    expect(n).toHaveLength(0);
  });

  it('commits a clean sheet in one transaction, audited, with one-time passwords once (hashes only stored)', async () => {
    const data = Buffer.from(
      `${HEADER.join(',')}\nhn.tinh,Trần Thị Tỉnh,Cán bộ tỉnh (PC04),${hanoiName},0912345678\nhn.xa1,Lê Văn Xã,Cán bộ UBND xã,${UNITS.baDinh},\nkt.vien,Kiểm Tra,Kiểm tra viên,,\n`,
    );
    const res = await upload(admin, 'commit', 'nguoi-dung.csv', data);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.created.map((c: { username: string }) => c.username)).toEqual([
      'hn.tinh',
      'hn.xa1',
      'kt.vien',
    ]);
    expect(out.passwordsCsv).toContain('Mật khẩu dùng một lần');
    expect(out.passwordsCsv).toContain(out.created[0].initialPassword);
    const db = t.deps.database.db;
    const u = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'hn.tinh')
      .executeTakeFirstOrThrow();
    expect(u).toMatchObject({ role: 'province_officer', scope_code: UNITS.hanoi, must_change_password: 1 });
    expect(u.password_hash).not.toContain(out.created[0].initialPassword);
    expect(await verifyPassword(u.password_hash, out.created[0].initialPassword)).toBe(true);
    // The generated one-time passwords pass the strength check too (issue 16).
    for (const c of out.created as { username: string; fullName: string; initialPassword: string }[])
      expect(
        passwordStrength(c.initialPassword, passwordContext([c.username, c.fullName])).score,
      ).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    const kt = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'kt.vien')
      .executeTakeFirstOrThrow();
    expect(kt).toMatchObject({ role: 'auditor', scope_kind: 'nation', scope_code: null });
    const periods = await db
      .selectFrom('account_periods')
      .select('role')
      .where('user_id', '=', u.id)
      .execute();
    expect(periods).toEqual([{ role: 'province_officer' }]);
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['user.create', 'users.import'])
      .where('user_id', '=', admin.userId)
      .execute();
    expect(audits.filter((a) => a.action === 'user.create')).toHaveLength(3);
    expect(audits.filter((a) => a.action === 'users.import')).toHaveLength(1);
    // The same sheet again: every username is now taken.
    const again = (await upload(admin, 'preview', 'nguoi-dung.csv', data)).json();
    expect(again.summary).toEqual({ total: 3, ok: 0, errors: 3 });
  });

  it('creates the valid rows and skips the rows in error when asked; its author undoes it within 7 days while no account was used', async () => {
    const db = t.deps.database.db;
    const data = await xlsx([
      HEADER,
      ['bd.mot', 'Nguyễn Văn Một', 'Cán bộ UBND xã', UNITS.baDinh, '+84 912 000 111'],
      ['bd.hai', 'Trần Thị Hai', 'Công an xã', UNITS.baDinh, '(024) 3825 1234'],
      ['bd.ba', 'Lê Văn Ba', 'Cán bộ UBND xã', UNITS.baDinh, '0912 000'],
      ['bd.bon', 'Phạm Văn Bốn', 'Giám đốc', UNITS.baDinh, ''],
    ]);
    const res = await upload(admin, 'commit?skipErrors=true', 'bd.xlsx', data);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out.summary).toEqual({ total: 4, created: 2, skipped: 2 });
    expect(out.created.map((c: { username: string; phone: string }) => [c.username, c.phone])).toEqual([
      ['bd.mot', '0912000111'],
      ['bd.hai', '02438251234'],
    ]);
    expect(
      out.skipped.flatMap((r: { errors: { row: number; column: string; rule: string }[] }) =>
        r.errors.map((e) => `${e.row} ${e.column} ${e.rule}`),
      ),
    ).toEqual(['4 Điện thoại phone_format', '5 Vai trò known_role']);
    expect(out.passwordsCsv).not.toContain('bd.ba');
    const mot = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'bd.mot')
      .executeTakeFirstOrThrow();
    expect(mot.phone).toBe('0912000111');
    expect(
      await db.selectFrom('users').select('id').where('username', 'in', ['bd.ba', 'bd.bon']).execute(),
    ).toEqual([]);
    // The phone is shown with the account and edited like the other fields (checked as a Vietnamese number).
    const listed = (await admin.call('GET', '/api/users?q=bd.mot')).json();
    expect(JSON.stringify(listed)).toContain('0912000111');
    const bad = await admin.call('PATCH', `/api/users/${mot.id}`, { phone: '12345', version: mot.version });
    expect([bad.statusCode, bad.json().errors?.[0]?.field]).toEqual([400, 'phone']);
    const ok = await admin.call('PATCH', `/api/users/${mot.id}`, {
      phone: '0387 654 321',
      version: mot.version,
    });
    expect([ok.statusCode, ok.json().phone]).toEqual([200, '0387654321']);

    // The author's list of users imports; undo by another administrator: not found; by the author: done, audited.
    const list = (await admin.call('GET', '/api/users/imports')).json();
    expect(list.items[0]).toMatchObject({ id: out.batchId, status: 'committed', created: 2, skipped: 2 });
    const other = await t.userAs('system_admin', 'nation', null);
    expect((await other.call('POST', `/api/users/imports/${out.batchId}/undo`, {})).statusCode).toBe(404);
    const before = await db.selectFrom('account_periods').select('id').execute();
    const undo = await admin.call('POST', `/api/users/imports/${out.batchId}/undo`, {});
    expect([undo.statusCode, undo.json()]).toEqual([200, { deleted: 2 }]);
    expect(await db.selectFrom('users').select('id').where('username', 'like', 'bd.%').execute()).toEqual([]);
    expect((await db.selectFrom('account_periods').select('id').execute()).length).toBe(before.length - 2);
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['user.delete', 'users.import.undo'])
      .execute();
    expect(audits.filter((a) => a.action === 'user.delete').map((a) => a.entity_id)).toContain(mot.id);
    expect(audits.filter((a) => a.action === 'users.import.undo').map((a) => a.entity_id)).toEqual([
      out.batchId,
    ]);
    expect((await admin.call('POST', `/api/users/imports/${out.batchId}/undo`, {})).statusCode).toBe(409);
    expect((await admin.call('GET', '/api/users/imports')).json().items[0].status).toBe('undone');
  });

  it('refuses the undo once an account has logged in, and after 7 days', async () => {
    const data = Buffer.from(`${HEADER.join(',')}
nh.mot,Ngô Hà Một,Cán bộ UBND xã,${UNITS.ngocHa},
`);
    const out = (await upload(admin, 'commit', 'nh.csv', data)).json();
    const realNow = t.deps.now;
    try {
      t.deps.now = () => new Date(realNow().getTime() + 7 * 86_400_000 + 60_000);
      // Through the service: a week later the administrator's session of this test has expired.
      const actor = {
        userId: admin.userId,
        username: admin.username,
        role: 'system_admin' as const,
        scopeKind: 'nation' as const,
        scopeCode: null,
        ip: null,
      };
      await expect(undoUsersImport(t.deps, actor, out.batchId)).rejects.toMatchObject({
        status: 409,
        code: 'import_undo_expired',
      });
    } finally {
      t.deps.now = realNow;
    }
    await t.login('nh.mot', out.created[0].initialPassword);
    const used = await admin.call('POST', `/api/users/imports/${out.batchId}/undo`, {});
    expect([used.statusCode, used.json().code]).toEqual([409, 'import_accounts_used']);
    expect(used.body).toContain('nh.mot');
    expect(
      await t.deps.database.db.selectFrom('users').select('id').where('username', '=', 'nh.mot').execute(),
    ).toHaveLength(1);
  });

  it('is for administrators only', async () => {
    const officer = await t.userAs('province_officer', 'province', UNITS.hanoi);
    const res = await upload(officer, 'preview', 'a.csv', Buffer.from(`${HEADER.join(',')}\n`));
    expect(res.statusCode).toBe(403);
  });
});

describe('first steps of a new administrator', () => {
  it('says what is done and what is next, from real counts', async () => {
    const res = await admin.call('GET', '/api/setup/first-steps');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.steps.map((s: { key: string }) => s.key)).toEqual(['facilities', 'users', 'people', 'cutoff']);
    const users = out.steps.find((s: { key: string }) => s.key === 'users');
    expect(users.done).toBe(true);
    expect(users.count).toBeGreaterThan(1);
    expect(out.next).toBe(out.steps.find((s: { done: boolean }) => !s.done)?.key ?? null);
    expect(out.scope).toEqual({ kind: 'nation', code: null });
    expect(
      out.steps.every(
        (s: { key: string; canAct: boolean }) => s.canAct === (s.key !== 'people' && s.key !== 'cutoff'),
      ),
    ).toBe(true);
    const officer = await t.userAs('commune_officer', 'commune', UNITS.baDinh);
    expect((await officer.call('GET', '/api/setup/first-steps')).statusCode).toBe(403);
  });

  it('a province officer sees the steps counted in their province, and which ones the administrator does', async () => {
    const db = t.deps.database.db;
    const hanoi = await t.userAs('province_officer', 'province', UNITS.hanoi);
    await t.userAs('commune_police', 'commune', UNITS.ngocHa);
    await t.userAs('province_officer', 'province', UNITS.quangNinh);
    const res = await hanoi.call('GET', '/api/setup/first-steps');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.scope).toEqual({ kind: 'province', code: UNITS.hanoi });
    const byKey = Object.fromEntries(
      out.steps.map((s: { key: string; count: number; canAct: boolean }) => [s.key, s]),
    );
    // Hand-written counts of the province: its accounts (province, its communes, its facilities), facilities, people.
    const communes = (
      await db
        .selectFrom('units')
        .select('code')
        .where('level', '=', 'commune')
        .where('province_code', '=', UNITS.hanoi)
        .execute()
    ).map((u) => u.code);
    const facilities = await db
      .selectFrom('facilities')
      .select('id')
      .where('province_code', '=', UNITS.hanoi)
      .execute();
    const users = (await db.selectFrom('users').select(['scope_kind', 'scope_code']).execute()).filter(
      (u) =>
        (u.scope_kind === 'province' && u.scope_code === UNITS.hanoi) ||
        (u.scope_kind === 'commune' && communes.includes(u.scope_code!)) ||
        (u.scope_kind === 'facility' && facilities.some((f) => f.id === u.scope_code)),
    );
    const all = Number(
      (
        await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(byKey.users.count).toBe(users.length);
    expect(users.length).toBeLessThan(all); // the nation's and Quảng Ninh's accounts are not counted
    expect(byKey.facilities.count).toBe(facilities.length);
    const people = await db
      .selectFrom('people')
      .select('id')
      .where('province_code', '=', UNITS.hanoi)
      .execute();
    expect(byKey.people.count).toBe(people.length);
    // A province officer creates neither accounts nor facilities: those steps are the administrator's.
    expect([byKey.facilities.canAct, byKey.users.canAct, byKey.people.canAct]).toEqual([false, false, false]);
    expect(out.next).toBe(out.steps.find((s: { done: boolean }) => !s.done)?.key ?? null);
    const volunteer = await t.userAs('volunteer', 'commune', UNITS.baDinh);
    expect((await volunteer.call('GET', '/api/setup/first-steps')).statusCode).toBe(403);
  });
});
