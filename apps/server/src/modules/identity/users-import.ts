import { randomUUID } from 'node:crypto';
import type { Cell } from '@hoanhap/domain/import/headers';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { csvCell } from '@hoanhap/domain/text-safety';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, ROLE_SCOPES, ROLES, type Role, type ScopeKind } from '../../platform/policy.ts';
import { readTable } from '../imports/imports.parse.ts';
import { orgRepo } from '../org/org.repo.ts';
import { identityRepo, type UserRow } from './identity.repo.ts';
import { hashPassword } from './password.ts';
import { passwordContext, strongRandomPassword } from './password-strength.ts';

// Import of staff accounts from one sheet (issue 14, setting up a province): columns username, name, role,
// unit (code or name) and phone. Preview checks every row; commit re-reads the same file, refuses it while
// any row has an error, and creates all accounts in one transaction, each audited. The one-time passwords
// are returned once (and as a CSV to hand out); only their hashes are stored.

export type UserImportError = {
  row: number;
  column: string;
  rule: string;
  message: string;
  messageEn: string;
};
export type UserImportRow = {
  row: number;
  status: 'ok' | 'error';
  username: string;
  fullName: string;
  role: Role | null;
  scopeKind: ScopeKind | null;
  scopeCode: string | null;
  unitName: string | null;
  phone: string | null;
  errors: UserImportError[];
};

const ROLE_LABELS: Record<Role, string[]> = {
  system_admin: ['Quản trị hệ thống'],
  national_officer: ['Cán bộ trung ương', 'Cán bộ trung ương (C04)', 'C04'],
  province_officer: ['Cán bộ tỉnh', 'Cán bộ tỉnh (PC04)', 'PC04'],
  commune_officer: ['Cán bộ UBND xã', 'Cán bộ xã'],
  commune_police: ['Công an xã'],
  facility_staff: ['Cán bộ cơ sở cai nghiện', 'Cán bộ cơ sở'],
  facility_medical: ['Nhân viên y tế cơ sở', 'Y tế cơ sở'],
  volunteer: ['Tình nguyện viên'],
  auditor: ['Kiểm tra viên'],
};
const key = (s: string) => normalizeVi(s).replace(/\s+/g, ' ').trim();
const roleByKey = new Map<string, Role>();
for (const r of ROLES) {
  roleByKey.set(key(r), r);
  for (const l of ROLE_LABELS[r]) roleByKey.set(key(l), r);
}

const COLUMNS: Record<'username' | 'fullName' | 'role' | 'unit' | 'phone', string[]> = {
  username: ['username', 'tên đăng nhập', 'tai khoan', 'tài khoản'],
  fullName: ['name', 'full name', 'họ tên', 'họ và tên'],
  role: ['role', 'vai trò', 'chức năng'],
  unit: ['unit', 'unit code', 'đơn vị', 'mã đơn vị', 'phạm vi'],
  phone: ['phone', 'điện thoại', 'số điện thoại', 'sđt'],
};
const LABEL: Record<keyof typeof COLUMNS, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ tên',
  role: 'Vai trò',
  unit: 'Đơn vị',
  phone: 'Điện thoại',
};

const text = (c: Cell) => (c === null || c === undefined ? '' : c instanceof Date ? '' : String(c).trim());

