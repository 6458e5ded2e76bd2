import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, login } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

// The administrator of a new province imports its staff from a sheet: the preview names each wrong row and
// column; once corrected, the accounts are created and the one-time passwords file is downloaded.

const HEADER = 'Tên đăng nhập,Họ tên,Vai trò,Đơn vị,Điện thoại';

describe('importing users from a sheet', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const password = await server.addUser('system_admin', 'nation', null, 'qt.imp');
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await login(page, 'qt.imp', password);
    await page.getByTestId('current-user').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the wrong rows, then creates the accounts and downloads the passwords file', async () => {
    await page.goto('/users');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập người dùng từ tệp Excel' });
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'can-bo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\nimp.xa,Lê Văn Xã,Cán bộ UBND xã,00004,\nimp.x,Vai Lạ,Giám đốc,00004,\n`,
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('2 dòng: 1 hợp lệ, 1 lỗi').waitFor();
    await dialog.getByText('Vai trò: Vai trò không rõ: "Giám đốc"').waitFor();
    expect(await seriousViolations(page, 'users import preview')).toEqual([]);

    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'can-bo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\nimp.xa,Lê Văn Xã,Cán bộ UBND xã,00004,\nimp.tinh,Trần Tỉnh,Cán bộ tỉnh,01,\n`,
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('2 dòng: 2 hợp lệ, 0 lỗi').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Tạo 2 tài khoản' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mat-khau-mot-lan.csv');
    await dialog.getByText(/Đã tạo 2 tài khoản/).waitFor();
    const users = await server.deps.database.db
      .selectFrom('users')
      .select(['username', 'role'])
      .where('username', 'in', ['imp.xa', 'imp.tinh'])
      .orderBy('username')
      .execute();
    expect(users).toEqual([
      { username: 'imp.tinh', role: 'province_officer' },
      { username: 'imp.xa', role: 'commune_officer' },
    ]);
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates the valid rows and skips the wrong ones after a confirmation, then undoes the import', async () => {
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập người dùng từ tệp Excel' });
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'phuong-ba-dinh.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `${HEADER}\nbd.mot,Nguyễn Một,Cán bộ UBND xã,00004,0912 000 111\nbd.hai,Trần Hai,Công an xã,00004,0912 000\nbd.ba,Lê Ba,Công an xã,00004,\n`,
      ),
    });
    await dialog.getByRole('button', { name: 'Xem trước' }).click();
    await dialog.getByText('3 dòng: 2 hợp lệ, 1 lỗi').waitFor();
    await dialog.getByText(/^Điện thoại: Số điện thoại không đúng dạng Việt Nam/).waitFor();
    await dialog.getByRole('button', { name: 'Tạo 2 tài khoản hợp lệ, bỏ qua 1 dòng lỗi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bỏ qua các dòng lỗi?' });
    await confirm.waitFor();
    expect(await seriousViolations(page, 'users import: skip the rows in error?')).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      confirm.getByRole('button', { name: 'Tạo 2 tài khoản hợp lệ, bỏ qua 1 dòng lỗi' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mat-khau-mot-lan.csv');
    await dialog.getByText(/Đã tạo 2 tài khoản/).waitFor();
    await dialog
      .getByTestId('users-import-skipped')
      .getByText(/^Dòng 3, Điện thoại:/)
      .waitFor();
    expect(await seriousViolations(page, 'users import: valid rows created')).toEqual([]);
    const db = server.deps.database.db;
    const made = await db
      .selectFrom('users')
      .select(['username', 'phone'])
      .where('username', 'like', 'bd.%')
      .orderBy('username')
      .execute();
    expect(made).toEqual([
      { username: 'bd.ba', phone: null },
      { username: 'bd.mot', phone: '0912000111' },
    ]);
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await dialog.waitFor({ state: 'detached' });

    // Opened again: the recent imports, the latest first, each with its undo while allowed.
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await dialog.waitFor();
    const recent = dialog.getByTestId('users-import-recent');
    await recent.getByText(/^phuong-ba-dinh\.csv — .*: 2 tài khoản$/).waitFor();
    await recent.getByRole('button', { name: 'Hủy lần nhập' }).first().click();
    const undo = page.getByRole('dialog', { name: 'Hủy lần nhập người dùng?' });
    await undo.waitFor();
    expect(await undo.textContent()).toContain('Xóa 2 tài khoản đã tạo từ tệp phuong-ba-dinh.csv');
    expect(await seriousViolations(page, 'users import: undo confirmation')).toEqual([]);
    await undo.getByRole('button', { name: 'Hủy lần nhập' }).click();
    await dialog.getByText('Đã hủy lần nhập: xóa 2 tài khoản').waitFor();
    await recent.getByText(/^phuong-ba-dinh\.csv — .*: 2 tài khoản — đã hủy /).waitFor();
    expect(await db.selectFrom('users').select('id').where('username', 'like', 'bd.%').execute()).toEqual([]);
    expect(await seriousViolations(page, 'users import: undone')).toEqual([]);
  });
});
