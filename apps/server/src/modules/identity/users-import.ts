import { randomUUID } from 'node:crypto';
import type { Cell } from '@hoanhap/domain/import/headers';
import { normalizeVi } from '@hoanhap/domain/normalize';
import { vnToday } from '@hoanhap/domain/pathway-rules';
import { PHONE_MESSAGE, parseVnPhone } from '@hoanhap/domain/phone';
import { csvCell } from '@hoanhap/domain/text-safety';
import type { AppDeps } from '../../app-deps.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { AppError, Errors } from '../../platform/errors.ts';
import { type Actor, ROLE_SCOPES, ROLES, type Role, type ScopeKind } from '../../platform/policy.ts';
import { readTable } from '../imports/imports.parse.ts';
import { importsRepo } from '../imports/imports.repo.ts';
import { orgRepo } from '../org/org.repo.ts';
import { identityRepo, type UserRow } from './identity.repo.ts';
import { newUserRow } from './new-user.ts';
import { passwordContext, strongRandomPassword } from './password-strength.ts';
import { usersImportRepo } from './users-import.repo.ts';

// Import of staff accounts from one sheet (issue 14, setting up a province): columns username, name, role,
// unit (code or name) and phone. Preview checks every row (row, column, rule, Vietnamese and English message);
// commit re-reads the same file and creates the valid accounts in one transaction, each audited — while rows
// have errors only when the administrator asks to skip them (`skipErrors`), else it is refused as a whole. The
// batch is kept (import_batches, kind 'users') so that its author can undo it within 7 days while none of its
// accounts has logged in or been used. The one-time passwords are returned once (and as a CSV to hand out);
// only their hashes are stored.

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
    const phoneText = get('phone');
    const phoneParsed = phoneText ? parseVnPhone(phoneText) : null;
    const phone = phoneParsed?.ok ? phoneParsed.value : phoneText || null;
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
    if (phoneParsed && !phoneParsed.ok) err('phone', phoneParsed.rule, PHONE_MESSAGE.vi, PHONE_MESSAGE.en);
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

/**
 * Creates the valid accounts of a file in one transaction and records the batch; returns the one-time passwords
 * once. Rows in error are refused as a whole unless `skipErrors` (then they are skipped and listed).
 */