export async function analyseUsersFile(deps: AppDeps, fileName: string, data: Buffer) {
  const { db } = deps.database;
  const table = await readTable(fileName, data);
  const headerIdx = table.rows.findIndex((r) =>
    r.some((c) => COLUMNS.username.map(key).includes(key(text(c)))),
  );
  if (headerIdx < 0)
    throw new AppError('no_header_row', 422, {
      vi: 'Không thấy dòng tiêu đề: cần các cột Tên đăng nhập, Họ tên, Vai trò, Đơn vị, Điện thoại',
      en: 'No header row: the columns username, name, role, unit, phone are needed',
    });
  const header = table.rows[headerIdx]!.map((c) => key(text(c)));
  const col = {} as Record<keyof typeof COLUMNS, number>;
  for (const f of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
    col[f] = header.findIndex((h) => COLUMNS[f].map(key).includes(h));

  const units = await orgRepo.currentUnits(db);
  const facilities = await identityRepo.facilityList(db);
  const existing = new Set(await identityRepo.usernames(db));
  const seen = new Map<string, number>();

  const out: UserImportRow[] = [];
  for (let i = headerIdx + 1; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    const get = (f: keyof typeof COLUMNS) => (col[f] >= 0 ? text(cells[col[f]]) : '');
    if ((Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).every((f) => !get(f))) continue;
    const row = i + 1;
    const errors: UserImportError[] = [];
    const err = (f: keyof typeof COLUMNS, rule: string, vi: string, en: string) =>
      errors.push({ row, column: LABEL[f], rule, message: vi, messageEn: en });
    const username = get('username').toLowerCase();
    const fullName = get('fullName').replace(/\s+/g, ' ');
    const phoneRaw = get('phone').replace(/[\s.-]/g, '');
    const phone = phoneRaw || null;
    if (!/^[a-z0-9._-]{3,64}$/.test(username))
      err(
        'username',
        'format',
        'Tên đăng nhập 3–64 ký tự: chữ thường, số, dấu . _ -',
        'Username: 3–64 of a-z 0-9 . _ -',
      );
    else if (existing.has(username))
      err('username', 'unique', 'Tên đăng nhập đã được dùng', 'Username already taken');
    else if (seen.has(username))
      err(
        'username',
        'duplicate_in_file',
        `Trùng tên đăng nhập với dòng ${seen.get(username)}`,
        `Same username as row ${seen.get(username)}`,
      );
    else seen.set(username, row);
    if (fullName.length < 2 || fullName.length > 120)
      err('fullName', 'length', 'Họ tên cần 2–120 ký tự', 'Name needs 2–120 characters');
    if (phone && !/^\+?\d{9,12}$/.test(phone))
      err(
        'phone',
        'format',
        'Số điện thoại không hợp lệ (9–12 chữ số)',
        'Invalid phone number (9–12 digits)',
      );
    const role = roleByKey.get(key(get('role'))) ?? null;
    if (!role)
      err('role', 'known_role', `Vai trò không rõ: "${get('role')}"`, `Unknown role: "${get('role')}"`);
    let scopeKind: ScopeKind | null = null;
    let scopeCode: string | null = null;
    let unitName: string | null = null;
    if (role) {
      const unit = get('unit');
      const kinds = ROLE_SCOPES[role];
      const kind =
        kinds.includes('nation') && !unit ? 'nation' : (kinds.find((k) => k !== 'nation') ?? 'nation');
      scopeKind = kind;
      if (kind === 'nation') unitName = 'Toàn quốc';
      else if (!unit) err('unit', 'required', 'Vai trò này cần đơn vị', 'This role needs a unit');
      else if (kind === 'facility') {
        const hits = facilities.filter((f) => f.id === unit || key(f.name) === key(unit));
        if (hits.length === 1) [scopeCode, unitName] = [hits[0]!.id, hits[0]!.name];
        else if (hits.length > 1)
          err(
            'unit',
            'ambiguous',
            `Nhiều cơ sở cùng tên "${unit}": hãy ghi mã`,
            `Several facilities named "${unit}": give the id`,
          );
        else err('unit', 'known_unit', `Không tìm thấy cơ sở "${unit}"`, `Unknown facility "${unit}"`);
      } else {
        const hits = units.filter((u) => u.level === kind && (u.code === unit || key(u.name) === key(unit)));
        if (hits.length === 1) [scopeCode, unitName] = [hits[0]!.code, hits[0]!.name];
        else if (hits.length > 1)
          err(
            'unit',
            'ambiguous',
            `Nhiều đơn vị cùng tên "${unit}": hãy ghi mã`,
            `Several units named "${unit}": give the code`,
          );
        else
          err(
            'unit',
            'known_unit',
            `Không tìm thấy ${kind === 'province' ? 'tỉnh' : 'xã'} "${unit}" (theo mã hoặc tên)`,
            `Unknown ${kind} "${unit}" (by code or name)`,
          );
      }
    }
    out.push({
      row,
      status: errors.length ? 'error' : 'ok',
      username,
      fullName,
      role,
      scopeKind,
      scopeCode,
      unitName,
      phone,
      errors,
    });
  }
  const summary = {
    total: out.length,
    ok: out.filter((r) => r.status === 'ok').length,
    errors: out.filter((r) => r.status === 'error').length,
  };
  return { rows: out, summary };
}

/** Creates every account of a file without errors, in one transaction; returns the one-time passwords once. */
export async function commitUsersFile(deps: AppDeps, actor: Actor, fileName: string, data: Buffer) {
  const a = await analyseUsersFile(deps, fileName, data);
  if (a.summary.errors > 0 || a.summary.total === 0)
    throw new AppError(
      'import_has_errors',
      422,
      a.summary.total === 0
        ? { vi: 'Tệp không có dòng nào', en: 'The file has no rows' }
        : {
            vi: `Còn ${a.summary.errors} dòng lỗi: sửa tệp rồi tải lên lại`,
            en: `${a.summary.errors} rows have errors: correct the file and upload it again`,
          },
      [],
      { rows: a.rows.filter((r) => r.status === 'error') },
    );
  const now = deps.now().toISOString();
  const today = vnToday(deps.now());
  const made: { row: UserImportRow; user: UserRow; password: string }[] = [];
  for (const r of a.rows) {
    const password = strongRandomPassword(passwordContext([r.username, r.fullName, r.unitName]));
    made.push({
      row: r,
      password,
      user: {
        id: randomUUID(),
        username: r.username,
        password_hash: await hashPassword(password),
        full_name: r.fullName,
        role: r.role!,
        scope_kind: r.scopeKind!,
        scope_code: r.scopeCode,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        login_locked_at: null,
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      },
    });
  }
  await deps.database.db.transaction().execute(async (trx) => {
    for (const m of made) {
      if (await identityRepo.findUserByUsername(trx, m.user.username))
        throw new AppError('username_taken', 409, {
          vi: `Tên đăng nhập "${m.user.username}" vừa được dùng: tải lên lại để xem trước`,
          en: `Username "${m.user.username}" was just taken: upload again to preview`,
        });
      await identityRepo.insertUser(trx, m.user);
      await identityRepo.openPeriod(trx, m.user, today);
      await audit(trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: m.user.id,
        details: {
          username: m.user.username,
          role: m.user.role,
          scope: `${m.user.scope_kind}:${m.user.scope_code ?? ''}`,
          import: fileName,
          row: m.row.row,
        },
      });
    }
    await audit(trx, actor, {
      action: 'users.import',
      entityType: 'user',
      entityId: null,
      details: { file: fileName, created: made.length },
    });
  });
  const header = ['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Đơn vị', 'Điện thoại', 'Mật khẩu dùng một lần'];
  const csv = `\uFEFF${[
    header,
    ...made.map((m) => [
      m.row.username,
      m.row.fullName,
      m.row.role!,
      m.row.unitName ?? '',
      m.row.phone ?? '',
      m.password,
    ]),
  ]
    .map((l) => l.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
  return {
    created: made.map((m) => ({
      row: m.row.row,
      id: m.user.id,
      username: m.row.username,
      fullName: m.row.fullName,
      role: m.row.role!,
      unitName: m.row.unitName,
      phone: m.row.phone,
      initialPassword: m.password,
    })),
    passwordsCsv: csv,
  };
}