export async function commitUsersFile(
  deps: AppDeps,
  actor: Actor,
  fileName: string,
  data: Buffer,
  opts: { skipErrors?: boolean } = {},
) {
  const a = await analyseUsersFile(deps, fileName, data);
  const errorRows = a.rows.filter((r) => r.status === 'error');
  if (a.summary.total === 0)
    throw new AppError('import_empty', 422, { vi: 'Tệp không có dòng nào', en: 'The file has no rows' });
  if (a.summary.ok === 0)
    throw new AppError(
      'import_has_errors',
      422,
      {
        vi: `Không có dòng hợp lệ nào: ${a.summary.errors} dòng lỗi. Sửa tệp rồi tải lên lại`,
        en: `No valid row: ${a.summary.errors} rows have errors. Correct the file and upload it again`,
      },
      [],
      { rows: errorRows },
    );
  if (errorRows.length > 0 && !opts.skipErrors)
    throw new AppError(
      'import_has_errors',
      422,
      {
        vi: `Còn ${a.summary.errors} dòng lỗi: sửa tệp rồi tải lên lại, hoặc chỉ tạo ${a.summary.ok} tài khoản hợp lệ và bỏ qua các dòng lỗi`,
        en: `${a.summary.errors} rows have errors: correct the file and upload it again, or create only the ${a.summary.ok} valid accounts and skip the rows in error`,
      },
      [],
      { rows: errorRows },
    );
  const now = deps.now().toISOString();
  const today = vnToday(deps.now());
  const batchId = randomUUID();
  const made: { row: UserImportRow; user: UserRow; password: string }[] = [];
  for (const r of a.rows) {
    if (r.status !== 'ok') continue;
    const password = strongRandomPassword(passwordContext([r.username, r.fullName, r.unitName]));
    made.push({
      row: r,
      password,
      user: await newUserRow(
        { ...r, role: r.role!, scopeKind: r.scopeKind!, password, mustChangePassword: true },
        now,
      ),
    });
  }
  const summary = { total: a.summary.total, created: made.length, skipped: errorRows.length };
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
          importBatchId: batchId,
          row: m.row.row,
        },
      });
    }
    await importsRepo.insertBatch(trx, {
      id: batchId,
      kind: 'users',
      file_name: fileName,
      target_kind: actor.scopeKind,
      target_code: actor.scopeCode ?? '',
      status: 'committed',
      mapping: '[]',
      choices: '{}',
      summary: JSON.stringify(summary),
      created_by: actor.userId,
      created_at: now,
      committed_at: now,
      undone_at: null,
    });
    const userOf = new Map(made.map((m) => [m.row.row, m.user.id]));
    await importsRepo.insertRows(
      trx,
      a.rows.map((r) => {
        const { errors, ...data } = r;
        const userId = userOf.get(r.row) ?? null;
        return {
          batch_id: batchId,
          row_no: r.row,
          result: r.status,
          raw: '[]',
          data: JSON.stringify({ ...data, userId }),
          errors: errors.length ? JSON.stringify(errors) : null,
          action: userId ? 'created' : 'skipped',
          person_id: null,
          before: null,
        };
      }),
    );
    await audit(trx, actor, {
      action: 'users.import',
      entityType: 'import_batch',
      entityId: batchId,
      details: { file: fileName, created: made.length, skipped: errorRows.length },
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
    batchId,
    summary,
    skipped: errorRows,
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

const UNDO_DAYS = 7;

/** The author's own users imports, the most recent first (to find one to undo). */
export async function listUsersImports(deps: AppDeps, actor: Actor, page: number, pageSize: number) {
  const { items, total } = await importsRepo.batchesOf(
    deps.database.db,
    actor.userId,
    pageSize,
    (page - 1) * pageSize,
    'users',
  );
  const undoUntil = (at: string | null) =>
    at ? new Date(new Date(at).getTime() + UNDO_DAYS * 86_400_000).toISOString() : null;
  return {
    page,
    pageSize,
    total,
    items: items.map((b) => {
      const s = JSON.parse(b.summary) as { total?: number; created?: number; skipped?: number };
      return {
        id: b.id,
        fileName: b.file_name,
        status: b.status as 'committed' | 'undone',
        createdAt: b.created_at,
        undoneAt: b.undone_at,
        undoUntil: b.status === 'committed' ? undoUntil(b.committed_at) : null,
        total: s.total ?? 0,
        created: s.created ?? 0,
        skipped: s.skipped ?? 0,
      };
    }),
  };
}

/**
 * Undoes a users import as a whole: its author, within 7 days, while none of its accounts has logged in or is
 * pointed to by a record. Deletes the accounts (and their account periods), audited one by one and as a batch.
 */
export async function undoUsersImport(deps: AppDeps, actor: Actor, batchId: string) {
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const b = await importsRepo.batch(trx, batchId);
    if (b?.kind !== 'users' || b.created_by !== actor.userId)
      throw Errors.notFound({ vi: 'lần nhập người dùng', en: 'Users import' });
    if (b.status !== 'committed')
      throw Errors.conflict('import_not_committed', {
        vi: 'Lần nhập này đã được hủy',
        en: 'This import was already undone',
      });
    if (now.getTime() - new Date(b.committed_at!).getTime() > UNDO_DAYS * 86_400_000)
      throw Errors.conflict('import_undo_expired', {
        vi: `Chỉ hủy được lần nhập trong ${UNDO_DAYS} ngày`,
        en: `An import can only be undone within ${UNDO_DAYS} days`,
      });
    const ids = (await importsRepo.rows(trx, batchId))
      .filter((r) => r.action === 'created')
      .map((r) => (JSON.parse(r.data) as { userId: string }).userId);
    const names = new Map((await usersImportRepo.usernames(trx, ids)).map((u) => [u.id, u.username]));
    const used = await usersImportRepo.loggedIn(trx, ids);
    if (used.length)
      throw Errors.conflict('import_accounts_used', {
        vi: `Không hủy được: tài khoản đã đăng nhập (${used
          .map((id) => names.get(id) ?? id)
          .slice(0, 5)
          .join(', ')}). Hãy khóa từng tài khoản nếu cần`,
        en: `Cannot undo: accounts have logged in (${used
          .map((id) => names.get(id) ?? id)
          .slice(0, 5)
          .join(', ')}). Deactivate them one by one if needed`,
      });
    const referenced = await usersImportRepo.referenced(trx, ids);
    if (referenced.length)
      throw Errors.conflict('import_accounts_used', {
        vi: `Không hủy được: tài khoản đã được giao việc (${referenced
          .map((id) => names.get(id) ?? id)
          .slice(0, 5)
          .join(', ')})`,
        en: `Cannot undo: accounts have been given work (${referenced
          .map((id) => names.get(id) ?? id)
          .slice(0, 5)
          .join(', ')})`,
      });
    const present = ids.filter((id) => names.has(id));
    await usersImportRepo.deleteUsers(trx, present);
    await importsRepo.updateBatch(trx, batchId, { status: 'undone', undone_at: now.toISOString() });
    await auditMany(
      trx,
      actor,
      present.map((id) => ({
        action: 'user.delete',
        entityType: 'user',
        entityId: id,
        details: { username: names.get(id), importBatchId: batchId },
      })),
    );
    await audit(trx, actor, {
      action: 'users.import.undo',
      entityType: 'import_batch',
      entityId: batchId,
      details: { file: b.file_name, deleted: present.length },
    });
    return { deleted: present.length };
  });
}
